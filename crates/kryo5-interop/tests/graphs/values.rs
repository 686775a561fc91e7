//! The Rust side of `java/CasesValues.java`: Kryo's default serializers for
//! JDK value types (arrays, big numbers, dates, `java.time`, optionals,
//! bit sets, enum sets, classes, text values) as fields and at the top
//! level, with references off and on, registered and by name.

use std::sync::Arc;

use kryo5::serializers::bitset::BitSet;
use kryo5::serializers::class::JavaClass;
use kryo5::serializers::date::{GregorianCalendar, JavaDate, SqlDate, SqlTime, SqlTimestamp};
use kryo5::serializers::enum_set::EnumSet;
use kryo5::serializers::math::{JavaBigDecimal, JavaBigInteger};
use kryo5::serializers::optional::{JavaOptional, OptionalDouble, OptionalInt, OptionalLong};
use kryo5::serializers::text::{
    Charset, Currency, Locale, StringBuffer, StringBuilder, TimeZone, Url,
};
use kryo5::serializers::time::{
    Duration, Instant, LocalDate, LocalDateTime, LocalTime, MonthDay, OffsetDateTime, OffsetTime,
    Period, Year, YearMonth, ZoneId, ZoneOffset, ZonedDateTime,
};
use kryo5::serializers::uuid::JavaUuid;
use kryo5::{Kryo, KryoType, Object};
use kryo5_interop::graph::{Case, Entry, Graphs};

