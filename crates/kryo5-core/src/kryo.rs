//! [`Kryo`]: registrations, settings, and the per-graph state behind the
//! `write_object` / `read_object` family.

use std::any::{Any, TypeId};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use crate::error::{Error, ErrorKind, Result};
use crate::io::{In, Out};
use crate::nesting::Nesting;
use crate::registry::{DynRead, IdMap, ReadDyn, RegIndex, Registry};
use crate::serializer::{Registered, Serializer};
use crate::types::{KryoType, NullForm, Object, Shared};

mod borrowed;

/// Default maximum nesting depth: deep enough for real graphs, shallow
/// enough that hostile input cannot overflow the stack.
pub const DEFAULT_MAX_DEPTH: u32 = 1000;

/// Default stack a graph may use below the top-level call (1 MiB): half a
/// spawned thread's default stack, so the depth limit cannot be outrun by
/// large stack frames (debug builds, structs with many fields).
pub const DEFAULT_MAX_STACK: usize = 1 << 20;

/// The serializer Kryo uses for classes without a more specific one
/// (Kryo's `setDefaultSerializer`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum DefaultSerializer {
    /// `FieldSerializer`: fields in name order, no header.
    #[default]
    Field,
    /// `CompatibleFieldSerializer`: field names once per graph, fields
    /// that tolerate added and removed fields (format spec 10.1).
    Compatible(crate::serializers::compatible::CompatibleConfig),
    /// `TaggedFieldSerializer`: tagged fields only, each with its tag
    /// (format spec 10.2).
    Tagged(crate::serializers::tagged::TaggedConfig),
    /// `VersionFieldSerializer`: a version, then the fields (format spec
    /// 10.3).
    Version(crate::serializers::version::VersionConfig),
}

/// A class read from a class descriptor ([`Kryo::read_class_ref`]): Kryo's
/// `Registration`, for serializers that read a class once and then several
/// payloads of it ([`Kryo::read_object_of_class`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClassRef(RegIndex);

/// Settings that change the bytes.
#[derive(Clone, Debug)]
struct Config {
    references: bool,
    registration_required: bool,
    warn_unregistered: bool,
    auto_reset: bool,
    max_depth: u32,
    max_stack: usize,
    optimized_generics: bool,
    copy_references: bool,
    default_serializer: DefaultSerializer,
}

/// Bytes of the reader's text buffer (strings bound to reference ids) kept
/// for the next graph; a larger buffer is freed at reset.
const TEXTS_KEPT: usize = 64 * 1024;

/// Per-graph state, cleared by [`Kryo::reset`].
#[derive(Default)]
struct Graph {
    /// Depth and stack used by the walk in progress.
    nesting: Nesting,
    /// Writer: identity of shared objects -> reference id.
    written: IdMap<usize, u32>,
    /// Writer: the next reference id.
    next_write_id: u32,
    /// Reader: reference id -> the object, once bound.
    read: Vec<Slot>,
    /// Reader: the text of strings bound to reference ids
    /// ([`Slot::Text`]), one buffer reused from graph to graph.
    texts: String,
    /// Reader: the id reserved for the innermost object being read (outer
    /// ones are kept on the call stack by `read_referenced`).
    pending: Option<u32>,
    /// Writer: class -> name id, for classes written by name.
    names_written: IdMap<RegIndex, u32>,
    /// Reader: name id -> class.
    names_read: HashMap<u32, RegIndex>,
    /// Kryo's graph context, for serializers' per-graph data.
    context: IdMap<TypeId, Box<dyn Any + Send>>,
    /// Copier: identity of an original shared object -> its copy.
    copies: IdMap<usize, Shared>,
    /// Copier: a shallow copy is being made.
    shallow: bool,
    /// How many graphs ended before this one (never cleared): names the
    /// graph for state kept across graphs ([`Kryo::graph_number`]).
    number: u64,
}

/// Kryo: registrations, settings and the state of the graph being written
/// or read.
///
/// ```
/// use kryo5_core::Kryo;
/// use kryo5_io::{Input, Output};
///
/// let mut kryo = Kryo::new();
/// let mut out = Output::new();
/// kryo.write_class_and_object(&mut out, Some(&5i32))?;
/// kryo.write_object(&mut out, &String::from("ab"))?;
/// assert_eq!(out.as_slice(), &[0x02, 0x0a, 0x61, 0xe2]);
///
/// let bytes = out.into_vec();
/// let mut input = Input::new(&bytes);
/// let any = kryo.read_class_and_object(&mut input)?.unwrap();
/// assert_eq!(any.downcast_ref::<i32>(), Some(&5));
/// assert_eq!(kryo.read_object::<String, _>(&mut input)?, "ab");
/// # Ok::<(), kryo5_core::Error>(())
/// ```
///
/// A `Kryo` is `Send` (not `Sync`: it holds the state of the graph being
/// written or read): keep one per thread or task, or pool them.
pub struct Kryo {
    config: Config,
    registry: Registry,
    graph: Graph,
    context: IdMap<TypeId, Box<dyn Any + Send>>,
    /// Serializers registered for Rust types, by `TypeId` of the type; each
    /// value is a `Registered<T>`.
    serializers: IdMap<TypeId, Arc<dyn Any + Send + Sync>>,
}

impl Default for Kryo {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for Kryo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kryo")
            .field("config", &self.config)
            .field("depth", &self.graph.nesting.depth())
            .finish_non_exhaustive()
    }
}

impl Kryo {
    /// A Kryo with Java's defaults: the nine default registrations (ids 0
    /// to 8: `int`, `String`, `float`, `boolean`, `byte`, `char`, `short`,
    /// `long`, `double`), registration required, references off, auto reset
    /// on, optimized generics on; the maximum depth is
    /// [`DEFAULT_MAX_DEPTH`] (Java's is unbounded).
    #[must_use]
    pub fn new() -> Self {
        let mut kryo = Kryo {
            config: Config {
                references: false,
                registration_required: true,
                warn_unregistered: true,
                auto_reset: true,
                max_depth: DEFAULT_MAX_DEPTH,
                max_stack: DEFAULT_MAX_STACK,
                optimized_generics: true,
                copy_references: true,
                default_serializer: DefaultSerializer::Field,
            },
            registry: Registry::default(),
            graph: Graph::default(),
            context: IdMap::default(),
            serializers: IdMap::default(),
        };
        crate::serializers::register_defaults(&mut kryo);
        kryo
    }

    // ----- settings ----------------------------------------------------------

    /// Kryo's `setReferences`: track object identity, writing back-references
    /// for objects seen before. Call it before registering classes, as a Java
    /// program must (format spec 7.5).
    pub fn set_references(&mut self, enabled: bool) {
        self.config.references = enabled;
    }

    /// Whether references are on.
    #[must_use]
    pub fn references(&self) -> bool {
        self.config.references
    }

    /// Kryo's `setRegistrationRequired`: when off, unregistered classes are
    /// written by name.
    pub fn set_registration_required(&mut self, required: bool) {
        self.config.registration_required = required;
    }

    /// Whether registration is required.
    #[must_use]
    pub fn registration_required(&self) -> bool {
        self.config.registration_required
    }

    /// Kryo's `setWarnUnregisteredClasses`: log (through `log`) each class
    /// written by name.
    pub fn set_warn_unregistered_classes(&mut self, warn: bool) {
        self.config.warn_unregistered = warn;
    }

