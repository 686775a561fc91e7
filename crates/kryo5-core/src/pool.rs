//! [`Pool`]: reusable objects shared between threads (Kryo's
//! `com.esotericsoftware.kryo.util.Pool`).
//!
//! A [`Kryo`] is costly to build and configure, and an [`Output`] keeps a
//! buffer worth reusing, but neither may be used by two threads at once. A
//! pool hands each caller an object of its own and takes it back for the
//! next caller:
//!
//! ```
//! use kryo5_core::pool::Pool;
//! use kryo5_io::Output;
//!
//! // At most 16 free outputs are kept; each starts with a 1 KiB buffer.
//! let outputs = Pool::bounded(16, || Output::with_capacity(1024));
//!
//! std::thread::scope(|s| {
//!     for n in 0..4 {
//!         let outputs = &outputs;
//!         s.spawn(move || {
//!             let mut out = outputs.get(); // freed when `out` is dropped
//!             out.write_int(n).unwrap();
//!             assert_eq!(out.position(), 4);
//!         });
//!     }
//! });
//! // Between one and four outputs were made; all of them are free again.
//! assert!((1..=4).contains(&outputs.free_count()));
//! ```
//!
//! # From Java
//!
//! | Kryo (Java) | kryo5 |
//! |---|---|
//! | `new Pool<T>(true, false) { create() }` | [`Pool::new`]`(create)` |
//! | `new Pool<T>(true, false, max) { create() }` | [`Pool::bounded`]`(max, create)` |
//! | `Pool.Poolable` | [`Poolable`] (implemented by [`Kryo`], [`Output`], `Vec`, `String`) |
//! | overriding `Pool.reset(T)` | [`Pool::builder`]`(create).reset(f)` |
//! | `obtain()`, `free(T)` | [`Pool::obtain`], [`Pool::free`]; or [`Pool::get`], freeing on drop |
//! | `getFree()`, `getPeak()`, `resetPeak()` | [`Pool::free_count`], [`Pool::peak`], [`Pool::reset_peak`] |
//! | `clear()` | [`Pool::clear`] |
//! | thread safe = `false` | not needed: see below |
//! | soft references, `clean()` | not needed: see below |
//!
//! **Thread safety.** A pool is always safe to share: it is `Sync` when its
//! objects are `Send`, and every method takes `&self`. The lock is held only
//! to push or pop one object, never while an object is made, reset, checked
//! or dropped, so threads rarely wait on each other and an uncontended call
//! costs one lock and unlock. A pool of [`Kryo`] instances serves any number
//! of threads (`Kryo` is `Send`); a pool of objects that are not `Send`
//! works the same within one thread, and the compiler keeps it there.
//!
//! **Soft references.** Java can keep free objects behind soft references so
//! that the garbage collector may take them back under memory pressure, and
//! `clean()` then drops the emptied references. Rust has no collector to
//! cooperate with: a pooled object's memory is held until the pool lets it
//! go. What bounds it instead:
//!
//! - a maximum number of free objects ([`Pool::bounded`],
//!   [`PoolBuilder::max_capacity`]);
//! - [`PoolBuilder::discard_if`]: objects that match a predicate when freed
//!   are dropped instead of kept, e.g. an [`Output`] whose buffer grew past
//!   a size worth keeping;
//! - [`Pool::clear`], which drops every free object at once, for a service
//!   that learns of memory pressure some other way.
//!
//! [`Output`]: kryo5_io::Output

#![forbid(unsafe_code)]

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::{Arc, PoisonError};

use kryo5_io::{Flavour, OutputBuffer, sink::Sink};

use crate::Kryo;

/// The lock behind the pool: std's, or loom's under `--cfg loom` so that the
/// model tests (`tests/pool_loom.rs`) can explore every interleaving.
mod sync {
    #[cfg(loom)]
    pub(super) use loom::sync::{Mutex, MutexGuard};
    #[cfg(not(loom))]
    pub(super) use std::sync::{Mutex, MutexGuard};
}

use sync::{Mutex, MutexGuard};

