//! `VersionFieldSerializer` (format spec 10.3): a version number, then
//! every field; fields newer than the data's version are left as they are.

use std::marker::PhantomData;

use crate::error::{Error, ErrorKind, Result};
use crate::inherit::Fields;
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::serializer::Serializer;
use crate::serializers::field_family::{fresh, null_writing_serializer};
use crate::types::NullForm;

/// Settings of [`VersionFieldSerializer`].
///
/// ```
/// use kryo5_core::serializers::version::VersionConfig;
/// assert!(VersionConfig::default().compatible);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VersionConfig {
    /// `compatible` (default `true`): data of another version is read;
    /// with `false` any other version is an error.
    pub compatible: bool,
}

impl Default for VersionConfig {
    fn default() -> Self {
        VersionConfig { compatible: true }
    }
}

/// Java's `VersionFieldSerializer` for a derived struct: fields carry
/// `#[kryo(since = n)]` (Java's `@Since(n)`); the class's version is the
/// highest. Fields can be added with a higher version, never removed.
/// Writes Java `null` itself, as `00`.
///
/// ```
/// use kryo5::serializers::version::{VersionConfig, VersionFieldSerializer};
/// use kryo5::io::{Input, Output};
/// use kryo5::Kryo;
///
/// #[derive(Kryo, Clone, Debug, Default, PartialEq)]
/// struct Vf {
///     x: i32,
///     #[kryo(since = 1)]
///     name: Option<String>,
///     #[kryo(since = 2)]
///     y: i32,
/// }
///
/// let mut kryo = Kryo::new();
/// kryo.register_with_serializer::<Vf, _>(VersionFieldSerializer::new(VersionConfig::default()));
/// let mut out = Output::new();
/// kryo.write_object(&mut out, &Vf { x: 1, name: Some("a".into()), y: 3 })?;
/// assert_eq!(out.as_slice(), [0x03, 0x82, 0x61, 0x02, 0x06]);
/// // Version 1 data: `y` is not there and keeps its default.
/// let v: Vf = kryo.read_object(&mut Input::new(&[0x02, 0x82, 0x62, 0x04]))?;
/// assert_eq!(v, Vf { x: 2, name: Some("b".into()), y: 0 });
/// # Ok::<(), kryo5::Error>(())
/// ```
pub struct VersionFieldSerializer<T> {
    config: VersionConfig,
    _type: PhantomData<fn() -> T>,
}

impl<T> VersionFieldSerializer<T> {
    /// The serializer with these settings.
    #[must_use]
    pub fn new(config: VersionConfig) -> Self {
        VersionFieldSerializer {
            config,
            _type: PhantomData,
        }
    }
}

null_writing_serializer!(VersionFieldSerializer);

/// The class's version: the highest `since` of its fields.
fn type_version<T: Fields>() -> u32 {
    T::FIELDS.iter().map(|f| f.since).max().unwrap_or(0)
}

pub(crate) fn write<T: Fields>(
    _config: &VersionConfig,
    value: Option<&T>,
    kryo: &mut Kryo,
    out: &mut dyn Out,
) -> Result<()> {
    let Some(value) = value else {
        return Ok(out.write_byte(0)?);
    };
    out.write_var_int(type_version::<T>().wrapping_add(1) as i32, true)?;
    let direct = kryo.strings_direct::<T>();
    (0..T::FIELDS.len()).try_for_each(|i| value.write_field(i, kryo, out, false, direct))
}

pub(crate) fn read<T: Fields>(
    config: &VersionConfig,
    kryo: &mut Kryo,
    input: &mut dyn In<'_>,
) -> Result<Option<T>> {
    let at = input.total();
    let version = input.read_var_int(true)? as u32;
    let Some(version) = version.checked_sub(1) else {
        return Ok(None);
    };
    check_version(config, version, type_version::<T>(), &T::java_class()).map_err(|e| e.at(at))?;
    let mut value = fresh::<T>()?;
    let direct = kryo.strings_direct::<T>();
    for (i, f) in T::FIELDS.iter().enumerate() {
        if f.since <= version {
            value.read_field(i, kryo, input, false, direct)?;
        }
    }
    Ok(Some(value))
}

/// Java's check of the data's version against the class's: any other
/// version is an error unless `compatible`. Public (hidden) for the
/// dynamic codec.
///
/// # Errors
/// [`ErrorKind::InvalidData`] for a version `config` does not accept.
#[doc(hidden)]
pub fn check_version(config: &VersionConfig, data: u32, ours: u32, class: &str) -> Result<()> {
    if config.compatible || data == ours {
        return Ok(());
    }
    Err(Error::new(ErrorKind::InvalidData(format!(
        "version {data} of {class} is not compatible with version {ours}"
    ))))
}