    /// Kryo's `setAutoReset`: reset the graph state after each top-level call.
    pub fn set_auto_reset(&mut self, auto: bool) {
        self.config.auto_reset = auto;
    }

    /// Kryo's `setMaxDepth`: nested `write_object`/`read_object` calls beyond
    /// this fail with [`ErrorKind::MaxDepth`].
    pub fn set_max_depth(&mut self, depth: u32) {
        self.config.max_depth = depth;
    }

    /// The stack a graph may use below the top-level call, in bytes
    /// (default [`DEFAULT_MAX_STACK`]): nesting past it fails with
    /// [`ErrorKind::MaxStack`] whatever the depth, so hostile input cannot
    /// overflow the stack however large the frames of its types are. Raise
    /// it with the stack of the threads that use this `Kryo`. The budget
    /// is measured with the addresses of locals: under AddressSanitizer,
    /// which moves locals to a fake stack, turn it off (`usize::MAX`) and
    /// rely on [`Kryo::set_max_depth`] (as kryo5's fuzz targets do).
    ///
    /// ```
    /// let mut kryo = kryo5_core::Kryo::new();
    /// kryo.set_max_stack(4 << 20); // for threads with 8 MiB stacks
    /// ```
    pub fn set_max_stack(&mut self, bytes: usize) {
        self.config.max_stack = bytes;
    }

    /// Kryo's `setOptimizedGenerics`.
    pub fn set_optimized_generics(&mut self, enabled: bool) {
        self.config.optimized_generics = enabled;
    }

    /// Whether optimized generics are on: positions that declare their type
    /// arguments pass them to the value's serializer (format spec 9.4).
    #[must_use]
    pub fn optimized_generics(&self) -> bool {
        self.config.optimized_generics
    }

    /// Kryo's `setCopyReferences` (default on): [`Kryo::copy`] copies an
    /// object shared in the original once, keeping it shared (and cycles
    /// cyclic) in the copy; off, every occurrence is copied anew.
    pub fn set_copy_references(&mut self, enabled: bool) {
        self.config.copy_references = enabled;
    }

    /// Kryo's `setDefaultSerializer`: how derived structs (Java classes
    /// without a serializer of their own) are written, unless registered
    /// with one ([`Kryo::register_with_serializer`]). Java fixes a class's
    /// serializer when the class is registered; kryo5 consults the setting
    /// at each write and read, so set it before use, as in Java.
    ///
    /// ```
    /// use kryo5_core::serializers::compatible::CompatibleConfig;
    /// use kryo5_core::{DefaultSerializer, Kryo};
    ///
    /// let mut kryo = Kryo::new();
    /// kryo.set_default_serializer(DefaultSerializer::Compatible(CompatibleConfig::default()));
    /// assert_ne!(kryo.default_serializer(), DefaultSerializer::Field);
    /// ```
    pub fn set_default_serializer(&mut self, serializer: DefaultSerializer) {
        self.config.default_serializer = serializer;
    }

    /// The default serializer for classes without a specific one.
    #[must_use]
    pub fn default_serializer(&self) -> DefaultSerializer {
        self.config.default_serializer
    }

    // ----- registration ---------------------------------------------------

    /// Kryo's `register(Class)`: gives `T`'s Java class the next free id
    /// (9 on a fresh Kryo), or keeps the id it has. Returns the id.
    ///
    /// ```
    /// use std::sync::Arc;
    /// let mut kryo = kryo5_core::Kryo::new();
    /// assert_eq!(kryo.next_registration_id(), 9);
    /// // String is registered already (id 1): registering keeps its id.
    /// assert_eq!(kryo.register::<Arc<String>>(), 1);
    /// ```
    pub fn register<T: KryoType + Clone + std::fmt::Debug + Send + Sync>(&mut self) -> u32 {
        self.register_class(T::java_class(), None, Some(read_dyn::<T>))
    }

    /// Kryo's `register(Class, int)`: `T`'s class gets `id`, taking it over
    /// from any class that had it.
    pub fn register_with_id<T: KryoType + Clone + std::fmt::Debug + Send + Sync>(
        &mut self,
        id: u32,
    ) -> u32 {
        self.register_class(T::java_class(), Some(id), Some(read_dyn::<T>))
    }

    /// Kryo's `register(Class, Serializer)`: registers `T`'s class (as
    /// [`Kryo::register`]) and writes and reads every `T` with
    /// `serializer` instead of `T`'s own [`KryoType`] code. Returns the id.
    ///
    /// See [`Serializer`] for an example.
    pub fn register_with_serializer<T, S>(&mut self, serializer: S) -> u32
    where
        T: KryoType + Clone + std::fmt::Debug + Send + Sync,
        S: Serializer<T>,
    {
        self.set_serializer::<T, S>(serializer);
        self.register::<T>()
    }

    /// [`Kryo::register_with_serializer`] with an explicit id.
    pub fn register_with_id_and_serializer<T, S>(&mut self, id: u32, serializer: S) -> u32
    where
        T: KryoType + Clone + std::fmt::Debug + Send + Sync,
        S: Serializer<T>,
    {
        self.set_serializer::<T, S>(serializer);
        self.register_with_id::<T>(id)
    }

    /// Uses `serializer` for `T` without touching its registration.
    pub fn set_serializer<T: KryoType, S: Serializer<T>>(&mut self, serializer: S) {
        self.serializers.insert(
            TypeId::of::<T>(),
            Arc::new(Registered::<T>(Box::new(serializer))),
        );
    }

    /// The serializer registered for `T`, if any (a cheap check first: most
    /// programs register none).
    #[inline]
    fn serializer_of<T: KryoType>(&self) -> Option<Arc<dyn Any + Send + Sync>> {
        if self.serializers.is_empty() {
            return None;
        }
        self.serializers.get(&TypeId::of::<T>()).cloned()
    }

    /// Makes `T` known without an id: written by name when registration is
    /// not required, and readable when it arrives by name (Java's implicit
    /// registration). As in Java, where such a class gets its serializer
    /// when first written or read, whether its `String` fields are written
    /// directly is decided at its first use, not here (format spec 7.5).
    /// A type standing for several classes ([`KryoType::OTHER_CLASSES`]) is
    /// made known under each of their names.
    pub fn add_class<T: KryoType + Clone + std::fmt::Debug + Send + Sync>(&mut self) {
        let others = T::OTHER_CLASSES.iter().map(|&n| Cow::Borrowed(n));
        for name in std::iter::once(T::java_class()).chain(others) {
            self.registry
                .register(name, None, false, Some(read_dyn::<T>), None);
        }
    }

    /// Kryo's `register(Class)` for another of the Java classes `T` stands
    /// for, by name: a type whose class varies per value (such as
    /// [`Charset`](crate::serializers::text::Charset), one JDK class per
    /// charset) answers [`KryoType::class_name`] per value, and each of its
    /// classes needs a registration of its own, as in Java. A value of class
    /// `name` read where the class is known only at run time is read as `T`.
    ///
    /// ```
    /// use kryo5_core::serializers::text::Charset;
    /// let mut kryo = kryo5_core::Kryo::new();
    /// assert_eq!(kryo.register_named::<Charset>("sun.nio.cs.ISO_8859_1"), 9);
    /// ```
    pub fn register_named<T: KryoType + Clone + std::fmt::Debug + Send + Sync>(
        &mut self,
        name: impl Into<Cow<'static, str>>,
    ) -> u32 {
        self.register_class(name.into(), None, Some(read_dyn::<T>))
    }

