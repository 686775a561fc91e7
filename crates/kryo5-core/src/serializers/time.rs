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

/// `java.time.Duration`: seconds (8 fixed bytes) and nanoseconds
/// (`0..=999_999_999`, `writeInt(nanos, true)`).
///
/// ```
/// use kryo5_core::serializers::time::Duration;
/// let d = Duration::from(std::time::Duration::new(1, 5));
/// assert_eq!(d, Duration { seconds: 1, nanos: 5 });
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Duration {
    /// `getSeconds()`, may be negative.
    pub seconds: i64,
    /// `getNano()`: `0..=999_999_999`, added to the seconds.
    pub nanos: i32,
}

impl From<std::time::Duration> for Duration {
    /// Saturates at `i64::MAX` seconds.
    fn from(d: std::time::Duration) -> Self {
        Duration {
            seconds: i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
            nanos: d.subsec_nanos() as i32,
        }
    }
}

impl Value for Duration {
    fn write_value<O: Out + ?Sized>(&self, out: &mut O) -> Result<()> {
        check_write(in_range(
            "Duration nanos",
            self.nanos.into(),
            0,
            NANOS_PER_SECOND - 1,
        ))?;
        out.write_long(self.seconds)?;
        out.write_int_var_or_fixed(self.nanos, true)?;
        Ok(())
    }
    fn read_value<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Self> {
        let at = input.total();
        let seconds = input.read_long()?;
        let nanos = input.read_int_var_or_fixed(true)?;
        let (seconds, nanos) = normalize(seconds, nanos.into())
            .ok_or_else(|| invalid(at, format_args!("Duration overflows")))?;
        Ok(Duration { seconds, nanos })
    }
}
time_type!(Duration, "Duration");

/// `java.time.Instant`: seconds since 1970-01-01T00:00Z (`uvarlong`) and
/// nanoseconds (`writeInt(nanos, true)`).
///
/// ```
/// use kryo5_core::serializers::time::Instant;
/// assert_eq!(Instant::EPOCH, Instant { seconds: 0, nanos: 0 });
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Instant {
    /// `getEpochSecond()`.
    pub seconds: i64,
    /// `getNano()`: `0..=999_999_999`.
    pub nanos: i32,
}

impl Instant {
    /// 1970-01-01T00:00:00Z.
    ///
    /// ```
    /// use kryo5_core::serializers::time::Instant;
    /// assert_eq!(Instant::EPOCH, Instant::default());
    /// ```
    pub const EPOCH: Instant = Instant {
        seconds: 0,
        nanos: 0,
    };
    /// `Instant.MIN`'s seconds (year -1000000000).
    ///
    /// ```
    /// use kryo5_core::serializers::time::Instant;
    /// assert!(Instant::MIN_SECONDS < 0 && Instant::MAX_SECONDS > 0);
    /// ```
    pub const MIN_SECONDS: i64 = -31_557_014_167_219_200;
    /// `Instant.MAX`'s seconds (year 1000000000); see
    /// [`Instant::MIN_SECONDS`].
    pub const MAX_SECONDS: i64 = 31_556_889_864_403_199;

    fn check(&self) -> Check {
        in_range(
            "Instant seconds",
            self.seconds,
            Self::MIN_SECONDS,
            Self::MAX_SECONDS,
        )?;
        in_range("Instant nanos", self.nanos.into(), 0, NANOS_PER_SECOND - 1)
    }
}

impl Value for Instant {
    fn write_value<O: Out + ?Sized>(&self, out: &mut O) -> Result<()> {
        check_write(self.check())?;
        out.write_var_long(self.seconds, true)?;
        out.write_int_var_or_fixed(self.nanos, true)?;
        Ok(())
    }
    fn read_value<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Self> {
        let at = input.total();
        let seconds = input.read_var_long(true)?;
        let nanos = input.read_int_var_or_fixed(true)?;
        let (seconds, nanos) = normalize(seconds, nanos.into())
            .ok_or_else(|| invalid(at, format_args!("Instant overflows")))?;
        let v = Instant { seconds, nanos };
        check_read(v.check(), at)?;
        Ok(v)
    }
}
time_type!(Instant, "Instant");

/// `java.time.LocalDate`: `writeInt(year, true)`, month and day as bytes.
///
/// ```
/// use kryo5_core::serializers::time::LocalDate;
/// assert!(LocalDate { year: 2024, month: 2, day: 29 }.is_valid());
/// assert!(!LocalDate { year: 2023, month: 2, day: 29 }.is_valid());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocalDate {
    /// The proleptic year, `-999_999_999..=999_999_999`.
    pub year: i32,
    /// `1..=12`.
    pub month: u8,
    /// `1..=` the month's length.
    pub day: u8,
}

