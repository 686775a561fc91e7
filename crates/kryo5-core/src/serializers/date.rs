//! `java.util.Date`, its `java.sql` subclasses and `GregorianCalendar`
//! (format spec 8.12).
//!
//! A date is its `getTime()`, milliseconds since 1970-01-01T00:00Z,
//! written as `uvarlong` (so dates before 1970 take 9 bytes). A
//! `java.sql.Timestamp` keeps only whole milliseconds, as in Java.
//!
//! ```
//! use kryo5_core::Kryo;
//! use kryo5_core::serializers::date::JavaDate;
//! use kryo5_io::{Input, Output};
//!
//! let mut kryo = Kryo::new();
//! kryo.register::<JavaDate>();
//! let mut out = Output::new();
//! kryo.write_object(&mut out, &JavaDate { millis: 1_700_000_000_000 })?;
//! assert_eq!(out.as_slice(), &[0x80, 0xd0, 0x95, 0xff, 0xbc, 0x31]);
//! let back: JavaDate = kryo.read_object(&mut Input::new(out.as_slice()))?;
//! assert_eq!(back.millis, 1_700_000_000_000);
//! # Ok::<(), kryo5_core::Error>(())
//! ```

use super::value::{Value, value_type};
use crate::error::Result;
use crate::io::{In, Out};

/// One `Date` class: a struct holding `millis`, written by `DateSerializer`.
macro_rules! date_class {
    ($(#[$doc:meta])* $name:ident, $class:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name {
            /// `getTime()`: milliseconds since 1970-01-01T00:00Z.
            pub millis: i64,
        }

        impl Value for $name {
            fn write_value<O: Out + ?Sized>(&self, out: &mut O) -> Result<()> {
                out.write_var_long(self.millis, true)?;
                Ok(())
            }
            fn read_value<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Self> {
                Ok($name { millis: input.read_var_long(true)? })
            }
        }

        value_type!($name, $class, final: false, immutable: false);
    };
}

date_class!(
    /// `java.util.Date`.
    ///
    /// ```
    /// use kryo5_core::serializers::date::JavaDate;
    /// assert_eq!(JavaDate { millis: 0 }, JavaDate::default());
    /// ```
    JavaDate,
    "java.util.Date"
);
date_class!(
    /// `java.sql.Date`.
    ///
    /// ```
    /// use kryo5_core::KryoType;
    /// use kryo5_core::serializers::date::SqlDate;
    /// assert_eq!(SqlDate::java_class(), "java.sql.Date");
    /// ```
    SqlDate,
    "java.sql.Date"
);
date_class!(
    /// `java.sql.Time`.
    ///
    /// ```
    /// use kryo5_core::KryoType;
    /// use kryo5_core::serializers::date::SqlTime;
    /// assert_eq!(SqlTime::java_class(), "java.sql.Time");
    /// ```
    SqlTime,
    "java.sql.Time"
);
date_class!(
    /// `java.sql.Timestamp`: whole milliseconds only (Kryo drops the
    /// sub-millisecond nanoseconds).
    ///
    /// ```
    /// use kryo5_core::KryoType;
    /// use kryo5_core::serializers::date::SqlTimestamp;
    /// assert_eq!(SqlTimestamp::java_class(), "java.sql.Timestamp");
    /// ```
    SqlTimestamp,
    "java.sql.Timestamp"
);

/// The default Julian-to-Gregorian cutover, 1582-10-15T00:00Z, in
/// milliseconds.
///
/// ```
/// use kryo5_core::serializers::date::{DEFAULT_GREGORIAN_CHANGE, GregorianCalendar};
/// assert_eq!(GregorianCalendar::new("UTC", 0).gregorian_change, DEFAULT_GREGORIAN_CHANGE);
/// ```
pub const DEFAULT_GREGORIAN_CHANGE: i64 = -12_219_292_800_000;