    /// [`Kryo::add_class`] for another of the Java classes `T` stands for
    /// (see [`Kryo::register_named`]).
    ///
    /// ```
    /// use kryo5_core::serializers::text::Charset;
    /// let mut kryo = kryo5_core::Kryo::new();
    /// kryo.add_class_named::<Charset>("sun.nio.cs.ISO_8859_1");
    /// assert_eq!(kryo.next_registration_id(), 9); // known by name, no id
    /// ```
    pub fn add_class_named<T: KryoType + Clone + std::fmt::Debug + Send + Sync>(
        &mut self,
        name: impl Into<Cow<'static, str>>,
    ) {
        self.registry
            .register(name.into(), None, false, Some(read_dyn::<T>), None);
    }

    /// Kryo's `register(Class)` / `register(Class, id)` for a class known
    /// only by its Java name, with no Rust type behind it: the dynamic codec
    /// (`kryo5-dynamic`) registers schema classes this way and then writes
    /// and reads class descriptors with [`Kryo::write_class_named`] and
    /// [`Kryo::read_class_named`]. `None` takes the next free id.
    ///
    /// ```
    /// let mut kryo = kryo5_core::Kryo::new();
    /// assert_eq!(kryo.register_class_name("com.example.Point", None), 9);
    /// assert_eq!(kryo.register_class_name("com.example.Line", Some(20)), 20);
    /// let mut out = kryo5_io::Output::new();
    /// kryo.write_class_named(&mut out, "com.example.Line")?;
    /// assert_eq!(out.as_slice(), &[22]);
    /// # Ok::<(), kryo5_core::Error>(())
    /// ```
    pub fn register_class_name(
        &mut self,
        name: impl Into<Cow<'static, str>>,
        id: Option<u32>,
    ) -> u32 {
        self.register_class(name.into(), id, None)
    }

    fn register_class(
        &mut self,
        name: Cow<'static, str>,
        id: Option<u32>,
        read: Option<ReadDyn>,
    ) -> u32 {
        let strings_direct = !self.config.references;
        let i = self
            .registry
            .register(name, id, true, read, Some(strings_direct));
        self.registry.get(i).id.unwrap_or_default()
    }

    /// Registers `T` as the Java class `java_class` too (the next free id),
    /// for types standing for several Java classes: Java registers each
    /// class (`List.of(1).getClass()`, `List.of().getClass()`, ...) on its
    /// own.
    ///
    /// ```
    /// use kryo5_core::serializers::immutable::ImmutableList;
    /// let mut kryo = kryo5_core::Kryo::new();
    /// assert_eq!(kryo.register::<ImmutableList<i32>>(), 9); // ListN
    /// assert_eq!(kryo.register_class_as::<ImmutableList<i32>>("java.util.ImmutableCollections$List12"), 10);
    /// ```
    pub fn register_class_as<T: KryoType + Clone + std::fmt::Debug + Send + Sync>(
        &mut self,
        java_class: &'static str,
    ) -> u32 {
        self.register_class(Cow::Borrowed(java_class), None, Some(read_dyn::<T>))
    }

    /// The id the next [`Kryo::register`] gives.
    #[must_use]
    pub fn next_registration_id(&self) -> u32 {
        self.registry.peek_next_id()
    }

    /// Java's `getRegistration` before `writeObject`/`readObject` of a
    /// known class: with registration required, an unregistered class is
    /// refused even where no class descriptor is written (a final field
    /// type, an element type from the generics). `value`'s own class is
    /// checked when writing (Java's `object.getClass()`), `T`'s when
    /// reading; a position of any class (`Box<dyn Object>`) is checked
    /// where its value is written.
    #[inline(always)]
    fn check_registered<T: KryoType>(&mut self, value: Option<&T>) -> Result<()> {
        if T::DEFAULT_REGISTERED || !self.config.registration_required {
            return Ok(());
        }
        // A type with a slot stands for one class, found through the slot.
        if T::type_slot().is_some()
            && let Some(i) = self.registry.of::<T>()
            && self.registry.get(i).id.is_some()
        {
            return Ok(());
        }
        self.check_registered_by_class(value)
    }

    /// [`Kryo::check_registered`] by the value's class name.
    #[inline(never)]
    fn check_registered_by_class<T: KryoType>(&mut self, value: Option<&T>) -> Result<()> {
        let class = T::java_class();
        let reg = match value {
            Some(v) => {
                let name = v.class_name();
                if std::ptr::eq(&*name, &*class) || name == class {
                    self.registry.of::<T>()
                } else {
                    self.registry.by_name(&name)
                }
            }
            None if class == "java.lang.Object" => return Ok(()),
            None => self.registry.of::<T>(),
        };
        match reg {
            Some(i) if self.registry.get(i).id.is_some() => Ok(()),
            _ => Err(Error::new(ErrorKind::NotRegistered(match value {
                Some(v) => v.class_name().into_owned(),
                None => class.into_owned(),
            }))),
        }
    }

    /// The registration id of `T`'s class, if registered.
    pub fn registration_id<T: KryoType>(&mut self) -> Option<u32> {
        let i = self.registry.of::<T>()?;
        self.registry.get(i).id
    }

    /// Whether `T`'s String fields are written directly (no reference
    /// marker): references were off when `T` was registered (format spec
    /// 7.5); for a class known by name only, when it was first used; for
    /// an unknown class, now.
    pub fn strings_direct<T: KryoType>(&mut self) -> bool {
        let now = !self.config.references;
        match self.registry.of::<T>() {
            Some(i) => *self.registry.get_mut(i).strings_direct.get_or_insert(now),
            None => now,
        }
    }

    // ----- contexts ---------------------------------------------------------

    /// Kryo's context: per-instance data of type `V`, kept across graphs.
    pub fn context<V: Any + Send + Default>(&mut self) -> &mut V {
        context_entry(&mut self.context)
    }

    /// Kryo's graph context: per-graph data of type `V`, cleared by
    /// [`Kryo::reset`].
    pub fn graph_context<V: Any + Send + Default>(&mut self) -> &mut V {
        context_entry(&mut self.graph.context)
    }

    /// Kryo's `reset()`: forgets the graph state (reference ids, class name
    /// ids, graph context, depth). Called after every top-level call unless
    /// auto reset is off.
    pub fn reset(&mut self) {
        let names = self.config.registration_required;
        let g = &mut self.graph;
        g.number += 1;
        g.nesting = Nesting::default();
        // Clearing an empty hash table with capacity still sweeps its
        // control bytes: skip the tables this graph did not use.
        clear_used(&mut g.written);
        g.next_write_id = 0;
        g.read.clear();
        if g.texts.capacity() > TEXTS_KEPT {
            // One large graph does not pin its strings' memory.
            g.texts = String::new();
        } else {
            g.texts.clear();
        }
        g.pending = None;
        clear_used(&mut g.context);
        clear_used(&mut g.copies);
        g.shallow = false;
        // Java clears name ids only while registration is not required.
        if !names {
            clear_used(&mut g.names_written);
            if !g.names_read.is_empty() {
                g.names_read.clear();
            }
        }
    }

    /// The graph in progress, as a count of the resets before it: state
    /// kept in [`Kryo::context`] and tagged with it is per graph without
    /// being freed at every reset.
    pub(crate) fn graph_number(&self) -> u64 {
        self.graph.number
    }

