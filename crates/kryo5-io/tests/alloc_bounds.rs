//! Reads allocate no more than their input can back: a declared length of
//! 2^28 elements over a few bytes allocates nothing proportional to it,
//! from a slice or from a stream. A test binary of its own, so the counting
//! allocator sees no other test's allocations.

mod common;

use common::Trickle;
use kryo5_io::Input;

/// Counts heap bytes allocated by this test binary, to prove that reads
/// allocate no more than the input can back.
mod alloc_bound {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicUsize, Ordering};

    pub(crate) struct Counting;
    pub(crate) static PEAK_REQUEST: AtomicUsize = AtomicUsize::new(0);

    // SAFETY: every call is forwarded unchanged to the system allocator;
    // the only addition is a relaxed atomic update, which cannot violate
    // any allocator invariant.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            PEAK_REQUEST.fetch_max(layout.size(), Ordering::Relaxed);
            // SAFETY: the caller upholds `alloc`'s contract; we pass it on.
            unsafe { System.alloc(layout) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            // SAFETY: `ptr` was allocated by `System` with this layout.
            unsafe { System.dealloc(ptr, layout) }
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            PEAK_REQUEST.fetch_max(new_size, Ordering::Relaxed);
            // SAFETY: the caller upholds `realloc`'s contract; we pass it on.
            unsafe { System.realloc(ptr, layout, new_size) }
        }
    }

    #[global_allocator]
    static GLOBAL: Counting = Counting;
}

#[test]
fn no_read_allocates_more_than_the_input_backs() {
    use std::sync::atomic::Ordering;
    // Every declared size below is ~2^28 elements over a few bytes of input.
    let n = 1usize << 28;
    let tiny = [1u8, 2, 3, 4, 5];
    alloc_bound::PEAK_REQUEST.store(0, Ordering::Relaxed);
    let mut slice = Input::new(&tiny);
    assert!(slice.read_bytes(n).is_err());
    assert!(slice.read_ints(n).is_err());
    assert!(slice.read_var_longs_into(&mut [0; 0], true).is_ok());
    assert!(slice.read_longs_var_or_fixed(n, true).is_err());
    assert!(slice.read_booleans(n).is_err());
    for make in [1usize, 7] {
        let mut stream = Input::from_reader_capacity(
            Trickle {
                data: &tiny,
                step: make,
            },
            64,
        );
        assert!(stream.read_ints(n).is_err());
        let mut stream = Input::from_reader_capacity(
            Trickle {
                data: &tiny,
                step: make,
            },
            64,
        );
        assert!(stream.read_bytes(n).is_err());
        let mut stream = Input::from_reader_capacity(
            Trickle {
                data: &tiny,
                step: make,
            },
            64,
        );
        assert!(stream.read_ints_var_or_fixed(n, false).is_err());
    }
    // String header claiming 2^28 units, then a few bytes.
    let s = [0xc1, 0x80, 0x80, 0x80, 0x01, b'a', b'b'];
    assert!(Input::new(&s).read_string().is_err());
    assert!(
        Input::from_reader(Trickle { data: &s, step: 1 })
            .read_string()
            .is_err()
    );
    let peak = alloc_bound::PEAK_REQUEST.load(Ordering::Relaxed);
    // The stream buffers (64 bytes, Java's 4096 default) and small vectors
    // are all that may be allocated: nothing proportional to 2^28.
    assert!(
        peak <= 64 * 1024,
        "largest single allocation was {peak} bytes"
    );
}
