//! The object-level vectors of format spec 13.6 and 6.1 that need only the
//! core types. (The Java interop suite checks the same against real Kryo.)

use std::sync::Arc;
use std::sync::Mutex;

use kryo5_core::{ErrorKind, Kryo};
use kryo5_io::{Input, JavaString, Output};

fn bytes(f: impl FnOnce(&mut Kryo, &mut Output) -> kryo5_core::Result<()>, refs: bool) -> Vec<u8> {
    let mut kryo = Kryo::new();
    kryo.set_references(refs);
    let mut out = Output::new();
    f(&mut kryo, &mut out).unwrap();
    out.into_vec()
}

#[test]
fn class_and_object_of_defaults() {
    assert_eq!(
        bytes(|k, o| k.write_class_and_object::<i32, _>(o, None), false),
        [0x00]
    );
    assert_eq!(
        bytes(|k, o| k.write_class_and_object(o, Some(&5i32)), false),
        [0x02, 0x0a]
    );
    assert_eq!(
        bytes(|k, o| k.write_class_and_object(o, Some(&5i64)), false),
        [0x09, 0x0a]
    );
    assert_eq!(
        bytes(
            |k, o| k.write_class_and_object(o, Some(&"ab".to_string())),
            false
        ),
        [0x03, 0x61, 0xe2]
    );
    assert_eq!(
        bytes(
            |k, o| k.write_class_and_object(o, Some(&"ab".to_string())),
            true
        ),
        [0x03, 0x01, 0x61, 0xe2]
    );
    assert_eq!(
        bytes(|k, o| k.write_class_and_object(o, Some(&5i32)), true),
        [0x02, 0x0a]
    );
    assert_eq!(
        bytes(|k, o| k.write_class_and_object(o, Some(&2.0f64)), false),
        [0x0a, 0, 0, 0, 0, 0, 0, 0, 0x40]
    );
}

#[test]
fn object_or_null_markers() {
    assert_eq!(
        bytes(|k, o| k.write_object_or_null::<i32, _>(o, None), false),
        [0x00]
    );
    assert_eq!(
        bytes(|k, o| k.write_object_or_null(o, Some(&5i32)), false),
        [0x01, 0x0a]
    );
    assert_eq!(
        bytes(|k, o| k.write_object_or_null::<String, _>(o, None), false),
        [0x80]
    );
    assert_eq!(
        bytes(
            |k, o| k.write_object_or_null(o, Some(&"ab".to_string())),
            false
        ),
        [0x61, 0xe2]
    );
    assert_eq!(
        bytes(|k, o| k.write_object_or_null::<String, _>(o, None), true),
        [0x00]
    );
    assert_eq!(
        bytes(|k, o| k.write_object_or_null(o, Some(&7i32)), true),
        [0x01, 0x0e]
    );
    assert_eq!(
        bytes(|k, o| k.write_object(o, &"ab".to_string()), true),
        [0x01, 0x61, 0xe2]
    );
}

#[test]
fn shared_arc_is_one_object_and_a_back_reference() {
    let s = Arc::new("x".to_string());
    let data = bytes(
        |k, o| {
            k.set_auto_reset(false);
            k.write_class_and_object(o, Some(&s))?;
            k.write_class_and_object(o, Some(&s))
        },
        true,
    );
    assert_eq!(data, [0x03, 0x01, 0x82, 0x78, 0x03, 0x02]);
    let mut kryo = Kryo::new();
    kryo.set_references(true);
    kryo.set_auto_reset(false);
    let mut input = Input::new(&data);
    let a: Arc<String> = kryo.read_class_and_object_as(&mut input).unwrap().unwrap();
    let b: Arc<String> = kryo.read_class_and_object_as(&mut input).unwrap().unwrap();
    assert!(Arc::ptr_eq(&a, &b));
    // A plain String position materializes the shared string.
    let mut input = Input::new(&data);
    kryo.reset();
    let a: String = kryo.read_class_and_object_as(&mut input).unwrap().unwrap();
    let b: String = kryo.read_class_and_object_as(&mut input).unwrap().unwrap();
    assert_eq!((a.as_str(), b.as_str()), ("x", "x"));
}

#[test]
fn bad_input_is_a_typed_error() {
    let mut kryo = Kryo::new();
    let err = kryo
        .read_class_and_object(&mut Input::new(&[0x7f]))
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::UnknownClassId(125)),
        "{err}"
    );
    let mut kryo = Kryo::new();
    kryo.set_references(true);
    let err = kryo
        .read_object::<Arc<String>, _>(&mut Input::new(&[0x05]))
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::BadReference(3)), "{err}");
    let err = Kryo::new()
        .read_object::<String, _>(&mut Input::new(&[0x80]))
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::UnexpectedNull(_)), "{err}");
    let err = Kryo::new()
        .read_class_and_object_as::<String, _>(&mut Input::new(&[0x02, 0x0a]))
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::WrongType { .. }), "{err}");
}

#[test]
fn arc_mutex_reads_back_shared() {
    #[allow(clippy::type_complexity)]
    let cell: Arc<Mutex<String>> = Arc::new(Mutex::new("c".to_string()));
    let mut kryo = Kryo::new();
    kryo.set_references(true);
    kryo.set_auto_reset(false);
    let mut out = Output::new();
    kryo.write_object(&mut out, &cell).unwrap();
    kryo.write_object(&mut out, &cell).unwrap();
    assert_eq!(out.as_slice(), &[0x01, 0x82, 0x63, 0x02]);
    let bytes = out.into_vec();
    kryo.reset();
    let mut input = Input::new(&bytes);
    let a: Arc<Mutex<String>> = kryo.read_object(&mut input).unwrap();
    let b: Arc<Mutex<String>> = kryo.read_object(&mut input).unwrap();
    assert!(Arc::ptr_eq(&a, &b));
    assert_eq!(*a.lock().unwrap(), "c");
}

#[test]
fn string_back_references_resolve_from_the_text_table() {
    // Strings read with references on are kept as text, not as `Arc`s:
    // back-references of any length and form must still get them back.
    let a = Arc::new("ab".to_string());
    let b = Arc::new("é".repeat(3) + &"z".repeat(40));
    let mut kryo = Kryo::new();
    kryo.set_references(true);
    kryo.set_auto_reset(false);
    let mut out = Output::new();
    for s in [&a, &b, &b, &a] {
        kryo.write_class_and_object(&mut out, Some(s)).unwrap();
    }
    let bytes = out.into_vec();
    // Twice: the text buffer is reused after a reset.
    for _ in 0..2 {
        kryo.reset();
        let mut input = Input::new(&bytes);
        let got: Vec<String> = (0..4)
            .map(|_| {
                kryo.read_class_and_object_as::<String, _>(&mut input)
                    .unwrap()
                    .unwrap()
            })
            .collect();
        assert_eq!(got, [a.as_str(), &b, &b, &a]);
    }
    // Lossless and `Object` positions get the same text back.
    kryo.reset();
    let mut input = Input::new(&bytes);
    for _ in 0..2 {
        kryo.read_class_and_object_as::<String, _>(&mut input)
            .unwrap();
    }
    let c: JavaString = kryo.read_class_and_object_as(&mut input).unwrap().unwrap();
    assert_eq!(c, JavaString::from(b.as_str()));
    let d = kryo.read_class_and_object(&mut input).unwrap().unwrap();
    assert_eq!(d.downcast_ref::<String>(), Some(&*a));
}