    // ----- depth --------------------------------------------------------------

    #[inline]
    fn enter(&mut self) -> Result<()> {
        let (depth, stack) = (self.config.max_depth, self.config.max_stack);
        self.graph.nesting.enter(depth, stack)
    }

    #[inline]
    fn exit(&mut self) {
        if self.graph.nesting.exit() == 0 && self.config.auto_reset {
            self.reset();
        }
    }

    /// Runs `f` one level deeper, resetting after a top-level call.
    #[inline]
    fn nested<R>(&mut self, f: impl FnOnce(&mut Self) -> Result<R>) -> Result<R> {
        self.enter()?;
        let r = f(self);
        self.exit();
        r
    }

    // ----- classes ----------------------------------------------------------

    /// Kryo's `writeClass` for `T`'s class.
    ///
    /// # Errors
    /// [`ErrorKind::NotRegistered`] if the class is unregistered and
    /// registration is required; buffer errors.
    pub fn write_class<T: KryoType, O: Out + ?Sized>(&mut self, out: &mut O) -> Result<()> {
        let reg = self.registry.of::<T>();
        self.write_class_reg(out, reg, || T::java_class())
    }

    /// Kryo's `writeClass` for a class given by its Java name
    /// (`Class.getName()`, wrappers sharing their primitive's registration):
    /// what `ClassSerializer` writes for a `Class` object.
    ///
    /// ```
    /// let mut kryo = kryo5_core::Kryo::new();
    /// let mut out = kryo5_io::Output::new();
    /// kryo.write_class_named(&mut out, "java.lang.String")?;
    /// assert_eq!(out.as_slice(), &[0x03]);
    /// # Ok::<(), kryo5_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Kryo::write_class`].
    pub fn write_class_named<O: Out + ?Sized>(&mut self, out: &mut O, name: &str) -> Result<()> {
        let reg = self.registry.by_name(name);
        self.write_class_reg(out, reg, || Cow::Owned(name.to_owned()))
    }