/// An object that can put itself back in a fresh state for reuse (Kryo's
/// `Pool.Poolable`). [`Pool::new`] and [`Pool::bounded`] call
/// [`reset`](Poolable::reset) on every object freed.
///
/// ```
/// use kryo5_core::pool::{Pool, Poolable};
///
/// #[derive(Default)]
/// struct Scratch { lines: Vec<String> }
///
/// impl Poolable for Scratch {
///     fn reset(&mut self) {
///         self.lines.clear();
///     }
/// }
///
/// let pool = Pool::new(Scratch::default);
/// let mut scratch = pool.obtain();
/// scratch.lines.push("used".into());
/// pool.free(scratch);
/// assert!(pool.obtain().lines.is_empty());
/// ```
pub trait Poolable {
    /// Forgets the state of the last use.
    fn reset(&mut self);
}

/// Kryo is `Poolable` as in Java: freeing it runs [`Kryo::reset`], which
/// forgets the graph state; registrations and settings stay.
///
/// ```
/// use kryo5_core::{Kryo, pool::Pool};
///
/// let pool = Pool::new(|| {
///     let mut kryo = Kryo::new();
///     kryo.set_references(true);
///     kryo
/// });
/// let mut kryo = pool.get();
/// *kryo.graph_context::<u32>() = 7;
/// drop(kryo);
/// let mut kryo = pool.get();
/// assert_eq!(*kryo.graph_context::<u32>(), 0);
/// assert!(kryo.references());
/// ```
impl Poolable for Kryo {
    fn reset(&mut self) {
        Kryo::reset(self);
    }
}

/// Outputs are `Poolable` as in Java: freeing one runs
/// [`OutputBuffer::reset`] (position and total back to 0); the buffer and
/// its size stay.
///
/// ```
/// use kryo5_core::pool::Pool;
/// use kryo5_io::Output;
///
/// let pool = Pool::new(Output::new);
/// let mut out = pool.obtain();
/// out.write_long(1)?;
/// pool.free(out);
/// let out = pool.obtain();
/// assert_eq!((out.position(), out.total()), (0, 0));
/// assert!(out.capacity() >= 8);
/// # Ok::<(), kryo5_io::Error>(())
/// ```
impl<S: Sink, F: Flavour> Poolable for OutputBuffer<S, F> {
    fn reset(&mut self) {
        OutputBuffer::reset(self);
    }
}

/// Cleared on free; the allocation stays for the next user.
///
/// ```
/// use kryo5_core::pool::Pool;
///
/// let pool = Pool::new(|| Vec::<u8>::with_capacity(64));
/// let mut bytes = pool.obtain();
/// bytes.extend_from_slice(b"abc");
/// pool.free(bytes);
/// let bytes = pool.obtain();
/// assert!(bytes.is_empty() && bytes.capacity() >= 64);
/// ```
impl<T> Poolable for Vec<T> {
    fn reset(&mut self) {
        self.clear();
    }
}

/// Cleared on free; the allocation stays for the next user.
///
/// ```
/// use kryo5_core::pool::Pool;
///
/// let pool = Pool::new(String::new);
/// let mut text = pool.obtain();
/// text.push_str("abc");
/// pool.free(text);
/// assert_eq!(pool.obtain(), "");
/// ```
impl Poolable for String {
    fn reset(&mut self) {
        self.clear();
    }
}

type CreateFn<T> = Box<dyn Fn() -> T + Send + Sync>;
type ResetFn<T> = Box<dyn Fn(&mut T) + Send + Sync>;
type DiscardFn<T> = Box<dyn Fn(&T) -> bool + Send + Sync>;

/// What the lock guards.
struct State<T> {
    free: Vec<T>,
    peak: usize,
}

