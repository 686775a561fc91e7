//! `TaggedFieldSerializer` (format spec 10.2): only fields with a tag, each
//! preceded by it, so a reader skips or rejects tags it does not know.

use std::marker::PhantomData;

use crate::error::{Error, ErrorKind, Result};
use crate::inherit::Fields;
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::serializer::Serializer;
use crate::serializers::field_family::{Framing, fresh, null_writing_serializer};
use crate::types::NullForm;

/// Settings of [`TaggedFieldSerializer`] (Java's
/// `TaggedFieldSerializerConfig`).
///
/// ```
/// use kryo5_core::serializers::tagged::TaggedConfig;
/// let config = TaggedConfig::default();
/// assert!(!config.read_unknown_tag_data && !config.chunked_encoding);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaggedConfig {
    /// `readUnknownTagData` (default `false`): each value is preceded by
    /// its class, so unknown tags can be read and dropped.
    pub read_unknown_tag_data: bool,
    /// `chunkedEncoding` (default `false`): each value in a run of chunks.
    pub chunked_encoding: bool,
    /// `chunkSize` (default 1024).
    pub chunk_size: usize,
}

impl Default for TaggedConfig {
    fn default() -> Self {
        TaggedConfig {
            read_unknown_tag_data: false,
            chunked_encoding: false,
            chunk_size: 1024,
        }
    }
}

/// Java's `TaggedFieldSerializer` for a derived struct: only fields with
/// `#[kryo(tag = n)]` (Java's `@Tag(n)`) are written, in field-name order;
/// `#[kryo(deprecated)]` fields are read but not written. Writes Java
/// `null` itself, as `00`.
///
/// ```
/// use kryo5::serializers::tagged::{TaggedConfig, TaggedFieldSerializer};
/// use kryo5::io::Output;
/// use kryo5::{Kryo, Object};
///
/// #[derive(Kryo, Clone, Debug, Default)]
/// struct Tg {
///     #[kryo(tag = 5)]
///     x: i32,
///     #[kryo(tag = 1)]
///     name: Option<String>,
///     untagged: i32,
///     #[kryo(tag = 3, deprecated)]
///     old: i32,
///     #[kryo(tag = 2)]
///     o: Option<Box<dyn Object>>,
/// }
///
/// let mut kryo = Kryo::new();
/// kryo.register_with_serializer::<Tg, _>(TaggedFieldSerializer::new(TaggedConfig::default()));
/// let tg = Tg { x: 1, name: Some("a".into()), untagged: 9, old: 4, o: None };
/// let mut out = Output::new();
/// kryo.write_object(&mut out, &tg)?;
/// assert_eq!(out.as_slice(), [0x04, 0x01, 0x82, 0x61, 0x02, 0x00, 0x05, 0x02]);
/// # Ok::<(), kryo5::Error>(())
/// ```
pub struct TaggedFieldSerializer<T> {
    config: TaggedConfig,
    _type: PhantomData<fn() -> T>,
}

impl<T> TaggedFieldSerializer<T> {
    /// The serializer with these settings.
    #[must_use]
    pub fn new(config: TaggedConfig) -> Self {
        TaggedFieldSerializer {
            config,
            _type: PhantomData,
        }
    }
}

null_writing_serializer!(TaggedFieldSerializer);

impl TaggedConfig {
    fn framing(&self) -> Framing {
        Framing {
            with_class: self.read_unknown_tag_data,
            chunked: self.chunked_encoding,
            chunk_size: self.chunk_size,
        }
    }
}

pub(crate) fn write<T: Fields>(
    config: &TaggedConfig,
    value: Option<&T>,
    kryo: &mut Kryo,
    out: &mut dyn Out,
) -> Result<()> {
    let Some(value) = value else {
        return Ok(out.write_byte(0)?);
    };
    let written = || {
        T::FIELDS
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.tag.filter(|_| !f.deprecated).map(|t| (i, t)))
    };
    out.write_var_int((written().count() + 1) as i32, true)?;
    let direct = kryo.strings_direct::<T>();
    let framing = config.framing();
    for (i, tag) in written() {
        out.write_var_int(tag as i32, true)?;
        framing.write(value, i, kryo, out, direct)?;
    }
    Ok(())
}

pub(crate) fn read<T: Fields>(
    config: &TaggedConfig,
    kryo: &mut Kryo,
    input: &mut dyn In<'_>,
) -> Result<Option<T>> {
    let count = input.read_var_int(true)? as u32;
    let Some(count) = count.checked_sub(1) else {
        return Ok(None);
    };
    let mut value = fresh::<T>()?;
    let direct = kryo.strings_direct::<T>();
    let framing = config.framing();
    for _ in 0..count {
        let tag = input.read_var_int(true)? as u32;
        let slot = T::FIELDS.iter().position(|f| f.tag == Some(tag));
        framing.read(&mut value, slot, kryo, input, direct, || {
            Error::new(ErrorKind::InvalidData(format!(
                "unknown field tag {tag} of {}",
                T::java_class()
            )))
        })?;
    }
    Ok(Some(value))
}
