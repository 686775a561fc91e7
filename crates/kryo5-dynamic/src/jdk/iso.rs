//! The ISO-8601 text of the `java.time` values, as Java's `toString()`
//! prints them (`PT-0.999999999S`, `1969-12-31T23:59:59.999999999Z`,
//! `10:30:15.000000007`, `--02-29`, `P1Y-2M3D`), and parsers that read
//! that text back (and the usual ISO variants a person writes by hand).

use kryo5_core::serializers::time::{
    Duration, Instant, LocalDate, LocalDateTime, LocalTime, MonthDay, OffsetDateTime, OffsetTime,
    Period, Year, YearMonth, ZoneOffset, ZonedDateTime,
};

/// A value with an ISO-8601 text form.
pub(crate) trait Iso: Sized {
    /// Java's `toString()`.
    fn iso(&self) -> String;
    /// Reads [`Iso::iso`]'s text; `None` if it is not such a text.
    fn parse_iso(s: &str) -> Option<Self>;
}

const NANOS: i64 = 1_000_000_000;
const DAY: i64 = 86_400;

/// A fraction of a second as Java prints it: nothing for 0, else 3, 6 or
/// 9 digits after a dot.
fn fraction(nano: u32) -> String {
    match nano {
        0 => String::new(),
        n if n % 1_000_000 == 0 => format!(".{:03}", n / 1_000_000),
        n if n % 1_000 == 0 => format!(".{:06}", n / 1_000),
        n => format!(".{n:09}"),
    }
}

/// Digits after a dot (1 to 9) as nanoseconds.
fn parse_fraction(digits: &str) -> Option<u32> {
    if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(digits.parse::<u32>().ok()? * 10u32.pow(9 - digits.len() as u32))
}

