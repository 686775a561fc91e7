//! Arrays and the value types (dates, times, numbers, optionals, sets,
//! strings) as fields of derived structs: layouts, round trips, copies,
//! and malformed input. (The Java interop suite checks the same layouts
//! against real Kryo.)

use std::sync::Arc;

use kryo5::io::{Input, Output};
use kryo5::serializers::bitset::BitSet;
use kryo5::serializers::class::JavaClass;
use kryo5::serializers::date::JavaDate;
use kryo5::serializers::enum_set::{EnumSet, JavaEnum};
use kryo5::serializers::math::{JavaBigDecimal, JavaBigInteger};
use kryo5::serializers::optional::{JavaOptional, OptionalInt};
use kryo5::serializers::text::{Currency, Locale};
use kryo5::serializers::time::{Instant, LocalDate, ZoneId, ZoneOffset};
use kryo5::{ErrorKind, Kryo, KryoType, Object};

#[derive(Kryo, Clone, Debug, PartialEq, Default)]
#[kryo(class = "Item", final)]
struct Item {
    n: i32,
}

#[derive(Kryo, Clone, Copy, Debug, PartialEq, Eq)]
#[kryo(class = "Color")]
enum Color {
    Red,
    Green,
    Blue,
}

/// Every array shape a field can have.
#[derive(Kryo, Clone, Debug, PartialEq, Default)]
#[kryo(class = "Arrays")]
struct Arrays {
    ints: Vec<i32>,
    names: Option<Vec<String>>,
    matrix: Vec<Vec<f64>>,
    items: Vec<Option<Item>>,
    bytes: Vec<u8>,
    fixed: [i16; 3],
    boxed: Option<Vec<Option<i64>>>,
}

fn arrays() -> Arrays {
    Arrays {
        ints: vec![1, -1, 300],
        names: Some(vec!["a".into(), "bc".into()]),
        matrix: vec![vec![1.0], vec![]],
        items: vec![Some(Item { n: 5 }), None],
        bytes: vec![0xff, 0],
        fixed: [1, 2, 3],
        boxed: None,
    }
}

fn kryo() -> Kryo {
    let mut kryo = Kryo::new();
    kryo.register::<Item>(); // 9
    kryo.register::<Color>(); // 10
    kryo.register::<Arrays>(); // 11
    kryo.register::<Values>(); // 12
    kryo.register::<EnumSet<Color>>(); // 13
    kryo.register::<ZoneId>(); // 14
    kryo.register::<ZoneOffset>(); // 15
    kryo.register::<JavaBigDecimal>(); // 16
    kryo.register::<JavaBigInteger>(); // 17
    kryo.register::<JavaDate>(); // 18
    kryo.register::<BitSet>(); // 19
    kryo
}

/// [`kryo`] without registration required: the round trips below write
/// array and JDK field types (`Long[]`, `int[][]`, `Class`, ...) that a Java
/// program would register one by one before writing them.
fn lenient_kryo() -> Kryo {
    let mut kryo = kryo();
    kryo.set_registration_required(false);
    kryo
}

fn write<T: KryoType>(kryo: &mut Kryo, v: &T) -> Vec<u8> {
    let mut out = Output::new();
    kryo.write_object(&mut out, v).unwrap();
    out.into_vec()
}

#[test]
fn array_fields_in_java_field_order() {
    let mut kryo = lenient_kryo();
    let bytes = write(&mut kryo, &arrays());
    // Fields by name: boxed, bytes, fixed, ints, items, matrix, names; every
    // array type is final (innermost component final), so no class
    // descriptors, and arrays write their own null (00).
    let want = [
        0x00, // boxed: null Long[]
        0x03, 0xff, 0x00, // bytes: byte[2]
        0x04, 0x01, 0x00, 0x02, 0x00, 0x03, 0x00, // fixed: short[3]
        0x04, 0x02, 0x01, 0xd8, 0x04, // ints: int[3]
        0x03, 0x01, 0x0a, 0x00, // items: Item[2], final Item: 01 + n=5, then null
        0x03, 0x02, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 0x01, // matrix: double[2][], {1.0}, {}
        0x03, 0x82, 0x61, 0x62, 0xe3, // names: String[2] "a" "bc"
    ];
    assert_eq!(bytes, want);
    let back: Arrays = kryo.read_object(&mut Input::new(&bytes)).unwrap();
    assert_eq!(back, arrays());
    assert_eq!(kryo.copy(&arrays()).unwrap(), arrays());
}