impl LocalDate {
    /// Java's `LocalDate.of(year, month, day)`, unchecked (see
    /// [`LocalDate::is_valid`]).
    ///
    /// ```
    /// use kryo5_core::serializers::time::LocalDate;
    /// assert_eq!(LocalDate::of(2024, 2, 29).to_string(), "2024-02-29");
    /// ```
    #[must_use]
    pub const fn of(year: i32, month: u8, day: u8) -> Self {
        LocalDate { year, month, day }
    }

    /// Whether Java's `LocalDate.of` accepts the fields.
    ///
    /// ```
    /// use kryo5_core::serializers::time::LocalDate;
    /// assert!(LocalDate { year: 2024, month: 2, day: 29 }.is_valid());
    /// assert!(!LocalDate { year: 2023, month: 2, day: 29 }.is_valid());
    /// ```
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.check().is_ok()
    }

    fn check(&self) -> Check {
        in_range(
            "year",
            self.year.into(),
            (-MAX_YEAR).into(),
            MAX_YEAR.into(),
        )?;
        in_range("month", self.month.into(), 1, 12)?;
        let max = month_length(self.month, is_leap(self.year));
        in_range("day of month", self.day.into(), 1, max.into())
    }
}

impl fmt::Display for LocalDate {
    /// ISO-8601 as Java prints it (`2024-02-29`, `-0001-01-01`,
    /// `+10000-01-01`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            y if y.unsigned_abs() < 1000 && y < 0 => write!(f, "-{:04}", -y)?,
            y if y.unsigned_abs() < 1000 => write!(f, "{y:04}")?,
            y if y > 9999 => write!(f, "+{y}")?,
            y => write!(f, "{y}")?,
        }
        write!(f, "-{:02}-{:02}", self.month, self.day)
    }
}

impl Value for LocalDate {
    fn write_value<O: Out + ?Sized>(&self, out: &mut O) -> Result<()> {
        check_write(self.check())?;
        out.write_int_var_or_fixed(self.year, true)?;
        out.write_byte(self.month)?;
        out.write_byte(self.day)?;
        Ok(())
    }

    fn read_value<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Self> {
        let at = input.total();
        let year = input.read_int_var_or_fixed(true)?;
        let month = input.read_byte()?;
        let day = input.read_byte()?;
        // Java reads signed bytes: 0x80.. are negative and invalid.
        let v = LocalDate { year, month, day };
        check_read(v.check(), at)?;
        Ok(v)
    }
}

time_type!(LocalDate, "LocalDate");

/// `java.time.LocalTime`, in Kryo's compact form: the fields up to the
/// last non-zero one, that one written as its bitwise complement (a
/// negative byte), the nanoseconds as `writeInt(nano, true)` when present.
///
/// ```
/// use kryo5_core::serializers::time::LocalTime;
/// assert_eq!(LocalTime::MIDNIGHT.hour, 0);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocalTime {
    /// `0..=23`.
    pub hour: u8,
    /// `0..=59`.
    pub minute: u8,
    /// `0..=59`.
    pub second: u8,
    /// `0..=999_999_999`.
    pub nano: u32,
}

impl LocalTime {
    /// Java's `LocalTime.of(hour, minute, second, nano)`, unchecked.
    ///
    /// ```
    /// use kryo5_core::serializers::time::LocalTime;
    /// assert_eq!(LocalTime::of(0, 0, 0, 0), LocalTime::MIDNIGHT);
    /// ```
    #[must_use]
    pub const fn of(hour: u8, minute: u8, second: u8, nano: u32) -> Self {
        LocalTime {
            hour,
            minute,
            second,
            nano,
        }
    }

    /// 00:00.
    ///
    /// ```
    /// use kryo5_core::serializers::time::LocalTime;
    /// assert_eq!(LocalTime::MIDNIGHT, LocalTime::default());
    /// ```
    pub const MIDNIGHT: LocalTime = LocalTime {
        hour: 0,
        minute: 0,
        second: 0,
        nano: 0,
    };

