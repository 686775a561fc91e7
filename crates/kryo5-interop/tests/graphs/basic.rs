//! The Rust side of `java/CasesBasic.java`: the same model classes (as
//! `#[derive(Kryo)]` types), the same Kryo configurations, the same values.

use std::sync::{Arc, Mutex};

use kryo5::io::JavaString;
use kryo5::{Kryo, Object};
use kryo5_interop::graph::{Case, Entry, Graphs, Report, kryo_with};

// ----- model -------------------------------------------------------------------

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesBasic$Prims")]
pub struct Prims {
    z: bool,
    b: i8,
    c: u16,
    s: i16,
    i: i32,
    l: i64,
    f: f32,
    d: f64,
    bz: Option<bool>,
    bb: Option<i8>,
    bc: Option<u16>,
    bs: Option<i16>,
    bi: Option<i32>,
    bl: Option<i64>,
    bf: Option<f32>,
    bd: Option<f64>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesBasic$Texts")]
pub struct Texts {
    empty: String,
    one: String,
    ascii31: String,
    ascii32: String,
    ascii33: String,
    ascii63: String,
    ascii64: String,
    ascii127: String,
    ascii128: String,
    latin1: String,
    cjk: String,
    emoji: String,
    mixed: String,
    nul: String,
    none: Option<String>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesBasic$LoneTexts")]
pub struct LoneTexts {
    high: JavaString,
    low: JavaString,
    reversed: JavaString,
    none: Option<JavaString>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesBasic$Inner")]
pub struct Inner {
    x: i32,
    name: Option<String>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesBasic$FinalInner", final)]
pub struct FinalInner {
    y: i64,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesBasic$Outer")]
pub struct Outer {
    inner: Option<Inner>,
    fin: Option<FinalInner>,
    #[kryo(rename = "noInner")]
    no_inner: Option<Inner>,
    #[kryo(rename = "noFin")]
    no_fin: Option<FinalInner>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesBasic$Anys")]
pub struct Anys {
    a: Option<Box<dyn Object>>,
    b: Option<Box<dyn Object>>,
    c: Option<Box<dyn Object>>,
    d: Option<Box<dyn Object>>,
    e: Option<Box<dyn Object>>,
    f: Option<Box<dyn Object>>,
    g: Option<Box<dyn Object>>,
    h: Option<Box<dyn Object>>,
    i: Option<Box<dyn Object>>,
    j: Option<Box<dyn Object>>,
    k: Option<Box<dyn Object>>,
    l: Option<Box<dyn Object>>,
    m: Option<Box<dyn Object>>,
    n: Option<Box<dyn Object>>,
}

#[derive(Kryo, Clone, Copy, Debug, PartialEq, Eq)]
#[kryo(class = "CasesBasic$Color")]
pub enum Color {
    Red,
    Green,
    Blue,
}

/// Java constants with bodies: the enum class is not final.
#[derive(Kryo, Clone, Copy, Debug, PartialEq, Eq)]
#[kryo(class = "CasesBasic$Op", final = false)]
pub enum Op {
    Plus,
    Minus,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesBasic$Enums")]
pub struct Enums {
    color: Option<Color>,
    none: Option<Color>,
    any: Option<Box<dyn Object>>,
    op: Option<Op>,
    #[kryo(rename = "noOp")]
    no_op: Option<Op>,
}

type Shared<T> = Arc<Mutex<T>>;

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesBasic$Node")]
pub struct Node {
    name: Option<String>,
    next: Option<Shared<Node>>,
    other: Option<Shared<Node>>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesBasic$Ring")]
pub struct Ring {
    tag: Option<String>,
    link: Option<Box<dyn Object>>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesBasic$Pair")]
pub struct Pair {
    left: Option<Box<dyn Object>>,
    right: Option<Box<dyn Object>>,
    a: Option<Arc<Inner>>,
    b: Option<Arc<Inner>>,
    c: Option<Arc<FinalInner>>,
    d: Option<Arc<FinalInner>>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesBasic$StrPair")]
pub struct StrPair {
    a: Option<Arc<String>>,
    b: Option<Arc<String>>,
    c: Option<Box<dyn Object>>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesBasic$Café")]
pub struct Cafe {
    v: i32,
}

#[derive(Kryo, Clone, Debug)]
#[kryo(class = "CasesBasic$NotNulls")]
pub struct NotNulls {
    /// `@NotNull Integer`: `writeObject`, the same bytes as an `int` field.
    #[kryo(not_null)]
    boxed: i32,
    #[kryo(not_null)]
    fin: FinalInner,
    #[kryo(not_null)]
    inner: Inner,
    #[kryo(not_null)]
    text: String,
    #[kryo(not_null)]
    color: Color,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesBasic$Fixed")]
pub struct Fixed {
    #[kryo(var_int = false)]
    fi: i32,
    #[kryo(var_int = false)]
    fl: i64,
    vi: i32,
    vl: i64,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesBasic$Transients")]
#[expect(
    dead_code,
    reason = "transient fields are only compared, through Debug"
)]
pub struct Transients {
    #[kryo(transient)]
    t: i32,
    #[kryo(transient)]
    ts: String,
    kept: i32,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesBasic$Link")]
pub struct Link {
    v: i32,
    next: Option<Arc<Link>>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesBasic$GBox")]
pub struct GBox<T> {
    value: Option<T>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesBasic$Boxes")]
pub struct Boxes {
    sbox: Option<GBox<String>>,
    ibox: Option<GBox<Inner>>,
    nbox: Option<GBox<i32>>,
}

// ----- configurations ----------------------------------------------------------

/// `CasesBasic.registerAll`: every model class, in Java's order. Classes
/// that sit in `Object` positions and may be shared or cyclic are
/// registered as the shared type the reader should build.
fn register_all(k: &mut Kryo) {
    k.register::<Prims>();
    k.register::<Texts>();
    k.register::<LoneTexts>();
    k.register::<Inner>();
    k.register::<FinalInner>();
    k.register::<Outer>();
    k.register::<Anys>();
    k.register::<Color>();
    k.register::<Op>();
    k.register::<Enums>();
    k.register::<Shared<Node>>();
    k.register::<Shared<Ring>>();
    k.register::<Pair>();
    k.register::<NotNulls>();
    k.register::<Fixed>();
    k.register::<Transients>();
    k.register::<Link>();
    k.register::<GBox<String>>();
    k.register::<Boxes>();
    k.register::<StrPair>();
    // Strings in Object positions come back as Arc<String>, so that a
    // back-reference to one is the same object (String keeps id 1).
    k.register::<Arc<String>>();
}

fn kryo() -> Kryo {
    kryo_with(false, register_all)
}

fn kryo_refs() -> Kryo {
    kryo_with(true, register_all)
}

fn kryo_refsafter() -> Kryo {
    let mut k = Kryo::new();
    register_all(&mut k);
    k.set_references(true);
    k
}

fn kryo_spec() -> Kryo {
    let mut k = Kryo::new();
    k.set_references(true);
    k.register::<Shared<Node>>();
    k
}

/// Nothing registered; the reader knows the classes by name only.
fn kryo_byname() -> Kryo {
    let mut k = Kryo::new();
    k.set_registration_required(false);
    k.add_class::<Pair>();
    k.add_class::<Inner>();
    k.add_class::<FinalInner>();
    k.add_class::<Cafe>();
    k.register::<Arc<String>>();
    k
}

fn kryo_byname_refs() -> Kryo {
    let mut k = kryo_byname();
    k.set_references(true);
    k
}

fn kryo_mixed() -> Kryo {
    let mut k = Kryo::new();
    k.set_registration_required(false);
    k.register::<Pair>();
    k.add_class::<Inner>();
    k.add_class::<FinalInner>();
    k
}

fn kryo_ids() -> Kryo {
    let mut k = Kryo::new();
    k.register_with_id::<Outer>(200);
    k.register_with_id::<Inner>(63);
    k.register_with_id::<FinalInner>(64);
    k.register_with_id::<Anys>(10);
    k.register::<Color>();
    k
}

// ----- values ------------------------------------------------------------------

fn ascii(n: usize) -> String {
    (0..n).map(|i| char::from(b'!' + (i % 94) as u8)).collect()
}

fn prims_max() -> Prims {
    Prims {
        z: true,
        b: i8::MAX,
        c: u16::MAX,
        s: i16::MAX,
        i: i32::MAX,
        l: i64::MAX,
        f: f32::MAX,
        d: f64::MAX,
        bz: Some(false),
        bb: Some(i8::MIN),
        bc: Some(0),
        bs: Some(i16::MIN),
        bi: Some(i32::MIN),
        bl: Some(i64::MIN),
        bf: Some(f32::from_bits(1)),
        bd: Some(f64::from_bits(1)),
    }
}

fn prims_min() -> Prims {
    Prims {
        z: false,
        b: i8::MIN,
        c: 0xd800,
        s: i16::MIN,
        i: i32::MIN,
        l: i64::MIN,
        f: f32::NEG_INFINITY,
        d: f64::NEG_INFINITY,
        bz: Some(true),
        bb: Some(i8::MAX),
        bc: Some(0xdc00),
        bs: Some(i16::MAX),
        bi: Some(i32::MAX),
        bl: Some(i64::MAX),
        bf: Some(f32::INFINITY),
        bd: Some(f64::INFINITY),
    }
}

fn prims_special() -> Prims {
    Prims {
        c: 0xe9,
        i: -1,
        l: -1,
        f: f32::from_bits(0x7fc0_0001),
        d: f64::from_bits(0x7ff0_0000_0000_0001),
        bf: Some(-0.0),
        bd: Some(-0.0),
        bi: Some(64),
        bl: Some(-65),
        bc: Some(0xffff),
        ..Prims::default()
    }
}

fn texts() -> Texts {
    Texts {
        empty: String::new(),
        one: "a".into(),
        ascii31: ascii(31),
        ascii32: ascii(32),
        ascii33: ascii(33),
        ascii63: ascii(63),
        ascii64: ascii(64),
        ascii127: ascii(127),
        ascii128: ascii(128),
        latin1: "café \u{ff}\u{a0}\u{80}".into(),
        cjk: "日本語の文字列".into(),
        emoji: "\u{1f600}\u{1f389}\u{10000}\u{10ffff}".into(),
        mixed: "aé日\u{1f600}z\0\u{7ff}\u{800}\u{ffff}".into(),
        nul: "\0".into(),
        none: None,
    }
}

fn lone_texts() -> LoneTexts {
    LoneTexts {
        high: JavaString::from_units(vec![0x61, 0xd800, 0x62]),
        low: JavaString::from_units(vec![0xdc00]),
        reversed: JavaString::from_units(vec![0xdc00, 0xd800]),
        none: None,
    }
}

fn inner(x: i32, name: Option<&str>) -> Inner {
    Inner {
        x,
        name: name.map(Into::into),
    }
}

fn outer() -> Outer {
    Outer {
        inner: Some(inner(-3, Some("in"))),
        fin: Some(FinalInner { y: 1 << 40 }),
        ..Outer::default()
    }
}

fn any(v: impl Object) -> Option<Box<dyn Object>> {
    Some(Box::new(v))
}

fn anys() -> Anys {
    Anys {
        a: any(7i32),
        b: any(i64::MIN),
        c: any(1.5f32),
        d: any(-0.0f64),
        e: any(true),
        f: any(-1i8),
        g: any(300i16),
        h: any(0xe9u16),
        i: any(String::from("s")),
        j: any(Color::Blue),
        k: any(inner(1, None)),
        l: any(FinalInner { y: -1 }),
        m: None,
        n: any(outer()),
    }
}

fn enums() -> Enums {
    Enums {
        color: Some(Color::Green),
        none: None,
        any: any(Color::Red),
        op: Some(Op::Minus),
        no_op: None,
    }
}

fn node(name: Option<&str>) -> Shared<Node> {
    Arc::new(Mutex::new(Node {
        name: name.map(Into::into),
        ..Node::default()
    }))
}

fn link(from: &Shared<Node>, next: Option<&Shared<Node>>, other: Option<&Shared<Node>>) {
    let mut n = from.lock().unwrap();
    n.next = next.cloned();
    n.other = other.cloned();
}

/// Spec 7.4: A.next = B, A.other = B, B.next = A.
fn spec_cycle() -> Shared<Node> {
    let (a, b) = (node(Some("A")), node(Some("B")));
    link(&a, Some(&b), Some(&b));
    link(&b, Some(&a), None);
    a
}

fn next_of(n: &Shared<Node>) -> Option<Shared<Node>> {
    n.lock().unwrap().next.clone()
}

fn other_of(n: &Shared<Node>) -> Option<Shared<Node>> {
    n.lock().unwrap().other.clone()
}

fn same(a: Option<&Shared<Node>>, b: &Shared<Node>) -> bool {
    a.is_some_and(|a| Arc::ptr_eq(a, b))
}

fn spec_cycle_shape(a: &Shared<Node>) -> Result<(), String> {
    let b = next_of(a).ok_or("A.next is null")?;
    let ok = same(other_of(a).as_ref(), &b) && same(next_of(&b).as_ref(), a);
    ok.then_some(())
        .ok_or_else(|| "A.other is not A.next, or B.next is not A".into())
}

fn selfloop_shape(a: &Shared<Node>) -> Result<(), String> {
    let ok = same(next_of(a).as_ref(), a) && same(other_of(a).as_ref(), a);
    ok.then_some(()).ok_or_else(|| "not a self loop".into())
}

fn selfloop() -> Shared<Node> {
    let a = node(Some("self"));
    link(&a, Some(&a), Some(&a));
    a
}

fn triangle() -> Shared<Node> {
    let (a, b, c) = (node(Some("a")), node(Some("b")), node(None));
    link(&a, Some(&b), Some(&c));
    link(&b, Some(&c), None);
    link(&c, Some(&a), Some(&b));
    a
}

fn triangle_shape(a: &Shared<Node>) -> Result<(), String> {
    let b = next_of(a).ok_or("a.next is null")?;
    let c = next_of(&b).ok_or("b.next is null")?;
    let ok = same(next_of(&c).as_ref(), a)
        && same(other_of(a).as_ref(), &c)
        && same(other_of(&c).as_ref(), &b);
    ok.then_some(())
        .ok_or_else(|| "the triangle's links do not close".into())
}

fn ring() -> Shared<Ring> {
    let a = Arc::new(Mutex::new(Ring {
        tag: Some("a".into()),
        link: None,
    }));
    let b = Arc::new(Mutex::new(Ring {
        tag: Some("b".into()),
        link: any(a.clone()),
    }));
    a.lock().unwrap().link = any(b);
    a
}

fn ring_shape(a: &Shared<Ring>) -> Result<(), String> {
    let b = a
        .lock()
        .unwrap()
        .link
        .as_ref()
        .and_then(|l| l.downcast_ref::<Shared<Ring>>().cloned())
        .ok_or("a.link is not a Ring")?;
    let back = b.lock().unwrap().link.clone();
    back.and_then(|l| l.downcast_ref::<Shared<Ring>>().cloned())
        .filter(|l| Arc::ptr_eq(l, a))
        .map(drop)
        .ok_or_else(|| "b.link is not a".into())
}

fn shared() -> Pair {
    let x = Arc::new(String::from("shared"));
    let i = Arc::new(inner(5, Some("in")));
    let f = Arc::new(FinalInner { y: 9 });
    Pair {
        left: any(x.clone()),
        right: any(x),
        a: Some(i.clone()),
        b: Some(i),
        c: Some(f.clone()),
        d: Some(f),
    }
}

fn shared_shape(p: &Pair) -> Result<(), String> {
    let string = |o: &Option<Box<dyn Object>>| {
        o.as_ref()
            .and_then(|o| o.downcast_ref::<Arc<String>>().cloned())
    };
    let (l, r) = (string(&p.left), string(&p.right));
    let strings = matches!((&l, &r), (Some(l), Some(r)) if Arc::ptr_eq(l, r));
    let inners = matches!((&p.a, &p.b), (Some(a), Some(b)) if Arc::ptr_eq(a, b));
    let fins = matches!((&p.c, &p.d), (Some(c), Some(d)) if Arc::ptr_eq(c, d));
    (strings && inners && fins)
        .then_some(())
        .ok_or_else(|| format!("sharing lost: strings {strings}, inners {inners}, fins {fins}"))
}

fn str_pair() -> StrPair {
    let x = Arc::new(String::from("same"));
    StrPair {
        a: Some(x.clone()),
        b: Some(x.clone()),
        c: any(x),
    }
}

fn two_of_each() -> Pair {
    Pair {
        left: any(inner(1, Some("l"))),
        right: any(FinalInner { y: 2 }),
        a: Some(Arc::new(inner(3, Some("a")))),
        b: Some(Arc::new(inner(4, None))),
        c: Some(Arc::new(FinalInner { y: 5 })),
        d: None,
    }
}

fn not_nulls() -> NotNulls {
    NotNulls {
        boxed: 3,
        fin: FinalInner { y: 4 },
        inner: inner(5, Some("")),
        text: "x".into(),
        color: Color::Red,
    }
}

/// Links in the deep cases (Java: `CasesBasic.DEEP`).
const DEEP: i32 = 200;

fn chain(n: i32) -> Link {
    let mut head: Option<Arc<Link>> = None;
    for v in (2..=n).rev() {
        head = Some(Arc::new(Link { v, next: head }));
    }
    Link { v: 1, next: head }
}

fn boxes() -> Boxes {
    Boxes {
        sbox: Some(GBox {
            value: Some("v".into()),
        }),
        ibox: Some(GBox {
            value: Some(inner(2, Some("i"))),
        }),
        nbox: Some(GBox { value: None }),
    }
}

// ----- cases -------------------------------------------------------------------

/// Every case of `CasesBasic.java`.
pub fn cases(g: &mut Graphs) {
    g.add(Case::new("prims_zero", kryo, Prims::default()))
        .add(Case::new("prims_max", kryo, prims_max()))
        .add(Case::new("prims_min", kryo, prims_min()))
        .add(Case::new("prims_special", kryo, prims_special()))
        .add(Case::new("refs.prims_max", kryo_refs, prims_max()));

    g.add(Case::new("texts", kryo, texts()))
        .add(Case::new("refs.texts", kryo_refs, texts()))
        .add(Case::new("refsafter.texts", kryo_refsafter, texts()))
        .add(Case::new("lone", kryo, lone_texts()))
        .add(Case::new("refs.lone", kryo_refs, lone_texts()))
        .add(Case::new("refsafter.lone", kryo_refsafter, lone_texts()))
        .add(Case::new("top_string", kryo, String::from("héllo 😀")))
        .add(Case::new(
            "refs.top_string",
            kryo_refs,
            String::from("héllo 😀"),
        ))
        .add(Case::new("refs.top_ascii", kryo_refs, String::from("x")))
        .add(Case::new(
            "top_lone",
            kryo,
            JavaString::from_units(vec![0xd800]),
        ));

    for (name, k) in [
        ("outer", kryo as fn() -> Kryo),
        ("refs.outer", kryo_refs),
        ("refsafter.outer", kryo_refsafter),
        ("ids.outer", kryo_ids),
    ] {
        g.add(Case::new(name, k, outer()));
    }
    g.add(Case::new("outer", kryo, outer()).entry(Entry::Object))
        .add(Case::new("refs.outer", kryo_refs, outer()).entry(Entry::Object));

    g.add(Case::new("anys", kryo, anys()))
        .add(Case::new("refs.anys", kryo_refs, anys()))
        .add(Case::new(
            "ids.anys_ids",
            kryo_ids,
            Anys {
                a: any(outer()),
                b: any(Color::Green),
                c: any(FinalInner { y: 3 }),
                ..Anys::default()
            },
        ));

    g.add(Case::new("enums", kryo, enums()))
        .add(Case::new("refs.enums", kryo_refs, enums()))
        .add(Case::new("top_enum", kryo, Color::Blue))
        .add(Case::new("top_op", kryo, Op::Plus));

    g.add(Case::new("spec.cycle", kryo_spec, spec_cycle()).check(spec_cycle_shape))
        .add(Case::new("refs.selfloop", kryo_refs, selfloop()).check(selfloop_shape))
        .add(Case::new("refs.triangle", kryo_refs, triangle()).check(triangle_shape))
        .add(Case::new("refs.ring", kryo_refs, ring()).check(ring_shape))
        .add(Case::new("refs.shared", kryo_refs, shared()).check(shared_shape))
        .add(Case::new("shared", kryo, shared()))
        .add(Case::new("strpair", kryo, str_pair()))
        .add(Case::new("refs.strpair", kryo_refs, str_pair()))
        .add(Case::new("refsafter.strpair", kryo_refsafter, str_pair()));

    g.add(Case::new("byname.pair", kryo_byname, two_of_each()))
        .add(Case::new("byname_refs.shared", kryo_byname_refs, shared()).check(shared_shape))
        .add(Case::new("mixed.pair", kryo_mixed, two_of_each()))
        .add(Case::new("byname.cafe", kryo_byname, Cafe { v: 2 }))
        .add(Case::new(
            "byname.top_inner",
            kryo_byname,
            inner(1, Some("top")),
        ));

    g.add(Case::new("notnull", kryo, not_nulls()))
        .add(Case::new("refs.notnull", kryo_refs, not_nulls()))
        .add(Case::new(
            "fixed",
            kryo,
            Fixed {
                fi: -1,
                fl: i64::MIN,
                vi: i32::MIN,
                vl: -1,
            },
        ))
        .add(
            Case::new(
                "transients",
                kryo,
                Transients {
                    t: 9,
                    ts: "gone".into(),
                    kept: 5,
                },
            )
            .reads_as(Transients {
                kept: 5,
                ..Transients::default()
            }),
        );

    g.add(Case::new("deep", kryo, chain(DEEP)).sweep(false))
        .add(Case::new("refs.deep", kryo_refs, chain(DEEP)).sweep(false))
        .add(Case::new("boxes", kryo, boxes()))
        .add(Case::new(
            "top_gbox",
            kryo,
            GBox {
                value: Some(String::from("v")),
            },
        ));
}

/// Cases whose Rust value is not Java's: the rig must fail them (see
/// `the_rig_catches_wrong_values_and_lost_sharing`).
pub fn wrong_cases(g: &mut Graphs) {
    g.add(Case::new(
        "prims_max",
        kryo,
        Prims {
            b: 0,
            ..prims_max()
        },
    ));
    let mut unshared = shared();
    unshared.b = Some(Arc::new(inner(5, Some("in"))));
    g.add(Case::new("refs.shared", kryo_refs, unshared).sweep(false));
}

/// [`StrPair`] as a borrowed struct.
#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesBasic$StrPair")]
pub struct StrPairRef<'a> {
    a: Option<kryo5::borrow::StrRef<'a>>,
    b: Option<std::borrow::Cow<'a, str>>,
    c: Option<Box<dyn Object>>,
}

/// Java's `strpair` bytes (one string object in three fields: with
/// references on, two back-references, one from an owned `Object` field)
/// read into [`StrPairRef`]; without references, written back to Java's
/// bytes. Returns the failures.
pub fn borrowed_str_pair(report: &Report) -> Vec<String> {
    let mut failures = Vec::new();
    let setups: [fn() -> Kryo; 3] = [kryo, kryo_refs, kryo_refsafter];
    for (name, k) in ["strpair", "refs.strpair", "refsafter.strpair"]
        .into_iter()
        .zip(setups)
    {
        let java = report.java_bytes(name);
        let mut input = kryo5::io::Input::new(java);
        let read = k().read_class_and_object_borrowed::<StrPairRef<'_>, _>(&mut input, false);
        let v = match read {
            Ok(Some(v)) => v,
            other => {
                failures.push(format!("{name}: borrowed read gave {other:?}"));
                continue;
            }
        };
        let c = v.c.as_ref().and_then(|o| o.downcast_ref::<Arc<String>>());
        let ok = v.a.as_deref() == Some("same")
            && v.b.as_deref() == Some("same")
            && c.map(|s| s.as_str()) == Some("same")
            && input.total() == java.len() as u64;
        if !ok {
            failures.push(format!("{name}: borrowed read {v:?}"));
        }
        if name == "strpair" {
            let mut out = kryo5::io::Output::new();
            let written = k().write_class_and_object_borrowed(&mut out, Some(&v), false);
            if written.is_err() || out.as_slice() != java {
                failures.push(format!(
                    "{name}: written back as {written:?} {:x?}",
                    out.as_slice()
                ));
            }
        }
    }
    failures
}
