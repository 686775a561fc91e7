//! `CompatibleFieldSerializer` (format spec 10.1): the field names of a
//! class once per graph, then its fields, each framed so that a reader
//! with another version of the class can skip what it does not know.

use std::any::TypeId;
use std::marker::PhantomData;
use std::sync::Arc;

use crate::error::{Error, ErrorKind, Result};
use crate::inherit::{FieldInfo, Fields};
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::registry::IdMap;
use crate::serializer::Serializer;
use crate::serializers::field_family::{Framing, fresh};
use kryo5_io::Output;

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

/// The compatible serializer's schemas in one [`Kryo`], kept from graph
/// to graph (in [`Kryo::context`]) so that the names each graph writes
/// and reads again cost no allocation. What belongs to one graph (Java
/// keeps it in the graph context) is tagged with
/// [`Kryo::graph_number`].
#[derive(Default)]
struct Schemas {
    classes: IdMap<TypeId, Schema>,
    /// Reused buffers: the name being read, the mapping being built.
    name: String,
    slots: Vec<Option<usize>>,
}

/// One class's schema state.
#[derive(Default)]
struct Schema {
    /// The graph that last wrote the class's field names.
    written: Option<u64>,
    /// The graph that last read them; `slots` maps what it read.
    read: Option<u64>,
    /// For each field of the data last read, the reader's field.
    slots: Arc<[Option<usize>]>,
    /// The class's own schema, made at its first use.
    own: Option<Own>,
}

/// A class's own schema.
struct Own {
    /// Its field count and names as written (varints and strings, the
    /// same bytes whatever the output's settings).
    names: Box<[u8]>,
    /// The mapping of those names to its fields.
    slots: Arc<[Option<usize>]>,
}

impl Schema {
    /// The class's own schema.
    fn own(&mut self, fields: &[FieldInfo]) -> Result<&Own> {
        let own = match self.own.take() {
            Some(own) => own,
            None => {
                let mut out = Output::new();
                write_names(fields, &mut out)?;
                Own {
                    names: out.into_vec().into_boxed_slice(),
                    slots: (0..fields.len())
                        .map(|k| fields.iter().position(|f| f.name == fields[k].name))
                        .collect(),
                }
            }
        };
        Ok(self.own.insert(own))
    }
}

/// Writes the field count and names of a class.
fn write_names(fields: &[FieldInfo], out: &mut dyn Out) -> Result<()> {
    out.write_var_int(fields.len() as i32, true)?;
    for f in fields {
        out.write_string(Some(f.name))?;
    }
    Ok(())
}