    /// Whether Java's `LocalTime.of` accepts the fields.
    ///
    /// ```
    /// use kryo5_core::serializers::time::LocalTime;
    /// assert!(!LocalTime { hour: 24, ..LocalTime::MIDNIGHT }.is_valid());
    /// ```
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.check().is_ok()
    }

    fn check(&self) -> Check {
        in_range("hour", self.hour.into(), 0, 23)?;
        in_range("minute", self.minute.into(), 0, 59)?;
        in_range("second", self.second.into(), 0, 59)?;
        in_range("nano", self.nano.into(), 0, NANOS_PER_SECOND - 1)
    }
}

impl Value for LocalTime {
    fn write_value<O: Out + ?Sized>(&self, out: &mut O) -> Result<()> {
        check_write(self.check())?;
        let LocalTime {
            hour,
            minute,
            second,
            nano,
        } = *self;
        match (minute, second, nano) {
            (0, 0, 0) => out.write_byte(!hour)?,
            (_, 0, 0) => {
                out.write_byte(hour)?;
                out.write_byte(!minute)?;
            }
            (_, _, 0) => {
                out.write_byte(hour)?;
                out.write_byte(minute)?;
                out.write_byte(!second)?;
            }
            _ => {
                out.write_byte(hour)?;
                out.write_byte(minute)?;
                out.write_byte(second)?;
                out.write_int_var_or_fixed(nano as i32, true)?;
            }
        }
        Ok(())
    }

    fn read_value<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Self> {
        let at = input.total();
        let mut fields = [0u8; 3];
        let mut nano = 0;
        for (i, field) in fields.iter_mut().enumerate() {
            let b = input.read_byte()?;
            if b & 0x80 != 0 {
                *field = !b;
                break;
            }
            *field = b;
            if i == 2 {
                nano = input.read_int_var_or_fixed(true)?;
            }
        }
        let v = LocalTime {
            hour: fields[0],
            minute: fields[1],
            second: fields[2],
            nano: nano as u32,
        };
        let check = in_range("nano", nano.into(), 0, NANOS_PER_SECOND - 1).and(v.check());
        check_read(check, at)?;
        Ok(v)
    }
}

time_type!(LocalTime, "LocalTime");

/// `java.time.LocalDateTime`: the date, then the time.
///
/// ```
/// use kryo5_core::serializers::time::{LocalDate, LocalDateTime, LocalTime};
/// let t = LocalDateTime { date: LocalDate { year: 1970, month: 1, day: 1 }, time: LocalTime::MIDNIGHT };
/// assert_eq!(t.date.year, 1970);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocalDateTime {
    /// The date.
    pub date: LocalDate,
    /// The time of day.
    pub time: LocalTime,
}

pair_value!(LocalDateTime {
    date: LocalDate,
    time: LocalTime
});
time_type!(LocalDateTime, "LocalDateTime");

/// `java.time.ZoneOffset`: one signed byte of quarter hours, or `7f` and
/// the seconds as 4 fixed bytes.
///
/// ```
/// use kryo5_core::serializers::time::ZoneOffset;
/// assert_eq!(ZoneOffset::UTC.total_seconds, 0);
/// assert_eq!(ZoneOffset::hours(2).total_seconds, 7200);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ZoneOffset {
    /// Seconds east of UTC, `-64800..=64800` (±18 hours).
    pub total_seconds: i32,
}

impl ZoneOffset {
    /// `ZoneOffset.UTC`.
    ///
    /// ```
    /// use kryo5_core::serializers::time::ZoneOffset;
    /// assert_eq!(ZoneOffset::UTC.id(), "Z");
    /// ```
    pub const UTC: ZoneOffset = ZoneOffset { total_seconds: 0 };

    /// `ZoneOffset.ofHours(hours)`.
    ///
    /// ```
    /// use kryo5_core::serializers::time::ZoneOffset;
    /// assert_eq!(ZoneOffset::hours(-5).total_seconds, -18000);
    /// ```
    #[must_use]
    pub const fn hours(hours: i32) -> Self {
        ZoneOffset {
            total_seconds: hours * 3600,
        }
    }

    fn check(self) -> Check {
        in_range(
            "ZoneOffset seconds",
            self.total_seconds.into(),
            -64_800,
            64_800,
        )
    }

    /// Java's id: `Z`, `+02:00`, `-05:30`, `+01:00:01`.
    ///
    /// ```
    /// use kryo5_core::serializers::time::ZoneOffset;
    /// assert_eq!(ZoneOffset { total_seconds: -19800 }.id(), "-05:30");
    /// ```
    #[must_use]
    pub fn id(self) -> String {
        let s = self.total_seconds;
        if s == 0 {
            return "Z".to_owned();
        }
        let a = s.unsigned_abs();
        let sign = if s < 0 { '-' } else { '+' };
        let mut id = format!("{sign}{:02}:{:02}", a / 3600, a / 60 % 60);
        if !a.is_multiple_of(60) {
            id.push_str(&format!(":{:02}", a % 60));
        }
        id
    }
}

