//! JDK value classes whose bytes kryo5-core's typed serializers read and
//! write: the codec converts the typed value to and from its JSON form, and
//! never touches the bytes itself.

use kryo5_core::serializers::bitset::BitSet;
use kryo5_core::serializers::class::JavaClass;
use kryo5_core::serializers::date::{GregorianCalendar, JavaDate, SqlDate, SqlTime, SqlTimestamp};
use kryo5_core::serializers::math::{JavaBigDecimal, JavaBigInteger};
use kryo5_core::serializers::optional::{OptionalDouble, OptionalInt, OptionalLong};
use kryo5_core::serializers::text::{
    Charset, Currency, Locale, StringBuffer, StringBuilder, TimeZone, Url,
};
use kryo5_core::serializers::time::{
    Duration, Instant, LocalDate, LocalDateTime, LocalTime, MonthDay, OffsetDateTime, OffsetTime,
    Period, Year, YearMonth, ZoneId, ZoneOffset, ZonedDateTime,
};
use kryo5_core::serializers::uuid::JavaUuid;
use kryo5_core::{Error, ErrorKind, In, Kryo, KryoType, NullForm, Out, Result};
use serde_json::{Value as Json, json};

use super::iso::Iso;
use crate::json::{double_json, double_of_json};

/// A core type with a JSON form.
pub(crate) trait JsonForm: KryoType {
    /// What the JSON form is, for errors (`"an ISO-8601 date"`).
    const FORM: &'static str;
    /// The JSON form.
    fn to_json(&self) -> Json;
    /// The value of a JSON form; `None` if `j` is not one.
    fn from_json(j: &Json) -> Option<Self>;
}

/// One JDK class read and written through its core type.
#[derive(Debug)]
pub(crate) struct Leaf {
    /// `Class.getName()`.
    pub(crate) class: &'static str,
    /// Kryo's final test for a declared type of this class.
    pub(crate) is_final: bool,
    /// Whether values take reference ids.
    pub(crate) refs: bool,
    /// How the serializer writes `null`, if it does.
    pub(crate) null: Option<NullForm>,
    /// Reads the payload (or the serializer's `null`: JSON `null`).
    pub(crate) read: fn(&mut Kryo, &mut dyn In<'_>) -> Result<Json>,
    /// Writes the payload of a JSON form.
    pub(crate) write: fn(&mut Kryo, &mut dyn Out, &Json) -> Result<()>,
    /// The canonical JSON form of a JSON form (hand-written `1e3` for a
    /// BigDecimal becomes `"1E+3"`).
    pub(crate) canonical: fn(&Json) -> Result<Json>,
}

const fn leaf<T: JsonForm>(class: &'static str) -> Leaf {
    Leaf {
        class,
        is_final: T::FINAL,
        refs: T::REFERENCES,
        null: T::NULL,
        read: read_leaf::<T>,
        write: write_leaf::<T>,
        canonical: canonical::<T>,
    }
}

fn read_leaf<T: JsonForm>(kryo: &mut Kryo, input: &mut dyn In<'_>) -> Result<Json> {
    if T::NULL.is_some() {
        Ok(T::read_nullable(kryo, input, false)?.map_or(Json::Null, |v| v.to_json()))
    } else {
        Ok(T::read(kryo, input, false)?.to_json())
    }
}

fn typed<T: JsonForm>(j: &Json) -> Result<T> {
    T::from_json(j).ok_or_else(|| {
        Error::new(ErrorKind::InvalidData(format!(
            "expected {} for {}, found {j}",
            T::FORM,
            T::java_class()
        )))
    })
}

fn write_leaf<T: JsonForm>(kryo: &mut Kryo, out: &mut dyn Out, j: &Json) -> Result<()> {
    typed::<T>(j)?.write(kryo, out, false)
}

fn canonical<T: JsonForm>(j: &Json) -> Result<Json> {
    Ok(typed::<T>(j)?.to_json())
}

/// Every class the codec reads through a core type. Kryo writes
/// `ZoneId.of("Europe/Paris")` as `ZoneRegion`, charsets and time zones
/// under their JDK implementation classes.
static LEAVES: [Leaf; 39] = [
    leaf::<JavaBigInteger>("java.math.BigInteger"),
    leaf::<JavaBigDecimal>("java.math.BigDecimal"),
    leaf::<JavaDate>("java.util.Date"),
    leaf::<SqlDate>("java.sql.Date"),
    leaf::<SqlTime>("java.sql.Time"),
    leaf::<SqlTimestamp>("java.sql.Timestamp"),
    leaf::<GregorianCalendar>("java.util.GregorianCalendar"),
    leaf::<Duration>("java.time.Duration"),
    leaf::<Instant>("java.time.Instant"),
    leaf::<LocalDate>("java.time.LocalDate"),
    leaf::<LocalTime>("java.time.LocalTime"),
    leaf::<LocalDateTime>("java.time.LocalDateTime"),
    leaf::<ZoneOffset>("java.time.ZoneOffset"),
    leaf::<ZoneId>("java.time.ZoneRegion"),
    leaf::<OffsetTime>("java.time.OffsetTime"),
    leaf::<OffsetDateTime>("java.time.OffsetDateTime"),
    leaf::<ZonedDateTime>("java.time.ZonedDateTime"),
    leaf::<Year>("java.time.Year"),
    leaf::<YearMonth>("java.time.YearMonth"),
    leaf::<MonthDay>("java.time.MonthDay"),
    leaf::<Period>("java.time.Period"),
    leaf::<OptionalInt>("java.util.OptionalInt"),
    leaf::<OptionalLong>("java.util.OptionalLong"),
    leaf::<OptionalDouble>("java.util.OptionalDouble"),
    leaf::<BitSet>("java.util.BitSet"),
    leaf::<StringBuilder>("java.lang.StringBuilder"),
    leaf::<StringBuffer>("java.lang.StringBuffer"),
    leaf::<Locale>("java.util.Locale"),
    leaf::<Currency>("java.util.Currency"),
    leaf::<Url>("java.net.URL"),
    leaf::<TimeZone>("sun.util.calendar.ZoneInfo"),
    leaf::<Charset>("sun.nio.cs.UTF_8"),
    leaf::<Charset>("sun.nio.cs.ISO_8859_1"),
    leaf::<Charset>("sun.nio.cs.US_ASCII"),
    leaf::<Charset>("sun.nio.cs.UTF_16"),
    leaf::<Charset>("sun.nio.cs.UTF_16BE"),
    leaf::<Charset>("sun.nio.cs.UTF_16LE"),
    leaf::<JavaClass>("java.lang.Class"),
    // With `serializer = "UUIDSerializer"` (not a Kryo default).
    leaf::<JavaUuid>("java.util.UUID"),
];

/// The leaf class named `class`.
pub(crate) fn leaf_of(class: &str) -> Option<&'static Leaf> {
    LEAVES.iter().find(|l| l.class == class)
}