/// A pool of reusable objects (Kryo's `Pool`): [`obtain`](Pool::obtain)
/// takes a free object or makes a new one, [`free`](Pool::free) resets an
/// object and keeps it for the next caller, up to a maximum number of free
/// objects. See the [module documentation](self) for how it maps to Java.
///
/// Explicitly:
///
/// ```
/// use kryo5_core::pool::Pool;
/// use kryo5_io::Output;
///
/// let pool = Pool::bounded(2, || Output::with_capacity(256));
/// let mut out = pool.obtain();
/// out.write_var_int(300, true)?;
/// assert_eq!(out.as_slice(), &[0xac, 0x02]);
/// assert!(pool.free(out)); // kept: the pool had room
/// assert_eq!(pool.free_count(), 1);
/// # Ok::<(), kryo5_io::Error>(())
/// ```
///
/// With a guard that frees on drop, shared through an [`Arc`] for threads
/// that outlive the current scope:
///
/// ```
/// use std::sync::Arc;
/// use kryo5_core::pool::Pool;
///
/// let pool = Arc::new(Pool::new(|| Vec::<u64>::with_capacity(128)));
/// let worker = {
///     let pool = Arc::clone(&pool);
///     std::thread::spawn(move || {
///         let mut scratch = pool.get_owned();
///         scratch.extend(0..100);
///         scratch.iter().sum::<u64>()
///     })
/// };
/// assert_eq!(worker.join().unwrap(), 4950);
/// assert_eq!(pool.free_count(), 1);
/// ```
///
/// A pool can only be shared between threads when its objects can move
/// between them:
///
/// ```compile_fail
/// use std::rc::Rc;
/// let pool = kryo5_core::pool::Pool::new(|| Vec::<Rc<u8>>::new());
/// std::thread::scope(|s| {
///     s.spawn(|| pool.free_count());
/// });
/// ```
pub struct Pool<T> {
    state: Mutex<State<T>>,
    max: usize,
    create: CreateFn<T>,
    reset: Option<ResetFn<T>>,
    discard: Option<DiscardFn<T>>,
}

impl<T: Poolable + 'static> Pool<T> {
    /// A pool that keeps any number of free objects, makes new ones with
    /// `create` and resets freed ones with [`Poolable::reset`] (Java's
    /// `new Pool<T>(true, false)` with `create()` overridden).
    ///
    /// ```
    /// use kryo5_core::pool::Pool;
    ///
    /// let pool = Pool::new(|| String::with_capacity(32));
    /// assert_eq!(pool.max_capacity(), usize::MAX);
    /// assert_eq!(pool.obtain().capacity(), 32);
    /// ```
    pub fn new(create: impl Fn() -> T + Send + Sync + 'static) -> Self {
        Self::builder(create).reset(T::reset).build()
    }

    /// A pool that keeps at most `max_capacity` free objects: an object
    /// freed into a full pool is reset and then dropped (Java's
    /// `new Pool<T>(true, false, maximumCapacity)`).
    ///
    /// ```
    /// use kryo5_core::pool::Pool;
    ///
    /// let pool = Pool::bounded(1, String::new);
    /// let (a, b) = (pool.obtain(), pool.obtain());
    /// assert!(pool.free(a));
    /// assert!(!pool.free(b)); // full: dropped
    /// assert_eq!(pool.free_count(), 1);
    /// ```
    pub fn bounded(max_capacity: usize, create: impl Fn() -> T + Send + Sync + 'static) -> Self {
        Self::builder(create)
            .max_capacity(max_capacity)
            .reset(T::reset)
            .build()
    }
}

impl<T: 'static> Pool<T> {
    /// A builder for a pool of any type: set a maximum number of free
    /// objects, how freed objects are reset and which are not worth keeping.
    /// Without [`reset`](PoolBuilder::reset), freed objects are kept as they
    /// are, even if `T` is [`Poolable`].
    ///
    /// ```
    /// use kryo5_core::pool::Pool;
    /// use kryo5_io::Output;
    ///
    /// let pool = Pool::builder(|| Output::with_capacity(1024))
    ///     .max_capacity(8)
    ///     .reset(Output::reset)
    ///     .discard_if(|out| out.capacity() > 64 * 1024)
    ///     .build();
    /// assert_eq!(pool.max_capacity(), 8);
    /// ```
    pub fn builder(create: impl Fn() -> T + Send + Sync + 'static) -> PoolBuilder<T> {
        PoolBuilder {
            max: usize::MAX,
            create: Box::new(create),
            reset: None,
            discard: None,
        }
    }
}

