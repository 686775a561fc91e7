//! The serializer a schema class is written with (`serializer`,
//! `default_serializer`) and its settings (`config`), named as in Kryo.

use kryo5_core::serializers::compatible::CompatibleConfig;
#[cfg(feature = "deflate")]
use kryo5_core::serializers::deflate::DeflateConfig;
use kryo5_core::serializers::field_family::Framing;
use kryo5_core::serializers::tagged::TaggedConfig;
use kryo5_core::serializers::version::VersionConfig;

/// The serializer of a class and its settings, with Kryo's defaults where
/// the schema says nothing.
///
/// ```
/// use kryo5_dynamic::{ClassSerializer, Schema};
/// let s = Schema::from_toml(
///     "default_serializer = \"compatible\"\nconfig = { chunked_encoding = true }\n\
///      [[class]]\nname = \"a.P\"\n",
///     "p.toml",
/// )?;
/// let ClassSerializer::Compatible(c) = s.classes[0].serializer else { panic!() };
/// assert!(c.chunked_encoding && c.read_unknown_field_data);
/// # Ok::<(), kryo5_dynamic::SchemaError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClassSerializer {
    /// `FieldSerializer`.
    Field,
    /// `CompatibleFieldSerializer`.
    Compatible(CompatibleConfig),
    /// `TaggedFieldSerializer`.
    Tagged(TaggedConfig),
    /// `VersionFieldSerializer`.
    Version(VersionConfig),
    /// `RecordSerializer` (a Java record).
    Record,
    /// `EnumSerializer` (by ordinal).
    Enum,
    /// `EnumNameSerializer` (by name).
    EnumName,
}

impl ClassSerializer {
    /// How the compatible and tagged serializers frame each field.
    pub(crate) fn framing(self) -> Option<Framing> {
        let (with_class, chunked, chunk_size) = match self {
            ClassSerializer::Compatible(c) => {
                (c.read_unknown_field_data, c.chunked_encoding, c.chunk_size)
            }
            ClassSerializer::Tagged(c) => {
                (c.read_unknown_tag_data, c.chunked_encoding, c.chunk_size)
            }
            _ => return None,
        };
        Some(Framing {
            with_class,
            chunked,
            chunk_size,
        })
    }

    /// Whether it writes Java `null` itself, as `00` (tagged, version).
    pub(crate) fn writes_null(self) -> bool {
        matches!(
            self,
            ClassSerializer::Tagged(_) | ClassSerializer::Version(_)
        )
    }

    /// Whether a value must hold every field of the class: not for the
    /// evolution serializers, whose data may lack fields the schema has.
    pub(crate) fn all_fields(self) -> bool {
        matches!(self, ClassSerializer::Field | ClassSerializer::Record)
    }
}

/// A serializer by name, before its settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Family {
    Field,
    Compatible,
    Tagged,
    Version,
    Record,
    Enum,
    EnumName,
}

impl Family {
    /// `FieldSerializer` and its variants: what `default_serializer` takes.
    pub(crate) fn is_field_family(self) -> bool {
        matches!(
            self,
            Family::Field | Family::Compatible | Family::Tagged | Family::Version
        )
    }
}

/// Short name, Kryo class name, family.
const NAMES: [(&str, &str, Family); 7] = [
    ("field", "FieldSerializer", Family::Field),
    (
        "compatible",
        "CompatibleFieldSerializer",
        Family::Compatible,
    ),
    ("tagged", "TaggedFieldSerializer", Family::Tagged),
    ("version", "VersionFieldSerializer", Family::Version),
    ("record", "RecordSerializer", Family::Record),
    ("enum", "EnumSerializer", Family::Enum),
    ("enum-name", "EnumNameSerializer", Family::EnumName),
];

/// The family a `serializer` value names, short or Kryo's class name.
pub(crate) fn family(name: &str) -> Option<Family> {
    NAMES
        .iter()
        .find(|(short, long, _)| *short == name || *long == name)
        .map(|n| n.2)
}

