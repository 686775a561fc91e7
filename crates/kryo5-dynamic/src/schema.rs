//! The schema file (`docs/schema-format.md`): a Kryo configuration and the
//! Java classes it serializes, loaded from TOML.

use std::fmt;
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::jtype::JType;
use crate::serializer::{self, ClassSerializer, Family, FieldConfig, Wrapper};

/// A loaded schema: the top-level settings and the classes, registrations
/// first in registration order.
///
/// ```
/// let s = kryo5_dynamic::Schema::from_toml(
///     "references = true\n[[class]]\nname = \"a.P\"\nfields = [{ name = \"x\", type = \"int\" }]\n",
///     "p.toml",
/// )?;
/// assert!(s.references);
/// assert_eq!(s.classes[0].fields[0].name, "x");
/// # Ok::<(), kryo5_dynamic::SchemaError>(())
/// ```
#[derive(Clone, Debug)]
pub struct Schema {
    /// `kryo.setReferences`.
    pub references: bool,
    /// `kryo.setRegistrationRequired`.
    pub registration_required: bool,
    /// `kryo.setOptimizedGenerics`.
    pub optimized_generics: bool,
    /// `Output`/`Input` `setVariableLengthEncoding`.
    pub variable_length_encoding: bool,
    /// The classes, in file order.
    pub classes: Vec<ClassDef>,
}

/// `default_serializer` and its top-level `config`, as a class without
/// its own `serializer` gets it.
type Default = Option<(Spanned<String>, Option<Spanned<toml::Table>>)>;

/// One `[[class]]` table.
#[derive(Clone, Debug)]
pub struct ClassDef {
    /// Java binary name (`com.example.Media$Player`, `int[]`).
    pub name: String,
    /// Explicit registration id.
    pub id: Option<u32>,
    /// Whether it is registered.
    pub register: bool,
    /// Whether the Java class is final (`None`: the default for its kind).
    pub is_final: Option<bool>,
    /// The described superclass.
    pub extends: Option<JType>,
    /// Type variables.
    pub type_params: Vec<String>,
    /// Fields in declaration order.
    pub fields: Vec<FieldDef>,
    /// Enum constants in ordinal order, for an enum.
    pub constants: Option<Vec<String>>,
    /// The serializer and its settings (`serializer`, `config`, or the
    /// schema's `default_serializer`).
    pub serializer: ClassSerializer,
    /// A serializer around it that transforms its bytes (deflate,
    /// Blowfish).
    pub wrap: Option<Wrapper>,
    /// FieldSerializerConfig's settings (`FieldSerializer` family).
    pub field_config: FieldConfig,
}

/// One field of a class.
#[derive(Clone, Debug)]
pub struct FieldDef {
    /// Field name.
    pub name: String,
    /// Declared type.
    pub ty: JType,
    /// `false` for `@NotNull`.
    pub nullable: bool,
    /// Variable-length encoding of an int/long field.
    pub var_int: bool,
    /// `@Bind(valueClass)`.
    pub value_class: Option<JType>,
    /// `transient` (skipped).
    pub transient: bool,
    /// `@Tag(n)` (tagged serializer).
    pub tag: Option<u32>,
    /// `@Since(n)` (version serializer).
    pub since: u32,
    /// `@Deprecated` (read but not written by the tagged serializer).
    pub deprecated: bool,
}

/// A schema that could not be loaded: file, line, key and what is wrong.
///
/// ```
/// let e = kryo5_dynamic::Schema::from_toml("[[class]]\nname = \"a.B\"\nfields = [{ name = \"x\", type = \"List<\" }]\n", "s.toml")
///     .unwrap_err();
/// assert_eq!((e.line, e.key.as_str()), (3, "type"));
/// assert!(e.to_string().starts_with("s.toml:3: type:"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemaError {
    /// The file (as given).
    pub file: String,
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// The key at fault (empty when unknown).
    pub key: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for SchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.file, self.line, self.key, self.message
        )
    }
}

