//! `#[derive(Kryo)]` against the worked examples of format spec 9.6 (the
//! interop suite checks the same layouts against real Java Kryo).

#![allow(non_snake_case)]

use std::sync::Arc;
use std::sync::Mutex;

use kryo5::io::{Input, Output};
use kryo5::{ErrorKind, Kryo};

#[derive(Kryo, Clone, Debug, PartialEq, Default)]
struct Simple {
    age: i32,
    id: i64,
    name: String,
    nick: Option<String>,
    flag: bool,
    score: f64,
    c: u16,
    by: i8,
    sh: i16,
    f: f32,
}

fn simple() -> Simple {
    Simple {
        age: 42,
        id: -1,
        name: "Bob".into(),
        nick: None,
        flag: true,
        score: 1.5,
        c: u16::from(b'A'),
        by: 1,
        sh: 2,
        f: 0.5,
    }
}

fn write<T: kryo5::KryoType>(kryo: &mut Kryo, value: &T) -> Vec<u8> {
    let mut out = Output::new();
    kryo.write_object(&mut out, value).unwrap();
    out.into_vec()
}

#[test]
fn primitives_and_strings_in_name_order() {
    let mut kryo = Kryo::new();
    kryo.register::<Simple>();
    let bytes = write(&mut kryo, &simple());
    let want = [
        0x54, 0x01, 0x41, 0x00, 0x00, 0x00, 0x00, 0x3f, 0x01, 0x01, 0x42, 0x6f, 0xe2, 0x80, 0, 0,
        0, 0, 0, 0, 0xf8, 0x3f, 0x02, 0x00,
    ];
    assert_eq!(bytes, want);
    assert_eq!(
        kryo.read_object::<Simple, _>(&mut Input::new(&bytes))
            .unwrap(),
        simple()
    );
}

#[test]
fn references_on_before_registration_mark_strings() {
    let mut kryo = Kryo::new();
    kryo.set_references(true);
    kryo.register::<Simple>();
    let bytes = write(&mut kryo, &simple());
    let want = [
        0x01, 0x54, 0x01, 0x41, 0x00, 0x00, 0x00, 0x00, 0x3f, 0x01, 0x01, 0x01, 0x42, 0x6f, 0xe2,
        0x00, 0, 0, 0, 0, 0, 0, 0xf8, 0x3f, 0x02, 0x00,
    ];
    assert_eq!(bytes, want);
    assert_eq!(
        kryo.read_object::<Simple, _>(&mut Input::new(&bytes))
            .unwrap(),
        simple()
    );
    // Registered before references were turned on: strings stay direct.
    let mut kryo = Kryo::new();
    kryo.register::<Simple>();
    kryo.set_references(true);
    let bytes = write(&mut kryo, &simple());
    assert_eq!(
        &bytes[..14],
        &[
            0x01, 0x54, 0x01, 0x41, 0x00, 0x00, 0x00, 0x00, 0x3f, 0x01, 0x01, 0x42, 0x6f, 0xe2
        ]
    );
    assert_eq!(bytes[14], 0x80);
}

#[test]
fn classes_known_by_name_decide_string_fields_at_first_use() {
    // Java registers an unregistered class when it is first written, so the
    // references setting at that moment decides its String fields.
    let mut kryo = Kryo::new();
    kryo.set_registration_required(false);
    kryo.add_class::<Simple>();
    kryo.set_references(true);
    let marked = [
        0x01, 0x54, 0x01, 0x41, 0x00, 0x00, 0x00, 0x00, 0x3f, 0x01, 0x01, 0x01, 0x42, 0x6f, 0xe2,
        0x00, 0, 0, 0, 0, 0, 0, 0xf8, 0x3f, 0x02, 0x00,
    ];
    assert_eq!(write(&mut kryo, &simple()), marked);
    // Decided once: first used with references off, String fields stay
    // direct after references are turned on (as after `register`).
    let mut kryo = Kryo::new();
    kryo.set_registration_required(false);
    kryo.add_class::<Simple>();
    let _ = write(&mut kryo, &simple());
    kryo.set_references(true);
    let bytes = write(&mut kryo, &simple());
    assert_eq!(bytes[..2], [0x01, 0x54]);
    assert_eq!(bytes[11..15], [0x42, 0x6f, 0xe2, 0x80]);
}

#[derive(Kryo, Clone, Debug, PartialEq)]
struct Names {
    a: i32,
    B: i32,
    _x: i32,
    é: i32,
    Z: i32,
}

