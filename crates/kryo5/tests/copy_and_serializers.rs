//! Kryo's `copy`/`copyShallow` (sharing and cycles preserved), user
//! serializers, `Object` positions, and `Kryo` across threads.

use std::sync::{Arc, Mutex};

use kryo5::io::{Input, Output};
use kryo5::{ErrorKind, In, Kryo, Object, Out, Result, Serializer};

#[derive(Kryo, Clone, Debug, Default, PartialEq)]
#[kryo(class = "Leaf")]
struct Leaf {
    n: i32,
    tag: Option<String>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "Pair")]
struct Pair {
    a: Option<Arc<Leaf>>,
    b: Option<Arc<Leaf>>,
    any: Option<Box<dyn Object>>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "Node")]
struct Node {
    name: Option<String>,
    next: Option<Arc<Mutex<Node>>>,
}

fn pair() -> Pair {
    let leaf = Arc::new(Leaf {
        n: 3,
        tag: Some("t".into()),
    });
    Pair {
        a: Some(leaf.clone()),
        b: Some(leaf),
        any: Some(Box::new(Leaf { n: 9, tag: None })),
    }
}

#[test]
fn deep_copy_keeps_sharing_and_copies_objects() {
    let mut kryo = Kryo::new();
    let p = pair();
    let c = kryo.copy(&p).unwrap();
    let (a, b) = (c.a.as_ref().unwrap(), c.b.as_ref().unwrap());
    assert!(Arc::ptr_eq(a, b), "one object shared twice stays shared");
    assert!(
        !Arc::ptr_eq(a, p.a.as_ref().unwrap()),
        "and is a new object"
    );
    assert_eq!(**a, **p.a.as_ref().unwrap());
    let any = c.any.as_ref().unwrap().downcast_ref::<Leaf>().unwrap();
    assert_eq!(any, &Leaf { n: 9, tag: None });

    // Without copy references every occurrence is copied on its own.
    kryo.set_copy_references(false);
    let c = kryo.copy(&p).unwrap();
    assert!(!Arc::ptr_eq(c.a.as_ref().unwrap(), c.b.as_ref().unwrap()));
}

#[test]
fn shallow_copy_shares_the_originals_fields() {
    let mut kryo = Kryo::new();
    let p = pair();
    let c = kryo.copy_shallow(&p).unwrap();
    assert!(Arc::ptr_eq(c.a.as_ref().unwrap(), p.a.as_ref().unwrap()));
    // A later deep copy is deep again.
    let c = kryo.copy(&p).unwrap();
    assert!(!Arc::ptr_eq(c.a.as_ref().unwrap(), p.a.as_ref().unwrap()));
}

#[test]
fn copy_preserves_cycles() {
    let a = Arc::new(Mutex::new(Node {
        name: Some("a".into()),
        next: None,
    }));
    let b = Arc::new(Mutex::new(Node {
        name: Some("b".into()),
        next: Some(a.clone()),
    }));
    a.lock().unwrap().next = Some(b.clone());
    let mut kryo = Kryo::new();
    let a2 = kryo.copy(&a).unwrap();
    assert!(!Arc::ptr_eq(&a, &a2));
    let b2 = a2.lock().unwrap().next.clone().unwrap();
    assert_eq!(b2.lock().unwrap().name.as_deref(), Some("b"));
    let back = b2.lock().unwrap().next.clone().unwrap();
    assert!(
        Arc::ptr_eq(&back, &a2),
        "the copy's cycle closes on the copy"
    );
    // Without copy references the copier meets the original's lock again:
    // an error, not a deadlock or an endless copy.
    kryo.set_copy_references(false);
    let err = kryo.copy(&a).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::InvalidArgument(_)), "{err}");
    for n in [&a, &b, &a2, &b2] {
        n.lock().unwrap().next = None;
    }
}

#[test]
fn a_cycle_written_without_references_is_an_error_not_a_deadlock() {
    let a = Arc::new(Mutex::new(Node::default()));
    a.lock().unwrap().next = Some(a.clone());
    let mut kryo = Kryo::new();
    kryo.register::<Node>();
    let err = kryo.write_object(&mut Output::new(), &a).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::InvalidArgument(_)), "{err}");
    a.lock().unwrap().next = None;
}

/// Writes `Leaf` as one fixed int, ignoring the tag.
struct FixedLeaf;
impl Serializer<Leaf> for FixedLeaf {
    fn write(&self, _: &mut Kryo, out: &mut dyn Out, v: &Leaf) -> Result<()> {
        Ok(out.write_int(v.n)?)
    }
    fn read<'de>(&self, _: &mut Kryo, input: &mut dyn In<'de>) -> Result<Leaf> {
        Ok(Leaf {
            n: input.read_int()?,
            tag: None,
        })
    }
    fn copy(&self, _: &mut Kryo, v: &Leaf) -> Result<Leaf> {
        Ok(Leaf { n: -v.n, tag: None })
    }
}

#[test]
fn a_registered_serializer_replaces_the_type_everywhere() {
    let mut kryo = Kryo::new();
    assert_eq!(kryo.register_with_serializer::<Leaf, _>(FixedLeaf), 9);
    kryo.register::<Pair>();
    let mut out = Output::new();
    let p = Pair {
        a: None,
        b: None,
        any: Some(Box::new(Leaf { n: 2, tag: None })),
    };
    // Pair's fields in name order: a (null), any (class 9 = 0b, payload),
    // b (null); Arc<Leaf> fields are not final: class-and-object.
    kryo.write_object(&mut out, &p).unwrap();
    assert_eq!(out.as_slice(), &[0x00, 0x0b, 2, 0, 0, 0, 0x00]);
    let back: Pair = kryo.read_object(&mut Input::new(out.as_slice())).unwrap();
    let leaf = back.any.unwrap();
    assert_eq!(leaf.downcast_ref::<Leaf>().unwrap().n, 2);
    // The serializer's copy is used too.
    let copy = kryo.copy(&Leaf { n: 4, tag: None }).unwrap();
    assert_eq!(copy.n, -4);
}

#[test]
fn kryo_moves_between_threads() {
    fn assert_send<T: Send>() {}
    assert_send::<Kryo>();
    let mut kryo = Kryo::new();
    kryo.register::<Leaf>();
    let bytes = std::thread::spawn(move || {
        let mut out = Output::new();
        kryo.write_object(&mut out, &Leaf { n: 1, tag: None })
            .unwrap();
        out.into_vec()
    })
    .join()
    .unwrap();
    assert_eq!(bytes, [0x02, 0x80]);
}