/// The value types as fields.
#[derive(Kryo, Clone, Debug, PartialEq)]
#[kryo(class = "Values")]
struct Values {
    big: JavaBigDecimal,
    count: Option<JavaBigInteger>,
    when: Instant,
    day: Option<LocalDate>,
    text: JavaOptional<String>,
    number: OptionalInt,
    bits: BitSet,
    colors: EnumSet<Color>,
    zone: ZoneId,
    date: JavaDate,
    locale: Locale,
    class: JavaClass,
    money: Option<Currency>,
}

fn values() -> Values {
    Values {
        big: "-1.5".parse().unwrap(),
        count: Some(JavaBigInteger::from(255i64)),
        when: Instant {
            seconds: 1,
            nanos: 5,
        },
        day: Some(LocalDate {
            year: 2024,
            month: 2,
            day: 29,
        }),
        text: JavaOptional(Some("a".into())),
        number: OptionalInt(None),
        bits: [0, 65].into_iter().collect(),
        colors: [Color::Blue, Color::Green].into_iter().collect(),
        zone: ZoneId::Offset(ZoneOffset::hours(2)),
        date: JavaDate { millis: 0 },
        locale: Locale::new("en", "US", ""),
        class: JavaClass::of::<Vec<i32>>(),
        money: None,
    }
}

#[test]
fn value_fields_round_trip_and_copy() {
    let mut kryo = lenient_kryo();
    kryo.register::<Vec<i32>>(); // 20, for the Class value
    let bytes = write(&mut kryo, &values());
    let back: Values = kryo.read_object(&mut Input::new(&bytes)).unwrap();
    assert_eq!(back, values());
    assert_eq!(kryo.copy(&values()).unwrap(), values());
    // Every truncation fails with an error, never a panic.
    for n in 0..bytes.len() {
        assert!(
            kryo.read_object::<Values, _>(&mut Input::new(&bytes[..n]))
                .is_err()
        );
    }
}

#[test]
fn enum_sets_of_derived_enums() {
    assert_eq!(Color::CONSTANTS, 3);
    assert_eq!(Color::Blue.ordinal(), 2);
    assert_eq!(Color::from_ordinal(1), Some(Color::Green));
    let mut kryo = kryo();
    let set: EnumSet<Color> = [Color::Blue, Color::Green].into_iter().collect();
    // Registered enum class 10 (0c), 2 elements, ordinals 1 and 2.
    assert_eq!(write(&mut kryo, &set), [0x0c, 0x02, 0x02, 0x03]);
    let mut out = Output::new();
    kryo.write_class_and_object(&mut out, Some(&EnumSet::<Color>::new()))
        .unwrap();
    assert_eq!(out.as_slice(), [0x0f, 0x0c, 0x00]);
    // An ordinal the enum does not have.
    let e = kryo
        .read_object::<EnumSet<Color>, _>(&mut Input::new(&[0x0c, 0x01, 0x05]))
        .unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::BadOrdinal { .. }), "{e}");
    // By name: the set's class is RegularEnumSet, as in Java.
    assert_eq!(EnumSet::<Color>::java_class(), "java.util.RegularEnumSet");
}

#[test]
fn arrays_of_any_class_and_nested_objects() {
    let mut kryo = kryo();
    kryo.register::<Vec<Box<dyn Object>>>(); // 20
    let v: Vec<Box<dyn Object>> = vec![
        Box::new(1i32),
        Box::new(Item { n: 2 }),
        Box::new(vec![7i32]),
    ];
    // int[] must be registered to be written with its class.
    let mut out = Output::new();
    let e = kryo.write_object(&mut out, &v).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::NotRegistered(_)), "{e}");
    kryo.register::<Vec<i32>>(); // 21
    let bytes = write(&mut kryo, &v);
    assert_eq!(bytes, [0x04, 0x02, 0x02, 0x0b, 0x04, 0x17, 0x02, 0x0e]);
    let back: Vec<Box<dyn Object>> = kryo.read_object(&mut Input::new(&bytes)).unwrap();
    assert_eq!(back[1].downcast_ref::<Item>(), Some(&Item { n: 2 }));
    assert_eq!(back[2].downcast_ref::<Vec<i32>>(), Some(&vec![7]));
}