impl<T> Pool<T> {
    fn lock(&self) -> MutexGuard<'_, State<T>> {
        // Nothing that can panic runs under the lock (objects are made,
        // reset and dropped outside it), so a poisoned lock still guards a
        // consistent list.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Takes a free object, or makes a new one if none is free (Java's
    /// `obtain()`). The object is the caller's until it is given back with
    /// [`free`](Pool::free); one that is never freed is simply dropped.
    ///
    /// ```
    /// use kryo5_core::pool::Pool;
    ///
    /// let pool = Pool::new(|| vec![0u8; 16]);
    /// let bytes = pool.obtain(); // made: nothing was free
    /// assert_eq!(bytes.len(), 16);
    /// pool.free(bytes);
    /// let again = pool.obtain(); // the same vector, cleared when freed
    /// assert!(again.is_empty());
    /// assert_eq!(pool.free_count(), 0);
    /// ```
    pub fn obtain(&self) -> T {
        let free = self.lock().free.pop();
        free.unwrap_or_else(|| (self.create)())
    }

    /// Gives an object back (Java's `free(T)`): it is reset, then kept if
    /// the pool has fewer free objects than its maximum and the discard
    /// predicate (if any) does not match it; otherwise it is dropped.
    /// Returns whether it was kept. Objects need not come from
    /// [`obtain`](Pool::obtain): freeing new ones fills a pool ahead of use.
    ///
    /// ```
    /// use kryo5_core::pool::Pool;
    ///
    /// let pool = Pool::bounded(2, Vec::<u8>::new);
    /// assert!(pool.free(vec![1]));
    /// assert!(pool.free(vec![2]));
    /// assert!(!pool.free(vec![3])); // full
    /// assert_eq!(pool.free_count(), 2);
    /// ```
    pub fn free(&self, mut object: T) -> bool {
        if let Some(reset) = &self.reset {
            reset(&mut object);
        }
        if self
            .discard
            .as_ref()
            .is_some_and(|discard| discard(&object))
        {
            return false;
        }
        let rejected = {
            let mut state = self.lock();
            if state.free.len() < self.max {
                state.free.push(object);
                state.peak = state.peak.max(state.free.len());
                None
            } else {
                Some(object)
            }
        };
        // A rejected object is dropped here, after the lock is released.
        rejected.is_none()
    }

    /// Obtains an object wrapped in a guard that frees it when dropped.
    /// The guard dereferences to the object.
    ///
    /// ```
    /// use kryo5_core::pool::Pool;
    /// use kryo5_io::Output;
    ///
    /// let pool = Pool::new(Output::new);
    /// {
    ///     let mut out = pool.get();
    ///     out.write_short(-1)?;
    ///     assert_eq!(out.as_slice(), &[0xff, 0xff]);
    /// } // freed (and reset) here
    /// assert_eq!(pool.free_count(), 1);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    pub fn get(&self) -> Pooled<T, &Self> {
        Pooled {
            object: Some(self.obtain()),
            pool: self,
        }
    }

    /// Like [`get`](Pool::get), but the guard holds a clone of the [`Arc`]
    /// instead of a borrow, so it can move into spawned threads or tasks.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use kryo5_core::pool::Pool;
    ///
    /// let pool = Arc::new(Pool::new(String::new));
    /// let mut text = pool.get_owned();
    /// let handle = std::thread::spawn(move || {
    ///     text.push_str("from a thread");
    ///     text.len()
    /// });
    /// assert_eq!(handle.join().unwrap(), 13);
    /// assert_eq!(pool.free_count(), 1);
    /// ```
    pub fn get_owned(self: &Arc<Self>) -> Pooled<T, Arc<Self>> {
        Pooled {
            object: Some(self.obtain()),
            pool: Arc::clone(self),
        }
    }

    /// The number of free objects, ready to be obtained (Java's
    /// `getFree()`).
    ///
    /// ```
    /// let pool = kryo5_core::pool::Pool::new(String::new);
    /// assert_eq!(pool.free_count(), 0);
    /// pool.free(String::new());
    /// assert_eq!(pool.free_count(), 1);
    /// ```
    pub fn free_count(&self) -> usize {
        self.lock().free.len()
    }

    /// The highest number of free objects the pool has held since it was
    /// made or since [`reset_peak`](Pool::reset_peak) (Java's
    /// `getPeak()`). A peak at the maximum capacity suggests the maximum
    /// is too low for the load.
    ///
    /// ```
    /// let pool = kryo5_core::pool::Pool::new(String::new);
    /// let (a, b) = (pool.obtain(), pool.obtain());
    /// pool.free(a);
    /// pool.free(b);
    /// pool.obtain();
    /// assert_eq!((pool.free_count(), pool.peak()), (1, 2));
    /// ```
    pub fn peak(&self) -> usize {
        self.lock().peak
    }

    /// Starts measuring the peak again from the current number of free
    /// objects (Java's `resetPeak()`, which restarts from 0; restarting
    /// from the current count keeps `peak() >= free_count()` true).
    ///
    /// ```
    /// let pool = kryo5_core::pool::Pool::new(String::new);
    /// pool.free(String::new());
    /// pool.free(String::new());
    /// pool.obtain();
    /// pool.reset_peak();
    /// assert_eq!(pool.peak(), 1);
    /// ```
    pub fn reset_peak(&self) {
        let mut state = self.lock();
        state.peak = state.free.len();
    }

    /// The most free objects the pool keeps; `usize::MAX` when unbounded.
    ///
    /// ```
    /// let pool = kryo5_core::pool::Pool::bounded(8, String::new);
    /// assert_eq!(pool.max_capacity(), 8);
    /// ```
    pub fn max_capacity(&self) -> usize {
        self.max
    }

    /// Drops every free object (Java's `clear()`); objects in use are not
    /// affected and may still be freed. The peak is kept.
    ///
    /// ```
    /// let pool = kryo5_core::pool::Pool::new(String::new);
    /// pool.free(String::new());
    /// pool.clear();
    /// assert_eq!((pool.free_count(), pool.peak()), (0, 1));
    /// ```
    pub fn clear(&self) {
        let free = std::mem::take(&mut self.lock().free);
        // Dropped here, after the lock is released.
        drop(free);
    }
}

