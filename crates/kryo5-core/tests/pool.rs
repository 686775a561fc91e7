//! `kryo5_core::pool`: reuse, reset, capacity, discard, peak, guards and
//! sharing between threads. The interleavings themselves are checked by the
//! loom models in `pool_loom.rs`.

mod common;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst};

use common::{Token, dropped_ids, token_pool};
use kryo5_core::Kryo;
use kryo5_core::pool::{Pool, Pooled};
use kryo5_io::{Input, Output};

#[test]
fn pool_is_send_and_sync_for_send_objects() {
    fn shareable<P: Send + Sync>() {}
    shareable::<Pool<Output>>();
    shareable::<Pool<Token>>();
    shareable::<Pooled<Output, Arc<Pool<Output>>>>();
}

#[test]
fn obtain_makes_only_when_nothing_is_free_and_reuses_in_lifo_order() {
    let (pool, counters) = token_pool(None);
    let a = pool.obtain();
    let b = pool.obtain();
    assert_eq!((a.id, b.id), (0, 1));
    assert_eq!(counters.created.load(SeqCst), 2);
    pool.free(a);
    pool.free(b);
    // The most recently freed object comes back first (warmest cache).
    assert_eq!(pool.obtain().id, 1);
    assert_eq!(pool.obtain().id, 0);
    assert_eq!(counters.created.load(SeqCst), 2, "reused, not made");
    assert_eq!(pool.obtain().id, 2, "made once the pool is empty");
}

#[test]
fn free_resets_every_object_kept_or_dropped() {
    let (pool, counters) = token_pool(Some(1));
    let mut a = pool.obtain();
    let mut b = pool.obtain();
    a.used = true;
    b.used = true;
    assert!(pool.free(a));
    assert!(!pool.free(b), "pool full: dropped");
    assert_eq!(counters.resets.load(SeqCst), 2);
    assert_eq!(dropped_ids(&counters), [1]);
    let again = pool.obtain();
    assert_eq!(again.id, 0);
    assert!(!again.used, "reset before it was kept");
}

#[test]
fn capacity_bounds_the_free_objects_not_the_objects_in_use() {
    let (pool, counters) = token_pool(Some(3));
    let out: Vec<Token> = (0..10).map(|_| pool.obtain()).collect();
    assert_eq!(counters.created.load(SeqCst), 10);
    let kept = out.into_iter().map(|t| pool.free(t));
    assert_eq!(kept.filter(|&k| k).count(), 3);
    assert_eq!(pool.free_count(), 3);
    assert_eq!(pool.peak(), 3);
    assert_eq!(dropped_ids(&counters), [3, 4, 5, 6, 7, 8, 9]);
}

#[test]
fn zero_capacity_keeps_nothing() {
    let (pool, counters) = token_pool(Some(0));
    let t = pool.obtain();
    assert!(!pool.free(t));
    assert_eq!(pool.free_count(), 0);
    assert_eq!(counters.resets.load(SeqCst), 1);
    assert_eq!(pool.obtain().id, 1);
}

#[test]
fn discard_if_drops_matching_objects_after_reset() {
    let seen_reset = Arc::new(AtomicBool::new(false));
    let s = Arc::clone(&seen_reset);
    let pool = Pool::builder(|| Output::with_capacity(16))
        .reset(Output::reset)
        .discard_if(move |out: &Output| {
            // The predicate sees the object after its reset.
            s.store(out.position() == 0, SeqCst);
            out.capacity() > 64
        })
        .build();
    let mut small = pool.obtain();
    small.write_int(1).unwrap();
    assert!(pool.free(small));
    assert!(seen_reset.load(SeqCst));

    let mut big = pool.obtain();
    big.write_bytes(&[7; 100]).unwrap();
    assert!(big.capacity() > 64);
    assert!(!pool.free(big), "grown past 64 bytes: discarded");
    assert_eq!(pool.free_count(), 0);
    assert_eq!(pool.obtain().capacity(), 16, "a fresh output was made");
}

#[test]
fn builder_without_reset_keeps_objects_as_they_are() {
    let pool = Pool::builder(Vec::<u8>::new).max_capacity(2).build();
    pool.free(vec![1, 2]);
    assert_eq!(pool.obtain(), [1, 2]);
    let debug = format!("{pool:?}");
    assert!(debug.contains("max_capacity: 2"), "{debug}");
}

#[test]
fn peak_tracks_the_most_free_objects_and_restarts_from_the_current_count() {
    let pool = Pool::new(String::new);
    assert_eq!(pool.peak(), 0);
    let all: Vec<String> = (0..4).map(|_| pool.obtain()).collect();
    for s in all {
        pool.free(s);
    }
    assert_eq!(pool.peak(), 4);
    pool.obtain();
    pool.obtain();
    assert_eq!((pool.free_count(), pool.peak()), (2, 4));
    pool.reset_peak();
    assert_eq!(pool.peak(), 2);
    pool.free(String::new());
    assert_eq!(pool.peak(), 3);
    pool.clear();
    assert_eq!((pool.free_count(), pool.peak()), (0, 3));
}

#[test]
fn clear_drops_free_objects_only() {
    let (pool, counters) = token_pool(None);
    let in_use = pool.obtain();
    let free = pool.obtain();
    pool.free(free);
    pool.clear();
    assert_eq!(dropped_ids(&counters), [1]);
    assert!(
        pool.free(in_use),
        "an object in use may be freed after clear"
    );
    assert_eq!(pool.obtain().id, 0);
}