    /// Kryo's `readClass`, answering the class's Java name (`None` for the
    /// null class, `00`). A class written by name that this Kryo does not
    /// know is accepted and remembered by name (Java loads it), since only
    /// its name is asked for.
    ///
    /// ```
    /// let mut kryo = kryo5_core::Kryo::new();
    /// let name = kryo.read_class_named(&mut kryo5_io::Input::new(&[0x03]))?;
    /// assert_eq!(name.as_deref(), Some("java.lang.String"));
    /// # Ok::<(), kryo5_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// Unknown class ids; a class written by name that is not registered
    /// while registration is required; truncated input.
    pub fn read_class_named<'de, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
    ) -> Result<Option<Cow<'static, str>>> {
        Ok(self
            .read_class_reg(input, true)?
            .map(|i| self.registry.get(i).name.clone()))
    }

    #[inline]
    fn write_class_reg<O: Out + ?Sized>(
        &mut self,
        out: &mut O,
        reg: Option<RegIndex>,
        name: impl FnOnce() -> Cow<'static, str>,
    ) -> Result<()> {
        if let Some(i) = reg
            && let Some(id) = self.registry.get(i).id
        {
            out.write_var_int(id.wrapping_add(2) as i32, true)?;
            return Ok(());
        }
        self.write_class_by_name(out, reg, name)
    }

    /// [`Kryo::write_class_reg`] of a class without an id.
    #[inline(never)]
    fn write_class_by_name<O: Out + ?Sized>(
        &mut self,
        out: &mut O,
        reg: Option<RegIndex>,
        name: impl FnOnce() -> Cow<'static, str>,
    ) -> Result<()> {
        if self.config.registration_required {
            return Err(Error::new(ErrorKind::NotRegistered(name().into_owned())));
        }
        let i = match reg {
            Some(i) => i,
            None => {
                self.registry
                    .register(name(), None, false, None, Some(!self.config.references))
            }
        };
        out.write_byte(1)?;
        if let Some(&name_id) = self.graph.names_written.get(&i) {
            out.write_var_int(name_id as i32, true)?;
            return Ok(());
        }
        let name_id = self.graph.names_written.len() as u32;
        self.graph.names_written.insert(i, name_id);
        out.write_var_int(name_id as i32, true)?;
        let name = self.registry.get(i).name.clone();
        if self.config.warn_unregistered {
            log::warn!("class is not registered, written by name: {name}");
        }
        if name.is_ascii() {
            out.write_ascii(Some(&name))
        } else {
            out.write_string(Some(&name))
        }?;
        Ok(())
    }

    /// Kryo's `readClass`: `None` for the null class (`00`), else the
    /// registration of the class written. A name this Kryo does not know is
    /// an error, or remembered by name when `implicit`.
    fn read_class_reg<'de, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
        implicit: bool,
    ) -> Result<Option<RegIndex>> {
        let at = input.total();
        let v = input.read_var_int(true)? as u32;
        self.class_of_descriptor(input, v, implicit, at)
    }

    /// [`Kryo::read_class_reg`] after the descriptor's first varint `v`
    /// (read at offset `at`).
    fn class_of_descriptor<'de, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
        v: u32,
        implicit: bool,
        at: u64,
    ) -> Result<Option<RegIndex>> {
        match v {
            0 => Ok(None),
            1 => {
                let name_id = input.read_var_int(true)? as u32;
                if let Some(&i) = self.graph.names_read.get(&name_id) {
                    return Ok(Some(i));
                }
                let name = input.read_string()?.unwrap_or_default();
                let i = match self.registry.by_name(&name) {
                    Some(i) => i,
                    None if implicit => {
                        self.registry
                            .register(Cow::Owned(name.clone()), None, false, None, None)
                    }
                    None => {
                        return Err(Error::new(ErrorKind::UnknownClassName(name)).at(at));
                    }
                };
                if self.config.registration_required && self.registry.get(i).id.is_none() {
                    return Err(Error::new(ErrorKind::NotRegistered(name)).at(at));
                }
                self.graph.names_read.insert(name_id, i);
                Ok(Some(i))
            }
            n => self
                .registry
                .by_id(n - 2)
                .map(Some)
                .ok_or_else(|| Error::new(ErrorKind::UnknownClassId((n - 2) as i32)).at(at)),
        }
    }

    /// Reads a class descriptor and checks that it names `T`'s class:
    /// `Ok(false)` for the null class.
    ///
    /// # Errors
    /// [`ErrorKind::WrongType`] for another class; unknown classes.
    #[inline]
    pub fn read_class_expect<'de, T: KryoType, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
    ) -> Result<bool> {
        let own = self.registry.of::<T>();
        self.read_class_checked(input, own, Self::is_class_of::<T>, T::java_class)
    }

    /// [`Kryo::read_class_expect`] for the class `is` accepts, named
    /// `expected`, whose own registration (if known) is `own`.
    #[inline]
    fn read_class_checked<'de, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
        own: Option<RegIndex>,
        is: impl FnOnce(&mut Self, ClassRef) -> bool,
        expected: impl FnOnce() -> Cow<'static, str>,
    ) -> Result<bool> {
        let at = input.total();
        let v = input.read_var_int(true)? as u32;
        // The common case, the class's own id, needs no lookup by id: a
        // registration's id and the id table always agree.
        if let Some(i) = own
            && let Some(id) = self.registry.get(i).id
            && v > 1
            && v == id.wrapping_add(2)
        {
            return Ok(true);
        }
        self.read_class_checked_rest(input, v, at, is, expected)
    }

    /// [`Kryo::read_class_checked`] for a descriptor other than the
    /// class's own id.
    #[inline(never)]
    fn read_class_checked_rest<'de, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
        v: u32,
        at: u64,
        is: impl FnOnce(&mut Self, ClassRef) -> bool,
        expected: impl FnOnce() -> Cow<'static, str>,
    ) -> Result<bool> {
        let Some(found) = self.class_of_descriptor(input, v, false, at)? else {
            return Ok(false);
        };
        if !is(self, ClassRef(found)) {
            return Err(Error::new(ErrorKind::WrongType {
                expected: expected().into_owned(),
                found: self.registry.get(found).name.clone().into_owned(),
            })
            .at(at));
        }
        Ok(true)
    }

    // ----- references ---------------------------------------------------------

    /// Writes the reference marker for `value` if references apply to it:
    /// returns `true` if a back-reference was written (nothing else follows).
    #[inline]
    fn write_reference<T: KryoType, O: Out + ?Sized>(
        &mut self,
        out: &mut O,
        value: &T,
    ) -> Result<bool> {
        if !self.config.references || !T::REFERENCES {
            return Ok(false);
        }
        self.write_reference_for(out, value.identity())
    }

    /// The marker for an object of `identity`: a value (`None`, always a
    /// new object) inline, a shared object looked up out of line.
    #[inline]
    fn write_reference_for<O: Out + ?Sized>(
        &mut self,
        out: &mut O,
        identity: Option<usize>,
    ) -> Result<bool> {
        match identity {
            Some(key) => self.write_reference_shared(out, key),
            None => {
                self.graph.next_write_id += 1;
                out.write_byte(1)?;
                Ok(false)
            }
        }
    }

    /// [`Kryo::write_reference_for`] of a shared object: a back-reference
    /// if it was written before, else a new id for it.
    fn write_reference_shared<O: Out + ?Sized>(&mut self, out: &mut O, key: usize) -> Result<bool> {
        if let Some(&id) = self.graph.written.get(&key) {
            out.write_var_int(id.wrapping_add(2) as i32, true)?;
            return Ok(true);
        }
        let id = self.graph.next_write_id;
        self.graph.next_write_id += 1;
        self.graph.written.insert(key, id);
        out.write_byte(1)?;
        Ok(false)
    }

    /// Reads a reference marker (references on, `T` referenceable): a
    /// back-referenced value, or `New` with the id reserved for the object
    /// that follows. `Err` on a null marker where none is allowed.
    #[inline]
    fn read_reference<'de, T: KryoType, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
        allow_null: bool,
    ) -> Result<Marker<T>> {
        let at = input.total();
        Ok(match self.read_marker(input, allow_null)? {
            Marker::Null => Marker::Null,
            Marker::New(id) => Marker::New(id),
            Marker::Back(id) => Marker::Back(
                self.back_reference(id, input.lent())
                    .map_err(|e| e.at(at))?,
            ),
        })
    }

    /// Reads a reference marker: `Back` holds the id referred to. Inlined
    /// into each reader, as the marker code was before it was shared.
    #[inline(always)]
    fn read_marker<'de, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
        allow_null: bool,
    ) -> Result<Marker<u32>> {
        let at = input.total();
        let v = input.read_var_int(true)? as u32;
        match v {
            0 if allow_null => Ok(Marker::Null),
            0 => Err(Error::new(ErrorKind::UnexpectedNull("a non-null object")).at(at)),
            1 => {
                let id = self.graph.read.len() as u32;
                self.graph.read.push(Slot::Empty);
                Ok(Marker::New(id))
            }
            n => Ok(Marker::Back(n - 2)),
        }
    }

    /// The object bound to reference `id`, as a `T`; `lent` is the input
    /// being read if it lends its bytes (for strings read borrowed).
    fn back_reference<T: KryoType>(&self, id: u32, lent: Option<&[u8]>) -> Result<T> {
        let text = match self.graph.read.get(id as usize) {
            Some(Slot::Bound(shared)) => return T::from_shared(shared),
            Some(Slot::Text(range)) => &self.graph.texts[range.start as usize..range.end as usize],
            Some(&Slot::Lent(addr, len)) => &borrowed::reread(lent, addr, len)
                .ok_or_else(|| Error::new(ErrorKind::BadReference(id)))?,
            _ => return Err(Error::new(ErrorKind::BadReference(id))),
        };
        T::from_shared(&(Arc::new(text.to_owned()) as Shared))
    }

    /// Binds the object being read to the reference id reserved for it, so
    /// that back-references inside it (cycles) resolve: Kryo's
    /// `reference(Object)`. Serializers of cyclic types (`Arc<Mutex<T>>`)
    /// call it right after creating the empty object.
    pub fn reference(&mut self, shared: Shared) {
        if let Some(id) = self.graph.pending
            && let Some(slot @ Slot::Empty) = self.graph.read.get_mut(id as usize)
        {
            *slot = Slot::Bound(shared);
        }
    }

    /// Binds a value read to its reserved id (unless bound already): a
    /// string's text is appended to the graph's text buffer (no allocation
    /// once the buffer has grown), anything else kept as
    /// [`KryoType::share`] makes it.
    fn finish_read<T: KryoType>(&mut self, id: u32, value: &T) {
        let g = &mut self.graph;
        if let Some(slot @ Slot::Empty) = g.read.get_mut(id as usize) {
            *slot = match value.shared_text() {
                Some(text) if g.texts.len() + text.len() <= u32::MAX as usize => {
                    let start = g.texts.len() as u32;
                    g.texts.push_str(text);
                    Slot::Text(start..g.texts.len() as u32)
                }
                _ => value.share().map_or(Slot::Empty, Slot::Bound),
            };
        }
    }

    // ----- payloads ---------------------------------------------------------------

    /// Writes the payload of `value` with its serializer: the one registered
    /// for `T` ([`Kryo::register_with_serializer`]) or `T`'s own.
    /// Serializers call it for nested values they write without markers.
    ///
    /// # Errors
    /// As [`KryoType::write`].
    #[inline]
    pub fn write_payload<T: KryoType, O: Out + ?Sized>(
        &mut self,
        out: &mut O,
        value: &T,
        args: bool,
    ) -> Result<()> {
        match self.serializer_of::<T>() {
            None => value.write(self, out, args),
            Some(s) => registered::<T>(&s).write(self, out.as_dyn(), value),
        }
    }

    /// Reads a payload of `T` with its serializer (see
    /// [`Kryo::write_payload`]).
    ///
    /// # Errors
    /// As [`KryoType::read`].
    #[inline]
    pub fn read_payload<'de, T: KryoType, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
        args: bool,
    ) -> Result<T> {
        match self.serializer_of::<T>() {
            None => T::read(self, input, args),
            Some(s) => registered::<T>(&s).read(self, input.as_dyn()),
        }
    }

    /// How `T`'s serializer writes Java `null`, if it does.
    #[inline]
    fn null_form<T: KryoType>(&self) -> Option<NullForm> {
        match self.serializer_of::<T>() {
            None => T::null_form_in(self),
            Some(s) => registered::<T>(&s).null_form(),
        }
    }

    /// Reads a payload or the serializer's own `null` form.
    fn read_payload_nullable<'de, T: KryoType, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
        args: bool,
    ) -> Result<Option<T>> {
        match self.serializer_of::<T>() {
            None => T::read_nullable(self, input, args),
            Some(s) => registered::<T>(&s).read_nullable(self, input.as_dyn()),
        }
    }

    /// Reads a payload after a reference marker when references apply to
    /// `T`: the back-referenced value, `None` for a null marker (only when
    /// `allow_null`), or the payload, bound to its new id.
    #[inline]
    fn read_referenced<'de, T: KryoType, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
        args: bool,
        allow_null: bool,
    ) -> Result<Option<T>> {
        match self.read_reference::<T, I>(input, allow_null)? {
            Marker::Back(v) => Ok(Some(v)),
            Marker::Null => Ok(None),
            Marker::New(id) => {
                let outer = self.graph.pending.replace(id);
                let v = self.read_payload::<T, I>(input, args);
                self.graph.pending = outer;
                let v = v?;
                self.finish_read(id, &v);
                Ok(Some(v))
            }
        }
    }

    // ----- writing ----------------------------------------------------------------

    /// Kryo's `writeObject`: the payload of `value`, preceded by a reference
    /// marker when references are on.
    ///
    /// # Errors
    /// Buffer errors; unregistered classes nested inside; max depth.
    pub fn write_object<T: KryoType, O: Out + ?Sized>(
        &mut self,
        out: &mut O,
        value: &T,
    ) -> Result<()> {
        self.write_object_args(out, value, false)
    }

    /// [`Kryo::write_object`] at a position that declared `T`'s type
    /// arguments (`args`, section 9.4).
    ///
    /// # Errors
    /// As [`Kryo::write_object`].
    pub fn write_object_args<T: KryoType, O: Out + ?Sized>(
        &mut self,
        out: &mut O,
        value: &T,
        args: bool,
    ) -> Result<()> {
        self.nested(|k| {
            k.check_registered(Some(value))?;
            if k.write_reference(out, value)? {
                return Ok(());
            }
            k.write_payload(out, value, args)
        })
    }

    /// Kryo's `writeObjectOrNull`: `None` is Java `null`. A serializer that
    /// accepts null writes its own form when references are off; otherwise
    /// a `00`/`01` (or back-reference) marker precedes the payload.
    ///
    /// # Errors
    /// As [`Kryo::write_object`].
    pub fn write_object_or_null<T: KryoType, O: Out + ?Sized>(
        &mut self,
        out: &mut O,
        value: Option<&T>,
    ) -> Result<()> {
        self.write_object_or_null_args(out, value, false)
    }

    /// [`Kryo::write_object_or_null`] with `args` (see
    /// [`Kryo::write_object_args`]).
    ///
    /// # Errors
    /// As [`Kryo::write_object`].
    pub fn write_object_or_null_args<T: KryoType, O: Out + ?Sized>(
        &mut self,
        out: &mut O,
        value: Option<&T>,
        args: bool,
    ) -> Result<()> {
        self.nested(|k| {
            k.check_registered(value)?;
            if k.config.references {
                let Some(v) = value else {
                    return out.write_byte(0).map_err(Into::into);
                };
                // Classes without references (wrappers, enums) still get
                // the 01 marker: Kryo writes its own marker whenever
                // references are on, whether the serializer accepts null
                // or not (format spec 6.1, 7.2).
                if !T::REFERENCES {
                    out.write_byte(1)?;
                } else if k.write_reference(out, v)? {
                    return Ok(());
                }
                return k.write_payload(out, v, args);
            }
            match (k.null_form::<T>(), value) {
                (Some(form), None) => write_null(out, form),
                (Some(_), Some(v)) => k.write_payload(out, v, args),
                (None, None) => out.write_byte(0).map_err(Into::into),
                (None, Some(v)) => {
                    out.write_byte(1)?;
                    k.write_payload(out, v, args)
                }
            }
        })
    }

    /// Kryo's `writeClassAndObject`: `00` for `None`, else the class
    /// descriptor, a reference marker when references apply, the payload.
    ///
    /// # Errors
    /// As [`Kryo::write_object`].
    pub fn write_class_and_object<T: KryoType, O: Out + ?Sized>(
        &mut self,
        out: &mut O,
        value: Option<&T>,
    ) -> Result<()> {
        self.write_class_and_object_args(out, value, false)
    }

    /// [`Kryo::write_class_and_object`] at a position that declared `T`'s
    /// type arguments (a field declared `List<String>` holding a list).
    ///
    /// # Errors
    /// As [`Kryo::write_object`].
    pub fn write_class_and_object_args<T: KryoType, O: Out + ?Sized>(
        &mut self,
        out: &mut O,
        value: Option<&T>,
        args: bool,
    ) -> Result<()> {
        match value {
            None => self.nested(|_| out.write_byte(0).map_err(Into::into)),
            Some(v) => v.write_with_class(self, out, args),
        }
    }

    /// The default [`KryoType::write_with_class`]: `T`'s class descriptor, a
    /// reference marker where references apply, the payload.
    ///
    /// # Errors
    /// As [`Kryo::write_object`].
    pub fn write_class_then_object<T: KryoType, O: Out + ?Sized>(
        &mut self,
        out: &mut O,
        value: &T,
        args: bool,
    ) -> Result<()> {
        self.nested(|k| {
            k.write_class_of(out, value)?;
            if k.write_reference(out, value)? {
                return Ok(());
            }
            k.write_payload(out, value, args)
        })
    }

    /// Kryo's `writeClassAndObject` of a value of class `T` held in another
    /// form (a `Vec` written as a `java.util.ArrayList`): `T`'s class
    /// descriptor, a new-object marker where references apply (a borrowed
    /// form has no identity to share), then `payload`. A user
    /// [`Serializer`] registered for `T` is not used.
    ///
    /// ```
    /// use kryo5_core::serializers::list::ArrayList;
    /// use kryo5_io::Output;
    ///
    /// let mut kryo = kryo5_core::Kryo::new();
    /// kryo.register::<ArrayList<i32>>(); // id 9
    /// let mut out = Output::new();
    /// kryo.write_class_and_payload::<ArrayList<i32>, _>(&mut out, |_, o| Ok(o.write_byte(1)?))?;
    /// assert_eq!(out.as_slice(), &[0x0b, 0x01]); // class 9, an empty list
    /// # Ok::<(), kryo5_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::NotRegistered`]; errors of `payload`.
    pub fn write_class_and_payload<T: KryoType, O: Out + ?Sized>(
        &mut self,
        out: &mut O,
        payload: impl FnOnce(&mut Kryo, &mut O) -> Result<()>,
    ) -> Result<()> {
        self.nested(|k| {
            k.write_class::<T, O>(out)?;
            if k.config.references && T::REFERENCES {
                k.write_reference_for(out, None)?;
            }
            payload(k, out)
        })
    }

    /// [`Kryo::write_class_and_object`] for a value whose type is known only
    /// at run time.
    ///
    /// # Errors
    /// As [`Kryo::write_object`].
    pub fn write_class_and_object_dyn<O: Out + ?Sized>(
        &mut self,
        out: &mut O,
        value: Option<&dyn Object>,
    ) -> Result<()> {
        self.nested(|k| {
            let Some(v) = value else {
                return out.write_byte(0).map_err(Into::into);
            };
            let reg = k.registry.by_name(&v.class_name());
            k.write_class_reg(out, reg, || v.class_name())?;
            if k.config.references
                && v.uses_references()
                && k.write_reference_for(out, v.identity())?
            {
                return Ok(());
            }
            v.write_dyn(k, out.as_dyn())
        })
    }

    // ----- reading ----------------------------------------------------------------

    /// Kryo's `readObject`: the twin of [`Kryo::write_object`].
    ///
    /// # Errors
    /// Truncated or malformed input, unknown classes, bad references, max
    /// depth.
    pub fn read_object<'de, T: KryoType, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
    ) -> Result<T> {
        self.read_object_args(input, false)
    }

    /// [`Kryo::read_object`] with `args` (see [`Kryo::write_object_args`]).
    ///
    /// # Errors
    /// As [`Kryo::read_object`].
    pub fn read_object_args<'de, T: KryoType, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
        args: bool,
    ) -> Result<T> {
        self.nested(|k| {
            k.check_registered::<T>(None)?;
            if k.config.references && T::REFERENCES {
                return k
                    .read_referenced::<T, I>(input, args, false)?
                    .map_or_else(unreachable_null, Ok);
            }
            k.read_payload(input, args)
        })
    }

    /// Kryo's `readObjectOrNull`: the twin of [`Kryo::write_object_or_null`].
    ///
    /// # Errors
    /// As [`Kryo::read_object`].
    pub fn read_object_or_null<'de, T: KryoType, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
    ) -> Result<Option<T>> {
        self.read_object_or_null_args(input, false)
    }

    /// [`Kryo::read_object_or_null`] with `args`.
    ///
    /// # Errors
    /// As [`Kryo::read_object`].
    pub fn read_object_or_null_args<'de, T: KryoType, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
        args: bool,
    ) -> Result<Option<T>> {
        self.nested(|k| {
            k.check_registered::<T>(None)?;
            if k.config.references && T::REFERENCES {
                return k.read_referenced::<T, I>(input, args, true);
            }
            if !k.config.references && k.null_form::<T>().is_some() {
                return k.read_payload_nullable(input, args);
            }
            if read_not_null(input)? {
                k.read_payload(input, args).map(Some)
            } else {
                Ok(None)
            }
        })
    }

    /// Kryo's `readClassAndObject` for a known type: the class written must
    /// be `T`'s (or one of `T`'s classes, for types standing for several).
    ///
    /// # Errors
    /// [`ErrorKind::WrongType`] for another class; as [`Kryo::read_object`].
    pub fn read_class_and_object_as<'de, T: KryoType, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
    ) -> Result<Option<T>> {
        self.read_class_and_object_as_args(input, false)
    }

    /// [`Kryo::read_class_and_object_as`] with `args`.
    ///
    /// # Errors
    /// As [`Kryo::read_class_and_object_as`].
    pub fn read_class_and_object_as_args<'de, T: KryoType, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
        args: bool,
    ) -> Result<Option<T>> {
        T::read_with_class(self, input, args)
    }

    /// The default [`KryoType::read_with_class`]: a class descriptor that
    /// must name `T`'s class, then the object.
    ///
    /// # Errors
    /// As [`Kryo::read_class_and_object_as`].
    pub fn read_class_then_object<'de, T: KryoType, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
        args: bool,
    ) -> Result<Option<T>> {
        self.nested(|k| {
            if !k.read_class_expect::<T, I>(input)? {
                return Ok(None);
            }
            if k.config.references && T::REFERENCES {
                return k
                    .read_referenced::<T, I>(input, args, false)?
                    .map_or_else(unreachable_null, |v| Ok(Some(v)));
            }
            k.read_payload(input, args).map(Some)
        })
    }

    /// Kryo's `readClassAndObject`: a value of whatever registered class the
    /// data names, as a dynamic [`Object`] (downcast it to recover the Rust
    /// type).
    ///
    /// # Errors
    /// Unknown classes (or classes registered without a reader); as
    /// [`Kryo::read_object`].
    pub fn read_class_and_object<'de, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
    ) -> Result<Option<Box<dyn Object>>> {
        self.nested(|k| {
            let at = input.total();
            let Some(reg) = k.read_class_reg(input, false)? else {
                return Ok(None);
            };
            k.read_dyn_of(input, reg, DynRead::AfterClass, at)
        })
    }

    /// Runs the dynamic reader of registration `reg`.
    fn read_dyn_of<'de, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
        reg: RegIndex,
        mode: DynRead,
        at: u64,
    ) -> Result<Option<Box<dyn Object>>> {
        let r = self.registry.get(reg);
        let Some(read) = r.read_dyn else {
            return Err(
                Error::new(ErrorKind::UnknownClassName(r.name.clone().into_owned())).at(at),
            );
        };
        read(self, input.as_dyn(), mode)
    }

    // ----- one class, several payloads --------------------------------------------

    /// Kryo's `writeClass` for the class of `value` (its
    /// [`KryoType::class_name`], which differs from `T`'s class for types
    /// standing for several Java classes, such as `Box<dyn Object>`).
    ///
    /// For serializers that write a class once and then several payloads
    /// of it, like a collection whose elements all have one class.
    ///
    /// ```
    /// use kryo5_core::{Kryo, Object};
    /// use kryo5_io::{Input, Output};
    ///
    /// let mut kryo = Kryo::new();
    /// let value: Box<dyn Object> = Box::new(String::from("a"));
    /// let mut out = Output::new();
    /// kryo.write_class_of(&mut out, &value)?;
    /// value.write_object_dyn(&mut kryo, &mut out, false)?;
    /// assert_eq!(out.as_slice(), &[0x03, 0x82, b'a']); // class String, "a"
    ///
    /// let mut input = Input::new(out.as_slice());
    /// let class = kryo.read_class_ref(&mut input)?.unwrap();
    /// assert_eq!(kryo.class_ref_name(class), "java.lang.String");
    /// let back = kryo.read_object_of_class(&mut input, class, false)?.unwrap();
    /// assert_eq!(back.downcast_ref::<String>().map(String::as_str), Some("a"));
    /// # Ok::<(), kryo5_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::NotRegistered`]; buffer errors.
    pub fn write_class_of<T: KryoType, O: Out + ?Sized>(
        &mut self,
        out: &mut O,
        value: &T,
    ) -> Result<()> {
        let name = value.class_name();
        let class = T::java_class();
        if std::ptr::eq(&*name, &*class) || name == class {
            return self.write_class::<T, O>(out);
        }
        let reg = self.registry.by_name(&name);
        self.write_class_reg(out, reg, || name)
    }

    /// Kryo's `readClass`: the class a descriptor names, `None` for the
    /// null class (`00`). See [`Kryo::write_class_of`].
    ///
    /// # Errors
    /// Unknown class ids or names; buffer errors.
    pub fn read_class_ref<'de, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
    ) -> Result<Option<ClassRef>> {
        Ok(self.read_class_reg(input, false)?.map(ClassRef))
    }

    /// The Java name of a class read by [`Kryo::read_class_ref`].
    #[must_use]
    pub fn class_ref_name(&self, class: ClassRef) -> &str {
        &self.registry.get(class.0).name
    }

    /// Whether `class` is `T`'s Java class (or one of its
    /// [`KryoType::OTHER_CLASSES`]).
    pub fn is_class_of<T: KryoType>(&mut self, class: ClassRef) -> bool {
        self.registry.of::<T>() == Some(class.0)
            || (!T::OTHER_CLASSES.is_empty()
                && T::OTHER_CLASSES.contains(&&*self.registry.get(class.0).name))
    }

    /// Kryo's `readObject` (`readObjectOrNull` when `or_null`) with the
    /// serializer of `class`, a class known only at run time: the value as
    /// registered for that class, `None` for Java `null`.
    ///
    /// # Errors
    /// [`ErrorKind::UnknownClassName`] for a class registered without a
    /// reader; as [`Kryo::read_object`].
    pub fn read_object_of_class<'de, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
        class: ClassRef,
        or_null: bool,
    ) -> Result<Option<Box<dyn Object>>> {
        let mode = if or_null {
            DynRead::ObjectOrNull
        } else {
            DynRead::Object
        };
        let at = input.total();
        self.read_dyn_of(input, class.0, mode, at)
    }

    // ----- copying ----------------------------------------------------------------

    /// Kryo's `copy`: a deep copy of `value`. With copy references on (the
    /// default) an object shared in the original is shared in the copy, and
    /// cycles stay cycles.
    ///
    /// ```
    /// use std::sync::Arc;
    /// let mut kryo = kryo5_core::Kryo::new();
    /// let s = Arc::new(String::from("x"));
    /// let copy = kryo.copy(&s)?;
    /// // Strings are immutable: the copy may share them, as in Java.
    /// assert!(Arc::ptr_eq(&s, &copy));
    /// # Ok::<(), kryo5_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::Unsupported`] for types that cannot be copied; max depth.
    pub fn copy<T: KryoType>(&mut self, value: &T) -> Result<T> {
        self.graph.shallow = false;
        self.copy_nested(value)
    }

    /// Kryo's `copyShallow`: a copy of `value` whose shared (`Arc`) fields
    /// point to the original's objects.
    ///
    /// # Errors
    /// As [`Kryo::copy`].
    pub fn copy_shallow<T: KryoType>(&mut self, value: &T) -> Result<T> {
        self.graph.shallow = true;
        self.copy_nested(value)
    }

    /// Copies a value nested in one being copied: what [`KryoType::copy`]
    /// implementations call for their fields and elements.
    ///
    /// # Errors
    /// As [`Kryo::copy`].
    pub fn copy_nested<T: KryoType>(&mut self, value: &T) -> Result<T> {
        self.nested(|k| match k.serializer_of::<T>() {
            None => value.copy(k),
            Some(s) => registered::<T>(&s).copy(k, value),
        })
    }

    /// For [`KryoType::copy`] of shared pointers: whether the copy of the
    /// value at `identity` must be the original itself. True in a shallow
    /// copy below the top level, and for immutable types.
    #[must_use]
    pub fn copy_keeps_original<T: KryoType>(&self) -> bool {
        (self.graph.shallow && self.graph.nesting.depth() > 1)
            || self
                .serializer_of::<T>()
                .map_or(T::IMMUTABLE, |s| registered::<T>(&s).is_immutable())
    }

    /// For [`KryoType::copy`] of shared pointers: the copy already made of
    /// the object at `identity` in this copy operation (copy references
    /// on).
    #[must_use]
    pub fn copy_of(&self, identity: usize) -> Option<&Shared> {
        self.graph.copies.get(&identity)
    }

    /// For [`KryoType::copy`] of shared pointers: records `copy` as the copy
    /// of the object at `identity`, before its contents are copied (Kryo's
    /// `reference(copy)`), so that cycles through it resolve.
    pub fn remember_copy(&mut self, identity: usize, copy: Shared) {
        if self.config.copy_references {
            self.graph.copies.insert(identity, copy);
        }
    }
}