impl<T> fmt::Debug for Pool<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (free, peak) = {
            let state = self.lock();
            (state.free.len(), state.peak)
        };
        f.debug_struct("Pool")
            .field("free", &free)
            .field("peak", &peak)
            .field("max_capacity", &self.max)
            .finish_non_exhaustive()
    }
}

/// Builds a [`Pool`] of any type; made by [`Pool::builder`].
///
/// ```
/// use kryo5_core::pool::Pool;
///
/// // Plain numbers: nothing to reset, at most 4 kept.
/// let pool = Pool::builder(|| 0u64).max_capacity(4).build();
/// pool.free(5);
/// assert_eq!(pool.obtain(), 5);
/// ```
pub struct PoolBuilder<T> {
    max: usize,
    create: CreateFn<T>,
    reset: Option<ResetFn<T>>,
    discard: Option<DiscardFn<T>>,
}

impl<T> PoolBuilder<T> {
    /// The most free objects the pool keeps (unbounded by default); an
    /// object freed into a full pool is reset and then dropped. 0 keeps
    /// none: every [`obtain`](Pool::obtain) makes a new object.
    ///
    /// ```
    /// let pool = kryo5_core::pool::Pool::builder(String::new).max_capacity(0).build();
    /// assert!(!pool.free(String::new()));
    /// ```
    #[must_use]
    pub fn max_capacity(mut self, max_capacity: usize) -> Self {
        self.max = max_capacity;
        self
    }

    /// Runs `reset` on every freed object, kept or not (Java's overridable
    /// `Pool.reset(T)`). Replaces any reset set before.
    ///
    /// ```
    /// use kryo5_core::pool::Pool;
    ///
    /// let pool = Pool::builder(|| [0u8; 4]).reset(|a: &mut [u8; 4]| a.fill(0)).build();
    /// pool.free([1, 2, 3, 4]);
    /// assert_eq!(pool.obtain(), [0; 4]);
    /// ```
    #[must_use]
    pub fn reset(mut self, reset: impl Fn(&mut T) + Send + Sync + 'static) -> Self {
        self.reset = Some(Box::new(reset));
        self
    }

    /// Drops freed objects that match `discard` (checked after the reset)
    /// instead of keeping them, e.g. buffers that grew too large to be
    /// worth holding on to. Replaces any predicate set before.
    ///
    /// ```
    /// use kryo5_core::pool::Pool;
    ///
    /// let pool = Pool::builder(Vec::<u8>::new)
    ///     .reset(Vec::clear)
    ///     .discard_if(|v| v.capacity() > 1024)
    ///     .build();
    /// assert!(pool.free(Vec::with_capacity(16)));
    /// assert!(!pool.free(Vec::with_capacity(4096)));
    /// assert_eq!(pool.free_count(), 1);
    /// ```
    #[must_use]
    pub fn discard_if(mut self, discard: impl Fn(&T) -> bool + Send + Sync + 'static) -> Self {
        self.discard = Some(Box::new(discard));
        self
    }

