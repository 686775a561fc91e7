//! The codec's shared decisions: what serializer a class gets, which types
//! are final, the field order, and how each position is written. The
//! reader (`read.rs`) and the writer (`write.rs`) follow them alike.

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::Arc;

use kryo5_core::nesting::Nesting;
use kryo5_core::{DEFAULT_MAX_DEPTH, DEFAULT_MAX_STACK, Error, ErrorKind, Kryo, Result};

use crate::cache::Decisions;
use crate::jdk::{self, Coll, Leaf, Special};
use crate::jtype::{JType, Prim};
use crate::schema::{ClassDef, Schema};
use crate::serializer::ClassSerializer;

/// How the root of a graph was written: Java's three entry points.
///
/// ```
/// use kryo5_dynamic::{JType, Root};
/// let r = Root::Object(JType::parse("com.example.MediaContent")?);
/// assert_ne!(r, Root::ClassAndObject);
/// # Ok::<(), String>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Root {
    /// `writeObject(x)` of this class.
    Object(JType),
    /// `writeObjectOrNull(x, C)`.
    ObjectOrNull(JType),
    /// `writeClassAndObject(x)`.
    ClassAndObject,
}

impl Root {
    /// The root's position.
    pub(crate) fn how(&self) -> How {
        match self {
            Root::Object(t) => How::Object(t.clone()),
            Root::ObjectOrNull(t) => How::OrNull(t.clone()),
            Root::ClassAndObject => How::ClassAnd,
        }
    }
}

/// The dynamic codec: reads and writes the object graphs a [`Schema`]
/// describes, as [`Value`](crate::Value)s.
///
/// ```
/// use kryo5_dynamic::{Codec, Root, Schema, Value};
/// use kryo5_io::{Input, Output};
///
/// let schema = Schema::from_toml(
///     "[[class]]\nname = \"a.P\"\nfields = [{ name = \"x\", type = \"int\" }]\n",
///     "p.toml",
/// )?;
/// let mut codec = Codec::new(schema);
/// let p = Value::Object { class: "a.P".into(), fields: vec![("x".into(), Value::Int(5))] };
/// let mut out = Output::new();
/// codec.write(&mut out, &p, &Root::ClassAndObject)?;
/// assert_eq!(out.as_slice(), &[0x0b, 0x0a]); // class 9 + 2, zigzag 5
/// assert_eq!(codec.read(&mut Input::new(out.as_slice()), &Root::ClassAndObject)?, p);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Codec {
    pub(crate) schema: Arc<Schema>,
    /// Holds the registrations and the class-name ids of the graph.
    pub(crate) kryo: Kryo,
    pub(crate) max_depth: u32,
    pub(crate) max_stack: usize,
    /// Nesting of the walk under way (read, write or JSON), and where the
    /// stack was at its start.
    nesting: Cell<Nesting>,
    /// Next reference id (read or write).
    pub(crate) next_id: u32,
    /// Write side: the value's `@id` to Kryo's id and the class.
    pub(crate) ids: HashMap<u32, (u32, String)>,
    /// Spans of the bytes read, when recording (`trace.rs`).
    pub(crate) recorder: Option<Box<crate::trace::Recorder>>,
    /// The per-class decisions made so far.
    pub(crate) decisions: Decisions,
}