#[test]
fn field_names_sort_as_java_strings() {
    let mut kryo = Kryo::new();
    kryo.register::<Names>();
    let v = Names {
        a: 1,
        B: 2,
        _x: 3,
        é: 4,
        Z: 5,
    };
    assert_eq!(write(&mut kryo, &v), [0x04, 0x0a, 0x06, 0x02, 0x08]);
}

#[derive(Kryo, Clone, Debug, PartialEq, Default)]
#[kryo(class = "Address")]
struct Address {
    city: String,
}

#[derive(Kryo, Clone, Debug, PartialEq, Default)]
#[kryo(class = "Zip", final)]
struct Zip {
    code: i32,
}

#[derive(Kryo, Clone, Copy, Debug, PartialEq, Default)]
#[kryo(class = "Color")]
enum Color {
    #[default]
    Red,
    Green,
    Blue,
}

#[derive(Kryo, Clone, Debug)]
#[kryo(class = "Holder")]
struct Holder {
    addr: Address,
    zip: Zip,
    nothing: Option<Box<dyn kryo5::Object>>,
    boxed: Option<i32>,
    color: Color,
    any: Box<dyn kryo5::Object>,
}

#[test]
fn object_fields_final_and_not() {
    let mut kryo = Kryo::new();
    // Java's registrations: Address 12, Zip 13, Color 18 (ids as in the spec).
    kryo.register_with_id::<Address>(12);
    kryo.register_with_id::<Zip>(13);
    kryo.register_with_id::<Color>(18);
    kryo.register::<Holder>();
    let h = Holder {
        addr: Address { city: "X".into() },
        zip: Zip { code: 7 },
        nothing: None,
        boxed: Some(5),
        color: Color::Green,
        any: Box::new("s".to_string()),
    };
    // The spec's Holder also has `nums: int[]` between nothing and zip.
    let bytes = write(&mut kryo, &h);
    assert_eq!(
        bytes,
        [
            0x0e, 0x82, 0x58, 0x03, 0x82, 0x73, 0x01, 0x0a, 0x02, 0x00, 0x01, 0x0e
        ]
    );
    let back: Holder = kryo.read_object(&mut Input::new(&bytes)).unwrap();
    assert_eq!(back.addr, h.addr);
    assert_eq!(back.zip, h.zip);
    assert_eq!(back.boxed, Some(5));
    assert_eq!(back.color, Color::Green);
    assert_eq!(
        back.any.downcast_ref::<String>().map(String::as_str),
        Some("s")
    );
    assert!(back.nothing.is_none());

    // References on: every object field gets a marker, the enum (which has
    // no references) a 01 although its serializer writes its own null.
    let mut kryo = Kryo::new();
    kryo.set_references(true);
    kryo.register_with_id::<Address>(12);
    kryo.register_with_id::<Zip>(13);
    kryo.register_with_id::<Color>(18);
    kryo.register::<Holder>();
    let bytes = write(&mut kryo, &h);
    assert_eq!(
        bytes,
        [
            0x01, 0x0e, 0x01, 0x01, 0x82, 0x58, 0x03, 0x01, 0x82, 0x73, 0x01, 0x0a, 0x01, 0x02,
            0x00, 0x01, 0x0e
        ]
    );
    let back: Holder = kryo.read_object(&mut Input::new(&bytes)).unwrap();
    assert_eq!(back.color, Color::Green);
    assert_eq!(back.zip, h.zip);
}

#[test]
fn enums_write_ordinals_and_reject_bad_ones() {
    let mut kryo = Kryo::new();
    kryo.register::<Color>();
    assert_eq!(write(&mut kryo, &Color::Blue), [0x03]);
    let err = kryo
        .read_object::<Color, _>(&mut Input::new(&[0x09]))
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::BadOrdinal { ordinal: 8, .. }),
        "{err}"
    );
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "Node")]
struct Node {
    name: Option<String>,
    next: Option<Arc<Mutex<Node>>>,
    other: Option<Arc<Mutex<Node>>>,
}

