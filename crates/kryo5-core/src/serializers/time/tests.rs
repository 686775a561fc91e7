use super::zone::check_zone_id;
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
    let mut kryo = crate::serializers::value::testing::lenient();
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
    let mut kryo = crate::serializers::value::testing::lenient();
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
    let mut kryo = crate::serializers::value::testing::lenient();
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