// ----- model -------------------------------------------------------------------

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesValues$Item")]
pub struct Item {
    n: i32,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesValues$Fin", final)]
pub struct Fin {
    y: i64,
}

#[derive(Kryo, Clone, Copy, Debug, PartialEq, Eq)]
#[kryo(class = "CasesValues$Hue")]
pub enum Hue {
    Red,
    Green,
    Blue,
}

/// More than 64 constants: its sets are `JumboEnumSet`s.
#[derive(Kryo, Clone, Copy, Debug, PartialEq, Eq)]
#[kryo(class = "CasesValues$Many")]
#[rustfmt::skip]
pub enum Many {
    C0, C1, C2, C3, C4, C5, C6, C7, C8, C9,
    C10, C11, C12, C13, C14, C15, C16, C17, C18, C19,
    C20, C21, C22, C23, C24, C25, C26, C27, C28, C29,
    C30, C31, C32, C33, C34, C35, C36, C37, C38, C39,
    C40, C41, C42, C43, C44, C45, C46, C47, C48, C49,
    C50, C51, C52, C53, C54, C55, C56, C57, C58, C59,
    C60, C61, C62, C63, C64, C65, C66, C67, C68, C69,
}

/// A Java `Object` position.
type Any = Option<Box<dyn Object>>;
/// `Object[]`.
type Objects = Vec<Any>;
/// `Optional<?>`.
type AnyOptional = JavaOptional<Box<dyn Object>>;

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesValues$Arrs")]
pub struct Arrs {
    ints: Option<Arc<Vec<i32>>>,
    longs: Option<Vec<i64>>,
    floats: Option<Vec<f32>>,
    doubles: Option<Vec<f64>>,
    bools: Option<Vec<bool>>,
    shorts: Option<Vec<i16>>,
    chars: Option<Vec<u16>>,
    bytes: Option<Vec<i8>>,
    strings: Option<Vec<Option<String>>>,
    objects: Option<Objects>,
    boxed: Option<Vec<Option<i32>>>,
    matrix: Option<Vec<Option<Vec<i32>>>>,
    items: Option<Vec<Option<Arc<Item>>>>,
    fins: Option<Vec<Option<Fin>>>,
    grid: Option<Vec<Option<Vec<Option<String>>>>>,
    any: Option<Box<dyn Object>>,
    none: Option<Vec<i32>>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesValues$ValArrs")]
pub struct ValArrs {
    classes: Option<Vec<Option<Arc<JavaClass>>>>,
    dates: Option<Vec<Option<Arc<JavaDate>>>>,
    decs: Option<Vec<Option<JavaBigDecimal>>>,
    locales: Option<Vec<Option<Locale>>>,
    builders: Option<Vec<Option<StringBuilder>>>,
    currencies: Option<Vec<Option<Currency>>>,
    days: Option<Vec<Option<LocalDate>>>,
    zones: Option<Vec<Option<ZoneId>>>,
    opts: Option<Vec<Option<AnyOptional>>>,
    hues: Option<Vec<Option<Hue>>>,
    any: Option<Objects>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesValues$Nums")]
pub struct Nums {
    a: Option<JavaBigInteger>,
    b: Option<JavaBigInteger>,
    c: Option<JavaBigDecimal>,
    d: Option<JavaBigDecimal>,
    e: Option<Box<dyn Object>>,
    none: Option<JavaBigDecimal>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesValues$Times")]
pub struct Times {
    duration: Option<Duration>,
    instant: Option<Instant>,
    date: Option<LocalDate>,
    time: Option<LocalTime>,
    #[kryo(rename = "dateTime")]
    date_time: Option<LocalDateTime>,
    offset: Option<ZoneOffset>,
    region: Option<ZoneId>,
    fixed: Option<ZoneId>,
    #[kryo(rename = "offsetTime")]
    offset_time: Option<OffsetTime>,
    #[kryo(rename = "offsetDateTime")]
    offset_date_time: Option<OffsetDateTime>,
    zoned: Option<ZonedDateTime>,
    year: Option<Year>,
    #[kryo(rename = "yearMonth")]
    year_month: Option<YearMonth>,
    #[kryo(rename = "monthDay")]
    month_day: Option<MonthDay>,
    period: Option<Period>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesValues$Misc")]
pub struct Misc {
    date: Option<Arc<JavaDate>>,
    #[kryo(rename = "sqlDate")]
    sql_date: Option<SqlDate>,
    #[kryo(rename = "sqlTime")]
    sql_time: Option<SqlTime>,
    stamp: Option<SqlTimestamp>,
    calendar: Option<GregorianCalendar>,
    text: Option<JavaOptional<String>>,
    item: Option<JavaOptional<Item>>,
    empty: Option<JavaOptional<Box<dyn Object>>>,
    oi: Option<OptionalInt>,
    ol: Option<OptionalLong>,
    od: Option<OptionalDouble>,
    bits: Option<BitSet>,
    builder: Option<StringBuilder>,
    buffer: Option<StringBuffer>,
    locale: Option<Locale>,
    currency: Option<Currency>,
    charset: Option<Charset>,
    url: Option<Url>,
    zone: Option<TimeZone>,
    hues: Option<EnumSet<Hue>>,
    #[kryo(rename = "type")]
    type_: Option<Arc<JavaClass>>,
    prim: Option<Arc<JavaClass>>,
}

/// UUIDs (`UUIDSerializer` registered in Java).
#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesValues$Ids")]
pub struct Ids {
    id: Option<Arc<JavaUuid>>,
    any: Option<Box<dyn Object>>,
    none: Option<JavaUuid>,
}

// ----- configurations ----------------------------------------------------------

/// Applies `$k.$method::<T>()` to every class of `CasesValues.registerAll`,
/// in Java's order (`$k.$named::<T>(name)` for a second class of one Rust
/// type). Where one Java class has several Rust forms, the one
/// listed is what an `Object` position reads (shareable types as `Arc`, so
/// back-references keep their identity).
macro_rules! every_class {
    ($k:ident . $method:ident, $named:ident) => {
        $k.$method::<Item>();
        $k.$method::<Fin>();
        $k.$method::<Hue>();
        $k.$method::<Arrs>();
        $k.$method::<Nums>();
        $k.$method::<Times>();
        $k.$method::<Misc>();
        $k.$method::<Arc<Vec<i32>>>();
        $k.$method::<Vec<i64>>();
        $k.$method::<Vec<f32>>();
        $k.$method::<Vec<f64>>();
        $k.$method::<Vec<bool>>();
        $k.$method::<Vec<i16>>();
        $k.$method::<Vec<u16>>();
        $k.$method::<Vec<i8>>();
        $k.$method::<Vec<Option<Arc<String>>>>();
        $k.$method::<Objects>();
        $k.$method::<Vec<Option<i32>>>();
        $k.$method::<Vec<Option<Vec<i32>>>>();
        $k.$method::<Vec<Option<Arc<Item>>>>();
        $k.$method::<Vec<Option<Fin>>>();
        $k.$method::<Vec<Option<Vec<Option<String>>>>>();
        $k.$method::<JavaBigInteger>();
        $k.$method::<JavaBigDecimal>();
        $k.$method::<Duration>();
        $k.$method::<Instant>();
        $k.$method::<LocalDate>();
        $k.$method::<LocalTime>();
        $k.$method::<LocalDateTime>();
        $k.$method::<ZoneOffset>();
        $k.$method::<ZoneId>();
        $k.$method::<OffsetTime>();
        $k.$method::<OffsetDateTime>();
        $k.$method::<ZonedDateTime>();
        $k.$method::<Year>();
        $k.$method::<YearMonth>();
        $k.$method::<MonthDay>();
        $k.$method::<Period>();
        $k.$method::<Arc<JavaDate>>();
        $k.$method::<SqlDate>();
        $k.$method::<SqlTime>();
        $k.$method::<SqlTimestamp>();
        $k.$method::<GregorianCalendar>();
        $k.$method::<AnyOptional>();
        $k.$method::<OptionalInt>();
        $k.$method::<OptionalLong>();
        $k.$method::<OptionalDouble>();
        $k.$method::<BitSet>();
        $k.$method::<StringBuilder>();
        $k.$method::<StringBuffer>();
        $k.$method::<Locale>();
        $k.$method::<Currency>();
        $k.$method::<Charset>();
        $k.$named::<Charset>("sun.nio.cs.ISO_8859_1");
        $k.$method::<Url>();
        $k.$method::<TimeZone>();
        $k.$method::<EnumSet<Hue>>();
        $k.$method::<Arc<JavaClass>>();
        // Items and strings read from Object positions as shared objects.
        $k.$method::<Arc<Item>>();
        $k.$method::<Arc<String>>();
        $k.$method::<Many>();
        $k.$method::<EnumSet<Many>>();
        $k.$method::<ValArrs>();
        $k.$method::<Vec<Option<Arc<JavaClass>>>>();
        $k.$method::<Vec<Option<Arc<JavaDate>>>>();
        $k.$method::<Vec<Option<JavaBigDecimal>>>();
        $k.$method::<Vec<Option<Locale>>>();
        $k.$method::<Vec<Option<StringBuilder>>>();
        $k.$method::<Vec<Option<Currency>>>();
        $k.$method::<Vec<Option<LocalDate>>>();
        $k.$method::<Vec<Option<ZoneId>>>();
        $k.$method::<Vec<Option<AnyOptional>>>();
        $k.$method::<Vec<Option<Hue>>>();
        $k.$method::<Vec<Option<JavaBigInteger>>>();
    };
}

fn register_all(k: &mut Kryo) {
    every_class!(k.register, register_named);
}

fn kryo() -> Kryo {
    let mut k = Kryo::new();
    register_all(&mut k);
    k
}

fn kryo_vrefs() -> Kryo {
    let mut k = Kryo::new();
    k.set_references(true);
    register_all(&mut k);
    k
}

/// Nothing registered in Java: the reader knows the classes by name.
fn kryo_vbyname() -> Kryo {
    let mut k = Kryo::new();
    k.set_registration_required(false);
    every_class!(k.add_class, add_class_named);
    k
}

fn kryo_vbyname_refs() -> Kryo {
    let mut k = kryo_vbyname();
    k.set_references(true);
    k
}

/// `kryo_uuid`, `kryo_uuid_refs`: UUID (with its serializer), then Ids.
fn kryo_uuid_with(references: bool) -> Kryo {
    let mut k = Kryo::new();
    k.set_references(references);
    k.register::<Arc<JavaUuid>>();
    k.register::<Ids>();
    k
}

// ----- values ------------------------------------------------------------------

fn any(v: impl Object) -> Any {
    Some(Box::new(v))
}

fn item(n: i32) -> Arc<Item> {
    Arc::new(Item { n })
}

fn strs(v: &[Option<&str>]) -> Vec<Option<String>> {
    v.iter().map(|s| s.map(String::from)).collect()
}

fn arrs() -> Arrs {
    Arrs {
        ints: Some(Arc::new(vec![0, 1, -1, 300, i32::MIN, i32::MAX])),
        longs: Some(vec![i64::MIN, -1, 0, i64::MAX]),
        floats: Some(vec![
            f32::NAN,
            -0.0,
            0.0,
            f32::NEG_INFINITY,
            f32::from_bits(1),
            // NaNs of other bits: written as the canonical NaN.
            f32::from_bits(0x7fc0_0001),
        ]),
        doubles: Some(vec![
            f64::NAN,
            -0.0,
            f64::INFINITY,
            f64::MAX,
            f64::from_bits(0x7ff0_0000_0000_0001),
        ]),
        bools: Some(vec![true, false, true]),
        shorts: Some(vec![i16::MIN, -1, i16::MAX]),
        chars: Some(vec![0x61, 0x20ac, 0xd800, 0xffff]),
        bytes: Some(vec![0, -1, 127, -128]),
        strings: Some(strs(&[Some("a"), None, Some(""), Some("日😀")])),
        objects: Some(vec![
            any(1i32),
            any(Arc::new(String::from("a"))),
            None,
            any(Arc::new(vec![2i32])),
            any(item(3)),
            any(Fin { y: 4 }),
            any(vec![any(5i64)]),
        ]),
        boxed: Some(vec![Some(1), None, Some(-1)]),
        matrix: Some(vec![Some(vec![1]), None, Some(vec![])]),
        items: Some(vec![Some(item(1)), None]),
        fins: Some(vec![Some(Fin { y: 2 }), None]),
        grid: Some(vec![Some(strs(&[Some("x"), None])), None]),
        any: any(vec![1.5f64]),
        none: None,
    }
}

fn val_arrs() -> ValArrs {
    ValArrs {
        classes: Some(vec![
            Some(Arc::new(JavaClass::of::<String>())),
            None,
            Some(Arc::new(JavaClass::of::<i32>())),
            Some(Arc::new(JavaClass::of::<Item>())),
        ]),
        dates: Some(vec![
            Some(Arc::new(JavaDate { millis: 0 })),
            None,
            Some(Arc::new(JavaDate { millis: -1 })),
        ]),
        decs: Some(vec![Some(JavaBigDecimal::from(1)), None]),
        locales: Some(vec![Some(Locale::new("en", "US", "")), None]),
        builders: Some(vec![Some(StringBuilder::from("x")), None]),
        currencies: Some(vec![None, Some(Currency::from("GBP"))]),
        days: Some(vec![Some(LocalDate::of(2000, 1, 1)), None]),
        zones: Some(vec![
            Some(ZoneId::Region("Europe/Paris".into())),
            Some(ZoneId::Offset(ZoneOffset::hours(1))),
            None,
        ]),
        opts: Some(vec![
            Some(JavaOptional(any(Arc::new(String::from("o"))))),
            Some(JavaOptional(None)),
            None,
        ]),
        hues: Some(vec![Some(Hue::Blue), None]),
        any: Some(vec![
            any(vec![Some(Arc::new(JavaDate { millis: 2 }))]),
            any(Vec::<Option<Hue>>::new()),
            any(vec![None::<Locale>]),
            any(SqlDate { millis: 1 }),
        ]),
    }
}

/// Java: `Object[] { String[] { x, null, x }, x }`, one string `x`.
fn strs_shared() -> Objects {
    let x = Arc::new(String::from("same"));
    vec![any(vec![Some(x.clone()), None, Some(x.clone())]), any(x)]
}

fn strs_shared_shape(v: &Objects) -> Result<(), String> {
    let strings = v[0]
        .as_ref()
        .and_then(|a| a.downcast_ref::<Vec<Option<Arc<String>>>>())
        .ok_or("v[0] is not a String[] of Arc<String>")?;
    let last = v[1]
        .as_ref()
        .and_then(|s| s.downcast_ref::<Arc<String>>())
        .ok_or("v[1] is not an Arc<String>")?;
    match (&strings[0], &strings[2]) {
        (Some(a), Some(b)) if Arc::ptr_eq(a, b) && Arc::ptr_eq(a, last) => Ok(()),
        _ => Err("the three strings are not one".into()),
    }
}

fn arrs_empty() -> Arrs {
    Arrs {
        ints: Some(Arc::new(vec![])),
        longs: Some(vec![]),
        floats: Some(vec![]),
        doubles: Some(vec![]),
        bools: Some(vec![]),
        shorts: Some(vec![]),
        chars: Some(vec![]),
        bytes: Some(vec![]),
        strings: Some(vec![]),
        objects: Some(vec![]),
        boxed: Some(vec![]),
        matrix: Some(vec![]),
        items: Some(vec![]),
        fins: Some(vec![]),
        grid: Some(vec![]),
        ..Arrs::default()
    }
}

fn arrs_shared() -> Arrs {
    let shared = Arc::new(vec![7, 8]);
    let it = item(9);
    Arrs {
        ints: Some(shared.clone()),
        objects: Some(vec![any(shared.clone()), any(it.clone()), any(it.clone())]),
        items: Some(vec![Some(it)]),
        any: any(shared),
        ..Arrs::default()
    }
}

fn arrs_shared_shape(a: &Arrs) -> Result<(), String> {
    let ints = a.ints.as_ref().ok_or("ints is null")?;
    let objects = a.objects.as_ref().ok_or("objects is null")?;
    let arc_at = |i: usize| {
        objects[i]
            .as_ref()
            .and_then(|o| o.downcast_ref::<Arc<Item>>().cloned())
    };
    let first = objects[0]
        .as_ref()
        .and_then(|o| o.downcast_ref::<Arc<Vec<i32>>>().cloned());
    let any = a
        .any
        .as_ref()
        .and_then(|o| o.downcast_ref::<Arc<Vec<i32>>>().cloned());
    let arrays =
        first.is_some_and(|f| Arc::ptr_eq(&f, ints)) && any.is_some_and(|f| Arc::ptr_eq(&f, ints));
    let items = match (
        arc_at(1),
        arc_at(2),
        a.items.as_ref().and_then(|i| i[0].clone()),
    ) {
        (Some(x), Some(y), Some(z)) => Arc::ptr_eq(&x, &y) && Arc::ptr_eq(&x, &z),
        _ => false,
    };
    (arrays && items)
        .then_some(())
        .ok_or_else(|| format!("sharing lost: arrays {arrays}, items {items}"))
}

fn big(s: &str) -> JavaBigInteger {
    s.parse().expect("a decimal integer")
}

fn dec(s: &str) -> JavaBigDecimal {
    s.parse().expect("a decimal number")
}

fn nums() -> Nums {
    // -(2^200) + 12345
    let b = "-1606938044258990275541962092341162602522202993782792835289031";
    Nums {
        a: Some(big("0")),
        b: Some(big(b)),
        c: Some(dec("1E+3")),
        d: Some(dec("123456789012345678901234567890.5")),
        e: any(dec("-1.5")),
        none: None,
    }
}

fn nums_edges() -> Nums {
    Nums {
        a: Some(JavaBigInteger::from(i64::MIN)),
        b: Some(big("18446744073709551616")),
        c: Some(JavaBigDecimal::new(i64::MAX.into(), i32::MIN)),
        d: Some(JavaBigDecimal::new((-128i64).into(), i32::MAX)),
        e: any(JavaBigInteger::from(-1i64)),
        none: None,
    }
}

const fn offset(total_seconds: i32) -> ZoneOffset {
    ZoneOffset { total_seconds }
}

#[expect(clippy::too_many_arguments, reason = "mirrors CasesValues.times")]
fn times(
    duration: Duration,
    instant: Instant,
    d: LocalDate,
    t: LocalTime,
    off: ZoneOffset,
    region: &str,
    year: i32,
    zone_of_zoned: &str,
) -> Times {
    let date_time = LocalDateTime { date: d, time: t };
    Times {
        duration: Some(duration),
        instant: Some(instant),
        date: Some(d),
        time: Some(t),
        date_time: Some(date_time),
        offset: Some(off),
        region: Some(ZoneId::Region(region.into())),
        // Java: the negated offset (one offset twice is one cached object).
        fixed: Some(ZoneId::Offset(offset(-off.total_seconds))),
        offset_time: Some(OffsetTime {
            time: t,
            offset: off,
        }),
        offset_date_time: Some(OffsetDateTime {
            date_time,
            offset: off,
        }),
        zoned: Some(ZonedDateTime {
            date_time,
            zone: zone_of_zoned.into(),
        }),
        year: Some(Year { year }),
        year_month: Some(YearMonth { year, month: 2 }),
        month_day: Some(MonthDay { month: 2, day: 29 }),
        period: Some(Period {
            years: 1,
            months: -2,
            days: 3,
        }),
    }
}

fn times_typical() -> Times {
    times(
        Duration {
            seconds: 1,
            nanos: 5,
        },
        Instant {
            seconds: 1,
            nanos: 5,
        },
        LocalDate::of(2024, 2, 29),
        LocalTime::of(10, 30, 15, 7),
        offset(-(5 * 3600 + 30 * 60)),
        "Europe/Paris",
        2024,
        "Europe/Paris",
    )
}

/// Java's `Year.MIN_VALUE`, `LocalDate.MIN`'s year.
const YEAR_MIN: i32 = -999_999_999;
/// `ZoneOffset.MAX`: +18:00.
const OFFSET_MAX: i32 = 18 * 3600;

fn times_min() -> Times {
    let mut t = times(
        Duration {
            seconds: i64::MIN,
            nanos: 0,
        },
        Instant {
            seconds: Instant::MIN_SECONDS,
            nanos: 0,
        },
        LocalDate::of(YEAR_MIN, 1, 1),
        LocalTime::MIDNIGHT,
        offset(-OFFSET_MAX),
        "UTC",
        YEAR_MIN,
        "UTC",
    );
    t.period = Some(Period {
        years: i32::MIN,
        months: i32::MIN,
        days: i32::MIN,
    });
    t.zoned = Some(ZonedDateTime {
        date_time: LocalDateTime {
            date: LocalDate::of(1969, 12, 31),
            time: LocalTime::of(23, 59, 0, 0),
        },
        zone: "+01:00:01".into(),
    });
    t
}

fn times_max() -> Times {
    let mut t = times(
        Duration {
            seconds: i64::MAX,
            nanos: 999_999_999,
        },
        Instant {
            seconds: Instant::MAX_SECONDS,
            nanos: 999_999_999,
        },
        LocalDate::of(-YEAR_MIN, 12, 31),
        LocalTime::of(23, 59, 59, 999_999_999),
        offset(OFFSET_MAX),
        "America/Argentina/Buenos_Aires",
        -YEAR_MIN,
        "America/Argentina/Buenos_Aires",
    );
    t.period = Some(Period {
        years: i32::MAX,
        months: 0,
        days: -1,
    });
    t.region = Some(ZoneId::Region("GMT+01:00".into()));
    t.zoned = Some(ZonedDateTime {
        date_time: LocalDateTime {
            date: LocalDate::of(2000, 1, 1),
            time: LocalTime::MIDNIGHT,
        },
        zone: "Z".into(),
    });
    t
}

fn calendar(zone: &str, millis: i64) -> GregorianCalendar {
    let mut c = GregorianCalendar::new(zone, millis);
    c.first_day_of_week = 2;
    c.minimal_days_in_first_week = 4;
    c
}

fn bits(set: &[usize]) -> BitSet {
    set.iter().copied().collect()
}

fn misc() -> Misc {
    Misc {
        date: Some(Arc::new(JavaDate {
            millis: 1_700_000_000_000,
        })),
        sql_date: Some(SqlDate {
            millis: -86_400_000,
        }),
        sql_time: Some(SqlTime { millis: 3_600_000 }),
        stamp: Some(SqlTimestamp {
            millis: 1_700_000_000_123,
        }),
        calendar: Some(calendar("UTC", 0)),
        text: Some(JavaOptional(Some("a".into()))),
        item: Some(JavaOptional(Some(Item { n: 4 }))),
        empty: Some(JavaOptional(None)),
        oi: Some(OptionalInt(Some(-5))),
        ol: Some(OptionalLong(None)),
        od: Some(OptionalDouble(Some(f64::NAN))),
        bits: Some(bits(&[0, 64, 200])),
        builder: Some(StringBuilder::from("abé")),
        buffer: Some(StringBuffer::from("")),
        locale: Some(Locale::new("de", "CH", "x")),
        currency: Some(Currency::from("EUR")),
        charset: Some(Charset::from("UTF-8")),
        url: Some(Url::from("http://a.b/c?q=1#f")),
        zone: Some(TimeZone::from("Europe/Paris")),
        hues: Some([Hue::Green, Hue::Blue].into_iter().collect()),
        type_: Some(Arc::new(JavaClass::of::<Item>())),
        prim: Some(Arc::new(JavaClass::of::<i32>())),
    }
}

fn misc_edges() -> Misc {
    Misc {
        date: Some(Arc::new(JavaDate { millis: 0 })),
        sql_date: Some(SqlDate { millis: i64::MIN }),
        stamp: Some(SqlTimestamp { millis: -1 }),
        calendar: Some(calendar("Asia/Tokyo", -12_219_292_800_001)),
        text: Some(JavaOptional(None)),
        oi: Some(OptionalInt(None)),
        ol: Some(OptionalLong(Some(i64::MIN))),
        od: Some(OptionalDouble(Some(-0.0))),
        bits: Some(BitSet::new()),
        builder: Some(StringBuilder::from("")),
        locale: Some(Locale::new("", "", "")),
        currency: Some(Currency::from("JPY")),
        charset: Some(Charset::from("ISO-8859-1")),
        zone: Some(TimeZone::from("GMT+02:00")),
        hues: Some(EnumSet::new()),
        type_: Some(Arc::new(JavaClass::of::<Vec<Option<Vec<i32>>>>())),
        prim: Some(Arc::new(JavaClass::named("java.lang.Integer"))),
        ..Misc::default()
    }
}

fn misc_shared() -> Misc {
    let d = Arc::new(JavaDate { millis: 5 });
    // Java: String.class twice, one object (a back-reference).
    let class = Arc::new(JavaClass::of::<String>());
    Misc {
        date: Some(d.clone()),
        item: Some(JavaOptional(Some(Item { n: 1 }))),
        empty: Some(JavaOptional(any(d))),
        bits: Some(bits(&[3])),
        type_: Some(class.clone()),
        prim: Some(class),
        ..Misc::default()
    }
}

fn misc_shared_shape(m: &Misc) -> Result<(), String> {
    let d = m.date.as_ref().ok_or("date is null")?;
    let other = m
        .empty
        .as_ref()
        .and_then(|o| o.0.as_ref())
        .and_then(|o| o.downcast_ref::<Arc<JavaDate>>().cloned())
        .ok_or("empty does not hold a Date")?;
    let classes = matches!((&m.type_, &m.prim), (Some(a), Some(b)) if Arc::ptr_eq(a, b));
    (Arc::ptr_eq(d, &other) && classes)
        .then_some(())
        .ok_or_else(|| "the two dates or the two classes are distinct".into())
}

/// Adds `name` for `value` with both entry points.
fn both<T: KryoType + std::fmt::Debug + Clone + 'static>(
    g: &mut Graphs,
    name: &str,
    kryo: fn() -> Kryo,
    value: T,
) {
    g.add(Case::new(name, kryo, value.clone()));
    g.add(Case::new(name, kryo, value).entry(Entry::Object));
}

/// Every top-level value of `CasesValues.java` (`value_top_*`), with the
/// configuration named by `config` (`""`, `"vrefs."`, `"vbyname."`, ...).
fn tops(g: &mut Graphs, config: &str, kryo: fn() -> Kryo) {
    let n = |name: &str| format!("{config}top_{name}");
    both(g, &n("ints"), kryo, Arc::new(vec![1i32, -1, 300]));
    both(g, &n("longs"), kryo, vec![1i64, -1, i64::MIN]);
    both(g, &n("doubles"), kryo, vec![f64::NAN, -0.0]);
    both(g, &n("floats"), kryo, vec![1.0f32, -0.0]);
    both(g, &n("bytes"), kryo, vec![1i8, 2, -1]);
    both(g, &n("chars"), kryo, vec![0x61u16, 0x20ac]);
    both(g, &n("shorts"), kryo, vec![1i16, -2]);
    both(g, &n("bools"), kryo, vec![true, false, true]);
    both(g, &n("strings"), kryo, strs(&[Some("a"), None, Some("bc")]));
    both(
        g,
        &n("objects"),
        kryo,
        vec![any(1i32), any(Arc::new(String::from("a"))), None],
    );
    both(g, &n("boxed"), kryo, vec![Some(1i32), None]);
    both(g, &n("matrix"), kryo, vec![Some(vec![1i32]), None]);
    both(
        g,
        &n("items"),
        kryo,
        vec![Some(item(1)), None, Some(item(-2))],
    );
    both(
        g,
        &n("grid"),
        kryo,
        vec![Some(strs(&[Some("a")])), Some(vec![]), None],
    );
    both(g, &n("bigint"), kryo, big(BIG_2_1000_MINUS_1));
    both(g, &n("bigint_neg"), kryo, JavaBigInteger::from(-256i64));
    let min = i128::from(i64::MIN);
    let decs = [
        (min, 3),
        (min - 1, 0),
        (i128::from(i64::MAX) + 1, -1),
        (-129, 1),
        (128, 0),
    ];
    let mut decs: Vec<Option<JavaBigDecimal>> = decs
        .into_iter()
        .map(|(u, scale)| Some(JavaBigDecimal::new(u.into(), scale)))
        .collect();
    decs.push(None);
    both(g, &n("bigdecs"), kryo, decs);
    let ints = [128, -129, -1, 1 << 63, -(1 << 63)];
    let ints: Vec<Option<JavaBigInteger>> =
        ints.into_iter().map(|i: i128| Some(i.into())).collect();
    both(g, &n("bigints"), kryo, ints);
    both(
        g,
        &n("bigdec"),
        kryo,
        dec("-0.000000000000000000000000000001"),
    );
    both(g, &n("bigdec_negscale"), kryo, dec("-9.9E+99"));
    both(
        g,
        &n("duration"),
        kryo,
        Duration {
            seconds: -1,
            nanos: 1,
        },
    );
    both(
        g,
        &n("instant"),
        kryo,
        Instant {
            seconds: -1,
            nanos: 999_999_999,
        },
    );
    both(g, &n("date"), kryo, LocalDate::of(-1, 1, 1));
    both(g, &n("time"), kryo, LocalTime::of(0, 0, 0, 1));
    both(
        g,
        &n("datetime"),
        kryo,
        LocalDateTime {
            date: LocalDate::of(-YEAR_MIN, 12, 31),
            time: LocalTime::of(23, 59, 59, 999_999_999),
        },
    );
    both(g, &n("offset"), kryo, offset(3601));
    both(g, &n("region"), kryo, ZoneId::Region("Asia/Tokyo".into()));
    both(
        g,
        &n("offset_time"),
        kryo,
        OffsetTime {
            time: LocalTime::of(10, 0, 0, 0),
            offset: ZoneOffset::hours(2),
        },
    );
    both(
        g,
        &n("offset_datetime"),
        kryo,
        OffsetDateTime {
            date_time: LocalDateTime {
                date: LocalDate::of(YEAR_MIN, 1, 1),
                time: LocalTime::MIDNIGHT,
            },
            offset: offset(OFFSET_MAX),
        },
    );
    both(
        g,
        &n("zoned"),
        kryo,
        ZonedDateTime {
            date_time: LocalDateTime {
                date: LocalDate::of(2024, 2, 29),
                time: LocalTime::of(10, 0, 0, 0),
            },
            zone: "Europe/Paris".into(),
        },
    );
    both(g, &n("year"), kryo, Year { year: -1 });
    both(
        g,
        &n("year_month"),
        kryo,
        YearMonth {
            year: 2024,
            month: 12,
        },
    );
    both(g, &n("month_day"), kryo, MonthDay { month: 12, day: 31 });
    both(g, &n("period"), kryo, Period::default());
    both(g, &n("jdate"), kryo, Arc::new(JavaDate { millis: -1 }));
    both(g, &n("sql_date"), kryo, SqlDate { millis: 86_400_000 });
    both(g, &n("calendar"), kryo, calendar("UTC", 1_700_000_000_000));
    both(
        g,
        &n("optional"),
        kryo,
        JavaOptional::<Box<dyn Object>>(Some(Box::new(JavaBigInteger::from(10i64)))),
    );
    both(g, &n("optional_int"), kryo, OptionalInt(Some(i32::MIN)));
    both(g, &n("optional_long"), kryo, OptionalLong(Some(5)));
    both(g, &n("optional_double"), kryo, OptionalDouble(None));
    both(g, &n("bitset"), kryo, bits(&[1, 63, 127]));
    both(g, &n("builder"), kryo, StringBuilder::from("😀"));
    both(g, &n("buffer"), kryo, StringBuffer::from("é"));
    both(g, &n("locale"), kryo, Locale::new("en", "US", ""));
    both(g, &n("currency"), kryo, Currency::from("USD"));
    both(g, &n("charset"), kryo, Charset::from("UTF-8"));
    both(
        g,
        &n("url"),
        kryo,
        Url::from("https://user@host:8080/p%20q?x=%C3%A9"),
    );
    both(g, &n("timezone"), kryo, TimeZone::from("UTC"));
    both(
        g,
        &n("hues"),
        kryo,
        [Hue::Red, Hue::Green, Hue::Blue]
            .into_iter()
            .collect::<EnumSet<Hue>>(),
    );
    let many = [Many::C0, Many::C63, Many::C64, Many::C69];
    both(
        g,
        &n("many"),
        kryo,
        many.into_iter().collect::<EnumSet<Many>>(),
    );
    both(g, &n("many_none"), kryo, EnumSet::<Many>::new());
    both(g, &n("class"), kryo, JavaClass::of::<Vec<Option<String>>>());
    both(g, &n("class_prim"), kryo, JavaClass::of::<i64>());
}

/// 2^1000 - 1.
const BIG_2_1000_MINUS_1: &str = "10715086071862673209484250490600018105614048117055336074437503883703510511249361224931983788156958581275946729175531468251871452856923140435984577574698574803934567774824230985421074605062371141877954182153046474983581941267398767559165543946077062914571196477686542167660429831652624386837205668069375";

fn ids() -> Ids {
    let id = Arc::new(JavaUuid {
        most: 0x0123_4567_89ab_cdef,
        least: -2,
    });
    Ids {
        id: Some(id.clone()),
        any: any(id),
        none: None,
    }
}

fn ids_shape(i: &Ids) -> Result<(), String> {
    let any = i
        .any
        .as_ref()
        .and_then(|a| a.downcast_ref::<Arc<JavaUuid>>());
    match (&i.id, any) {
        (Some(a), Some(b)) if Arc::ptr_eq(a, b) => Ok(()),
        _ => Err("`id` and `any` are not one UUID".into()),
    }
}

/// Every case of `CasesValues.java`.
pub fn cases(g: &mut Graphs) {
    for (config, k) in [
        ("uuid.", (|| kryo_uuid_with(false)) as fn() -> Kryo),
        ("uuid_refs.", || kryo_uuid_with(true)),
    ] {
        both(g, &format!("{config}ids"), k, ids());
        both(
            g,
            &format!("{config}top_uuid"),
            k,
            JavaUuid { most: 1, least: 2 },
        );
    }
    g.add(Case::new("uuid_refs.ids", || kryo_uuid_with(true), ids()).check(ids_shape));
    for (config, k) in [("", kryo as fn() -> Kryo), ("vrefs.", kryo_vrefs)] {
        let n = |name: &str| format!("{config}{name}");
        both(g, &n("arrs"), k, arrs());
        both(g, &n("arrs_empty"), k, arrs_empty());
        both(g, &n("val_arrs"), k, val_arrs());
        both(g, &n("nums"), k, nums());
        both(g, &n("nums_edges"), k, nums_edges());
        both(g, &n("times"), k, times_typical());
        both(g, &n("times_min"), k, times_min());
        both(g, &n("times_max"), k, times_max());
        both(g, &n("misc"), k, misc());
        both(g, &n("misc_edges"), k, misc_edges());
        tops(g, config, k);
    }
    // Other Rust forms of the same Java arrays: fixed-size arrays, and
    // byte[] as Vec<u8>.
    both(g, "top_shorts", kryo, [1i16, -2]);
    both(g, "top_bytes", kryo, vec![1u8, 2, 0xff]);
    both(g, "vrefs.top_matrix", kryo_vrefs, [Some(vec![1i32]), None]);
    g.add(Case::new("vrefs.arrs_shared", kryo_vrefs, arrs_shared()).check(arrs_shared_shape))
        .add(Case::new("vrefs.misc_shared", kryo_vrefs, misc_shared()).check(misc_shared_shape))
        .add(Case::new("vrefs.strs_shared", kryo_vrefs, strs_shared()).check(strs_shared_shape))
        .add(Case::new("strs_shared", kryo, strs_shared()))
        .add(Case::new("arrs_shared", kryo, arrs_shared()))
        .add(Case::new("misc_shared", kryo, misc_shared()));
    for (config, k) in [
        ("vbyname.", kryo_vbyname as fn() -> Kryo),
        ("vbyname_refs.", kryo_vbyname_refs),
    ] {
        let n = |name: &str| format!("{config}{name}");
        g.add(Case::new(n("arrs"), k, arrs()))
            .add(Case::new(n("nums"), k, nums()))
            .add(Case::new(n("times"), k, times_typical()))
            .add(Case::new(n("misc"), k, misc()))
            .add(Case::new(n("misc_edges"), k, misc_edges()));
        tops(g, config, k);
    }
}