impl Value for ZoneOffset {
    fn write_value<O: Out + ?Sized>(&self, out: &mut O) -> Result<()> {
        check_write(self.check())?;
        let s = self.total_seconds;
        if s % 900 == 0 {
            out.write_byte((s / 900) as i8 as u8)?;
        } else {
            out.write_byte(0x7f)?;
            out.write_int(s)?;
        }
        Ok(())
    }

    fn read_value<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Self> {
        let at = input.total();
        let total_seconds = match input.read_byte()? as i8 {
            0x7f => input.read_int()?,
            quarters => i32::from(quarters) * 900,
        };
        let v = ZoneOffset { total_seconds };
        check_read(v.check(), at)?;
        Ok(v)
    }
}

time_type!(ZoneOffset, "ZoneOffset");

/// Checks a zone id's syntax as `ZoneId.of` does (without its time-zone
/// database): `Z`, an offset, `UTC`/`GMT`/`UT` with an optional offset,
/// or a region id such as `Europe/Paris`.
fn check_zone_id(id: &str) -> Check {
    let bad = || Err(format!("invalid zone id {id:?}"));
    let offset = |s: &str| {
        let b = s.as_bytes();
        let ok = matches!(b.first(), Some(b'+' | b'-'))
            && b.len() >= 2
            && b[1..].iter().all(|c| c.is_ascii_digit() || *c == b':');
        if ok { Ok(()) } else { bad() }
    };
    if id == "Z" {
        return Ok(());
    }
    if id.starts_with(['+', '-']) {
        return offset(id);
    }
    for prefix in ["UTC", "GMT", "UT"] {
        if let Some(rest) = id.strip_prefix(prefix)
            && (rest.is_empty() || rest.starts_with(['+', '-']))
        {
            return if rest.is_empty() {
                Ok(())
            } else {
                offset(rest)
            };
        }
    }
    let b = id.as_bytes();
    let region = b.len() >= 2
        && b[0].is_ascii_alphabetic()
        && b[1..]
            .iter()
            .all(|c| c.is_ascii_alphanumeric() || b"~/._+-".contains(c));
    if region { Ok(()) } else { bad() }
}

/// Reads a zone id string (`ZoneId.of`'s syntax checked).
fn read_zone_id<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<String> {
    let at = input.total();
    let id = input
        .read_string()?
        .ok_or_else(|| null_at("a zone id", at))?;
    check_read(check_zone_id(&id), at)?;
    Ok(id)
}

/// A `java.time.ZoneId`: a region (Java class `java.time.ZoneRegion`,
/// written as its id) or a fixed offset (class `java.time.ZoneOffset`,
/// written as one). A `ZoneId` position carries the value's class, as in
/// Java; register both classes (`ZoneId` and [`ZoneOffset`]) to read one
/// by class id.
///
/// ```
/// use kryo5_core::serializers::time::{ZoneId, ZoneOffset};
/// let paris = ZoneId::Region("Europe/Paris".into());
/// assert_eq!(paris.id(), "Europe/Paris");
/// assert_eq!(ZoneId::Offset(ZoneOffset::hours(2)).id(), "+02:00");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ZoneId {
    /// A region id such as `Europe/Paris` or `UTC`.
    Region(String),
    /// A fixed offset.
    Offset(ZoneOffset),
}

impl ZoneId {
    /// `getId()`.
    #[must_use]
    pub fn id(&self) -> Cow<'_, str> {
        match self {
            ZoneId::Region(id) => Cow::Borrowed(id),
            ZoneId::Offset(o) => Cow::Owned(o.id()),
        }
    }

    fn as_object(&self) -> &dyn crate::types::Object {
        match self {
            ZoneId::Region(_) => self,
            ZoneId::Offset(o) => o,
        }
    }
}

