//! Bad input to the collection and map serializers: declared sizes far
//! beyond the input fail with a typed error and never allocate for them
//! (format spec 12); truncations and corruptions never panic.
//!
//! A counting global allocator records the largest single allocation made
//! while reading.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use kryo5::io::{Input, Output};
use kryo5::serializers::hash::{HashMap, HashSet};
use kryo5::serializers::immutable::{ImmutableList, ImmutableMap, ImmutableSet};
use kryo5::serializers::list::{ArrayList, LinkedHashSet, LinkedList};
use kryo5::serializers::map::LinkedHashMap;
use kryo5::serializers::sorted::{TreeMap, TreeSet};
use kryo5::{Error, ErrorKind, Kryo, KryoType, Object};

/// The system allocator, recording the largest allocation.
struct Tracking;

static LARGEST: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to `System`, only recording sizes.
unsafe impl GlobalAlloc for Tracking {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LARGEST.fetch_max(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract for `layout` is `System`'s.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LARGEST.fetch_max(new_size, Ordering::Relaxed);
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Tracking = Tracking;

type Obj = Box<dyn Object>;

/// The largest allocation `f` may make: far below what a declared 2^31
/// elements would need, above the reader's own small buffers.
const BUDGET: usize = 1 << 20;

/// Reads `bytes` as a `T` (with its class), expecting an error, and checks
/// no allocation exceeded [`BUDGET`].
fn refuse<T: KryoType + std::fmt::Debug>(what: &str, kryo: &mut Kryo, bytes: &[u8]) -> Error {
    // Tests run on several threads: the tracker is global, so measure
    // twice and take the smaller reading (another test's allocation does
    // not repeat in the same window twice).
    let mut largest = usize::MAX;
    let mut error = None;
    for _ in 0..2 {
        LARGEST.store(0, Ordering::Relaxed);
        let r = kryo.read_object::<T, _>(&mut Input::new(bytes));
        largest = largest.min(LARGEST.load(Ordering::Relaxed));
        error = Some(r.expect_err(what));
    }
    assert!(
        largest <= BUDGET,
        "{what}: allocated {largest} bytes reading {} bytes",
        bytes.len()
    );
    error.unwrap()
}

fn with(prefix: impl FnOnce(&mut Output), rest: &[u8]) -> Vec<u8> {
    let mut out = Output::new();
    prefix(&mut out);
    out.write_bytes(rest).unwrap();
    out.into_vec()
}

/// Collection header: vflag(flag, size + 1).
fn coll(flag: bool, rest: &[u8]) -> Vec<u8> {
    with(
        |o| {
            o.write_var_int_flag(flag, i32::MAX, true).unwrap();
        },
        rest,
    )
}

/// Map header: uvarint(size + 1).
fn map(rest: &[u8]) -> Vec<u8> {
    with(
        |o| {
            o.write_var_int(i32::MAX, true).unwrap();
        },
        rest,
    )
}

/// A Kryo that does not require registration: these tests read collection
/// classes they never register (Java's `getRegistration` would refuse them
/// first otherwise).
fn lenient() -> Kryo {
    let mut k = Kryo::new();
    k.set_registration_required(false);
    k
}

fn is_end(e: &Error) -> bool {
    matches!(
        e.kind(),
        ErrorKind::Buffer(kryo5::io::ErrorKind::UnexpectedEnd { .. })
    )
}

#[test]
fn huge_collections_fail_without_allocating() {
    let mut k = lenient();
    // One class for all elements (Integer), not null, two present.
    let ints = coll(true, &[0x02, 0x00, 0x02, 0x04]);
    assert!(is_end(&refuse::<ArrayList<i32>>(
        "ArrayList",
        &mut k,
        &ints
    )));
    assert!(is_end(&refuse::<LinkedList<i32>>(
        "LinkedList",
        &mut k,
        &ints
    )));
    assert!(is_end(&refuse::<LinkedHashSet<i32>>(
        "LinkedHashSet",
        &mut k,
        &ints
    )));
    assert!(is_end(&refuse::<HashSet<i32>>("HashSet", &mut k, &ints)));
    assert!(is_end(&refuse::<ArrayList<Option<Obj>>>(
        "ArrayList<Object>",
        &mut k,
        &ints
    )));
    // Mixed classes: a class per element.
    let mixed = coll(false, &[0x02, 0x02, 0x03, 0x82, b'a']);
    assert!(is_end(&refuse::<ArrayList<Option<Obj>>>(
        "mixed", &mut k, &mixed
    )));
    // TreeSet: the comparator (null) first.
    let tree = coll(true, &[0x00, 0x02, 0x00, 0x02]);
    assert!(is_end(&refuse::<TreeSet<i32>>("TreeSet", &mut k, &tree)));
    // List.of: no null flag.
    let imm = with(
        |o| {
            o.write_var_int(i32::MAX, true).unwrap();
        },
        &[0x02, 0x02, 0x04],
    );
    assert!(is_end(&refuse::<ImmutableList<Obj>>(
        "List.of", &mut k, &imm
    )));
    assert!(is_end(&refuse::<ImmutableSet<Obj>>("Set.of", &mut k, &imm)));
    // 2^31 - 2 nulls declared in six bytes: refused outright.
    let nulls = coll(true, &[0x00]);
    let kind = refuse::<ArrayList<Option<i32>>>("all null", &mut k, &nulls);
    assert!(matches!(kind.kind(), ErrorKind::InvalidData(_)), "{kind}");
}

#[test]
fn huge_maps_fail_without_allocating() {
    let mut k = lenient();
    // Key String "a", value Integer 1, then the input ends.
    let entries = map(&[0x03, 0x82, b'a', 0x02, 0x02]);
    assert!(is_end(&refuse::<HashMap<Obj, Obj>>(
        "HashMap", &mut k, &entries
    )));
    assert!(is_end(&refuse::<LinkedHashMap<Obj, Obj>>(
        "LinkedHashMap",
        &mut k,
        &entries
    )));
    assert!(is_end(&refuse::<ImmutableMap<Obj, Obj>>(
        "Map.of", &mut k, &entries
    )));
    let sorted = map(&[0x00, 0x03, 0x82, b'a', 0x02, 0x02]);
    assert!(is_end(&refuse::<TreeMap<Obj, Obj>>(
        "TreeMap", &mut k, &sorted
    )));
    // Typed keys and values (a field declared Map<String, Integer>).
    let typed = map(&[0x82, b'a', 0x01, 0x02]);
    LARGEST.store(0, Ordering::Relaxed);
    let r = k.read_object_args::<HashMap<String, i32>, _>(&mut Input::new(&typed), true);
    assert!(is_end(&r.unwrap_err()));
    assert!(LARGEST.load(Ordering::Relaxed) <= BUDGET);
}

#[test]
fn negative_sizes_and_wrong_classes_are_typed_errors() {
    let mut k = lenient();
    let negative = with(
        |o| {
            o.write_var_int(-7, true).unwrap();
        },
        &[],
    );
    let kind = refuse::<HashMap<String, String>>("negative map", &mut k, &negative);
    assert!(matches!(kind.kind(), ErrorKind::InvalidData(_)), "{kind}");
    let negative = with(
        |o| {
            o.write_var_int_flag(false, -7, true).unwrap();
        },
        &[],
    );
    let kind = refuse::<ArrayList<String>>("negative list", &mut k, &negative);
    assert!(matches!(kind.kind(), ErrorKind::InvalidData(_)), "{kind}");
    // One class for all elements: String, but the Rust type holds i32.
    let strings = [0x83, 0x03, 0x00, 0x82, b'a', 0x82, b'b'];
    let kind = refuse::<ArrayList<i32>>("wrong element class", &mut k, &strings);
    assert!(matches!(kind.kind(), ErrorKind::WrongType { .. }), "{kind}");
}

#[test]
fn truncations_and_corruptions_never_panic() {
    let mut k = lenient();
    k.register::<ArrayList<Option<Obj>>>();
    let mut out = Output::new();
    let map: HashMap<String, Option<ArrayList<Option<Obj>>>> = vec![
        (
            "a".to_string(),
            Some(ArrayList(vec![Some(Box::new(1i32) as Obj), None])),
        ),
        ("b".to_string(), None),
    ]
    .into();
    k.write_object(&mut out, &map).unwrap();
    let bytes = out.into_vec();
    for len in 0..bytes.len() {
        let r = k.read_object::<HashMap<String, Option<ArrayList<Option<Obj>>>>, _>(
            &mut Input::new(&bytes[..len]),
        );
        assert!(r.is_err(), "truncated to {len}");
    }
    let mut bad = bytes.clone();
    for i in 0..bytes.len() {
        for b in [0x00, 0x01, 0x7f, 0x80, 0xff] {
            bad[i] = b;
            let _ = k.read_object::<HashMap<String, Option<ArrayList<Option<Obj>>>>, _>(
                &mut Input::new(&bad),
            );
        }
        bad[i] = bytes[i];
    }
    let back: HashMap<String, Option<ArrayList<Option<Obj>>>> =
        k.read_object(&mut Input::new(&bytes)).unwrap();
    assert_eq!(format!("{back:?}"), format!("{map:?}"));
}