/// A JSON string of a text form.
macro_rules! text_form {
    ($form:literal: $($ty:ty, |$v:ident| $to:expr, |$s:ident| $from:expr;)*) => {$(
        impl JsonForm for $ty {
            const FORM: &'static str = $form;
            fn to_json(&self) -> Json {
                let $v = self;
                Json::String($to)
            }
            fn from_json(j: &Json) -> Option<Self> {
                let $s = j.as_str()?;
                $from
            }
        }
    )*};
}

text_form!("a decimal string":
    JavaBigInteger, |v| v.to_string(), |s| s.parse().ok();
    JavaBigDecimal, |v| v.to_string(), |s| s.parse().ok();
);

text_form!("a UUID string (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)":
    JavaUuid, |v| v.to_string(), |s| s.parse().ok();
);

text_form!("an ISO-8601 string":
    Duration, |v| v.iso(), |s| Duration::parse_iso(s);
    Instant, |v| v.iso(), |s| Instant::parse_iso(s);
    LocalDate, |v| v.iso(), |s| LocalDate::parse_iso(s);
    LocalTime, |v| v.iso(), |s| LocalTime::parse_iso(s);
    LocalDateTime, |v| v.iso(), |s| LocalDateTime::parse_iso(s);
    ZoneOffset, |v| v.iso(), |s| ZoneOffset::parse_iso(s);
    OffsetTime, |v| v.iso(), |s| OffsetTime::parse_iso(s);
    OffsetDateTime, |v| v.iso(), |s| OffsetDateTime::parse_iso(s);
    ZonedDateTime, |v| v.iso(), |s| ZonedDateTime::parse_iso(s);
    Year, |v| v.iso(), |s| Year::parse_iso(s);
    YearMonth, |v| v.iso(), |s| YearMonth::parse_iso(s);
    MonthDay, |v| v.iso(), |s| MonthDay::parse_iso(s);
    Period, |v| v.iso(), |s| Period::parse_iso(s);
);

text_form!("a string":
    ZoneId, |v| v.id().into_owned(), |s| Some(ZoneId::Region(s.to_owned()));
    StringBuilder, |v| v.text.clone(), |s| Some(s.into());
    StringBuffer, |v| v.text.clone(), |s| Some(s.into());
    Currency, |v| v.code.clone(), |s| Some(s.into());
    Url, |v| v.spec.clone(), |s| Some(s.into());
    TimeZone, |v| v.id.clone(), |s| Some(s.into());
    Charset, |v| v.name.clone(), |s| Some(s.into());
    JavaClass, |v| v.name().to_owned(), |s| Some(JavaClass::named(s.to_owned()));
);

/// `Locale.toString()`: `de_CH_x`, `en_US`, `""` for the root locale.
impl JsonForm for Locale {
    const FORM: &'static str = "a locale string (language_COUNTRY_variant)";
    fn to_json(&self) -> Json {
        let mut s = self.language.clone();
        if !self.country.is_empty() || !self.variant.is_empty() {
            s.push('_');
            s.push_str(&self.country);
        }
        if !self.variant.is_empty() {
            s.push('_');
            s.push_str(&self.variant);
        }
        Json::String(s)
    }
    fn from_json(j: &Json) -> Option<Self> {
        let mut parts = j.as_str()?.splitn(3, '_');
        let mut next = || parts.next().unwrap_or("");
        Some(Locale::new(next(), next(), next()))
    }
}