impl std::error::Error for SchemaError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSchema {
    #[serde(default)]
    references: bool,
    #[serde(default = "yes")]
    registration_required: bool,
    default_serializer: Option<Spanned<String>>,
    config: Option<Spanned<toml::Table>>,
    #[serde(default = "yes")]
    optimized_generics: bool,
    #[serde(default = "yes")]
    variable_length_encoding: bool,
    #[serde(default)]
    class: Vec<RawClass>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClass {
    name: Spanned<String>,
    id: Option<u32>,
    #[serde(default = "yes")]
    register: bool,
    serializer: Option<Spanned<String>>,
    #[serde(rename = "final")]
    is_final: Option<bool>,
    extends: Option<Spanned<String>>,
    #[serde(default)]
    type_params: Vec<String>,
    #[serde(default)]
    fields: Vec<RawField>,
    constants: Option<Vec<String>>,
    config: Option<Spanned<toml::Table>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawField {
    name: String,
    #[serde(rename = "type")]
    ty: Spanned<String>,
    #[serde(default = "yes")]
    nullable: bool,
    #[serde(default = "yes")]
    var_int: bool,
    value_class: Option<Spanned<String>>,
    #[serde(default)]
    transient: bool,
    tag: Option<Spanned<u32>>,
    #[serde(default)]
    since: u32,
    #[serde(default)]
    deprecated: bool,
}

fn yes() -> bool {
    true
}

impl Schema {
    /// Loads a schema file.
    ///
    /// # Errors
    /// The file cannot be read, or [`Schema::from_toml`]'s errors.
    ///
    /// ```
    /// let e = kryo5_dynamic::Schema::load("/nonexistent.toml").unwrap_err();
    /// assert_eq!(e.file, "/nonexistent.toml");
    /// ```
    pub fn load(path: impl AsRef<Path>) -> Result<Schema, SchemaError> {
        let file = path.as_ref().display().to_string();
        let text = std::fs::read_to_string(path.as_ref()).map_err(|e| SchemaError {
            file: file.clone(),
            line: 0,
            key: String::new(),
            message: e.to_string(),
        })?;
        Schema::from_toml(&text, &file)
    }

    /// Parses schema text; `file` names it in errors.
    ///
    /// # Errors
    /// [`SchemaError`] with the line and key of a TOML syntax error, an
    /// unknown key, a malformed type, a serializer setting that is wrong
    /// for its serializer, or one this codec does not support yet (other
    /// Kryo serializers, FieldSerializerConfig's own keys).
    ///
    /// ```
    /// let e = kryo5_dynamic::Schema::from_toml("refrences = true\n", "x.toml").unwrap_err();
    /// assert_eq!(e.line, 1);
    /// ```
    pub fn from_toml(text: &str, file: &str) -> Result<Schema, SchemaError> {
        let err = |span: Option<Range<usize>>, key: &str, message: String| SchemaError {
            file: file.into(),
            line: span.map_or(0, |s| line_of(text, s.start)),
            key: key.into(),
            message,
        };
        let raw: RawSchema = toml::from_str(text).map_err(|e| {
            let key = e.span().map(|s| key_at(text, s)).unwrap_or_default();
            err(e.span(), &key, e.message().trim().to_owned())
        })?;
        let default: Default = match raw.default_serializer {
            Some(d) => {
                let family = serializer::family(d.get_ref()).filter(|f| f.is_field_family());
                let Some(family) = family else {
                    return Err(err(
                        Some(d.span()),
                        "default_serializer",
                        unsupported(d.get_ref()),
                    ));
                };
                if let Some(c) = &raw.config {
                    serializer::configure(family, c.get_ref())
                        .map_err(|m| err(Some(c.span()), "config", m))?;
                }
                Some((d, raw.config))
            }
            None => match raw.config {
                Some(c) => {
                    let m = "a top-level config needs a default_serializer".to_owned();
                    return Err(err(Some(c.span()), "config", m));
                }
                None => None,
            },
        };
        let mut classes = Vec::with_capacity(raw.class.len());
        for c in raw.class {
            let span = c.name.span();
            let (class_serializer, field_config, wrap) =
                resolve(&c, &default).map_err(|(s, k, m)| err(s, k, m))?;
            let parse = |t: &Spanned<String>, key: &str| {
                JType::parse_with(t.get_ref(), &c.type_params)
                    .map_err(|m| err(Some(t.span()), key, m))
            };
            let extends = c
                .extends
                .as_ref()
                .map(|t| parse(t, "extends"))
                .transpose()?;
            let mut fields = Vec::with_capacity(c.fields.len());
            for f in c.fields {
                fields.push(FieldDef {
                    tag: f.tag.map(Spanned::into_inner),
                    since: f.since,
                    deprecated: f.deprecated,
                    ty: parse(&f.ty, "type")?,
                    value_class: f
                        .value_class
                        .as_ref()
                        .map(|t| parse(t, "value_class"))
                        .transpose()?,
                    name: f.name,
                    nullable: f.nullable,
                    var_int: f.var_int,
                    transient: f.transient,
                });
            }
            let name = c.name.into_inner();
            if JType::from_class_name(&name).is_none() {
                return Err(err(
                    Some(span),
                    "name",
                    format!("not a Java class name: {name:?}"),
                ));
            }
            classes.push(ClassDef {
                name,
                id: c.id,
                register: c.register,
                is_final: c.is_final,
                extends,
                type_params: c.type_params,
                fields,
                constants: c.constants,
                serializer: class_serializer,
                wrap,
                field_config,
            });
        }
        Ok(Schema {
            references: raw.references,
            registration_required: raw.registration_required,
            optimized_generics: raw.optimized_generics,
            variable_length_encoding: raw.variable_length_encoding,
            classes,
        })
    }