#[test]
fn shared_objects_and_cycles() {
    // A = Node{name "A", next B, other B}; B = Node{name "B", next A}.
    let a = Arc::new(Mutex::new(Node {
        name: Some("A".into()),
        next: None,
        other: None,
    }));
    let b = Arc::new(Mutex::new(Node {
        name: Some("B".into()),
        next: Some(a.clone()),
        other: None,
    }));
    a.lock().unwrap().next = Some(b.clone());
    a.lock().unwrap().other = Some(b.clone());
    let mut kryo = Kryo::new();
    kryo.set_references(true);
    kryo.register::<Node>();
    let mut out = Output::new();
    kryo.write_class_and_object(&mut out, Some(&a)).unwrap();
    let want = [
        0x0b, 0x01, 0x01, 0x82, 0x41, 0x0b, 0x01, 0x01, 0x82, 0x42, 0x0b, 0x02, 0x00, 0x0b, 0x04,
    ];
    assert_eq!(out.as_slice(), &want);
    let back: Arc<Mutex<Node>> = kryo
        .read_class_and_object_as(&mut Input::new(&want))
        .unwrap()
        .unwrap();
    let b2 = back.lock().unwrap().next.clone().unwrap();
    assert!(Arc::ptr_eq(
        &b2,
        back.lock().unwrap().other.as_ref().unwrap()
    ));
    assert!(Arc::ptr_eq(
        b2.lock().unwrap().next.as_ref().unwrap(),
        &back
    ));
    assert_eq!(b2.lock().unwrap().name.as_deref(), Some("B"));
    // Break the cycles so the test does not leak.
    a.lock().unwrap().next = None;
    a.lock().unwrap().other = None;
    back.lock().unwrap().next = None;
    back.lock().unwrap().other = None;
}

#[test]
fn max_depth_is_enforced_both_ways() {
    // N { child: N } nested 4 deep fails at max depth 3.
    let leaf = Arc::new(Mutex::new(Node::default()));
    let mut cur = leaf;
    for _ in 0..3 {
        cur = Arc::new(Mutex::new(Node {
            name: None,
            next: Some(cur),
            other: None,
        }));
    }
    let mut kryo = Kryo::new();
    kryo.register::<Node>();
    kryo.set_max_depth(3);
    let mut out = Output::new();
    let err = kryo.write_object(&mut out, &cur).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::MaxDepth(3)), "{err}");
    // Reading hostile nesting stops at the limit too, with no stack overflow.
    // Each level: name = null (80), next = class Node (id 9: 0b) + payload.
    let deep: Vec<u8> = [0x80u8, 0x0b].repeat(100_000);
    let mut kryo = Kryo::new();
    kryo.register::<Node>();
    kryo.set_max_stack(usize::MAX);
    let err = kryo
        .read_object::<Node, _>(&mut Input::new(&deep))
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::MaxDepth(1000)), "{err}");
    assert!(err.trace().count() > 100, "the trace names the path");
    // The stack budget stops it whatever the depth limit.
    kryo.set_max_depth(u32::MAX);
    kryo.set_max_stack(64 << 10);
    let err = kryo
        .read_object::<Node, _>(&mut Input::new(&deep))
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::MaxStack { depth, bytes: 65536 } if *depth > 10),
        "{err}"
    );
}

/// A type with large frames (many fields): with the default limits,
/// hostile nesting fails cleanly on a thread with Rust's default 2 MiB
/// stack, in debug builds too.
#[derive(Kryo, Clone, Debug, Default)]
struct Wide {
    a0: Option<String>,
    a1: Option<String>,
    a2: Option<String>,
    a3: Option<String>,
    a4: Option<String>,
    a5: Option<String>,
    a6: Option<String>,
    a7: Option<String>,
    a8: Option<String>,
    a9: Option<String>,
    b0: Option<i64>,
    b1: Option<i64>,
    b2: Option<i64>,
    b3: Option<i64>,
    b4: Option<i64>,
    b5: Option<i64>,
    b6: Option<i64>,
    b7: Option<i64>,
    b8: Option<i64>,
    b9: Option<i64>,
    next: Option<Box<Wide>>,
}

#[test]
fn default_limits_keep_hostile_nesting_off_the_guard_page() {
    // Each level: ten null strings, ten null Longs, then `next` = class
    // Wide (id 9: 0b) and its fields.
    let mut level = vec![0x80u8; 10];
    level.extend([0x00; 10]);
    level.push(0x0b);
    let deep = level.repeat(20_000);
    let result = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let mut kryo = Kryo::new();
            kryo.register::<Wide>();
            kryo.read_object::<Wide, _>(&mut Input::new(&deep))
                .map(drop)
                .map_err(|e| e.kind().to_string())
        })
        .unwrap()
        .join()
        .expect("no stack overflow");
    let err = result.unwrap_err();
    assert!(err.contains("max"), "{err}");
}