/// The serializer family of a class.
#[derive(Clone, Debug)]
pub(crate) enum Kind<'s> {
    Boxed(Prim),
    Str,
    Bytes,
    PrimArray(Prim),
    ObjArray(JType),
    Collection(Coll),
    Map(Coll),
    Enum(&'s [String]),
    /// An enum with `EnumNameSerializer`.
    EnumName(&'s [String]),
    User(&'s ClassDef),
    /// A JDK value class read through its kryo5-core type.
    Leaf(&'static Leaf),
    /// A JDK class with a serializer of its own in the codec.
    Special(Special),
}

impl Kind<'_> {
    /// Whether the serializer writes its own null (section 6.1).
    pub(crate) fn accepts_null(&self) -> bool {
        match self {
            Kind::Boxed(_) | Kind::EnumName(_) | Kind::Special(_) => false,
            Kind::User(def) => def.wrap.is_none() && def.serializer.writes_null(),
            Kind::Leaf(l) => l.null.is_some(),
            _ => true,
        }
    }

    /// The byte the serializer writes for `null` (`80` for strings).
    pub(crate) fn null_byte(&self) -> u8 {
        match self {
            Kind::Str => 0x80,
            Kind::Leaf(l) => jdk::null_byte(l.null),
            _ => 0,
        }
    }

    /// Whether values of the class take reference ids (section 7.2).
    pub(crate) fn uses_refs(&self) -> bool {
        match self {
            Kind::Leaf(l) => l.refs,
            k => !matches!(k, Kind::Boxed(_) | Kind::Enum(_) | Kind::EnumName(_)),
        }
    }
}

/// How a value is written in its position.
#[derive(Clone, Debug)]
pub(crate) enum How {
    /// `writeObject(x, C)`.
    Object(JType),
    /// `writeObjectOrNull(x, C)`.
    OrNull(JType),
    /// `writeClassAndObject(x)`.
    ClassAnd,
    /// A primitive field, fixed or variable length.
    Prim(Prim, bool),
    /// A String field written directly (`str(v)`).
    DirectStr,
}

/// A field of a class in Kryo's order, its type resolved.
#[derive(Clone, Debug)]
pub(crate) struct Slot {
    /// The key in [`Value::Object`](crate::Value::Object) fields.
    pub(crate) key: String,
    pub(crate) how: How,
    /// Type arguments passed to the value's serializer.
    pub(crate) args: Vec<JType>,
    /// The field's name and annotations (empty for elements).
    pub(crate) meta: Meta,
}

/// What the evolution serializers need of a field beyond how it is
/// written: its Java name and annotations.
#[derive(Clone, Debug, Default)]
pub(crate) struct Meta {
    /// The Java field name (the key without its declaring class).
    pub(crate) name: String,
    /// `@Tag(n)`.
    pub(crate) tag: Option<u32>,
    /// `@Since(n)`.
    pub(crate) since: u32,
    /// `@Deprecated`.
    pub(crate) deprecated: bool,
    /// The declared type, type variables bound.
    pub(crate) ty: Option<JType>,
}

impl Codec {
    /// A codec for `schema`: a Kryo configured and registered as the
    /// schema says.
    #[must_use]
    pub fn new(schema: Schema) -> Codec {
        let mut kryo = Kryo::new();
        kryo.set_references(schema.references);
        kryo.set_registration_required(schema.registration_required);
        kryo.set_optimized_generics(schema.optimized_generics);
        for c in schema.classes.iter().filter(|c| c.register) {
            kryo.register_class_name(jvm_name(&c.name), c.id);
        }
        Codec {
            schema: Arc::new(schema),
            kryo,
            max_depth: DEFAULT_MAX_DEPTH,
            max_stack: DEFAULT_MAX_STACK,
            nesting: Cell::new(Nesting::default()),
            next_id: 0,
            ids: HashMap::new(),
            recorder: None,
            decisions: Decisions::default(),
        }
    }

    /// The schema.
    ///
    /// ```
    /// let s = kryo5_dynamic::Schema::from_toml("references = true", "s")?;
    /// assert!(kryo5_dynamic::Codec::new(s).schema().references);
    /// # Ok::<(), kryo5_dynamic::SchemaError>(())
    /// ```
    #[must_use]
    pub fn schema(&self) -> &Schema {
        &self.schema
    }

    /// Limits nesting (default [`DEFAULT_MAX_DEPTH`]).
    ///
    /// ```
    /// let s = kryo5_dynamic::Schema::from_toml("", "s")?;
    /// kryo5_dynamic::Codec::new(s).set_max_depth(10);
    /// # Ok::<(), kryo5_dynamic::SchemaError>(())
    /// ```
    pub fn set_max_depth(&mut self, depth: u32) {
        self.max_depth = depth;
    }

    /// Limits the stack a walk may use (default [`DEFAULT_MAX_STACK`]
    /// bytes), so deep graphs fail with an error instead of overflowing.
    ///
    /// ```
    /// let s = kryo5_dynamic::Schema::from_toml("", "s")?;
    /// kryo5_dynamic::Codec::new(s).set_max_stack(256 << 10);
    /// # Ok::<(), kryo5_dynamic::SchemaError>(())
    /// ```
    pub fn set_max_stack(&mut self, bytes: usize) {
        self.max_stack = bytes;
    }

    /// Starts a walk that does not touch the wire (JSON conversion).
    pub(crate) fn begin_walk(&self) {
        self.nesting.set(Nesting::default());
    }

    /// Starts a graph: Kryo's reset between top-level calls.
    pub(crate) fn begin(&mut self) {
        self.kryo.reset();
        self.nesting.set(Nesting::default());
        self.next_id = 0;
        self.ids.clear();
    }

    /// One level deeper: errors past the depth limit or when the walk has
    /// used more stack than [`Codec::set_max_stack`] allows (deep graphs of
    /// debug builds reach that first). Pair with [`Codec::exit`].
    pub(crate) fn enter(&self) -> Result<()> {
        let mut n = self.nesting.get();
        n.enter(self.max_depth, self.max_stack)?;
        self.nesting.set(n);
        Ok(())
    }

    /// Back up one level.
    pub(crate) fn exit(&self) {
        let mut n = self.nesting.get();
        n.exit();
        self.nesting.set(n);
    }

    /// Kryo's final test (section 6.6) for a declared type.
    pub(crate) fn is_final(&self, t: &JType) -> bool {
        match t {
            JType::Prim(_) => true,
            JType::Var(_) => false,
            JType::Array(c) => self.is_final(c),
            JType::Class(n, _) => {
                n == "java.lang.String"
                    || Prim::from_boxed(n).is_some()
                    || match self.schema.class(n) {
                        Some(c) => c.is_final.unwrap_or(
                            c.constants.is_some()
                                || c.serializer == ClassSerializer::Record
                                || jdk::is_final(n),
                        ),
                        None => jdk::is_final(n),
                    }
            }
        }
    }

    /// The generic argument `i` of a position, when optimized generics
    /// are on.
    pub(crate) fn arg<'a>(&self, args: &'a [JType], i: usize) -> Option<&'a JType> {
        args.get(i).filter(|_| self.schema.optimized_generics)
    }

    /// How an element of a collection or map is written, given its type
    /// argument: a final argument makes the class known.
    pub(crate) fn element(&self, arg: Option<&JType>, can_be_null: bool) -> Slot {
        match arg {
            Some(t) if self.is_final(t) => Slot {
                key: String::new(),
                how: if can_be_null {
                    How::OrNull(t.clone())
                } else {
                    How::Object(t.clone())
                },
                args: t.args().to_vec(),
                meta: Meta::default(),
            },
            _ => Slot {
                key: String::new(),
                how: How::ClassAnd,
                args: arg.map(|t| t.args().to_vec()).unwrap_or_default(),
                meta: Meta::default(),
            },
        }
    }

    /// The fields of `class` (and its superclasses) in Kryo's order, with
    /// the class's type variables bound to `args` (cached by
    /// [`Codec::slots`]).
    pub(crate) fn compute_slots(&self, class: &ClassDef, args: &[JType]) -> Result<Vec<Slot>> {
        let mut all = Vec::new();
        let mut current = Some((class, bind(&class.type_params, args)));
        let mut guard = 0;
        while let Some((c, vars)) = current.take() {
            guard += 1;
            if guard > 256 {
                return Err(Error::new(ErrorKind::InvalidData(format!(
                    "superclass chain of {} is cyclic",
                    class.name
                ))));
            }
            let fc = class.field_config;
            for f in c
                .fields
                .iter()
                .filter(|f| !f.transient || fc.serialize_transient)
            {
                all.push((f, c, subst(&f.ty, &vars), f.value_class.clone()));
            }
            if let Some(sup) = &c.extends {
                let sup = subst(sup, &vars);
                let def = self.schema.class(&sup.raw_name()).ok_or_else(|| {
                    Error::new(ErrorKind::Unsupported(format!(
                        "superclass {} of {} is not described by the schema",
                        sup.raw_name(),
                        c.name
                    )))
                })?;
                current = Some((def, bind(&def.type_params, sup.args())));
            }
        }
        all.sort_by(|a, b| a.0.name.encode_utf16().cmp(b.0.name.encode_utf16()));
        let mut seen = Vec::<&str>::new();
        Ok(all
            .into_iter()
            .map(|(f, owner, ty, value_class)| {
                let key = if seen.contains(&f.name.as_str()) {
                    format!("{}.{}", owner.name, f.name)
                } else {
                    seen.push(&f.name);
                    f.name.clone()
                };
                let meta = Meta {
                    name: f.name.clone(),
                    tag: f.tag,
                    since: f.since,
                    deprecated: f.deprecated,
                    ty: Some(ty.clone()),
                };
                if class.serializer == ClassSerializer::Record {
                    return self.component(key, ty, meta);
                }
                let args = if self.schema.optimized_generics {
                    ty.args().to_vec()
                } else {
                    Vec::new()
                };
                let fc = class.field_config;
                let nullable = f.nullable && fc.fields_can_be_null;
                let fixed = |t: &JType| fc.fixed_field_types && !matches!(t, JType::Var(_));
                let how = match (&ty, value_class) {
                    (JType::Prim(p), _) => How::Prim(*p, f.var_int && fc.variable_length_encoding),
                    (JType::Class(n, _), None)
                        if n == "java.lang.String" && !self.schema.references =>
                    {
                        How::DirectStr
                    }
                    (_, Some(v)) => known(v, nullable),
                    (t, None) if self.is_final(t) || fixed(t) => known(t.clone(), nullable),
                    _ => How::ClassAnd,
                };
                Slot {
                    key,
                    how,
                    args,
                    meta,
                }
            })
            .collect())
    }

    /// A record component (format spec 8.21): a primitive through its
    /// wrapper's serializer, a final type with `writeObjectOrNull`, any
    /// other with `writeClassAndObject`; no type arguments.
    fn component(&self, key: String, ty: JType, meta: Meta) -> Slot {
        let how = match ty {
            JType::Prim(p) => How::Object(JType::Class(p.boxed().to_owned(), Vec::new())),
            t if self.is_final(&t) => How::OrNull(t),
            _ => How::ClassAnd,
        };
        Slot {
            key,
            how,
            args: Vec::new(),
            meta,
        }
    }
}