    /// The class described under `name` (schema or JVM form).
    ///
    /// ```
    /// let s = kryo5_dynamic::Schema::from_toml("[[class]]\nname = \"a.B\"\n", "s")?;
    /// assert!(s.class("a.B").is_some());
    /// # Ok::<(), kryo5_dynamic::SchemaError>(())
    /// ```
    #[must_use]
    pub fn class(&self, name: &str) -> Option<&ClassDef> {
        self.classes.iter().find(|c| c.name == name)
    }
}

/// The serializer of a class: its own `serializer` and `config`, else the
/// schema's default (field serializers only; enums keep theirs), its
/// `config` overridden key by key by the class's; and the wrapper around
/// it, if any.
fn resolve(c: &RawClass, default: &Default) -> Result<Resolved, Fault> {
    let own = c.serializer.as_ref();
    if own.is_some_and(|s| is_uuid_serializer(c.name.get_ref(), s.get_ref())) {
        // The codec's own serializer for a JDK class (codec::fixed_kind).
        let (s, fc) = serializer::configure(Family::Field, &toml::Table::new())
            .map_err(|m| (Some(c.name.span()), "serializer", m))?;
        return Ok((s, fc, None));
    }
    let (name, span, key) = match (own, default) {
        (Some(s), _) => (s.get_ref().as_str(), s.span(), "serializer"),
        (None, Some((d, _))) if c.constants.is_none() => {
            (d.get_ref().as_str(), d.span(), "default_serializer")
        }
        (None, _) if c.constants.is_some() => ("enum", c.name.span(), "name"),
        (None, _) => ("field", c.name.span(), "name"),
    };
    let inherited = match (own, default) {
        (None, Some((_, Some(cfg)))) if c.constants.is_none() => Some(cfg),
        _ => None,
    };
    let mut table = inherited.map(|t| t.get_ref().clone()).unwrap_or_default();
    let cfg_span = c.config.as_ref().or(inherited).map(Spanned::span);
    if let Some(own) = &c.config {
        table.extend(own.get_ref().clone());
    }
    let config_error = |m| (cfg_span.clone(), "config", m);
    let (wrap, name) = match serializer::wrapper(name, &mut table).map_err(config_error)? {
        Some((w, inner)) => (Some(w), inner),
        None => (None, name.to_owned()),
    };
    let family = serializer::family(&name).ok_or((Some(span.clone()), key, unsupported(&name)))?;
    let is_enum = matches!(family, Family::Enum | Family::EnumName);
    if is_enum != c.constants.is_some() {
        let m = format!("the {name} serializer is for enums, which have constants");
        return Err((Some(span), key, m));
    }
    let (s, field_config) = serializer::configure(family, &table).map_err(config_error)?;
    Ok((s, field_config, wrap))
}

/// A class's serializer, its FieldSerializerConfig, its wrapper.
type Resolved = (ClassSerializer, FieldConfig, Option<Wrapper>);

/// Where a class's serializer is wrong: span, key, message.
type Fault = (Option<Range<usize>>, &'static str, String);

/// `java.util.UUID` with `UUIDSerializer` (its only serializer in the
/// codec).
fn is_uuid_serializer(class: &str, serializer: &str) -> bool {
    class == "java.util.UUID"
        && matches!(
            serializer,
            "UUIDSerializer" | "DefaultSerializers.UUIDSerializer"
        )
}

fn unsupported(what: &str) -> String {
    format!("{what:?} is not supported by the dynamic codec yet")
}

/// The key a TOML error span points at: the span itself when it is a key
/// (an unknown one), else the key before the `=` that precedes it.
fn key_at(text: &str, span: Range<usize>) -> String {
    let is_key = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    let here = text.get(span.clone()).unwrap_or_default().trim();
    let after = text.get(span.end..).unwrap_or_default().trim_start();
    if !here.is_empty() && here.chars().all(is_key) && after.starts_with('=') {
        return here.to_owned();
    }
    let before = text.get(..span.start).unwrap_or_default().trim_end();
    match before.strip_suffix('=') {
        Some(b) => {
            let b = b.trim_end();
            let start = b.rfind(|c: char| !is_key(c)).map_or(0, |i| i + 1);
            b[start..].to_owned()
        }
        None => String::new(),
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}
