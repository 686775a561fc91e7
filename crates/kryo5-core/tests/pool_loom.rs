//! Loom models of `kryo5_core::pool::Pool`: every interleaving of a few
//! threads obtaining and freeing, with the pool's lock swapped for loom's.
//!
//! ```sh
//! RUSTFLAGS="--cfg loom" CARGO_TARGET_DIR=target/loom \
//!     cargo test -p kryo5-core --test pool_loom --release
//! ```
#![cfg(loom)]

mod common;

use std::sync::atomic::Ordering::SeqCst;

use common::{Counters, Token, dropped_ids, token_pool};
use kryo5_core::pool::Pool;
use loom::sync::Arc;
use loom::thread;

/// One use of a pooled object: obtain (through a guard or not), check it
/// is reset and held by no one else, free it. Returns whether the pool kept
/// it (always true for a guard, whose result is not reported).
fn use_once(pool: &Pool<Token>, guard: bool) -> bool {
    if guard {
        let mut t = pool.get();
        t.start_use();
        t.end_use();
        true
    } else {
        let mut t = pool.obtain();
        t.start_use();
        t.end_use();
        pool.free(t)
    }
}

/// Runs `check` under loom on a fresh pool of tokens (bounded by `max` if
/// given), then checks that every object made is dropped exactly once by
/// the end (after `clear`): nothing lost, nothing duplicated.
fn model(max: Option<usize>, check: fn(&Arc<Pool<Token>>, &Counters)) {
    loom::model(move || {
        let (pool, counters) = token_pool(max);
        let pool = Arc::new(pool);
        check(&pool, &counters);
        pool.clear();
        let created = counters.created.load(SeqCst);
        assert_eq!(dropped_ids(&counters), (0..created).collect::<Vec<_>>());
    });
}

/// Runs `work` on a new loom thread for each of `items` and `here` on the
/// current thread meanwhile; returns the threads' results in order.
fn concurrently<I: Send + 'static, R: Send + 'static>(
    pool: &Arc<Pool<Token>>,
    items: [I; 2],
    work: fn(&Pool<Token>, I) -> R,
    here: impl FnOnce(),
) -> Vec<R> {
    let handles: Vec<_> = items
        .into_iter()
        .map(|item| {
            let pool = Arc::clone(pool);
            thread::spawn(move || work(&pool, item))
        })
        .collect();
    here();
    handles.into_iter().map(|h| h.join().unwrap()).collect()
}

#[test]
fn concurrent_obtain_and_free_never_lose_or_duplicate_an_object() {
    model(Some(1), |pool, counters| {
        concurrently(pool, [false, true], use_once, || {
            use_once(pool, false);
        });
        let created = counters.created.load(SeqCst);
        assert!((1..=3).contains(&created), "made {created}");
        assert_eq!(pool.free_count(), 1);
    });
}

#[test]
fn capacity_is_never_exceeded() {
    model(Some(1), |pool, counters| {
        let work = |pool: &Pool<Token>, ()| {
            let kept = use_once(pool, false);
            assert!(pool.free_count() <= 1);
            kept
        };
        let kept = concurrently(pool, [(), ()], work, || {});
        let kept = kept.into_iter().filter(|&k| k).count();
        assert!(pool.peak() <= 1);
        // Free objects = kept by `free` minus those obtained again.
        let reused = 2 - counters.created.load(SeqCst);
        assert_eq!(pool.free_count(), kept - reused);
        assert_eq!(pool.free_count(), 1);
    });
}

#[test]
fn reset_runs_on_every_free() {
    model(Some(1), |pool, counters| {
        // The main thread's token is freed concurrently with two uses:
        // kept or dropped, each free resets.
        let mut held = pool.obtain();
        held.start_use();
        held.end_use();
        concurrently(pool, [false, true], use_once, || {
            pool.free(held);
        });
        assert_eq!(counters.resets.load(SeqCst), 3);
        // What is left free was reset: `start_use` checks.
        let mut t = pool.obtain();
        t.start_use();
        t.end_use();
        drop(t);
    });
}

#[test]
fn peak_is_the_most_free_objects_held() {
    model(None, |pool, counters| {
        let (a, b) = (pool.obtain(), pool.obtain());
        let work = |pool: &Pool<Token>, t| {
            pool.free(t);
            // Read the count first: the peak read later covers it.
            let free = pool.free_count();
            let peak = pool.peak();
            assert!((1..=2).contains(&free) && peak >= free, "{free} {peak}");
            use_once(pool, false);
            assert!(pool.peak() >= peak, "the peak only grows");
        };
        concurrently(pool, [a, b], work, || {});
        // All objects made are free now (the pool is unbounded), so the
        // peak is exactly their number.
        let created = counters.created.load(SeqCst);
        assert_eq!((pool.free_count(), pool.peak()), (created, created));
        assert!((2..=3).contains(&created));
        pool.obtain();
        pool.reset_peak();
        assert_eq!(pool.peak(), created - 1);
    });
}
