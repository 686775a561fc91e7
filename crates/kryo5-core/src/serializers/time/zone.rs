//! Offsets and zones: `ZoneOffset`, `ZoneId`, and the date-times that carry
//! one (`OffsetTime`, `OffsetDateTime`, `ZonedDateTime`).

use super::*;

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
pub(super) fn check_zone_id(id: &str) -> Check {
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
