//! Shared by the pool tests (`pool.rs`) and the loom models
//! (`pool_loom.rs`): a pooled object that records what happens to it.
//! The bookkeeping uses std's atomics and lock even under loom: it is not
//! what is being checked, and keeping it out of loom's view keeps the
//! models small (no loom operation runs while the std lock is held).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst};
use std::sync::{Arc, Mutex};

use kryo5_core::pool::{Pool, Poolable};

/// Counts what happens to pooled objects: made, reset, dropped.
#[derive(Default)]
pub(crate) struct Counters {
    pub(crate) created: AtomicUsize,
    pub(crate) resets: AtomicUsize,
    pub(crate) dropped: Mutex<Vec<usize>>,
}

/// A pooled object with an identity, a "used" mark that reset clears, and
/// an "in use" flag that catches one object handed to two users at once.
pub(crate) struct Token {
    pub(crate) id: usize,
    pub(crate) used: bool,
    pub(crate) in_use: AtomicBool,
    pub(crate) counters: Arc<Counters>,
}

impl Token {
    /// Starts a use: fails if the object was not reset since its last use
    /// or if another user holds it.
    pub(crate) fn start_use(&mut self) {
        assert!(!self.used, "object {} was not reset", self.id);
        assert!(
            !self.in_use.swap(true, SeqCst),
            "object {} handed out twice",
            self.id
        );
        self.used = true;
    }

    /// Ends a use started by [`Token::start_use`].
    pub(crate) fn end_use(&self) {
        self.in_use.store(false, SeqCst);
    }
}

impl Poolable for Token {
    fn reset(&mut self) {
        self.used = false;
        self.counters.resets.fetch_add(1, SeqCst);
    }
}

impl Drop for Token {
    fn drop(&mut self) {
        self.counters.dropped.lock().unwrap().push(self.id);
    }
}

/// A pool of tokens (bounded by `max` if given) and its counters.
pub(crate) fn token_pool(max: Option<usize>) -> (Pool<Token>, Arc<Counters>) {
    let counters = Arc::new(Counters::default());
    let c = Arc::clone(&counters);
    let create = move || Token {
        id: c.created.fetch_add(1, SeqCst),
        used: false,
        in_use: AtomicBool::new(false),
        counters: Arc::clone(&c),
    };
    let pool = match max {
        Some(max) => Pool::bounded(max, create),
        None => Pool::new(create),
    };
    (pool, counters)
}

/// The ids of the tokens dropped so far, sorted.
pub(crate) fn dropped_ids(counters: &Counters) -> Vec<usize> {
    let mut ids = counters.dropped.lock().unwrap().clone();
    ids.sort_unstable();
    ids
}
