//! `CompatibleFieldSerializer` (format spec 10.1): the field names of a
//! class once per graph, then its fields, each framed so that a reader
//! with another version of the class can skip what it does not know.

use std::any::TypeId;
use std::marker::PhantomData;
use std::sync::Arc;

use crate::error::{Error, ErrorKind, Result};
use crate::inherit::Fields;
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::registry::IdMap;
use crate::serializer::Serializer;
use crate::serializers::field_family::{Framing, fresh};

/// Settings of [`CompatibleFieldSerializer`] (Java's
/// `CompatibleFieldSerializerConfig`).
///
/// ```
/// use kryo5_core::serializers::compatible::CompatibleConfig;
/// let config = CompatibleConfig { chunked_encoding: true, ..CompatibleConfig::default() };
/// assert!(config.read_unknown_field_data);
/// assert_eq!(config.chunk_size, 1024);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CompatibleConfig {
    /// `readUnknownFieldData` (default `true`): each field's value is
    /// preceded by its class, so fields the reader does not have can be
    /// read and dropped.
    pub read_unknown_field_data: bool,
    /// `chunkedEncoding` (default `false`): each field in a run of chunks,
    /// so what cannot be read is skipped.
    pub chunked_encoding: bool,
    /// `chunkSize` (default 1024): the chunked buffer's size.
    pub chunk_size: usize,
}

impl Default for CompatibleConfig {
    fn default() -> Self {
        CompatibleConfig {
            read_unknown_field_data: true,
            chunked_encoding: false,
            chunk_size: 1024,
        }
    }
}

impl CompatibleConfig {
    fn framing(&self) -> Framing {
        Framing {
            with_class: self.read_unknown_field_data,
            chunked: self.chunked_encoding,
            chunk_size: self.chunk_size,
        }
    }
}

/// Java's `CompatibleFieldSerializer` for a derived struct: register it
/// with [`Kryo::register_with_serializer`], or make it the default for
/// every derived struct with [`Kryo::set_default_serializer`] and
/// [`crate::DefaultSerializer::Compatible`].
///
/// Reading needs a starting value for fields absent from the data:
/// `T: Default` (Java's no-argument constructor); without it reads fail
/// with [`ErrorKind::Unsupported`].
///
/// ```
/// use kryo5::serializers::compatible::{CompatibleConfig, CompatibleFieldSerializer};
/// use kryo5::io::{Input, Output};
/// use kryo5::Kryo;
///
/// #[derive(Kryo, Clone, Debug, Default, PartialEq)]
/// struct Pt { x: i32, name: Option<String> }
///
/// /// A later version of `Pt`: `name` removed, `z` added.
/// #[derive(Kryo, Clone, Debug, Default, PartialEq)]
/// #[kryo(class = "Pt")]
/// struct PtV2 { x: i32, z: i32 }
///
/// let mut old = Kryo::new();
/// old.register_with_serializer::<Pt, _>(CompatibleFieldSerializer::new(CompatibleConfig::default()));
/// let mut out = Output::new();
/// old.write_object(&mut out, &Pt { x: 5, name: Some("a".into()) })?;
///
/// let mut new = Kryo::new();
/// new.register_with_serializer::<PtV2, _>(CompatibleFieldSerializer::new(CompatibleConfig::default()));
/// let v2: PtV2 = new.read_object(&mut Input::new(out.as_slice()))?;
/// assert_eq!(v2, PtV2 { x: 5, z: 0 });
/// # Ok::<(), kryo5::Error>(())
/// ```
pub struct CompatibleFieldSerializer<T> {
    config: CompatibleConfig,
    _type: PhantomData<fn() -> T>,
}

impl<T> CompatibleFieldSerializer<T> {
    /// The serializer with these settings.
    #[must_use]
    pub fn new(config: CompatibleConfig) -> Self {
        CompatibleFieldSerializer {
            config,
            _type: PhantomData,
        }
    }
}

impl<T: Fields + 'static> Serializer<T> for CompatibleFieldSerializer<T> {
    fn write(&self, kryo: &mut Kryo, out: &mut dyn Out, value: &T) -> Result<()> {
        write(&self.config, value, kryo, out)
    }

    fn read<'de>(&self, kryo: &mut Kryo, input: &mut dyn In<'de>) -> Result<T> {
        read(&self.config, kryo, input)
    }
}

/// Per-graph schemas (Java keeps them in the graph context).
#[derive(Default)]
struct Schemas {
    /// Classes whose schema this graph has written.
    written: IdMap<TypeId, ()>,
    /// Per class read: for each field of the data, the reader's field.
    read: IdMap<TypeId, Arc<[Option<usize>]>>,
}

pub(crate) fn write<T: Fields>(
    config: &CompatibleConfig,
    value: &T,
    kryo: &mut Kryo,
    out: &mut dyn Out,
) -> Result<()> {
    let fields = T::FIELDS;
    if kryo
        .graph_context::<Schemas>()
        .written
        .insert(TypeId::of::<T>(), ())
        .is_none()
    {
        out.write_var_int(fields.len() as i32, true)?;
        for f in fields {
            out.write_string(Some(f.name))?;
        }
    }
    let direct = kryo.strings_direct::<T>();
    let framing = config.framing();
    for i in 0..fields.len() {
        framing.write(value, i, kryo, out, direct)?;
    }
    Ok(())
}

pub(crate) fn read<T: Fields>(
    config: &CompatibleConfig,
    kryo: &mut Kryo,
    input: &mut dyn In<'_>,
) -> Result<T> {
    let key = TypeId::of::<T>();
    let schema = match kryo.graph_context::<Schemas>().read.get(&key) {
        Some(s) => s.clone(),
        None => {
            let s = read_schema::<T>(input)?;
            kryo.graph_context::<Schemas>().read.insert(key, s.clone());
            s
        }
    };
    let mut value = fresh::<T>()?;
    let direct = kryo.strings_direct::<T>();
    let framing = config.framing();
    for &slot in schema.iter() {
        framing.read(&mut value, slot, kryo, input, direct, || {
            Error::new(ErrorKind::InvalidData(format!(
                "unknown field of {} (its data cannot be skipped without \
                 read_unknown_field_data or chunked encoding)",
                T::java_class()
            )))
        })?;
    }
    Ok(value)
}

/// The field names of the data, each mapped to the first field of `T`
/// with that name (as Java matches them).
fn read_schema<T: Fields>(input: &mut dyn In<'_>) -> Result<Arc<[Option<usize>]>> {
    read_field_names(input, |n| T::FIELDS.iter().position(|f| f.name == n))
}

/// Reads the field names of a compatible schema (format spec 10.1), each
/// mapped by `find` to the reader's field of that name. Public (hidden)
/// for the dynamic codec.
///
/// # Errors
/// A negative count; truncated input.
#[doc(hidden)]
pub fn read_field_names(
    input: &mut dyn In<'_>,
    find: impl Fn(&str) -> Option<usize>,
) -> Result<Arc<[Option<usize>]>> {
    let at = input.total();
    let count = input.read_var_int(true)?;
    let count = u32::try_from(count)
        .map_err(|_| Error::new(ErrorKind::InvalidData(format!("field count {count}"))).at(at))?;
    // Grows as names arrive: a huge count on short input fails first.
    let mut slots = Vec::new();
    for _ in 0..count {
        // Borrowed from slice inputs: names are compared, not kept.
        let name = input.read_str()?;
        slots.push(name.and_then(|n| find(&n)));
    }
    Ok(slots.into())
}