/// A `java.util.GregorianCalendar` as `CalendarSerializer` writes it: the
/// time zone id, the instant, and the calendar's settings. A Java reader
/// creates `Calendar.getInstance(zone)` (an unknown zone id becomes GMT)
/// and applies the rest.
///
/// ```
/// use kryo5_core::Kryo;
/// use kryo5_core::serializers::date::GregorianCalendar;
/// use kryo5_io::Output;
///
/// let mut kryo = Kryo::new();
/// kryo.register::<GregorianCalendar>();
/// let mut out = Output::new();
/// kryo.write_object(&mut out, &GregorianCalendar::new("UTC", 0))?;
/// assert_eq!(
///     out.as_slice(),
///     &[0x55, 0x54, 0xc3, 0x00, 0x01, 0x01, 0x01, 0xff, 0xcf, 0xda, 0xe9, 0xa0, 0xc7, 0x05]
/// );
/// # Ok::<(), kryo5_core::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GregorianCalendar {
    /// `getTimeZone().getID()`.
    pub time_zone: String,
    /// `getTimeInMillis()`.
    pub millis: i64,
    /// `isLenient()`.
    pub lenient: bool,
    /// `getFirstDayOfWeek()` (1 = Sunday ... 7 = Saturday).
    pub first_day_of_week: i32,
    /// `getMinimalDaysInFirstWeek()`.
    pub minimal_days_in_first_week: i32,
    /// `getGregorianChange().getTime()`.
    pub gregorian_change: i64,
}

impl GregorianCalendar {
    /// A calendar in `time_zone` at `millis` with Java's defaults for the
    /// root locale: lenient, weeks starting on Sunday, one minimal day in
    /// the first week, the default Gregorian cutover.
    ///
    /// ```
    /// use kryo5_core::serializers::date::GregorianCalendar;
    /// assert_eq!(GregorianCalendar::new("UTC", 0).first_day_of_week, 1);
    /// ```
    #[must_use]
    pub fn new(time_zone: impl Into<String>, millis: i64) -> Self {
        GregorianCalendar {
            time_zone: time_zone.into(),
            millis,
            lenient: true,
            first_day_of_week: 1,
            minimal_days_in_first_week: 1,
            gregorian_change: DEFAULT_GREGORIAN_CHANGE,
        }
    }
}

impl Value for GregorianCalendar {
    fn write_value<O: Out + ?Sized>(&self, out: &mut O) -> Result<()> {
        out.write_string(Some(&self.time_zone))?;
        out.write_var_long(self.millis, true)?;
        out.write_boolean(self.lenient)?;
        out.write_int_var_or_fixed(self.first_day_of_week, true)?;
        out.write_int_var_or_fixed(self.minimal_days_in_first_week, true)?;
        out.write_var_long(self.gregorian_change, false)?;
        Ok(())
    }
    fn read_value<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Self> {
        let at = input.total();
        let time_zone = input
            .read_string()?
            .ok_or_else(|| super::value::null_at("a time zone id", at))?;
        Ok(GregorianCalendar {
            time_zone,
            millis: input.read_var_long(true)?,
            lenient: input.read_boolean()?,
            first_day_of_week: input.read_int_var_or_fixed(true)?,
            minimal_days_in_first_week: input.read_int_var_or_fixed(true)?,
            gregorian_change: input.read_var_long(false)?,
        })
    }
}

value_type!(GregorianCalendar, "java.util.GregorianCalendar", final: false, immutable: false);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;
    use crate::serializers::value::testing::round_trip;
    use kryo5_io::Input;

    #[test]
    fn spec_vectors() {
        round_trip(&JavaDate { millis: 0 }, &[0x00]);
        round_trip(
            &JavaDate {
                millis: 1_700_000_000_000,
            },
            &[0x80, 0xd0, 0x95, 0xff, 0xbc, 0x31],
        );
        round_trip(&SqlTimestamp { millis: 1000 }, &[0xe8, 0x07]);
        round_trip(&SqlDate { millis: -1 }, &[0xff; 9]);
        round_trip(
            &GregorianCalendar::new("UTC", 0),
            &[
                0x55, 0x54, 0xc3, 0x00, 0x01, 0x01, 0x01, 0xff, 0xcf, 0xda, 0xe9, 0xa0, 0xc7, 0x05,
            ],
        );
    }

    #[test]
    fn null_time_zone() {
        let mut kryo = crate::serializers::value::testing::lenient();
        let e = kryo
            .read_object::<GregorianCalendar, _>(&mut Input::new(&[0x80]))
            .unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::UnexpectedNull(_)));
    }
}