/// Exactly `n` ASCII digits.
fn digits<T: std::str::FromStr>(s: &str, n: usize) -> Option<T> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// A signed decimal integer (`+` allowed).
fn signed<T: std::str::FromStr>(s: &str) -> Option<T> {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    if body.is_empty() || !body.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.strip_prefix('+').unwrap_or(s).parse().ok()
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01.
fn civil_from_days(days: i64) -> Option<LocalDate> {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Some(LocalDate::of(
        i32::try_from(year).ok()?,
        month as u8,
        day as u8,
    ))
}

/// `year-MM-dd` with a year of four digits or more: the year, month and
/// day of a valid date (the year unbounded: `Instant.MIN` is in year
/// -1000000000).
fn parse_ymd(s: &str) -> Option<(i64, u8, u8)> {
    // The year is everything before the second-to-last dash.
    let (rest, day) = s.rsplit_once('-')?;
    let (year, month) = rest.rsplit_once('-')?;
    if year.trim_start_matches(['+', '-']).len() < 4 {
        return None;
    }
    let (year, month, day): (i64, u8, u8) = (signed(year)?, digits(month, 2)?, digits(day, 2)?);
    // Leap years repeat every 400 years.
    let check = LocalDate::of(2000 + year.rem_euclid(400) as i32, month, day);
    check.is_valid().then_some((year, month, day))
}

impl Iso for LocalDate {
    fn iso(&self) -> String {
        self.to_string()
    }

    fn parse_iso(s: &str) -> Option<Self> {
        let (year, month, day) = parse_ymd(s)?;
        let d = LocalDate::of(i32::try_from(year).ok()?, month, day);
        d.is_valid().then_some(d)
    }
}

impl Iso for LocalTime {
    fn iso(&self) -> String {
        let mut s = format!("{:02}:{:02}", self.hour, self.minute);
        if self.second != 0 || self.nano != 0 {
            s.push_str(&format!(":{:02}{}", self.second, fraction(self.nano)));
        }
        s
    }

    fn parse_iso(s: &str) -> Option<Self> {
        let (hm, rest) = match s.get(5..) {
            Some(rest) => (&s[..5], rest),
            None => (s, ""),
        };
        let (h, m) = hm.split_once(':')?;
        let (sec, nano) = match rest.strip_prefix(':') {
            None if rest.is_empty() => (0, 0),
            None => return None,
            Some(r) => match r.split_once('.') {
                Some((sec, frac)) => (digits(sec, 2)?, parse_fraction(frac)?),
                None => (digits(r, 2)?, 0),
            },
        };
        let t = LocalTime::of(digits(h, 2)?, digits(m, 2)?, sec, nano);
        t.is_valid().then_some(t)
    }
}

impl Iso for LocalDateTime {
    fn iso(&self) -> String {
        format!("{}T{}", self.date.iso(), self.time.iso())
    }

    fn parse_iso(s: &str) -> Option<Self> {
        let (d, t) = s.split_once('T')?;
        Some(LocalDateTime {
            date: LocalDate::parse_iso(d)?,
            time: LocalTime::parse_iso(t)?,
        })
    }
}

impl Iso for ZoneOffset {
    fn iso(&self) -> String {
        self.id()
    }

    fn parse_iso(s: &str) -> Option<Self> {
        if s == "Z" {
            return Some(ZoneOffset::UTC);
        }
        let (sign, body) = match s.as_bytes().first()? {
            b'+' => (1, &s[1..]),
            b'-' => (-1, &s[1..]),
            _ => return None,
        };
        let mut parts = body.split(':');
        let h: i32 = digits(parts.next()?, 2)?;
        let m: i32 = parts.next().map_or(Some(0), |p| digits(p, 2))?;
        let sec: i32 = parts.next().map_or(Some(0), |p| digits(p, 2))?;
        if parts.next().is_some() || h > 18 || m > 59 || sec > 59 {
            return None;
        }
        let total = sign * (h * 3600 + m * 60 + sec);
        (total.abs() <= 18 * 3600).then_some(ZoneOffset {
            total_seconds: total,
        })
    }
}

/// Splits `text` before its offset (`Z`, `+hh:mm`, `-hh:mm`), searching
/// from `from`.
fn split_offset(text: &str, from: usize) -> Option<(&str, ZoneOffset)> {
    let at = from + text.get(from..)?.find(['Z', '+', '-'])?;
    Some((&text[..at], ZoneOffset::parse_iso(&text[at..])?))
}

impl Iso for OffsetTime {
    fn iso(&self) -> String {
        format!("{}{}", self.time.iso(), self.offset.iso())
    }

    fn parse_iso(s: &str) -> Option<Self> {
        let (t, offset) = split_offset(s, 0)?;
        Some(OffsetTime {
            time: LocalTime::parse_iso(t)?,
            offset,
        })
    }
}

impl Iso for OffsetDateTime {
    fn iso(&self) -> String {
        format!("{}{}", self.date_time.iso(), self.offset.iso())
    }

    fn parse_iso(s: &str) -> Option<Self> {
        let (dt, offset) = split_offset(s, s.find('T')?)?;
        Some(OffsetDateTime {
            date_time: LocalDateTime::parse_iso(dt)?,
            offset,
        })
    }
}

/// `2024-02-29T10:00[Europe/Paris]`: Kryo writes the local date-time and
/// the zone id, not the offset (Java derives it from the zone's rules), so
/// the text has no offset. One written by hand before `[` is accepted and
/// ignored.
impl Iso for ZonedDateTime {
    fn iso(&self) -> String {
        format!("{}[{}]", self.date_time.iso(), self.zone)
    }

    fn parse_iso(s: &str) -> Option<Self> {
        let (head, zone) = s.strip_suffix(']')?.split_once('[')?;
        let t = head.find('T')?;
        let dt = split_offset(head, t).map_or(head, |(dt, _)| dt);
        Some(ZonedDateTime {
            date_time: LocalDateTime::parse_iso(dt)?,
            zone: zone.to_owned(),
        })
    }
}

impl Iso for Instant {
    fn iso(&self) -> String {
        let days = self.seconds.div_euclid(DAY);
        let secs = self.seconds.rem_euclid(DAY);
        let date = civil_from_days(days).map_or_else(|| format!("{days}d"), |d| d.iso());
        format!(
            "{date}T{:02}:{:02}:{:02}{}Z",
            secs / 3600,
            secs / 60 % 60,
            secs % 60,
            fraction(self.nanos as u32)
        )
    }

    fn parse_iso(s: &str) -> Option<Self> {
        let (d, t) = s.strip_suffix('Z')?.split_once('T')?;
        let (year, month, day) = parse_ymd(d)?;
        let days = days_from_civil(year, month.into(), day.into());
        let t = LocalTime::parse_iso(t)?;
        let secs = i64::from(t.hour) * 3600 + i64::from(t.minute) * 60 + i64::from(t.second);
        let seconds = days * DAY + secs;
        (Instant::MIN_SECONDS..=Instant::MAX_SECONDS)
            .contains(&seconds)
            .then_some(Instant {
                seconds,
                nanos: t.nano as i32,
            })
    }
}

/// Java's `Duration.toString()`: hours, minutes and seconds, each part
/// signed, `PT0S` for zero.
impl Iso for Duration {
    fn iso(&self) -> String {
        let (seconds, nanos) = (self.seconds, i64::from(self.nanos));
        if seconds == 0 && nanos == 0 {
            return "PT0S".to_owned();
        }
        let effective = if seconds < 0 && nanos > 0 {
            seconds + 1
        } else {
            seconds
        };
        let (hours, minutes, secs) = (effective / 3600, effective % 3600 / 60, effective % 60);
        let mut s = String::from("PT");
        if hours != 0 {
            s.push_str(&format!("{hours}H"));
        }
        if minutes != 0 {
            s.push_str(&format!("{minutes}M"));
        }
        if secs == 0 && nanos == 0 && s.len() > 2 {
            return s;
        }
        if seconds < 0 && nanos > 0 && secs == 0 {
            s.push_str("-0");
        } else {
            s.push_str(&secs.to_string());
        }
        if nanos > 0 {
            let frac = if seconds < 0 {
                2 * NANOS - nanos
            } else {
                nanos + NANOS
            };
            let frac = frac.to_string();
            s.push('.');
            s.push_str(frac[1..].trim_end_matches('0'));
        }
        s.push('S');
        s
    }

    fn parse_iso(s: &str) -> Option<Self> {
        let (negate, body) = match s.strip_prefix('-') {
            Some(b) => (true, b),
            None => (false, s.strip_prefix('+').unwrap_or(s)),
        };
        let body = body.strip_prefix(['P', 'p'])?;
        let (days, time) = match body.split_once(['T', 't']) {
            Some((d, t)) => (d, Some(t)),
            None => (body, None),
        };
        if days.is_empty() && time.is_none() {
            return None;
        }
        let mut total: i128 = 0;
        if !days.is_empty() {
            let n: i128 = signed(days.strip_suffix(['D', 'd'])?)?;
            total += n * i128::from(DAY * NANOS);
        }
        let mut rest = time.unwrap_or("");
        if time == Some("") {
            return None;
        }
        for (unit, scale) in [('H', 3600), ('M', 60)] {
            if let Some(at) = rest.find([unit, unit.to_ascii_lowercase()]) {
                let n: i128 = signed(&rest[..at])?;
                total += n * scale * i128::from(NANOS);
                rest = &rest[at + 1..];
            }
        }
        if !rest.is_empty() {
            let secs = rest.strip_suffix(['S', 's'])?;
            let (whole, f) = match secs.split_once(['.', ',']) {
                Some((whole, frac)) => (whole, i128::from(parse_fraction(frac)?)),
                None => (secs, 0),
            };
            let n: i128 = signed(whole)?;
            let f = if whole.starts_with('-') { -f } else { f };
            total += n * i128::from(NANOS) + f;
        }
        if negate {
            total = -total;
        }
        let seconds = i64::try_from(total.div_euclid(NANOS.into())).ok()?;
        Some(Duration {
            seconds,
            nanos: total.rem_euclid(NANOS.into()) as i32,
        })
    }
}

impl Iso for Year {
    fn iso(&self) -> String {
        self.year.to_string()
    }

    fn parse_iso(s: &str) -> Option<Self> {
        Some(Year { year: signed(s)? })
    }
}

impl Iso for YearMonth {
    fn iso(&self) -> String {
        let d = LocalDate::of(self.year, self.month, 1).iso();
        d[..d.len() - 3].to_owned()
    }

    fn parse_iso(s: &str) -> Option<Self> {
        let d = LocalDate::parse_iso(&format!("{s}-01"))?;
        Some(YearMonth {
            year: d.year,
            month: d.month,
        })
    }
}

impl Iso for MonthDay {
    fn iso(&self) -> String {
        format!("--{:02}-{:02}", self.month, self.day)
    }

    fn parse_iso(s: &str) -> Option<Self> {
        let (m, d) = s.strip_prefix("--")?.split_once('-')?;
        let (month, day): (u8, u8) = (digits(m, 2)?, digits(d, 2)?);
        // 2000 is a leap year: February 29th is a month-day.
        LocalDate::of(2000, month, day).is_valid().then_some(())?;
        Some(MonthDay { month, day })
    }
}

/// Java's `Period.toString()`: `P0D`, `P1Y-2M3D`.
impl Iso for Period {
    fn iso(&self) -> String {
        if (self.years, self.months, self.days) == (0, 0, 0) {
            return "P0D".to_owned();
        }
        let mut s = String::from("P");
        for (n, unit) in [(self.years, 'Y'), (self.months, 'M'), (self.days, 'D')] {
            if n != 0 {
                s.push_str(&format!("{n}{unit}"));
            }
        }
        s
    }

    fn parse_iso(s: &str) -> Option<Self> {
        let mut rest = s.strip_prefix(['P', 'p'])?;
        let mut p = Period::default();
        if rest.is_empty() {
            return None;
        }
        for (unit, slot) in [
            ('Y', &mut p.years),
            ('M', &mut p.months),
            ('D', &mut p.days),
        ] {
            if let Some(at) = rest.find([unit, unit.to_ascii_lowercase()]) {
                *slot = signed(&rest[..at])?;
                rest = &rest[at + 1..];
            }
        }
        rest.is_empty().then_some(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both<T: Iso + PartialEq + std::fmt::Debug>(v: T, text: &str) {
        assert_eq!(v.iso(), text);
        assert_eq!(T::parse_iso(text), Some(v), "{text}");
    }

    /// Texts printed by Java 17 for the values of `CasesValues.java`.
    #[test]
    fn java_texts() {
        both(
            Duration {
                seconds: -1,
                nanos: 1,
            },
            "PT-0.999999999S",
        );
        both(
            Duration {
                seconds: 1,
                nanos: 5,
            },
            "PT1.000000005S",
        );
        both(
            Duration {
                seconds: i64::MIN,
                nanos: 0,
            },
            "PT-2562047788015215H-30M-8S",
        );
        both(
            Duration {
                seconds: i64::MAX,
                nanos: 999_999_999,
            },
            "PT2562047788015215H30M7.999999999S",
        );
        both(Duration::default(), "PT0S");
        both(
            Duration {
                seconds: 3600,
                nanos: 0,
            },
            "PT1H",
        );
        both(
            Instant {
                seconds: -1,
                nanos: 999_999_999,
            },
            "1969-12-31T23:59:59.999999999Z",
        );
        both(
            Instant {
                seconds: Instant::MIN_SECONDS,
                nanos: 0,
            },
            "-1000000000-01-01T00:00:00Z",
        );
        both(
            Instant {
                seconds: Instant::MAX_SECONDS,
                nanos: 999_999_999,
            },
            "+1000000000-12-31T23:59:59.999999999Z",
        );
        both(LocalDate::of(-1, 1, 1), "-0001-01-01");
        both(LocalTime::of(0, 0, 0, 1), "00:00:00.000000001");
        both(LocalTime::of(10, 30, 15, 7_000_000), "10:30:15.007");
        both(LocalTime::of(10, 0, 0, 0), "10:00");
        both(
            OffsetTime {
                time: LocalTime::of(10, 0, 0, 0),
                offset: ZoneOffset::hours(2),
            },
            "10:00+02:00",
        );
        both(
            OffsetDateTime {
                date_time: LocalDateTime {
                    date: LocalDate::of(-999_999_999, 1, 1),
                    time: LocalTime::MIDNIGHT,
                },
                offset: ZoneOffset {
                    total_seconds: 18 * 3600,
                },
            },
            "-999999999-01-01T00:00+18:00",
        );
        both(
            ZoneOffset {
                total_seconds: 3601,
            },
            "+01:00:01",
        );
        both(ZoneOffset::UTC, "Z");
        both(Year { year: -1 }, "-1");
        both(
            YearMonth {
                year: 2024,
                month: 12,
            },
            "2024-12",
        );
        both(
            YearMonth {
                year: 10_000,
                month: 1,
            },
            "+10000-01",
        );
        both(MonthDay { month: 2, day: 29 }, "--02-29");
        both(Period::default(), "P0D");
        both(
            Period {
                years: 1,
                months: -2,
                days: 3,
            },
            "P1Y-2M3D",
        );
        assert_eq!(
            Duration::parse_iso("P1DT-1H"),
            Some(Duration {
                seconds: 82_800,
                nanos: 0
            })
        );
    }

    #[test]
    fn bad_texts_are_refused() {
        for s in ["", "2024-13-01", "2023-02-29", "24-01-01", "x"] {
            assert_eq!(LocalDate::parse_iso(s), None, "{s}");
        }
        for s in ["25:00", "10:60", "10:00:00.", "10:00:00.1234567891", "1:00"] {
            assert_eq!(LocalTime::parse_iso(s), None, "{s}");
        }
        for s in ["PT", "P", "T1S", "PT1X", "PT1.S"] {
            assert_eq!(Duration::parse_iso(s), None, "{s}");
        }
        assert_eq!(MonthDay::parse_iso("--02-30"), None);
        assert_eq!(ZoneOffset::parse_iso("+19:00"), None);
        assert_eq!(Instant::parse_iso("+1000000001-01-01T00:00:00Z"), None);
    }
}