/// `ZoneIdSerializer`: the id string. The class is `java.time.ZoneRegion`;
/// [`ZoneId::Offset`] values are written as the `ZoneOffset` class.
impl KryoType for ZoneId {
    fn java_class() -> Cow<'static, str> {
        Cow::Borrowed("java.time.ZoneRegion")
    }
    /// Java fields are declared `ZoneId`, an abstract class.
    const FINAL: bool = false;
    const IMMUTABLE: bool = true;

    fn write<O: Out + ?Sized>(&self, _: &mut Kryo, out: &mut O, _: bool) -> Result<()> {
        match self {
            ZoneId::Region(id) => {
                check_write(check_zone_id(id))?;
                Ok(out.write_string(Some(id))?)
            }
            ZoneId::Offset(o) => o.write_value(out),
        }
    }
    /// A payload whose class is known to be `ZoneRegion`.
    fn read<'de, I: In<'de> + ?Sized>(_: &mut Kryo, input: &mut I, _: bool) -> Result<Self> {
        read_zone_id(input).map(ZoneId::Region)
    }
    fn class_name(&self) -> Cow<'static, str> {
        match self {
            ZoneId::Region(_) => Self::java_class(),
            ZoneId::Offset(_) => ZoneOffset::java_class(),
        }
    }
    fn write_with_class<O: Out + ?Sized>(
        &self,
        kryo: &mut Kryo,
        out: &mut O,
        _: bool,
    ) -> Result<()> {
        kryo.write_class_and_object_dyn(out, Some(self.as_object()))
    }
    fn read_with_class<'de, I: In<'de> + ?Sized>(
        kryo: &mut Kryo,
        input: &mut I,
        _: bool,
    ) -> Result<Option<Self>> {
        let at = input.total();
        let Some(value) = kryo.read_class_and_object(input)? else {
            return Ok(None);
        };
        let value = match crate::types::downcast::<ZoneId>(value) {
            Ok(zone) => return Ok(Some(zone)),
            Err(other) => other,
        };
        match value.downcast::<ZoneOffset>() {
            Ok(offset) => Ok(Some(ZoneId::Offset(*offset))),
            Err(_) => Err(Error::new(ErrorKind::WrongType {
                expected: "java.time.ZoneId".into(),
                found: "another class".into(),
            })
            .at(at)),
        }
    }
    fn share(&self) -> Option<Shared> {
        Some(Arc::new(self.clone()))
    }
    fn from_shared(shared: &Shared) -> Result<Self> {
        if let Some(o) = shared.downcast_ref::<ZoneOffset>() {
            return Ok(ZoneId::Offset(*o));
        }
        from_shared(shared)
    }
    fn copy(&self, _: &mut Kryo) -> Result<Self> {
        Ok(self.clone())
    }
}

/// `java.time.OffsetTime`: the time, then the offset.
///
/// ```
/// use kryo5_core::serializers::time::{LocalTime, OffsetTime, ZoneOffset};
/// let t = OffsetTime { time: LocalTime::MIDNIGHT, offset: ZoneOffset::UTC };
/// assert_eq!(t.offset, ZoneOffset::UTC);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct OffsetTime {
    /// The local time.
    pub time: LocalTime,
    /// The offset from UTC.
    pub offset: ZoneOffset,
}

pair_value!(OffsetTime {
    time: LocalTime,
    offset: ZoneOffset
});
time_type!(OffsetTime, "OffsetTime");

/// `java.time.OffsetDateTime`: date, time, offset.
///
/// ```
/// use kryo5_core::serializers::time::{LocalDateTime, OffsetDateTime, ZoneOffset};
/// let t = OffsetDateTime { date_time: LocalDateTime::default(), offset: ZoneOffset::UTC };
/// assert_eq!(t.offset.id(), "Z");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct OffsetDateTime {
    /// The local date and time.
    pub date_time: LocalDateTime,
    /// The offset from UTC.
    pub offset: ZoneOffset,
}

pair_value!(OffsetDateTime {
    date_time: LocalDateTime,
    offset: ZoneOffset
});
time_type!(OffsetDateTime, "OffsetDateTime");

/// `java.time.ZonedDateTime`: date, time, and the zone's id string (a
/// region like `Europe/Paris` or an offset id like `+02:00`). Java's
/// reader resolves the local time in the zone (`ZonedDateTime.of`), which
/// moves a time in a daylight-saving gap; kryo5 keeps the fields as
/// written.
///
/// ```
/// use kryo5_core::serializers::time::{LocalDateTime, ZonedDateTime};
/// let t = ZonedDateTime { date_time: LocalDateTime::default(), zone: "UTC".into() };
/// assert_eq!(t.zone, "UTC");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ZonedDateTime {
    /// The local date and time.
    pub date_time: LocalDateTime,
    /// `getZone().getId()`.
    pub zone: String,
}

