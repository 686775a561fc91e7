//! `LocalDate`, `LocalTime` and `LocalDateTime`: dates and times without
//! a zone.

use super::*;

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
