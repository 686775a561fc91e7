//! The dynamic codec against real Java Kryo 5.6 and the typed Rust twins
//! on `java/CasesValues.java`: Kryo's default serializers of JDK value
//! classes (arrays, BigInteger/BigDecimal, Date and java.sql, Calendar,
//! every java.time class, Optional*, BitSet, StringBuilder/Buffer, Locale,
//! Currency, Charset, URL, TimeZone, EnumSet, Class), registered and by
//! name, references off and on, both entry points.

#![allow(dead_code, unreachable_pub)]

mod common;

#[path = "../../kryo5-interop/tests/graphs/values.rs"]
mod values;

use kryo5_dynamic::Schema;

const SCHEMA: &str = include_str!("schemas/values.toml");
const UUID_SCHEMA: &str = include_str!("schemas/uuid.toml");

/// The schema of a `CasesValues` setup, from the case name's prefix.
fn schema_of(case: &str) -> Option<Schema> {
    let (setup, _) = case.split_once('.').unwrap_or(("", case));
    let (references, registered) = match setup {
        "" => (false, true),
        "vrefs" => (true, true),
        "vbyname" => (false, false),
        "vbyname_refs" => (true, false),
        "uuid" | "uuid_refs" => {
            let refs = setup == "uuid_refs";
            return Some(common::setup(UUID_SCHEMA, "uuid.toml", refs, true));
        }
        _ => return None,
    };
    Some(common::setup(SCHEMA, "values.toml", references, registered))
}

#[test]
fn java_value_classes_decode_encode_and_match_the_typed_twins() {
    let cov = common::typed_vs_dynamic(values::cases, schema_of);
    assert_eq!(cov.left_out, Vec::<String>::new());
    assert_eq!(cov.covered, cov.total);
}

/// JSON written by hand, not by the decoder (keys in any order, some
/// forms not the canonical ones: an offset in a `ZonedDateTime`, `EnumSet`
/// constants out of order, a lower-case `e` in a `BigDecimal`, upper-case
/// hex in a UUID, a made-up `@id`), encoded by
/// the codec and read by Java, which compares it with its own value.
#[test]
fn java_reads_what_the_codec_encodes_from_hand_written_json() {
    let times = r#"{
      "duration": "PT1.000000005S", "instant": "1970-01-01T00:00:01.000000005Z",
      "date": "2024-02-29", "time": "10:30:15.000000007",
      "dateTime": "2024-02-29T10:30:15.000000007", "offset": "-05:30",
      "region": {"@class": "java.time.ZoneRegion", "@value": "Europe/Paris"},
      "fixed": {"@class": "java.time.ZoneOffset", "@value": "+05:30"},
      "offsetTime": "10:30:15.000000007-05:30",
      "offsetDateTime": "2024-02-29T10:30:15.000000007-05:30",
      "zoned": "2024-02-29T10:30:15.000000007+01:00[Europe/Paris]",
      "year": "2024", "yearMonth": "2024-02", "monthDay": "--02-29", "period": "P1Y-2M3D"
    }"#;
    let misc = r#"{
      "type": "CasesValues$Item", "prim": "int",
      "date": {"@class": "java.util.Date", "@value": 1700000000000},
      "sqlDate": {"@class": "java.sql.Date", "@value": -86400000},
      "sqlTime": {"@class": "java.sql.Time", "@value": 3600000},
      "stamp": {"@class": "java.sql.Timestamp", "@value": 1700000000123},
      "calendar": {"@class": "java.util.GregorianCalendar", "@value": {
        "millis": 0, "timeZone": "UTC", "lenient": true, "firstDayOfWeek": 2,
        "minimalDaysInFirstWeek": 4, "gregorianChange": -12219292800000}},
      "text": [{"@class": "java.lang.String", "@value": "a"}],
      "item": [{"@class": "CasesValues$Item", "n": 4}],
      "empty": [], "oi": [-5], "ol": [], "od": ["NaN"],
      "bits": {"@class": "java.util.BitSet", "@value": [200, 0, 64]},
      "builder": "abé", "buffer": "", "locale": "de_CH_x", "currency": "EUR",
      "charset": {"@class": "sun.nio.cs.UTF_8", "@value": "UTF-8"},
      "url": "http://a.b/c?q=1#f",
      "zone": {"@class": "sun.util.calendar.ZoneInfo", "@value": "Europe/Paris"},
      "hues": {"@class": "java.util.EnumSet",
               "@value": {"elementType": "CasesValues$Hue", "constants": ["BLUE", "GREEN"]}}
    }"#;
    let nums = r#"{
      "a": {"@class": "java.math.BigInteger", "@value": "0"},
      "b": {"@class": "java.math.BigInteger",
            "@value": "-1606938044258990275541962092341162602522202993782792835289031"},
      "c": {"@class": "java.math.BigDecimal", "@value": "1E+3"},
      "d": {"@class": "java.math.BigDecimal", "@value": "123456789012345678901234567890.5"},
      "e": {"@class": "java.math.BigDecimal", "@value": "-15e-1"},
      "none": null
    }"#;
    // Fields in Kryo's order: `any` comes first on the wire, so it holds
    // the `@id` and `id` refers back to it.
    let ids = r#"{"none": null, "id": {"@ref": 7},
      "any": {"@class": "java.util.UUID", "@id": 7, "@value": "01234567-89AB-CDEF-FFFF-FFFFFFFFFFFE"}}"#;
    let ids_plain = r#"{"id": "01234567-89ab-cdef-ffff-fffffffffffe", "none": null,
                  "any": {"@class": "java.util.UUID", "@value": "01234567-89ab-cdef-ffff-fffffffffffe"}}"#;
    let mut encoded = Vec::new();
    for (case, class, text) in [
        ("uuid_refs.ids", "CasesValues$Ids", ids),
        ("uuid.ids", "CasesValues$Ids", ids_plain),
        ("times", "CasesValues$Times", times),
        ("misc", "CasesValues$Misc", misc),
        ("nums", "CasesValues$Nums", nums),
        ("vrefs.misc", "CasesValues$Misc", misc),
        ("vbyname.times", "CasesValues$Times", times),
    ] {
        let mut codec = kryo5_dynamic::Codec::new(schema_of(case).unwrap());
        let root = kryo5_dynamic::Root::Object(kryo5_dynamic::JType::parse(class).unwrap());
        let j: serde_json::Value = serde_json::from_str(text).unwrap();
        let v = kryo5_dynamic::json::from_json(&codec, &j, &root)
            .unwrap_or_else(|e| panic!("{case}: {e}"));
        encoded.push((
            case.to_owned(),
            "obj",
            common::encode(&mut codec, &v, &root),
        ));
    }
    common::java_reads_all(&encoded);
}
