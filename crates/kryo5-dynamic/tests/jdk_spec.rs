//! The hex examples of kryo5-format.md section 8 (written by real Java) for
//! the JDK value classes: each payload decodes to the expected JSON form
//! and encodes back to the same bytes (`writeObject` of the class,
//! references off).

use kryo5::io::Input;
use kryo5_dynamic::{Codec, JType, Root, Schema, json};
use kryo5_interop::value::unhex;
use serde_json::{Value as Json, json};

/// `(class, payload hex, JSON form)`.
fn examples() -> Vec<(&'static str, &'static str, Json)> {
    let big = "123456789012345678901234567890.5";
    vec![
        // 8.5
        ("java.lang.Class", "03", json!("java.lang.String")),
        ("java.lang.Class", "0201", json!("int")),
        ("java.lang.Class", "0200", json!("java.lang.Integer")),
        // 8.6
        ("java.math.BigInteger", "0200", json!("0")),
        ("java.math.BigInteger", "02ff", json!("-1")),
        ("java.math.BigInteger", "0300ff", json!("255")),
        (
            "java.math.BigInteger",
            "0a010000000000000000",
            json!("18446744073709551616"),
        ),
        ("java.math.BigDecimal", "020000", json!("0")),
        ("java.math.BigDecimal", "020f02", json!("1.5")),
        ("java.math.BigDecimal", "02f102", json!("-1.5")),
        ("java.math.BigDecimal", "020105", json!("1E+3")),
        ("java.math.BigDecimal", "03008000", json!("128")),
        (
            "java.math.BigDecimal",
            "097fffffffffffffff00",
            json!("9223372036854775807"),
        ),
        (
            "java.math.BigDecimal",
            "0e0f951a9fa3a286c94f0e766c3902",
            json!(big),
        ),
        // 8.9, 8.10, 8.11
        ("java.lang.StringBuilder", "61e2", json!("ab")),
        ("java.lang.StringBuffer", "82c3a9", json!("é")),
        ("java.util.Currency", "4555d2", json!("EUR")),
        ("sun.util.calendar.ZoneInfo", "5554c3", json!("UTC")),
        ("sun.nio.cs.UTF_8", "5554462db8", json!("UTF-8")),
        (
            "java.net.URL",
            "687474703a2f2f612e622fe3",
            json!("http://a.b/c"),
        ),
        ("java.util.Locale", "65ee55d381", json!("en_US")),
        ("java.util.Locale", "64e543c88278", json!("de_CH_x")),
        ("java.util.Locale", "818181", json!("")),
        // 8.12
        ("java.util.Date", "00", json!(0)),
        (
            "java.util.Date",
            "80d095ffbc31",
            json!(1_700_000_000_000_i64),
        ),
        ("java.sql.Timestamp", "e807", json!(1000)),
        (
            "java.util.GregorianCalendar",
            "5554c300010101ffcfdae9a0c705",
            json!({"timeZone": "UTC", "millis": 0, "lenient": true, "firstDayOfWeek": 1,
                   "minimalDaysInFirstWeek": 1, "gregorianChange": -12_219_292_800_000_i64}),
        ),
        // 8.17
        (
            "java.util.BitSet",
            "0201000000000000000200000000000000",
            json!([0, 65]),
        ),
        ("java.util.BitSet", "00", json!([])),
        // 8.18
        (
            "java.time.Duration",
            "010000000000000005",
            json!("PT1.000000005S"),
        ),
        ("java.time.Duration", "ffffffffffffffff00", json!("PT-1S")),
        (
            "java.time.Instant",
            "0105",
            json!("1970-01-01T00:00:01.000000005Z"),
        ),
        (
            "java.time.Instant",
            "ffffffffffffffffff00",
            json!("1969-12-31T23:59:59Z"),
        ),
        ("java.time.LocalDate", "e80f021d", json!("2024-02-29")),
        (
            "java.time.LocalDate",
            "ffffffff0f0101",
            json!("-0001-01-01"),
        ),
        ("java.time.LocalTime", "f5", json!("10:00")),
        ("java.time.LocalTime", "0ae1", json!("10:30")),
        ("java.time.LocalTime", "0a1ef0", json!("10:30:15")),
        (
            "java.time.LocalTime",
            "0a1e0f07",
            json!("10:30:15.000000007"),
        ),
        ("java.time.LocalTime", "ff", json!("00:00")),
        (
            "java.time.LocalDateTime",
            "e80f021df5",
            json!("2024-02-29T10:00"),
        ),
        ("java.time.ZoneOffset", "00", json!("Z")),
        ("java.time.ZoneOffset", "08", json!("+02:00")),
        ("java.time.ZoneOffset", "ea", json!("-05:30")),
        ("java.time.ZoneOffset", "7f110e0000", json!("+01:00:01")),
        (
            "java.time.ZoneRegion",
            "4575726f70652f50617269f3",
            json!("Europe/Paris"),
        ),
        ("java.time.OffsetTime", "f508", json!("10:00+02:00")),
        (
            "java.time.OffsetDateTime",
            "e80f021df500",
            json!("2024-02-29T10:00Z"),
        ),
        (
            "java.time.ZonedDateTime",
            "e80f021df54575726f70652f50617269f3",
            json!("2024-02-29T10:00[Europe/Paris]"),
        ),
        ("java.time.Year", "e80f", json!("2024")),
        ("java.time.YearMonth", "e80f02", json!("2024-02")),
        ("java.time.MonthDay", "021d", json!("--02-29")),
        ("java.time.Period", "01feffffff0f03", json!("P1Y-2M3D")),
        // 8.19
        (
            "java.util.Optional",
            "038261",
            json!([{"@class": "java.lang.String", "@value": "a"}]),
        ),
        ("java.util.Optional", "00", json!([])),
        ("java.util.OptionalInt", "0105000000", json!([5])),
        ("java.util.OptionalInt", "00", json!([])),
        ("java.util.OptionalLong", "010500000000000000", json!([5])),
        (
            "java.util.OptionalDouble",
            "01000000000000f03f",
            json!([1.0]),
        ),
        // 8.8, with the enum `Ser$Color` by name.
        (
            "java.util.EnumSet",
            "010053657224436f6c6ff2020203",
            json!({"elementType": "Ser$Color", "constants": ["GREEN", "BLUE"]}),
        ),
        (
            "java.util.EnumSet",
            "010053657224436f6c6ff200",
            json!({"elementType": "Ser$Color", "constants": []}),
        ),
        // 6.5: UUID with UUIDSerializer.
        (
            "java.util.UUID",
            "01000000000000000200000000000000",
            json!("00000000-0000-0001-0000-000000000002"),
        ),
    ]
}

#[test]
fn spec_examples_of_jdk_classes_decode_to_their_json_and_encode_back() {
    let schema = Schema::from_toml(
        "registration_required = false\n[[class]]\nname = \"Ser$Color\"\nregister = false\n\
         constants = [\"RED\", \"GREEN\", \"BLUE\"]\n",
        "spec.toml",
    )
    .unwrap();
    let mut codec = Codec::new(schema);
    for (class, hex, want) in examples() {
        let bytes = unhex(hex).unwrap();
        let root = Root::Object(JType::parse(class).unwrap());
        let label = format!("{class} {hex}");
        let mut input = Input::new(&bytes);
        let v = codec
            .read(&mut input, &root)
            .unwrap_or_else(|e| panic!("{label}: {e}"));
        assert_eq!(
            input.total(),
            bytes.len() as u64,
            "{label}: read to the end"
        );
        let j = json::to_json(&codec, &v, &root).unwrap();
        assert_eq!(j, want, "{label}");
        let back = json::from_json(&codec, &want, &root).unwrap();
        let mut out = kryo5::io::Output::new();
        codec.write(&mut out, &back, &root).unwrap();
        assert_eq!(out.as_slice(), &bytes[..], "{label}");
    }
}