#[derive(Kryo, Clone, Debug, PartialEq, Default)]
struct Parent {
    z: i32,
    b: Option<String>,
    x: i32,
}

#[derive(Kryo, Clone, Debug, PartialEq, Default)]
struct Child {
    #[kryo(extends)]
    parent: Parent,
    a: i32,
    m: i32,
    x: i32,
}

#[derive(Kryo, Clone, Debug, PartialEq, Default)]
struct GrandChild(
    #[kryo(extends)] Child,
    #[kryo(rename = "aa")] i32,
    #[kryo(skip)] u8,
);

#[test]
fn superclass_fields_interleave_by_name() {
    let child = Child {
        parent: Parent {
            z: 1,
            b: Some("p".into()),
            x: 100,
        },
        a: 2,
        m: 3,
        x: 200,
    };
    let mut kryo = Kryo::new();
    kryo.register::<Child>();
    kryo.register::<GrandChild>();
    // Spec 9.2: a, b (Parent), m, x (Child), x (Parent), z (Parent).
    let bytes = write(&mut kryo, &child);
    assert_eq!(
        bytes,
        [0x04, 0x82, 0x70, 0x06, 0x90, 0x03, 0xc8, 0x01, 0x02]
    );
    assert_eq!(
        kryo.read_object::<Child, _>(&mut Input::new(&bytes))
            .unwrap(),
        child
    );
    let names: Vec<_> = <Child as kryo5::inherit::Fields>::FIELDS
        .iter()
        .map(|f| f.name)
        .collect();
    assert_eq!(names, ["a", "b", "m", "x", "x", "z"]);
    assert_eq!(kryo.copy(&child).unwrap(), child);

    // Two levels: `aa` falls between `a` and `b`.
    let grand = GrandChild(child.clone(), 7, 0);
    let bytes = write(&mut kryo, &grand);
    assert_eq!(
        bytes,
        [0x04, 0x0e, 0x82, 0x70, 0x06, 0x90, 0x03, 0xc8, 0x01, 0x02]
    );
    let back = kryo
        .read_object::<GrandChild, _>(&mut Input::new(&bytes))
        .unwrap();
    assert_eq!(back, grand);
    // A truncated superclass field is an error, never a partial value.
    let err = kryo
        .read_object::<GrandChild, _>(&mut Input::new(&bytes[..3]))
        .unwrap_err();
    assert!(err.offset().is_some(), "{err}");
}

/// A class with a `byte[]` field and an enum field: neither type gets a
/// class descriptor (both are final), yet Java's `getRegistration` refuses
/// them while they are unregistered and registration is required.
#[derive(Kryo, Clone, Debug, PartialEq, Default)]
#[kryo(class = "com.example.Blob")]
struct Blob {
    data: Option<Vec<u8>>,
}

#[test]
fn final_field_types_must_be_registered_when_registration_is_required() {
    let blob = Blob {
        data: Some(vec![1, 2]),
    };
    let mut kryo = Kryo::new();
    kryo.register::<Blob>();
    let mut out = Output::new();
    let e = kryo.write_object(&mut out, &blob).unwrap_err();
    assert!(
        matches!(e.kind(), ErrorKind::NotRegistered(c) if c == "[B"),
        "{e}"
    );
    // The read is refused before any byte is taken as a byte[].
    let e = kryo
        .read_object::<Blob, _>(&mut Input::new(&[0x03, 0x01, 0x02]))
        .unwrap_err();
    assert!(
        matches!(e.kind(), ErrorKind::NotRegistered(c) if c == "[B"),
        "{e}"
    );
    // Registered (Java: kryo.register(byte[].class)), or with registration
    // not required, the same bytes go both ways.
    kryo.register::<Vec<u8>>();
    let bytes = write(&mut kryo, &blob);
    assert_eq!(bytes, [0x03, 0x01, 0x02]); // length 2 + 1: byte[] writes its own null
    assert_eq!(
        kryo.read_object::<Blob, _>(&mut Input::new(&bytes))
            .unwrap(),
        blob
    );
    let mut lenient = Kryo::new();
    lenient.set_registration_required(false);
    lenient.register::<Blob>();
    assert_eq!(write(&mut lenient, &blob), bytes);
}
