//! Zero-copy borrowed structs (`kryo5::borrow`): every borrowing field
//! kind against its owned twin's bytes (the owned layouts are proven
//! against Java by the interop suite, which also reads Java's MediaContent
//! bytes into borrowed structs), what cannot be borrowed, references,
//! streams and hostile input.

use std::borrow::Cow;
use std::sync::Arc;

use kryo5::borrow::{BorrowType, StrRef};
use kryo5::io::{Input, Output};
use kryo5::serializers::list::ArrayList;
use kryo5::{ErrorKind, Kryo, KryoType, Object};

/// Java: `class Doc { String title; byte[] data; String[] tags; List<String> names; String note; int n; Arc<String>-like other; }`
#[derive(Kryo, Clone, Debug, Default, PartialEq)]
#[kryo(class = "test.Doc")]
struct Doc {
    title: String,
    data: Option<Vec<u8>>,
    tags: Option<Vec<Option<String>>>,
    #[kryo(list)]
    names: Vec<String>,
    note: Option<String>,
    n: i32,
    other: Option<Arc<String>>,
}

#[derive(Kryo, Clone, Debug, Default, PartialEq)]
#[kryo(class = "test.Doc")]
struct DocRef<'a> {
    title: StrRef<'a>,
    data: Option<&'a [u8]>,
    tags: Option<Vec<Option<StrRef<'a>>>>,
    #[kryo(list)]
    names: Vec<Cow<'a, str>>,
    note: Option<&'a str>,
    n: i32,
    other: Option<Arc<String>>,
}

const LONG: &str = "a title longer than thirty-two characters, in UTF-8 form";

fn doc() -> Doc {
    Doc {
        title: LONG.into(),
        data: Some(vec![1, 2, 3]),
        tags: Some(vec![Some("x".into()), None, Some("ünïcode".into())]),
        names: vec!["ab".into(), "😀 supplementary".into()],
        note: Some("é, a note in UTF-8 form".into()),
        n: -5,
        other: Some(Arc::new("shared".into())),
    }
}

fn kryo(references: bool) -> Kryo {
    let mut k = Kryo::new();
    k.set_references(references);
    k.register::<ArrayList<Option<Box<dyn Object>>>>();
    k.register::<Doc>();
    k.register::<Vec<u8>>();
    k.register::<Vec<Option<String>>>();
    k
}

#[test]
fn unregistered_classes_are_refused_as_for_owned_types() {
    let mut k = Kryo::new();
    k.register::<Doc>();
    let mut out = Output::new();
    let e = k.write_object_borrowed(&mut out, &&b"ab"[..]).unwrap_err();
    assert!(
        matches!(e.kind(), ErrorKind::NotRegistered(c) if c == "[B"),
        "{e}"
    );
    let e = k
        .read_object_borrowed::<&[u8], _>(&mut Input::new(&[0x03, 1, 2]))
        .unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::NotRegistered(_)), "{e}");
    k.register::<Vec<u8>>();
    k.write_object_borrowed(&mut out, &&b"ab"[..]).unwrap();
    assert_eq!(out.as_slice(), [0x03, b'a', b'b']);
}

fn written<T: KryoType>(kryo: &mut Kryo, v: &T) -> Vec<u8> {
    let mut out = Output::new();
    kryo.write_object(&mut out, v).unwrap();
    out.into_vec()
}

fn same_text(r: &DocRef<'_>, d: &Doc) {
    assert_eq!(&*r.title, d.title);
    assert_eq!(r.data.map(<[u8]>::to_vec), d.data);
    let tags: Option<Vec<Option<String>>> = r.tags.as_ref().map(|t| {
        t.iter()
            .map(|s| s.as_ref().map(ToString::to_string))
            .collect()
    });
    assert_eq!(tags, d.tags);
    let names: Vec<&str> = r.names.iter().map(|s| &**s).collect();
    assert_eq!(names, d.names);
    assert_eq!(r.note, d.note.as_deref());
    assert_eq!((r.n, &r.other), (d.n, &d.other));
}

#[test]
fn every_field_kind_reads_borrowed_and_writes_the_owned_bytes() {
    for references in [false, true] {
        let bytes = written(&mut kryo(references), &doc());
        let mut input = Input::new(&bytes);
        let r: DocRef<'_> = kryo(references).read_object_borrowed(&mut input).unwrap();
        assert_eq!(input.total(), bytes.len() as u64);
        same_text(&r, &doc());
        // Zero-copy where the wire holds the text.
        let range = bytes.as_ptr_range();
        assert!(range.contains(&r.title.as_ptr()), "title not borrowed");
        assert!(
            range.contains(&r.data.unwrap().as_ptr()),
            "byte[] not borrowed"
        );
        assert!(
            range.contains(&r.note.unwrap().as_ptr()),
            "note not borrowed"
        );
        assert!(
            matches!(r.names[0], Cow::Owned(_)),
            "ASCII form is owned in a Cow"
        );
        assert!(
            matches!(r.names[1], Cow::Owned(_)),
            "surrogates are decoded"
        );
        // Written back: the owned bytes.
        let mut out = Output::new();
        kryo(references)
            .write_object_borrowed(&mut out, &r)
            .unwrap();
        assert_eq!(out.as_slice(), bytes, "references {references}");
    }
}