/// FieldSerializerConfig's settings that change the wire (format spec
/// 9.5), shared by the whole `FieldSerializer` family.
///
/// ```
/// use kryo5_dynamic::Schema;
/// let s = Schema::from_toml(
///     "[[class]]\nname = \"a.P\"\nconfig = { fields_can_be_null = false }\n",
///     "p.toml",
/// )?;
/// assert!(!s.classes[0].field_config.fields_can_be_null);
/// assert!(s.classes[0].field_config.variable_length_encoding);
/// # Ok::<(), kryo5_dynamic::SchemaError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldConfig {
    /// `fieldsCanBeNull` (default `true`): `false` writes object fields
    /// of known type without a null marker.
    pub fields_can_be_null: bool,
    /// `fixedFieldTypes` (default `false`): `true` takes every field's
    /// declared type as its value's class (no class descriptor).
    pub fixed_field_types: bool,
    /// `variableLengthEncoding` (default `true`): `false` writes int and
    /// long fields at fixed length.
    pub variable_length_encoding: bool,
    /// `serializeTransient` (default `false`): `true` writes transient
    /// fields too.
    pub serialize_transient: bool,
}

impl Default for FieldConfig {
    fn default() -> Self {
        FieldConfig {
            fields_can_be_null: true,
            fixed_field_types: false,
            variable_length_encoding: true,
            serialize_transient: false,
        }
    }
}

/// `family` with the settings of a `config` table.
pub(crate) fn configure(
    family: Family,
    table: &toml::Table,
) -> Result<(ClassSerializer, FieldConfig), String> {
    let mut fc = FieldConfig::default();
    let mut s = match family {
        Family::Field => ClassSerializer::Field,
        Family::Compatible => ClassSerializer::Compatible(CompatibleConfig::default()),
        Family::Tagged => ClassSerializer::Tagged(TaggedConfig::default()),
        Family::Version => ClassSerializer::Version(VersionConfig::default()),
        Family::Record => ClassSerializer::Record,
        Family::Enum => ClassSerializer::Enum,
        Family::EnumName => ClassSerializer::EnumName,
    };
    for (key, value) in table {
        let flag = || {
            value
                .as_bool()
                .ok_or_else(|| format!("{key}: expected true or false"))
        };
        match (&mut s, key.as_str()) {
            (ClassSerializer::Compatible(c), "chunked_encoding") => c.chunked_encoding = flag()?,
            (ClassSerializer::Tagged(c), "chunked_encoding") => c.chunked_encoding = flag()?,
            (ClassSerializer::Compatible(c), "read_unknown_field_data") => {
                c.read_unknown_field_data = flag()?;
            }
            (ClassSerializer::Tagged(c), "read_unknown_field_data") => {
                c.read_unknown_tag_data = flag()?;
            }
            (ClassSerializer::Compatible(c), "chunk_size") => c.chunk_size = chunk_size(value)?,
            (ClassSerializer::Tagged(c), "chunk_size") => c.chunk_size = chunk_size(value)?,
            (ClassSerializer::Version(c), "compatible") => c.compatible = flag()?,
            (_, "fields_can_be_null") if family.is_field_family() => {
                fc.fields_can_be_null = flag()?;
            }
            (_, "fixed_field_types") if family.is_field_family() => {
                fc.fixed_field_types = flag()?;
            }
            (_, "variable_length_encoding") if family.is_field_family() => {
                fc.variable_length_encoding = flag()?;
            }
            (_, "serialize_transient") if family.is_field_family() => {
                fc.serialize_transient = flag()?;
            }
            (_, k) => return Err(format!("{k} is not a setting of {family:?} serializers")),
        }
    }
    Ok((s, fc))
}

fn chunk_size(value: &toml::Value) -> Result<usize, String> {
    value
        .as_integer()
        .and_then(|n| usize::try_from(n).ok())
        .filter(|&n| n > 0)
        .ok_or_else(|| "chunk_size: expected a positive integer".to_owned())
}