/// The JVM name (`Class.getName()`) of a class in schema form: `[I` for
/// `int[]`.
pub(crate) fn jvm_name(class: &str) -> String {
    JType::from_class_name(class).map_or_else(|| class.to_owned(), |t| t.jvm_name())
}

/// The family of a class whose serializer does not depend on the schema:
/// wrappers, `String`, the JDK classes the codec knows, arrays.
pub(crate) fn fixed_kind(class: &str) -> Option<Kind<'static>> {
    if let Some(p) = Prim::from_boxed(class).or_else(|| Prim::from_name(class)) {
        return Some(Kind::Boxed(p));
    }
    if class == "java.lang.String" {
        return Some(Kind::Str);
    }
    if let Some(k) = jdk::kind(class) {
        return Some(k);
    }
    if let Some(JType::Array(c)) = JType::from_class_name(class) {
        return Some(match *c {
            JType::Prim(Prim::Byte) => Kind::Bytes,
            JType::Prim(p) => Kind::PrimArray(p),
            other => Kind::ObjArray(other),
        });
    }
    None
}

/// The index in `schema.classes` of the definition of `class`.
pub(crate) fn described(schema: &Schema, class: &str) -> Result<usize> {
    let index = |c: &str| schema.classes.iter().position(|d| d.name == c);
    // A constant with a body is a class of its own (`Op$2`), which Java
    // writes by name where the enum is not registered.
    let body_of = |c: &str| {
        let (parent, n) = c.rsplit_once('$')?;
        let i = index(parent).filter(|&i| schema.classes[i].constants.is_some())?;
        n.bytes().all(|b| b.is_ascii_digit()).then_some(i)
    };
    index(class).or_else(|| body_of(class)).ok_or_else(|| {
        Error::new(ErrorKind::Unsupported(format!(
            "class {class} is not described by the schema"
        )))
    })
}