impl Value for ZonedDateTime {
    fn write_value<O: Out + ?Sized>(&self, out: &mut O) -> Result<()> {
        check_write(check_zone_id(&self.zone))?;
        self.date_time.write_value(out)?;
        Ok(out.write_string(Some(&self.zone))?)
    }
    fn read_value<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Self> {
        Ok(ZonedDateTime {
            date_time: LocalDateTime::read_value(input)?,
            zone: read_zone_id(input)?,
        })
    }
}
time_type!(ZonedDateTime, "ZonedDateTime");

/// `java.time.Year`: `writeVarInt(year, true)`.
///
/// ```
/// use kryo5_core::serializers::time::Year;
/// assert_eq!(Year { year: 2024 }.year, 2024);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Year {
    /// `-999_999_999..=999_999_999`.
    pub year: i32,
}

fn check_year(year: i32) -> Check {
    in_range("year", year.into(), (-MAX_YEAR).into(), MAX_YEAR.into())
}

impl Value for Year {
    fn write_value<O: Out + ?Sized>(&self, out: &mut O) -> Result<()> {
        check_write(check_year(self.year))?;
        out.write_var_int(self.year, true)?;
        Ok(())
    }
    fn read_value<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Self> {
        let at = input.total();
        let year = input.read_int_var_or_fixed(true)?;
        check_read(check_year(year), at)?;
        Ok(Year { year })
    }
}
time_type!(Year, "Year");

/// `java.time.YearMonth`: `writeVarInt(year, true)`, the month as a byte.
///
/// ```
/// use kryo5_core::serializers::time::YearMonth;
/// assert_eq!(YearMonth { year: 2024, month: 2 }.month, 2);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct YearMonth {
    /// `-999_999_999..=999_999_999`.
    pub year: i32,
    /// `1..=12`.
    pub month: u8,
}

impl YearMonth {
    fn check(self) -> Check {
        check_year(self.year)?;
        in_range("month", self.month.into(), 1, 12)
    }
}

impl Value for YearMonth {
    fn write_value<O: Out + ?Sized>(&self, out: &mut O) -> Result<()> {
        check_write(self.check())?;
        out.write_var_int(self.year, true)?;
        out.write_byte(self.month)?;
        Ok(())
    }
    fn read_value<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Self> {
        let at = input.total();
        let year = input.read_int_var_or_fixed(true)?;
        let v = YearMonth {
            year,
            month: input.read_byte()?,
        };
        check_read(v.check(), at)?;
        Ok(v)
    }
}
time_type!(YearMonth, "YearMonth");

/// `java.time.MonthDay`: month and day as bytes (February 29th is valid).
///
/// ```
/// use kryo5_core::serializers::time::MonthDay;
/// assert_eq!(MonthDay { month: 2, day: 29 }.day, 29);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MonthDay {
    /// `1..=12`.
    pub month: u8,
    /// `1..=` the month's length in a leap year.
    pub day: u8,
}

impl MonthDay {
    fn check(self) -> Check {
        in_range("month", self.month.into(), 1, 12)?;
        let max = month_length(self.month, true);
        in_range("day of month", self.day.into(), 1, max.into())
    }
}

impl Value for MonthDay {
    fn write_value<O: Out + ?Sized>(&self, out: &mut O) -> Result<()> {
        check_write(self.check())?;
        out.write_byte(self.month)?;
        out.write_byte(self.day)?;
        Ok(())
    }
    fn read_value<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Self> {
        let at = input.total();
        let v = MonthDay {
            month: input.read_byte()?,
            day: input.read_byte()?,
        };
        check_read(v.check(), at)?;
        Ok(v)
    }
}
time_type!(MonthDay, "MonthDay");

/// `java.time.Period`: years, months and days, each `writeVarInt(v,
/// true)` (negative values take 5 bytes).
///
/// ```
/// use kryo5_core::serializers::time::Period;
/// assert_eq!(Period { years: 1, months: -2, days: 3 }.months, -2);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Period {
    /// `getYears()`.
    pub years: i32,
    /// `getMonths()`.
    pub months: i32,
    /// `getDays()`.
    pub days: i32,
}