/// Java: `class Pair { String a; String b; Object c; }`, both strings one
/// object (references on: the second is a back-reference).
#[derive(Kryo, Clone, Debug, Default, PartialEq)]
#[kryo(class = "test.Pair")]
struct Pair {
    a: Option<Arc<String>>,
    b: Option<Arc<String>>,
    c: Option<Arc<String>>,
}

#[derive(Kryo, Clone, Debug, Default, PartialEq)]
#[kryo(class = "test.Pair")]
struct PairStr<'a> {
    a: &'a str,
    b: &'a str,
    // An owned reader of a string first read borrowed.
    c: Option<Arc<String>>,
}

#[derive(Kryo, Clone, Debug, Default, PartialEq)]
#[kryo(class = "test.Pair")]
struct PairRef<'a> {
    a: StrRef<'a>,
    b: Cow<'a, str>,
    c: Option<StrRef<'a>>,
}

fn pair_bytes(text: &str) -> Vec<u8> {
    let s = Arc::new(String::from(text));
    let mut k = Kryo::new();
    k.set_references(true);
    k.register::<Pair>();
    let p = Pair {
        a: Some(s.clone()),
        b: Some(s.clone()),
        c: Some(s),
    };
    written(&mut k, &p)
}

fn refs_kryo() -> Kryo {
    let mut k = Kryo::new();
    k.set_references(true);
    k.register::<Pair>();
    k
}

#[test]
fn a_back_reference_borrows_the_same_bytes_again() {
    let bytes = pair_bytes(LONG);
    // 0x03: a back-reference (id 1) in field b.
    let p: PairStr<'_> = refs_kryo()
        .read_object_borrowed(&mut Input::new(&bytes))
        .unwrap();
    assert_eq!((p.a, p.b), (LONG, LONG));
    assert!(
        std::ptr::eq(p.a, p.b),
        "the back-reference is the same slice"
    );
    assert!(bytes.as_ptr_range().contains(&p.a.as_ptr()));
    assert_eq!(p.c.as_deref().map(String::as_str), Some(LONG));
    let r: PairRef<'_> = refs_kryo()
        .read_object_borrowed(&mut Input::new(&bytes))
        .unwrap();
    assert!(matches!(r.b, Cow::Borrowed(s) if std::ptr::eq(s, &*r.a)));
    assert!(matches!(r.c, Some(StrRef::Borrowed(_))));
}

#[test]
fn a_back_reference_to_a_short_string_is_read_again_or_a_typed_error() {
    let bytes = pair_bytes("Javaone"); // ASCII form: not in the input as text
    let r: PairRef<'_> = refs_kryo()
        .read_object_borrowed(&mut Input::new(&bytes))
        .unwrap();
    assert_eq!((&*r.a, &*r.b), ("Javaone", "Javaone"));
    // Read again from its bytes: inline as the first read, no allocation.
    assert!(matches!(r.c, Some(StrRef::Inline(_))), "{:?}", r.c);
    let e = refs_kryo()
        .read_object_borrowed::<PairStr<'_>, _>(&mut Input::new(&bytes))
        .unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Borrow(_)), "{e}");
    assert!(e.offset().is_some(), "{e}");
}

#[test]
fn str_refuses_what_is_not_in_the_input_as_text() {
    let mut out = Output::new();
    out.write_string(Some("short ascii")).unwrap();
    out.write_string(Some("supplementary 😀 character, UTF-8 form"))
        .unwrap();
    out.write_string(Some("")).unwrap();
    out.write_string(None).unwrap();
    let bytes = out.into_vec();
    let mut k = Kryo::new();
    let mut input = Input::new(&bytes);
    let e = k.read_object_borrowed::<&str, _>(&mut input).unwrap_err();
    assert!(
        matches!(e.kind(), ErrorKind::Borrow(_)) && e.offset() == Some(0),
        "{e}"
    );
    // StrRef reads every form; Cow too.
    let mut input = Input::new(&bytes);
    let a: StrRef<'_> = k.read_object_borrowed(&mut input).unwrap();
    let b: Cow<'_, str> = k.read_object_borrowed(&mut input).unwrap();
    let c: &str = k.read_object_borrowed(&mut input).unwrap();
    let d: Option<StrRef<'_>> = k.read_object_or_null_borrowed(&mut input, false).unwrap();
    assert!(matches!(a, StrRef::Inline(_)) && a == "short ascii");
    assert!(matches!(b, Cow::Owned(_)) && b.ends_with("form"));
    assert_eq!((c, d), ("", None));
    let e = k
        .read_object_borrowed::<StrRef<'_>, _>(&mut Input::new(&[0x80]))
        .unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::UnexpectedNull(_)), "{e}");
}