/// The serializer stored for `T`.
#[inline]
fn registered<T: KryoType>(s: &Arc<dyn Any + Send + Sync>) -> &dyn Serializer<T> {
    match s.downcast_ref::<Registered<T>>() {
        Some(r) => &*r.0,
        // Stored under TypeId::of::<T>() as a Registered<T>.
        None => unreachable_context(),
    }
}

/// What a reference marker said.
/// A reference id's entry in the reader's table.
enum Slot {
    /// Reserved, not bound (yet): a back-reference to it is an error.
    Empty,
    /// An object, as [`KryoType::share`] kept it (or [`Kryo::reference`]
    /// bound it).
    Bound(Shared),
    /// A string, by its bytes in `Graph::texts`; materialized as an
    /// `Arc<String>` only when a back-reference asks for it.
    Text(std::ops::Range<u32>),
    /// A string read borrowed from a slice input, by the address and
    /// length of its Kryo bytes there: a back-reference reads them again
    /// (see `kryo/borrowed.rs`).
    Lent(usize, usize),
}

enum Marker<T> {
    Null,
    /// A new object follows, with this reference id.
    New(u32),
    Back(T),
}

/// `read_reference` never yields `Null` when null is not allowed.
#[cold]
fn unreachable_null<T>() -> Result<T> {
    Err(Error::new(ErrorKind::UnexpectedNull("a non-null object")))
}

