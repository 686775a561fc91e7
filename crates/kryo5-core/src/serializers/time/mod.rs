//! `java.time` (Kryo's `TimeSerializers`, format spec 8.18): plain structs
//! with public fields, named as in Java.
//!
//! Reading checks every value the way the Java factory method the
//! serializer calls does (`LocalDate.of`, `ZoneOffset.ofTotalSeconds`,
//! ...), and fails with [`ErrorKind::InvalidData`] where Java throws a
//! `DateTimeException`; `Duration` and `Instant` normalize their
//! nanoseconds as `ofSeconds`/`ofEpochSecond` do. Writing an invalid
//! value fails with [`ErrorKind::InvalidArgument`]: Java could not read it.
//! Zone ids are checked for their syntax only (kryo5 has no time-zone
//! database).
//!
//! `Year`, `YearMonth` and `Period` write their numbers as varints
//! whatever the output's variable-length setting, but Java reads them with
//! it: with variable-length encoding off they do not round-trip, in Java or
//! here.
//!
//! ```
//! use kryo5_core::Kryo;
//! use kryo5_core::serializers::time::{LocalDate, LocalDateTime, LocalTime};
//! use kryo5_io::{Input, Output};
//!
//! let t = LocalDateTime {
//!     date: LocalDate { year: 2024, month: 2, day: 29 },
//!     time: LocalTime { hour: 10, minute: 0, second: 0, nano: 0 },
//! };
//! let mut kryo = Kryo::new();
//! kryo.register::<LocalDateTime>();
//! kryo.register::<LocalDate>();
//! let mut out = Output::new();
//! kryo.write_object(&mut out, &t)?;
//! assert_eq!(out.as_slice(), &[0xe8, 0x0f, 0x02, 0x1d, 0xf5]);
//! assert_eq!(kryo.read_object::<LocalDateTime, _>(&mut Input::new(out.as_slice()))?, t);
//!
//! // February 30th: Java's LocalDate.of throws, kryo5 returns an error.
//! let bad = kryo.read_object::<LocalDate, _>(&mut Input::new(&[0xe8, 0x0f, 0x02, 0x1e]));
//! assert!(bad.is_err());
//! # Ok::<(), kryo5_core::Error>(())
//! ```

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use super::value::{Value, from_shared, invalid, null_at, value_type};
use crate::error::{Error, ErrorKind, Result};
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::types::{KryoType, Shared};

const NANOS_PER_SECOND: i64 = 1_000_000_000;
const MAX_YEAR: i32 = 999_999_999;

/// A value Java would not construct, described for an error.
type Check = std::result::Result<(), String>;

/// Fails a write of a value Java cannot hold.
fn check_write(check: Check) -> Result<()> {
    check.map_err(|what| Error::new(ErrorKind::InvalidArgument(what)))
}

/// Fails a read of a value Java rejects, at byte `at`.
fn check_read(check: Check, at: u64) -> Result<()> {
    check.map_err(|what| invalid(at, format_args!("{what}")))
}

fn in_range(what: &str, v: i64, min: i64, max: i64) -> Check {
    if (min..=max).contains(&v) {
        Ok(())
    } else {
        Err(format!("{what} {v} is outside {min}..={max}"))
    }
}

fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days in `month` (1..=12) of a leap or common year.
fn month_length(month: u8, leap: bool) -> u8 {
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `seconds + floorDiv(nanos, 10^9)` and `floorMod(nanos, 10^9)`, as
/// `Duration.ofSeconds(long, long)` and `Instant.ofEpochSecond` compute
/// them; `None` on overflow (Java's `ArithmeticException`).
fn normalize(seconds: i64, nanos: i64) -> Option<(i64, i32)> {
    let s = seconds.checked_add(nanos.div_euclid(NANOS_PER_SECOND))?;
    Some((s, nanos.rem_euclid(NANOS_PER_SECOND) as i32))
}

/// The payload of a value made of two values, written in order.
macro_rules! pair_value {
    ($ty:ident { $a:ident: $ta:ty, $b:ident: $tb:ty }) => {
        impl Value for $ty {
            fn write_value<O: Out + ?Sized>(&self, out: &mut O) -> Result<()> {
                self.$a.write_value(out)?;
                self.$b.write_value(out)
            }
            fn read_value<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Self> {
                Ok($ty {
                    $a: <$ta>::read_value(input)?,
                    $b: <$tb>::read_value(input)?,
                })
            }
        }
    };
}

/// A value type of `java.time`: its payload and its validity.
macro_rules! time_type {
    ($ty:ident, $class:literal) => {
        value_type!($ty, concat!("java.time.", $class), final: true, immutable: true);
    };
}

mod instant;
mod local;
#[cfg(test)]
mod tests;
mod year;
mod zone;

pub use instant::{Duration, Instant};
pub use local::{LocalDate, LocalDateTime, LocalTime};
pub use year::{MonthDay, Period, Year, YearMonth};
pub use zone::{OffsetDateTime, OffsetTime, ZoneId, ZoneOffset, ZonedDateTime};