#[test]
fn a_stream_lends_nothing() {
    let bytes = written(&mut kryo(false), &doc());
    // &[u8] (and &str) cannot borrow from a stream; StrRef and Cow fall
    // back to owned strings.
    let e = kryo(false)
        .read_object_borrowed::<DocRef<'_>, _>(&mut Input::from_reader(&bytes[..]))
        .unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Borrow(_)), "{e}");
    assert!(e.to_string().contains("test.Doc.data"), "{e}");
    let mut out = Output::new();
    out.write_string(Some(LONG)).unwrap();
    let mut stream = Input::from_reader(out.as_slice());
    let title: StrRef<'_> = kryo(false).read_object_borrowed(&mut stream).unwrap();
    assert!(matches!(title, StrRef::Owned(_)) && title == LONG);
}

#[test]
fn truncations_are_typed_errors_and_lengths_are_not_trusted() {
    let bytes = written(&mut kryo(true), &doc());
    let mut k = kryo(true);
    for len in 0..bytes.len() {
        let e = k
            .read_object_borrowed::<DocRef<'_>, _>(&mut Input::new(&bytes[..len]))
            .unwrap_err();
        assert!(
            matches!(
                e.kind(),
                ErrorKind::Buffer(kryo5::io::ErrorKind::UnexpectedEnd { .. })
            ),
            "{len}: {e}"
        );
    }
    // A String[] and a list declaring 2^31 - 2 elements in a few bytes.
    let mut k = kryo(false);
    let huge = [0xff, 0xff, 0xff, 0xff, 0x07];
    let e = k
        .read_object_borrowed::<Vec<StrRef<'_>>, _>(&mut Input::new(&huge))
        .unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Buffer(_)), "{e}");
    let mut list = vec![0xff, 0xff, 0xff, 0xff, 0x07]; // flag set: one class
    list.extend([0x03, 0x00, 0x82, b'a']); // String elements, no null, "a"
    let e = k
        .read_object_borrowed::<kryo5::borrow::ArrayListRef<&str>, _>(&mut Input::new(&list))
        .unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Buffer(_)), "{e}");
    // A Kryo still reads whole bytes after errors.
    let mut k = kryo(true);
    let r: DocRef<'_> = k.read_object_borrowed(&mut Input::new(&bytes)).unwrap();
    same_text(&r, &doc());
}

#[test]
fn arrays_and_lists_of_borrowed_structs() {
    #[derive(Kryo, Clone, Debug, Default, PartialEq)]
    #[kryo(class = "test.Item", final)]
    struct Item {
        name: String,
    }
    #[derive(Kryo, Clone, Debug, Default, PartialEq)]
    #[kryo(class = "test.Item", final)]
    struct ItemRef<'a> {
        name: &'a str,
    }
    let mut k = Kryo::new();
    k.register::<ArrayList<Option<Box<dyn Object>>>>();
    k.register::<Item>();
    k.register::<Vec<Option<Item>>>();
    let items = vec![Some(Item { name: LONG.into() }), None];
    let bytes = written(&mut k, &items);
    let back: Vec<Option<ItemRef<'_>>> = k.read_object_borrowed(&mut Input::new(&bytes)).unwrap();
    assert_eq!(back, [Some(ItemRef { name: LONG }), None]);
    assert_eq!(
        <Vec<Option<ItemRef<'_>>> as BorrowType<'_>>::java_class(),
        "[Ltest.Item;"
    );
    let mut out = Output::new();
    k.write_object_borrowed(&mut out, &back).unwrap();
    assert_eq!(out.as_slice(), bytes);
    let list = ArrayList(vec![Some(Item { name: LONG.into() }), None]);
    let bytes = written(&mut k, &list);
    let back: kryo5::borrow::ArrayListRef<Option<ItemRef<'_>>> =
        k.read_object_borrowed(&mut Input::new(&bytes)).unwrap();
    assert_eq!(back.0, [Some(ItemRef { name: LONG }), None]);
    let mut out = Output::new();
    k.write_object_borrowed(&mut out, &back).unwrap();
    assert_eq!(out.as_slice(), bytes);
}