/// The family of a class the schema describes.
pub(crate) fn def_kind(def: &ClassDef) -> Kind<'_> {
    match &def.constants {
        Some(c) if def.serializer == ClassSerializer::EnumName => Kind::EnumName(c),
        Some(c) => Kind::Enum(c),
        None => Kind::User(def),
    }
}

fn known(t: JType, nullable: bool) -> How {
    if nullable {
        How::OrNull(t)
    } else {
        How::Object(t)
    }
}

fn bind(params: &[String], args: &[JType]) -> Vec<(String, JType)> {
    params.iter().cloned().zip(args.iter().cloned()).collect()
}

/// `t` with type variables replaced by their bindings.
fn subst(t: &JType, vars: &[(String, JType)]) -> JType {
    match t {
        JType::Var(v) => vars
            .iter()
            .find(|b| &b.0 == v)
            .map_or_else(|| t.clone(), |b| b.1.clone()),
        JType::Array(c) => JType::Array(Box::new(subst(c, vars))),
        JType::Class(n, a) => JType::Class(n.clone(), a.iter().map(|x| subst(x, vars)).collect()),
        JType::Prim(_) => t.clone(),
    }
}

/// An error for a value of the wrong shape.
pub(crate) fn wrong(expected: impl Into<String>, found: impl Into<String>) -> Error {
    Error::new(ErrorKind::WrongType {
        expected: expected.into(),
        found: found.into(),
    })
}