#[test]
fn shared_arrays_and_back_references() {
    let mut kryo = Kryo::new();
    kryo.set_references(true);
    kryo.register::<Vec<Arc<Vec<i32>>>>(); // 9: int[][]
    kryo.register::<Vec<i32>>(); // 10: int[]
    let shared = Arc::new(vec![1i32]);
    let v = vec![shared.clone(), shared];
    let bytes = write(&mut kryo, &v);
    // Outer array id 0, inner id 1, then a back-reference to id 1.
    assert_eq!(bytes, [0x01, 0x03, 0x01, 0x02, 0x02, 0x03]);
    let back: Vec<Arc<Vec<i32>>> = kryo.read_object(&mut Input::new(&bytes)).unwrap();
    assert!(Arc::ptr_eq(&back[0], &back[1]));
    // A back-reference read into plain values materializes a copy.
    let plain: Vec<Vec<i32>> = kryo.read_object(&mut Input::new(&bytes)).unwrap();
    assert_eq!(plain, [vec![1], vec![1]]);
}

#[test]
fn mutated_input_never_panics() {
    let mut kryo = lenient_kryo();
    kryo.register::<Vec<i32>>();
    let a = write(&mut kryo, &arrays());
    let v = write(&mut kryo, &values());
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    for base in [a, v] {
        for _ in 0..2000 {
            let mut b = base.clone();
            for _ in 0..3 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let i = (seed % b.len() as u64) as usize;
                b[i] = (seed >> 32) as u8;
            }
            let _ = kryo.read_object::<Arrays, _>(&mut Input::new(&b));
            let _ = kryo.read_object::<Values, _>(&mut Input::new(&b));
        }
    }
}

/// Reads `T` from the string `s` written alone (the payload of every
/// string-valued type).
fn read_from_string<T: KryoType>(s: &str) -> kryo5::Result<T> {
    let mut out = Output::new();
    out.write_string(Some(s)).unwrap();
    let mut kryo = Kryo::new();
    kryo.set_registration_required(false);
    kryo.read_object::<T, _>(&mut Input::new(out.as_slice()))
}

/// The rows of docs/wire-notes.md "Value types: what a read checks".
#[test]
fn reads_check_what_java_factories_check_without_jdk_tables() {
    use kryo5::serializers::text::{Charset, Url};
    let invalid = |e: kryo5::Error| matches!(e.kind(), ErrorKind::InvalidData(_));
    // Well formed but unknown to a JVM: kept as given.
    assert_eq!(
        read_from_string::<ZoneId>("Mars/Olympus").unwrap(),
        ZoneId::Region("Mars/Olympus".into())
    );
    assert_eq!(read_from_string::<Currency>("ABC").unwrap().code, "ABC");
    assert_eq!(read_from_string::<Url>("zz://x").unwrap().spec, "zz://x");
    assert_eq!(
        read_from_string::<Charset>("X-NONE").unwrap().name,
        "X-NONE"
    );
    // Malformed: typed errors where Java throws.
    assert!(invalid(read_from_string::<ZoneId>("@x").unwrap_err()));
    assert!(invalid(read_from_string::<ZoneId>("+1a").unwrap_err()));
    assert!(invalid(read_from_string::<Currency>("eur").unwrap_err()));
    assert!(invalid(read_from_string::<Url>("no scheme").unwrap_err()));
    assert!(invalid(read_from_string::<Charset>("a b").unwrap_err()));
    // LocalDate 2024-02-30 and hour 24.
    let mut kryo = Kryo::new();
    kryo.set_registration_required(false);
    let date = kryo.read_object::<LocalDate, _>(&mut Input::new(&[0xe8, 0x0f, 0x02, 0x1e]));
    assert!(invalid(date.unwrap_err()));
    let hour =
        kryo.read_object::<kryo5::serializers::time::LocalTime, _>(&mut Input::new(&[!24u8]));
    assert!(invalid(hour.unwrap_err()));
    // Writing February 30th fails: Java could not read it back.
    let feb30 = LocalDate {
        year: 2024,
        month: 2,
        day: 30,
    };
    let e = kryo.write_object(&mut Output::new(), &feb30).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::InvalidArgument(_)), "{e}");
}