#[test]
fn guard_frees_on_drop_and_into_inner_detaches() {
    let (pool, counters) = token_pool(None);
    {
        let mut t = pool.get();
        t.used = true;
        assert_eq!(t.id, 0);
        assert_eq!(pool.free_count(), 0);
    }
    assert_eq!(pool.free_count(), 1);
    assert_eq!(counters.resets.load(SeqCst), 1);

    let t = pool.get();
    assert_eq!(Pooled::pool(&t).free_count(), 0);
    let owned = Pooled::into_inner(t);
    assert_eq!(owned.id, 0);
    assert_eq!(pool.free_count(), 0, "into_inner does not free");
    assert_eq!(counters.resets.load(SeqCst), 1);
    drop(owned);
    assert_eq!(dropped_ids(&counters), [0]);
}

#[test]
fn guard_dropped_by_a_panic_drops_its_object() {
    let (pool, counters) = token_pool(None);
    let result = catch_unwind(AssertUnwindSafe(|| {
        let _t = pool.get();
        panic!("while using the object");
    }));
    assert!(result.is_err());
    assert_eq!(pool.free_count(), 0);
    assert_eq!(counters.resets.load(SeqCst), 0);
    assert_eq!(dropped_ids(&counters), [0]);
    // The pool still works.
    drop(pool.get());
    assert_eq!(pool.free_count(), 1);
}

#[test]
fn a_panicking_reset_loses_the_object_but_not_the_pool() {
    let pool = Pool::builder(|| 0u32)
        .reset(|n: &mut u32| assert!(*n != 13, "unlucky"))
        .build();
    let result = catch_unwind(AssertUnwindSafe(|| pool.free(13)));
    assert!(result.is_err());
    assert_eq!(pool.free_count(), 0);
    assert!(pool.free(1));
    assert_eq!(pool.obtain(), 1);
}

#[test]
fn pooled_outputs_come_back_reset_with_their_buffer() {
    let pool = Pool::bounded(4, || Output::with_capacity(8));
    let mut out = pool.get();
    out.write_string(Some("a string longer than eight bytes"))
        .unwrap();
    let grown = out.capacity();
    assert!(grown > 8);
    drop(out);
    let out = pool.get();
    assert_eq!((out.position(), out.total()), (0, 0));
    assert_eq!(out.capacity(), grown, "the grown buffer is reused");
}

#[test]
fn pooled_kryo_forgets_its_graph_and_keeps_its_registrations() {
    let pool = Pool::new(|| {
        let mut kryo = Kryo::new();
        kryo.set_references(true);
        kryo
    });
    let mut kryo = pool.get();
    *kryo.graph_context::<Vec<u8>>() = vec![1, 2];
    let mut out = Output::new();
    kryo.write_class_and_object(&mut out, Some(&5i32)).unwrap();
    let bytes = out.into_vec();
    drop(kryo);

    let mut kryo = pool.get();
    assert!(kryo.graph_context::<Vec<u8>>().is_empty(), "graph reset");
    assert!(kryo.references(), "settings kept");
    let mut input = Input::new(&bytes);
    let any = kryo.read_class_and_object(&mut input).unwrap().unwrap();
    assert_eq!(any.downcast_ref::<i32>(), Some(&5));
}

#[test]
fn a_pool_of_kryo_serves_threads() {
    let pool = Pool::bounded(2, || {
        let mut kryo = Kryo::new();
        kryo.set_references(true);
        kryo
    });
    let outputs: Vec<Vec<u8>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|i: i32| {
                let pool = &pool;
                s.spawn(move || {
                    let mut kryo = pool.get();
                    let mut out = Output::new();
                    kryo.write_class_and_object(&mut out, Some(&i)).unwrap();
                    out.into_vec()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    // int (id 0 -> 02), no reference marker for wrappers, zigzag i.
    assert_eq!(
        outputs,
        [[0x02, 0x00], [0x02, 0x02], [0x02, 0x04], [0x02, 0x06]]
    );
    assert!(pool.free_count() <= 2);
}

#[test]
fn threads_never_share_an_object_and_every_object_is_accounted_for() {
    const THREADS: usize = 8;
    const ROUNDS: usize = 2000;
    let (pool, counters) = token_pool(Some(4));
    let frees = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| {
                for round in 0..ROUNDS {
                    let mut t = if round % 2 == 0 {
                        Pooled::into_inner(pool.get())
                    } else {
                        pool.obtain()
                    };
                    t.start_use();
                    std::hint::black_box(&t);
                    t.end_use();
                    pool.free(t);
                    frees.fetch_add(1, SeqCst);
                    assert!(pool.free_count() <= 4);
                }
            });
        }
    });
    let created = counters.created.load(SeqCst);
    assert!((1..=THREADS).contains(&created), "made {created}");
    assert_eq!(counters.resets.load(SeqCst), frees.load(SeqCst));
    assert!(pool.peak() <= 4);
    assert!(pool.free_count() >= 1);
    pool.clear();
    // Every object made was dropped exactly once: by a full pool or by clear.
    assert_eq!(dropped_ids(&counters), (0..created).collect::<Vec<_>>());
}

#[test]
fn owned_guards_move_into_spawned_threads() {
    let pool = Arc::new(Pool::bounded(2, || Output::with_capacity(64)));
    // All four taken before any thread can free one: four objects exist.
    let guards: Vec<_> = (0..4).map(|_| pool.get_owned()).collect();
    let handles: Vec<_> = guards
        .into_iter()
        .zip(0..)
        .map(|(mut out, n)| {
            std::thread::spawn(move || {
                out.write_int(n).unwrap();
                out.to_vec()
            })
        })
        .collect();
    for (n, h) in handles.into_iter().enumerate() {
        assert_eq!(h.join().unwrap(), (n as i32).to_le_bytes());
    }
    assert_eq!(pool.free_count(), 2);
    assert_eq!(Arc::strong_count(&pool), 1, "guards released their Arc");
}