    /// The pool, with no free objects yet.
    ///
    /// ```
    /// let pool = kryo5_core::pool::Pool::builder(|| 1u8).build();
    /// assert_eq!(pool.free_count(), 0);
    /// ```
    pub fn build(self) -> Pool<T> {
        Pool {
            state: Mutex::new(State {
                free: Vec::new(),
                peak: 0,
            }),
            max: self.max,
            create: self.create,
            reset: self.reset,
            discard: self.discard,
        }
    }
}

impl<T> fmt::Debug for PoolBuilder<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PoolBuilder")
            .field("max_capacity", &self.max)
            .field("reset", &self.reset.is_some())
            .field("discard_if", &self.discard.is_some())
            .finish_non_exhaustive()
    }
}

/// An object obtained from a [`Pool`], freed back to it when the guard is
/// dropped; made by [`Pool::get`] (`P` is `&Pool<T>`) or
/// [`Pool::get_owned`] (`P` is `Arc<Pool<T>>`). Dereferences to the object.
///
/// A guard dropped while its thread is panicking drops the object instead
/// of freeing it: whatever the panic interrupted may have left the object
/// in a state its reset does not expect.
///
/// ```
/// use kryo5_core::pool::{Pool, Pooled};
///
/// let pool = Pool::new(String::new);
/// let mut text: Pooled<String, &Pool<String>> = pool.get();
/// text.push_str("kept");
/// let owned: String = Pooled::into_inner(text); // taken out of the pool for good
/// assert_eq!(owned, "kept");
/// assert_eq!(pool.free_count(), 0);
/// ```
pub struct Pooled<T, P: Deref<Target = Pool<T>>> {
    /// `None` only after `into_inner` or `drop` took it.
    object: Option<T>,
    pool: P,
}

impl<T, P: Deref<Target = Pool<T>>> Pooled<T, P> {
    /// Takes the object out of the guard: it is not freed to the pool.
    /// An associated function (`Pooled::into_inner(guard)`) so it never
    /// hides a method of `T`.
    ///
    /// ```
    /// use kryo5_core::pool::{Pool, Pooled};
    ///
    /// let pool = Pool::new(Vec::<u8>::new);
    /// let mut bytes = pool.get();
    /// bytes.push(1);
    /// assert_eq!(Pooled::into_inner(bytes), [1]);
    /// assert_eq!(pool.free_count(), 0);
    /// ```
    pub fn into_inner(mut this: Self) -> T {
        match this.object.take() {
            Some(object) => object,
            None => unreachable!("a live guard holds its object"),
        }
    }

    /// The pool the object goes back to.
    ///
    /// ```
    /// use kryo5_core::pool::{Pool, Pooled};
    ///
    /// let pool = Pool::bounded(3, String::new);
    /// let text = pool.get();
    /// assert_eq!(Pooled::pool(&text).max_capacity(), 3);
    /// ```
    pub fn pool(this: &Self) -> &Pool<T> {
        &this.pool
    }
}

impl<T, P: Deref<Target = Pool<T>>> Deref for Pooled<T, P> {
    type Target = T;

    fn deref(&self) -> &T {
        match &self.object {
            Some(object) => object,
            None => unreachable!("a live guard holds its object"),
        }
    }
}

impl<T, P: Deref<Target = Pool<T>>> DerefMut for Pooled<T, P> {
    fn deref_mut(&mut self) -> &mut T {
        match &mut self.object {
            Some(object) => object,
            None => unreachable!("a live guard holds its object"),
        }
    }
}

impl<T, P: Deref<Target = Pool<T>>> Drop for Pooled<T, P> {
    fn drop(&mut self) {
        if let Some(object) = self.object.take()
            && !std::thread::panicking()
        {
            self.pool.free(object);
        }
    }
}

impl<T: fmt::Debug, P: Deref<Target = Pool<T>>> fmt::Debug for Pooled<T, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Pooled").field(&**self).finish()
    }
}