/// Dates as epoch milliseconds.
macro_rules! millis_form {
    ($($ty:ty),*) => {$(
        impl JsonForm for $ty {
            const FORM: &'static str = "epoch milliseconds";
            fn to_json(&self) -> Json {
                self.millis.into()
            }
            fn from_json(j: &Json) -> Option<Self> {
                Some(Self { millis: j.as_i64()? })
            }
        }
    )*};
}

millis_form!(JavaDate, SqlDate, SqlTime, SqlTimestamp);

impl JsonForm for GregorianCalendar {
    const FORM: &'static str = "an object of timeZone, millis, lenient, firstDayOfWeek, \
                                minimalDaysInFirstWeek, gregorianChange";
    fn to_json(&self) -> Json {
        json!({
            "timeZone": self.time_zone,
            "millis": self.millis,
            "lenient": self.lenient,
            "firstDayOfWeek": self.first_day_of_week,
            "minimalDaysInFirstWeek": self.minimal_days_in_first_week,
            "gregorianChange": self.gregorian_change,
        })
    }
    fn from_json(j: &Json) -> Option<Self> {
        let int = |k: &str| j.get(k)?.as_i64()?.try_into().ok();
        Some(GregorianCalendar {
            time_zone: j.get("timeZone")?.as_str()?.to_owned(),
            millis: j.get("millis")?.as_i64()?,
            lenient: j.get("lenient")?.as_bool()?,
            first_day_of_week: int("firstDayOfWeek")?,
            minimal_days_in_first_week: int("minimalDaysInFirstWeek")?,
            gregorian_change: j.get("gregorianChange")?.as_i64()?,
        })
    }
}

/// Primitive optionals as `Optional`: `[]` when empty, `[value]`.
macro_rules! optional_form {
    ($($ty:ty, $form:literal, |$v:ident| $to:expr, |$j:ident| $from:expr;)*) => {$(
        impl JsonForm for $ty {
            const FORM: &'static str = $form;
            fn to_json(&self) -> Json {
                Json::Array(self.0.map(|$v| $to).into_iter().collect())
            }
            fn from_json(j: &Json) -> Option<Self> {
                match j.as_array()?.as_slice() {
                    [] => Some(Self(None)),
                    [$j] => Some(Self(Some($from?))),
                    _ => None,
                }
            }
        }
    )*};
}

optional_form!(
    OptionalInt, "[] or [an int]", |v| v.into(), |j| j.as_i64().and_then(|n| i32::try_from(n).ok());
    OptionalLong, "[] or [a long]", |v| v.into(), |j| j.as_i64();
    OptionalDouble, "[] or [a double]", |v| double_json(v), |j| double_of_json(j);
);

/// The indexes of the set bits.
impl JsonForm for BitSet {
    const FORM: &'static str = "an array of bit indexes";
    fn to_json(&self) -> Json {
        self.iter().collect::<Vec<_>>().into()
    }
    fn from_json(j: &Json) -> Option<Self> {
        j.as_array()?
            .iter()
            // Java's BitSet holds at most 2^31 bits.
            .map(|b| {
                b.as_u64()
                    .filter(|&b| b <= i32::MAX as u64)
                    .map(|b| b as usize)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaves_carry_their_core_types_facts() {
        assert_eq!(leaf_of("java.util.Date").map(|l| l.refs), Some(true));
        assert_eq!(leaf_of("java.time.Year").map(|l| l.is_final), Some(true));
        assert_eq!(
            leaf_of("java.math.BigDecimal").map(|l| l.is_final),
            Some(false)
        );
        assert_eq!(
            leaf_of("java.lang.StringBuilder").and_then(|l| l.null),
            Some(NullForm::String)
        );
        assert!(leaf_of("java.util.ArrayList").is_none());
    }

    #[test]
    fn forms_round_trip() {
        let cases = [
            ("java.math.BigDecimal", json!("1E+3")),
            ("java.util.Date", json!(-1)),
            ("java.util.Locale", json!("de_CH_x")),
            ("java.util.Locale", json!("")),
            ("java.util.Locale", json!("_US")),
            ("java.util.BitSet", json!([0, 64, 200])),
            ("java.util.OptionalDouble", json!(["NaN"])),
            ("java.util.OptionalInt", json!([])),
            (
                "java.time.ZonedDateTime",
                json!("2024-02-29T10:00[Europe/Paris]"),
            ),
        ];
        for (class, j) in cases {
            let l = leaf_of(class).unwrap();
            assert_eq!((l.canonical)(&j).unwrap(), j, "{class}");
        }
        let l = leaf_of("java.math.BigDecimal").unwrap();
        assert!((l.canonical)(&json!(5)).is_err());
        let z = leaf_of("java.time.ZonedDateTime").unwrap();
        let hand = json!("2024-02-29T10:00+01:00[Europe/Paris]");
        assert_eq!(
            (z.canonical)(&hand).unwrap(),
            json!("2024-02-29T10:00[Europe/Paris]")
        );
    }
}