/// Reads Kryo's `00`/`01` null marker: `true` for `01` (an object follows).
#[inline]
fn read_not_null<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<bool> {
    let at = input.total();
    match input.read_byte()? {
        0 => Ok(false),
        1 => Ok(true),
        b => Err(Error::new(ErrorKind::InvalidData(format!("null marker {b:#04x}"))).at(at)),
    }
}

fn write_null<O: Out + ?Sized>(out: &mut O, form: NullForm) -> Result<()> {
    match form {
        NullForm::Zero => out.write_byte(0)?,
        NullForm::String => out.write_byte(0x80)?,
    }
    Ok(())
}

/// Empties `map` if it holds anything (see [`Kryo::reset`]).
#[inline]
fn clear_used<K, V>(map: &mut IdMap<K, V>) {
    if !map.is_empty() {
        map.clear();
    }
}

fn context_entry<V: Any + Send + Default>(map: &mut IdMap<TypeId, Box<dyn Any + Send>>) -> &mut V {
    let entry = map
        .entry(TypeId::of::<V>())
        .or_insert_with(|| Box::new(V::default()));
    match entry.downcast_mut::<V>() {
        Some(v) => v,
        None => unreachable_context(),
    }
}

#[cold]
fn unreachable_context<V>() -> V {
    // Maps keyed by TypeId::of::<V>() always hold a V under that key.
    panic!("type-keyed entry of the wrong type")
}

/// The dynamic reader of `T`: reads a value (with reference bookkeeping)
/// into a boxed [`Object`].
fn read_dyn<T: KryoType + Clone + std::fmt::Debug + Send + Sync>(
    kryo: &mut Kryo,
    input: &mut dyn In<'_>,
    mode: DynRead,
) -> Result<Option<Box<dyn Object>>> {
    let v: Option<T> = match mode {
        DynRead::AfterClass if kryo.config.references && T::REFERENCES => Some(
            kryo.read_referenced::<T, _>(input, false, false)?
                .map_or_else(unreachable_null, Ok)?,
        ),
        DynRead::AfterClass => Some(kryo.read_payload(input, false)?),
        DynRead::Object => Some(kryo.read_object(input)?),
        DynRead::ObjectOrNull => kryo.read_object_or_null(input)?,
    };
    Ok(v.map(|v| Box::new(v) as Box<dyn Object>))
}