/// More than 64 constants: `java.util.JumboEnumSet`.
#[derive(Kryo, Clone, Copy, Debug, PartialEq, Eq)]
#[kryo(class = "Wide")]
enum Wide {
    #[kryo(ordinal = 0)]
    First,
    #[kryo(ordinal = 64)]
    Last,
}

#[test]
fn every_enum_set_class_takes_the_one_enum_set_registration() {
    // Java: register(Color), register(Wide), register(EnumSet.class).
    let mut kryo = Kryo::new();
    kryo.register::<Color>(); // 9
    kryo.register::<Wide>(); // 10
    assert_eq!(kryo.register::<EnumSet<Color>>(), 11);
    assert_eq!(kryo.register::<EnumSet<Wide>>(), 11);
    assert_eq!(kryo.next_registration_id(), 12);
    let wide: EnumSet<Wide> = [Wide::First, Wide::Last].into_iter().collect();
    assert_eq!(EnumSet::<Wide>::java_class(), "java.util.JumboEnumSet");
    let mut out = Output::new();
    kryo.write_class_and_object(&mut out, Some(&wide)).unwrap();
    // EnumSet's id, Wide's id, 2 elements, ordinals 0 and 64.
    assert_eq!(out.as_slice(), &[0x0d, 0x0c, 0x02, 0x01, 0x41]);
    let back = kryo.read_class_and_object_as::<EnumSet<Wide>, _>(&mut Input::new(out.as_slice()));
    assert_eq!(back.unwrap(), Some(wide));
    // Known by name only, each set class is written under its own name.
    let mut kryo = Kryo::new();
    kryo.set_registration_required(false);
    kryo.add_class::<Color>();
    let mut out = Output::new();
    let colors: EnumSet<Color> = [Color::Red].into_iter().collect();
    kryo.write_class_and_object(&mut out, Some(&colors))
        .unwrap();
    // 01 + name id 0 + the set's class name, 01 + name id 1 + "Color",
    // 1 element, ordinal 0.
    let mut want = vec![0x01, 0x00];
    want.extend_from_slice(b"java.util.RegularEnumSe\xf4");
    want.extend_from_slice(&[0x01, 0x01]);
    want.extend_from_slice(b"Colo\xf2");
    want.extend_from_slice(&[0x01, 0x01]);
    assert_eq!(out.as_slice(), want);
}

/// Hostile nesting stops at the depth limit (1000) or, for large frames
/// (debug builds take about 2.6 KB per array level), at the stack budget
/// (`Kryo::set_max_stack`, 1 MiB): either way on a thread with Rust's
/// default 2 MiB stack, never past its end.
#[test]
fn deeply_nested_arrays_hit_the_depth_limit_not_the_stack() {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(deeply_nested_arrays)
        .unwrap()
        .join()
        .unwrap();
}

/// The depth limit or the stack budget stopped a read.
fn stopped(e: &kryo5::Error) -> bool {
    matches!(
        e.kind(),
        ErrorKind::MaxDepth(1000) | ErrorKind::MaxStack { .. }
    )
}

fn deeply_nested_arrays() {
    // Object[] { Object[] { ... } } 100,000 levels deep, in both kinds of
    // position: class-and-object (Object[] registered) and a known type.
    let mut kryo = Kryo::new();
    let id = kryo.register::<Vec<Option<Box<dyn Object>>>>();
    let level = [id as u8 + 2, 0x02]; // class Object[], length 1
    // The known-type reads below name `Object[][][]` and `Object[][]`.
    kryo.set_registration_required(false);
    let bytes = level.repeat(100_000);
    let e = kryo
        .read_class_and_object(&mut Input::new(&bytes))
        .unwrap_err();
    assert!(stopped(&e), "{e}");
    type Deep = Vec<Option<Vec<Option<Vec<Option<Box<dyn Object>>>>>>>;
    let mut bytes = vec![0x02, 0x02, 0x02];
    bytes.extend(level.repeat(100_000));
    let e = kryo
        .read_object::<Deep, _>(&mut Input::new(&bytes))
        .unwrap_err();
    assert!(stopped(&e), "{e}");
}
