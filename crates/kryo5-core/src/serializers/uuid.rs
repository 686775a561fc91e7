//! `java.util.UUID` with Kryo's `DefaultSerializers.UUIDSerializer`, which
//! Kryo 5.6 does not install by default (format spec 6.5): Java programs
//! register it, `kryo.register(UUID.class, new UUIDSerializer())`. The
//! payload is the most and the least significant 64 bits, each a fixed
//! 8-byte long.
//!
//! ```
//! use kryo5_core::Kryo;
//! use kryo5_core::serializers::uuid::JavaUuid;
//! use kryo5_io::{Input, Output};
//!
//! let mut kryo = Kryo::new();
//! kryo.register::<JavaUuid>();
//! let id = JavaUuid { most: 1, least: 2 };
//! let mut out = Output::new();
//! kryo.write_object(&mut out, &id)?;
//! assert_eq!(out.as_slice(), [1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0]); // spec 6.5
//! assert_eq!(kryo.read_object::<JavaUuid, _>(&mut Input::new(out.as_slice()))?, id);
//! # Ok::<(), kryo5_core::Error>(())
//! ```

use std::fmt;
use std::str::FromStr;

use super::value::{Value, value_type};
use crate::error::Result;
use crate::io::{In, Out};

/// A Java `UUID`: `getMostSignificantBits()` and
/// `getLeastSignificantBits()`. Its text is Java's `toString()`.
///
/// ```
/// use kryo5_core::serializers::uuid::JavaUuid;
/// let id: JavaUuid = "00000000-0000-0001-0000-000000000002".parse()?;
/// assert_eq!(id, JavaUuid { most: 1, least: 2 });
/// assert_eq!(id.to_string(), "00000000-0000-0001-0000-000000000002");
/// # Ok::<(), kryo5_core::serializers::uuid::ParseUuidError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JavaUuid {
    /// The high 64 bits.
    pub most: i64,
    /// The low 64 bits.
    pub least: i64,
}

impl fmt::Display for JavaUuid {
    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, lower-case hex.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (m, l) = (self.most as u64, self.least as u64);
        write!(
            f,
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            m >> 32,
            m >> 16 & 0xffff,
            m & 0xffff,
            l >> 48,
            l & 0xffff_ffff_ffff
        )
    }
}

/// Text that is not a UUID of five hex groups of 8, 4, 4, 4 and 12 digits.
///
/// ```
/// use kryo5_core::serializers::uuid::JavaUuid;
/// assert!("1-2-3-4-5".parse::<JavaUuid>().is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseUuidError;

impl fmt::Display for ParseUuidError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)")
    }
}

impl std::error::Error for ParseUuidError {}

impl FromStr for JavaUuid {
    type Err = ParseUuidError;

    /// The canonical form only (Java's `UUID.fromString` also accepts
    /// shorter groups).
    fn from_str(s: &str) -> std::result::Result<Self, ParseUuidError> {
        let groups: Vec<&str> = s.split('-').collect();
        let widths = [8, 4, 4, 4, 12];
        if groups.len() != 5
            || groups
                .iter()
                .zip(widths)
                .any(|(g, w)| g.len() != w || !g.bytes().all(|b| b.is_ascii_hexdigit()))
        {
            return Err(ParseUuidError);
        }
        let hex = |g: &[&str]| u64::from_str_radix(&g.concat(), 16).map_err(|_| ParseUuidError);
        Ok(JavaUuid {
            most: hex(&groups[..3])? as i64,
            least: hex(&groups[3..])? as i64,
        })
    }
}

impl Value for JavaUuid {
    fn write_value<O: Out + ?Sized>(&self, out: &mut O) -> Result<()> {
        out.write_long(self.most)?;
        out.write_long(self.least)?;
        Ok(())
    }
    fn read_value<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Self> {
        Ok(JavaUuid {
            most: input.read_long()?,
            least: input.read_long()?,
        })
    }
}

value_type!(JavaUuid, "java.util.UUID", final: true, immutable: true);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips() {
        let id = JavaUuid {
            most: -1,
            least: i64::MIN,
        };
        assert_eq!(id.to_string(), "ffffffff-ffff-ffff-8000-000000000000");
        assert_eq!(id.to_string().parse(), Ok(id));
        for bad in ["", "0-0-0-0-0", "00000000-0000-0000-0000-00000000000g"] {
            assert_eq!(bad.parse::<JavaUuid>(), Err(ParseUuidError), "{bad}");
        }
    }
}