impl Value for Period {
    fn write_value<O: Out + ?Sized>(&self, out: &mut O) -> Result<()> {
        out.write_var_int(self.years, true)?;
        out.write_var_int(self.months, true)?;
        out.write_var_int(self.days, true)?;
        Ok(())
    }
    fn read_value<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Self> {
        Ok(Period {
            years: input.read_int_var_or_fixed(true)?,
            months: input.read_int_var_or_fixed(true)?,
            days: input.read_int_var_or_fixed(true)?,
        })
    }
}
time_type!(Period, "Period");

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serializers::value::testing::{read_err, round_trip};
    use kryo5_io::{Input, Output};

    #[test]
    fn spec_vectors() {
        round_trip(
            &Duration {
                seconds: 1,
                nanos: 5,
            },
            &[1, 0, 0, 0, 0, 0, 0, 0, 5],
        );
        round_trip(
            &Duration {
                seconds: -1,
                nanos: 0,
            },
            &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0],
        );
        round_trip(
            &Instant {
                seconds: 1,
                nanos: 5,
            },
            &[1, 5],
        );
        round_trip(
            &Instant {
                seconds: -1,
                nanos: 0,
            },
            &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0],
        );
        round_trip(&LocalDate::of(2024, 2, 29), &[0xe8, 0x0f, 0x02, 0x1d]);
        round_trip(
            &LocalDate::of(-1, 1, 1),
            &[0xff, 0xff, 0xff, 0xff, 0x0f, 0x01, 0x01],
        );
        round_trip(&LocalTime::of(10, 0, 0, 0), &[0xf5]);
        round_trip(&LocalTime::of(10, 30, 0, 0), &[0x0a, 0xe1]);
        round_trip(&LocalTime::of(10, 30, 15, 0), &[0x0a, 0x1e, 0xf0]);
        round_trip(&LocalTime::of(10, 30, 15, 7), &[0x0a, 0x1e, 0x0f, 0x07]);
        round_trip(&LocalTime::MIDNIGHT, &[0xff]);
        round_trip(
            &LocalDateTime {
                date: LocalDate::of(2024, 2, 29),
                time: LocalTime::of(10, 0, 0, 0),
            },
            &[0xe8, 0x0f, 0x02, 0x1d, 0xf5],
        );
        round_trip(&ZoneOffset::UTC, &[0x00]);
        round_trip(&ZoneOffset::hours(2), &[0x08]);
        round_trip(
            &ZoneOffset {
                total_seconds: -19800,
            },
            &[0xea],
        );
        round_trip(
            &ZoneOffset {
                total_seconds: 3601,
            },
            &[0x7f, 0x11, 0x0e, 0x00, 0x00],
        );
        let paris = b"Europe/Pari\xf3";
        round_trip(&ZoneId::Region("Europe/Paris".into()), paris);
        round_trip(
            &OffsetTime {
                time: LocalTime::of(10, 0, 0, 0),
                offset: ZoneOffset::hours(2),
            },
            &[0xf5, 0x08],
        );
        round_trip(
            &OffsetDateTime {
                date_time: LocalDateTime {
                    date: LocalDate::of(2024, 2, 29),
                    time: LocalTime::of(10, 0, 0, 0),
                },
                offset: ZoneOffset::UTC,
            },
            &[0xe8, 0x0f, 0x02, 0x1d, 0xf5, 0x00],
        );
        let mut zoned = vec![0xe8, 0x0f, 0x02, 0x1d, 0xf5];
        zoned.extend_from_slice(paris);
        round_trip(
            &ZonedDateTime {
                date_time: LocalDateTime {
                    date: LocalDate::of(2024, 2, 29),
                    time: LocalTime::of(10, 0, 0, 0),
                },
                zone: "Europe/Paris".into(),
            },
            &zoned,
        );
        round_trip(&Year { year: 2024 }, &[0xe8, 0x0f]);
        round_trip(
            &YearMonth {
                year: 2024,
                month: 2,
            },
            &[0xe8, 0x0f, 0x02],
        );
        round_trip(&MonthDay { month: 2, day: 29 }, &[0x02, 0x1d]);
        round_trip(
            &Period {
                years: 1,
                months: -2,
                days: 3,
            },
            &[0x01, 0xfe, 0xff, 0xff, 0xff, 0x0f, 0x03],
        );
    }

    #[test]
    fn reads_validate_like_java() {
        let invalid = |e: Error| matches!(e.kind(), ErrorKind::InvalidData(_));
        assert!(invalid(read_err::<LocalDate>(&[0xe7, 0x0f, 0x02, 0x1d]))); // 2023-02-29
        assert!(invalid(read_err::<LocalDate>(&[0xe8, 0x0f, 0x0d, 0x01]))); // month 13
        assert!(invalid(read_err::<LocalDate>(&[0xe8, 0x0f, 0x00, 0x01]))); // month 0
        assert!(invalid(read_err::<LocalDate>(&[0xe8, 0x0f, 0x04, 0x1f]))); // April 31
        assert!(invalid(read_err::<LocalTime>(&[0xe7]))); // hour 24
        assert!(invalid(read_err::<LocalTime>(&[0x01, 0x3c, 0xff]))); // minute 60
        assert!(invalid(read_err::<LocalTime>(&[
            0x01, 0x01, 0x01, 0x80, 0x94, 0xeb, 0xdc, 0x03
        ]))); // nano 10^9
        assert!(invalid(read_err::<ZoneOffset>(&[0x49]))); // +18:15
        assert!(invalid(read_err::<ZoneOffset>(&[
            0x7f, 0x00, 0x00, 0x01, 0x00
        ])));
        assert!(invalid(read_err::<MonthDay>(&[0x02, 0x1e])));
        assert!(invalid(read_err::<YearMonth>(&[0x01, 0x0d])));
        assert!(invalid(read_err::<Year>(&[0x80, 0x94, 0xeb, 0xdc, 0x03]))); // 10^9
        assert!(invalid(read_err::<ZoneId>(&[0x82, 0x2f]))); // "/"
        assert!(invalid(read_err::<Instant>(&[
            0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0x00
        ])));
        let e = read_err::<LocalDate>(&[0xe8, 0x0f, 0x02, 0x1e]);
        assert_eq!(e.offset(), Some(0));
    }

    #[test]
    fn nanoseconds_are_normalized_as_java_does() {
        let mut kryo = Kryo::new();
        // Duration.ofSeconds(1, -1) = 0.999999999 s: nanos int+ of -1 is 5 bytes.
        let d: Duration = kryo
            .read_object(&mut Input::new(&[
                1, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f,
            ]))
            .unwrap();
        assert_eq!(
            d,
            Duration {
                seconds: 0,
                nanos: 999_999_999
            }
        );
        let max = [
            0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0x80, 0x94, 0xeb, 0xdc, 0x03,
        ];
        assert!(
            kryo.read_object::<Duration, _>(&mut Input::new(&max))
                .is_err()
        );
    }

    #[test]
    fn writes_reject_what_java_cannot_hold() {
        let mut kryo = Kryo::new();
        let mut out = Output::new();
        let e = kryo
            .write_object(&mut out, &LocalDate::of(2023, 2, 29))
            .unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::InvalidArgument(_)));
        assert!(
            kryo.write_object(&mut out, &ZoneId::Region("no spaces".into()))
                .is_err()
        );
    }

    #[test]
    fn zone_ids_and_offsets() {
        for ok in [
            "Z",
            "UTC",
            "GMT+01:00",
            "UT",
            "Europe/Paris",
            "+02:00",
            "America/Port-au-Prince",
            "Etc/GMT+5",
        ] {
            assert!(check_zone_id(ok).is_ok(), "{ok}");
        }
        for bad in ["", "E", "1abc", "+", "Europe Paris", "UTC+", "GMT+x"] {
            assert!(check_zone_id(bad).is_err(), "{bad}");
        }
        assert_eq!(
            ZoneOffset {
                total_seconds: 3601
            }
            .id(),
            "+01:00:01"
        );
        assert_eq!(LocalDate::of(-1, 1, 1).to_string(), "-0001-01-01");
        assert_eq!(LocalDate::of(12345, 1, 1).to_string(), "+12345-01-01");
        assert_eq!(LocalDate::of(2024, 2, 29).to_string(), "2024-02-29");
    }

    #[test]
    fn zone_id_positions_carry_the_value_class() {
        let mut kryo = Kryo::new();
        kryo.set_registration_required(false);
        kryo.set_warn_unregistered_classes(false);
        kryo.add_class::<ZoneId>();
        kryo.add_class::<ZoneOffset>();
        let mut out = Output::new();
        let z = ZoneId::Offset(ZoneOffset::UTC);
        kryo.write_class_and_object(&mut out, Some(&z)).unwrap();
        // Java: writeClassAndObject(ZoneId.of("Z")).
        let mut want = vec![0x01, 0x00];
        want.extend_from_slice(b"java.time.ZoneOffse\xf4\x00");
        assert_eq!(out.as_slice(), want);
        let back: Option<ZoneId> = kryo
            .read_class_and_object_as(&mut Input::new(out.as_slice()))
            .unwrap();
        assert_eq!(back, Some(z));
    }
}
