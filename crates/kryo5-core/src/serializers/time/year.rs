//! Years and their parts: `Year`, `YearMonth`, `MonthDay`, `Period`.

use super::*;

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
