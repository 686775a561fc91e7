//! Object-level reads allocate no more than their input can back: arrays,
//! nested arrays, big numbers, bit sets and enum sets declaring 2^31
//! elements over a few bytes fail without allocating for them. A test
//! binary of its own, so the counting allocator sees no other test's
//! allocations.

use kryo5::io::Input;
use kryo5::serializers::bitset::BitSet;
use kryo5::serializers::math::{JavaBigDecimal, JavaBigInteger};
use kryo5::{Kryo, KryoType, Object};

/// Tracks the peak of live heap bytes of this test binary.
mod live {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicUsize, Ordering};

    pub(crate) struct Counting;
    pub(crate) static LIVE: AtomicUsize = AtomicUsize::new(0);
    pub(crate) static PEAK: AtomicUsize = AtomicUsize::new(0);

    fn grow(n: usize) {
        let now = LIVE.fetch_add(n, Ordering::Relaxed) + n;
        PEAK.fetch_max(now, Ordering::Relaxed);
    }

    // SAFETY: every call is forwarded unchanged to the system allocator;
    // the only additions are relaxed atomic updates, which cannot violate
    // any allocator invariant.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            grow(layout.size());
            // SAFETY: the caller upholds `alloc`'s contract; we pass it on.
            unsafe { System.alloc(layout) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            // SAFETY: `ptr` was allocated by `System` with this layout.
            unsafe { System.dealloc(ptr, layout) }
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            grow(new_size);
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            // SAFETY: the caller upholds `realloc`'s contract; we pass it on.
            unsafe { System.realloc(ptr, layout, new_size) }
        }
    }

    #[global_allocator]
    static GLOBAL: Counting = Counting;
}

/// The peak of live bytes above the baseline while `f` runs.
fn peak_during(f: impl FnOnce()) -> usize {
    use std::sync::atomic::Ordering;
    let base = live::LIVE.load(Ordering::Relaxed);
    live::PEAK.store(base, Ordering::Relaxed);
    f();
    live::PEAK.load(Ordering::Relaxed) - base
}

/// Reads `T` from `bytes`, expecting an error, and returns the peak.
fn failing_read<T: KryoType>(kryo: &mut Kryo, bytes: &[u8]) -> usize {
    peak_during(|| {
        assert!(kryo.read_object::<T, _>(&mut Input::new(bytes)).is_err());
    })
}

/// Held by each test: the counter is global, so tests measure one at a time.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// `uvarint(2^31 - 1)`: an array of 2^31 - 2 elements.
const HUGE: [u8; 5] = [0xff, 0xff, 0xff, 0xff, 0x07];

#[test]
fn declared_lengths_are_not_trusted() {
    let _one = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut kryo = Kryo::new();
    let limit = 64 * 1024;
    let mut tail = HUGE.to_vec();
    tail.extend_from_slice(&[1, 2, 3, 4, 5, 6, 7, 8]);
    let peaks = [
        failing_read::<Vec<i32>>(&mut kryo, &tail),
        failing_read::<Vec<i64>>(&mut kryo, &tail),
        failing_read::<Vec<f64>>(&mut kryo, &tail),
        failing_read::<Vec<u8>>(&mut kryo, &tail),
        failing_read::<Vec<i8>>(&mut kryo, &tail),
        failing_read::<Vec<bool>>(&mut kryo, &tail),
        failing_read::<Vec<u16>>(&mut kryo, &tail),
        failing_read::<Vec<i16>>(&mut kryo, &tail),
        failing_read::<Vec<f32>>(&mut kryo, &tail),
        failing_read::<Vec<String>>(&mut kryo, &tail),
        failing_read::<Vec<Option<String>>>(&mut kryo, &tail),
        failing_read::<Vec<Option<Vec<i64>>>>(&mut kryo, &tail),
        failing_read::<Vec<Option<i32>>>(&mut kryo, &tail),
        failing_read::<Vec<Box<dyn Object>>>(&mut kryo, &tail),
        failing_read::<[i32; 3]>(&mut kryo, &tail),
        failing_read::<JavaBigInteger>(&mut kryo, &tail),
        failing_read::<JavaBigDecimal>(&mut kryo, &tail),
        failing_read::<BitSet>(&mut kryo, &tail),
    ];
    for (i, p) in peaks.iter().enumerate() {
        assert!(*p < limit, "read {i} peaked at {p} bytes");
    }
}

#[test]
fn nested_arrays_do_not_each_reserve_for_the_input() {
    let _one = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    // Six levels, each declaring 2^31 - 2 elements, over 1 MB of input
    // whose first element is malformed (null marker 05): no level may
    // reserve in proportion to the input left.
    type Deep = Vec<Vec<Vec<Vec<Vec<Vec<Option<i32>>>>>>>;
    let mut bytes = HUGE.repeat(6);
    bytes.resize(bytes.len() + (1 << 20), 0x05);
    let mut kryo = Kryo::new();
    let peak = failing_read::<Deep>(&mut kryo, &bytes);
    assert!(peak < 64 * 1024, "peaked at {peak} bytes");
}