pub(crate) fn write<T: Fields>(
    config: &CompatibleConfig,
    value: &T,
    kryo: &mut Kryo,
    out: &mut dyn Out,
) -> Result<()> {
    let fields = T::FIELDS;
    let graph = Some(kryo.graph_number());
    let schema = schema::<T>(kryo);
    if schema.written != graph {
        schema.written = graph;
        out.write_bytes(&schema.own(fields)?.names)?;
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
    let slots = read_slots::<T>(kryo, input)?;
    let mut value = fresh::<T>()?;
    let direct = kryo.strings_direct::<T>();
    let framing = config.framing();
    for &slot in slots.iter() {
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

/// `T`'s schema state in `kryo`.
fn schema<T: Fields>(kryo: &mut Kryo) -> &mut Schema {
    kryo.context::<Schemas>()
        .classes
        .entry(TypeId::of::<T>())
        .or_default()
}

/// The mapping of the field names of the data to `T`'s fields: read from
/// `input` the first time the graph reads `T`, then the same.
fn read_slots<T: Fields>(kryo: &mut Kryo, input: &mut dyn In<'_>) -> Result<Arc<[Option<usize>]>> {
    let graph = Some(kryo.graph_number());
    let Schemas {
        classes,
        name,
        slots,
    } = kryo.context::<Schemas>();
    let schema = classes.entry(TypeId::of::<T>()).or_default();
    if schema.read != graph {
        let own = schema.own(T::FIELDS)?;
        if input.skip_if_next(&own.names) {
            // The data has the class's own names (the common case).
            schema.slots = own.slots.clone();
        } else {
            let fields = T::FIELDS;
            // `last[k]`, a hint, is the first field of its name if found so.
            let find = |n: &str, hint: Option<usize>| match hint {
                Some(i) if fields[i].name == n => Some(i),
                _ => fields.iter().position(|f| f.name == n),
            };
            let changed = read_schema(find, &schema.slots, input, name, slots);
            // Else it usually has the names of the last graph: then that
            // mapping stays, shared with readers in progress.
            if let Ok(true) = changed {
                schema.slots = slots.as_slice().into();
            }
            release_large(name, slots);
            changed?;
        }
        schema.read = graph;
    }
    Ok(schema.slots.clone())
}

/// Capacity of the reused buffers kept for the next schema read.
const BUFFERS_KEPT: usize = 4096;

/// Frees reused buffers grown past [`BUFFERS_KEPT`]: a huge schema, read
/// or not, does not pin their memory.
fn release_large(name: &mut String, slots: &mut Vec<Option<usize>>) {
    if name.capacity() > BUFFERS_KEPT || slots.capacity() > BUFFERS_KEPT {
        (*name, *slots) = Default::default();
    }
}

/// Bytes of the reused name buffer: enough for the input's fast path for
/// short ASCII names, which otherwise allocates each name.
const NAME_ROOM: usize = 64;

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
    let (mut name, mut slots) = (String::new(), Vec::new());
    read_schema(|n, _| find(n), &[], input, &mut name, &mut slots)?;
    Ok(slots.into())
}

/// Reads the field names of a compatible schema (format spec 10.1), each
/// mapped by `find` to a field of the reader (given the mapping of the last
/// schema read at that position as a hint): `false` when they map as
/// `last` does, else `true` with the mapping in `slots`.
fn read_schema(
    find: impl Fn(&str, Option<usize>) -> Option<usize>,
    last: &[Option<usize>],
    input: &mut dyn In<'_>,
    name: &mut String,
    slots: &mut Vec<Option<usize>>,
) -> Result<bool> {
    let at = input.total();
    let count = input.read_var_int(true)?;
    let count = u32::try_from(count)
        .map_err(|_| Error::new(ErrorKind::InvalidData(format!("field count {count}"))).at(at))?
        as usize;
    // Grows as names arrive: a huge count on short input fails first.
    slots.clear();
    // Room for short names read in place (see `read_string_into`).
    name.reserve(NAME_ROOM);
    let mut same = true;
    for k in 0..count {
        let slot = if input.read_string_into(name)? {
            find(name, last.get(k).copied().flatten())
        } else {
            None
        };
        if same && last.get(k) == Some(&slot) {
            continue;
        }
        if same {
            same = false;
            slots.extend_from_slice(&last[..k]);
        }
        slots.push(slot);
    }
    if same && count != last.len() {
        same = false;
        slots.extend_from_slice(&last[..count]);
    }
    Ok(!same)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kryo5_io::Input;

    const FIELDS: [FieldInfo; 2] = [FieldInfo::named("x"), FieldInfo::named("z")];

    /// A field of [`FIELDS`] by name.
    fn find(n: &str, _: Option<usize>) -> Option<usize> {
        FIELDS.iter().position(|f| f.name == n)
    }

    fn names(names: &[Option<&str>]) -> Vec<u8> {
        let mut out = Output::new();
        out.write_var_int(names.len() as i32, true).unwrap();
        for &n in names {
            out.write_string(n).unwrap();
        }
        out.into_vec()
    }

    /// `read_schema` of `data` after `last`: whether the mapping changed,
    /// and the new one.
    fn read(data: &[u8], last: &[Option<usize>]) -> Result<(bool, Vec<Option<usize>>)> {
        let (mut name, mut slots) = (String::new(), Vec::new());
        let changed = read_schema(find, last, &mut Input::new(data), &mut name, &mut slots)?;
        Ok((changed, slots))
    }

    #[test]
    fn a_schema_mapping_as_the_last_one_changes_nothing() {
        let last = [Some(0), Some(1)];
        assert_eq!(
            read(&names(&[Some("x"), Some("z")]), &last).unwrap(),
            (false, vec![])
        );
        // Shorter, longer, moved, unknown and null names: a new mapping.
        assert_eq!(
            read(&names(&[Some("x")]), &last).unwrap(),
            (true, vec![Some(0)])
        );
        let moved = names(&[Some("z"), Some("y"), None, Some("x")]);
        assert_eq!(
            read(&moved, &last).unwrap(),
            (true, vec![Some(1), None, None, Some(0)])
        );
        let longer = names(&[Some("x"), Some("z"), Some("z")]);
        assert_eq!(
            read(&longer, &last).unwrap(),
            (true, vec![Some(0), Some(1), Some(1)])
        );
        assert_eq!(read(&names(&[]), &[]).unwrap(), (false, vec![]));
        // Truncated: an error.
        let data = names(&[Some("x"), Some("z")]);
        assert!(read(&data[..data.len() - 1], &last).is_err());
    }

    #[test]
    fn buffers_grown_by_a_huge_schema_are_released() {
        let (mut name, mut slots) = (String::from("x"), vec![None; 8]);
        release_large(&mut name, &mut slots);
        assert_eq!((name.as_str(), slots.len()), ("x", 8), "small ones kept");
        let huge = "y".repeat(BUFFERS_KEPT + 1);
        let data = names(&[Some(&huge)]);
        let last = [];
        let mut name = String::new();
        read_schema(find, &last, &mut Input::new(&data), &mut name, &mut slots).unwrap();
        assert!(name.capacity() > BUFFERS_KEPT);
        release_large(&mut name, &mut slots);
        assert_eq!(name.capacity(), 0);
    }
}