/// A serializer around the class's own one that transforms its bytes
/// (`serializer = "DeflateSerializer"` or `"BlowfishSerializer"`, the
/// wrapped one in `config.wraps`, default `field`).
///
/// ```
/// use kryo5_dynamic::{Schema, Wrapper};
/// let s = Schema::from_toml(
///     "[[class]]\nname = \"a.P\"\nserializer = \"BlowfishSerializer\"\n\
///      config = { key = \"0102030405\" }\n",
///     "p.toml",
/// )?;
/// assert_eq!(s.classes[0].wrap, Some(Wrapper::Blowfish(vec![1, 2, 3, 4, 5])));
/// # Ok::<(), kryo5_dynamic::SchemaError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Wrapper {
    /// `DeflateSerializer` with its settings.
    #[cfg(feature = "deflate")]
    Deflate(DeflateConfig),
    /// `BlowfishSerializer` with its key.
    #[cfg(feature = "blowfish")]
    Blowfish(Vec<u8>),
}

/// For a wrapping serializer's name: the wrapper, its keys taken out of
/// `table`, and the name of the serializer it wraps.
pub(crate) fn wrapper(
    name: &str,
    table: &mut toml::Table,
) -> Result<Option<(Wrapper, String)>, String> {
    let deflate = matches!(name, "deflate" | "DeflateSerializer");
    if !deflate && !matches!(name, "blowfish" | "BlowfishSerializer") {
        return Ok(None);
    }
    let inner = match table.remove("wraps") {
        None => "field".to_owned(),
        Some(toml::Value::String(s))
            if family(&s).is_some_and(|f| f.is_field_family() || f == Family::Record) =>
        {
            s
        }
        Some(v) => return Err(format!("wraps: {v} is not a field or record serializer")),
    };
    let w = if deflate {
        deflate_wrapper(table)?
    } else {
        blowfish_wrapper(table)?
    };
    Ok(Some((w, inner)))
}

#[cfg(feature = "deflate")]
fn deflate_wrapper(table: &mut toml::Table) -> Result<Wrapper, String> {
    let mut c = DeflateConfig::default();
    if let Some(v) = table.remove("compression_level") {
        c.compression_level = v
            .as_integer()
            .and_then(|n| u32::try_from(n).ok())
            .filter(|&n| n <= 9)
            .ok_or("compression_level: expected 0 to 9")?;
    }
    if let Some(v) = table.remove("no_headers") {
        c.no_headers = v.as_bool().ok_or("no_headers: expected true or false")?;
    }
    Ok(Wrapper::Deflate(c))
}

#[cfg(not(feature = "deflate"))]
fn deflate_wrapper(_: &mut toml::Table) -> Result<Wrapper, String> {
    Err("DeflateSerializer needs kryo5-dynamic's deflate feature".into())
}

#[cfg(feature = "blowfish")]
fn blowfish_wrapper(table: &mut toml::Table) -> Result<Wrapper, String> {
    let key = table
        .remove("key")
        .and_then(|v| v.as_str().and_then(unhex))
        .filter(|k| (4..=56).contains(&k.len()))
        .ok_or("key: expected 4 to 56 bytes in hex")?;
    Ok(Wrapper::Blowfish(key))
}

#[cfg(not(feature = "blowfish"))]
fn blowfish_wrapper(_: &mut toml::Table) -> Result<Wrapper, String> {
    Err("BlowfishSerializer needs kryo5-dynamic's blowfish feature".into())
}

/// Bytes from hex digits (two per byte).
#[cfg(feature = "blowfish")]
fn unhex(text: &str) -> Option<Vec<u8>> {
    let digits = text.as_bytes();
    if !digits.len().is_multiple_of(2) {
        return None;
    }
    digits
        .chunks(2)
        .map(|d| u8::from_str_radix(std::str::from_utf8(d).ok()?, 16).ok())
        .collect()
}
