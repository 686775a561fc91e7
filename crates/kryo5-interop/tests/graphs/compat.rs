//! The Rust side of `java/CasesCompat.java`: the compatible, tagged and
//! version serializers as Kryo's default serializer, and class evolution
//! across Java and kryo5.

use kryo5::io::{Input, Output};
use kryo5::serializers::compatible::CompatibleConfig;
use kryo5::serializers::tagged::TaggedConfig;
use kryo5::serializers::version::VersionConfig;
use kryo5::{DefaultSerializer, ErrorKind, Kryo, Object};
use kryo5_interop::graph::{Case, Graphs};
use kryo5_interop::jvm;
use kryo5_interop::value::{hex, unhex};

// ----- model -------------------------------------------------------------------

#[derive(Kryo, Clone, Copy, Debug)]
#[kryo(class = "CasesCompat$Color")]
pub enum Color {
    Red,
    Green,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesCompat$Pt")]
pub struct Pt {
    x: i32,
    name: Option<String>,
    o: Option<Box<dyn Object>>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesCompat$Pair")]
pub struct Pair {
    first: Option<Pt>,
    second: Option<Pt>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesCompat$Mix")]
pub struct Mix {
    z: bool,
    b: i8,
    c: u16,
    s: i16,
    i: i32,
    l: i64,
    f: f32,
    d: f64,
    boxed: Option<i32>,
    str: Option<String>,
    any: Option<Box<dyn Object>>,
    pt: Option<Pt>,
    color: Option<Color>,
    nothing: Option<String>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesCompat$Tg")]
pub struct Tg {
    #[kryo(tag = 5)]
    x: i32,
    #[kryo(tag = 1)]
    name: Option<String>,
    untagged: i32,
    #[kryo(tag = 3, deprecated)]
    old: i32,
    #[kryo(tag = 2)]
    o: Option<Box<dyn Object>>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesCompat$Vf")]
pub struct Vf {
    x: i32,
    #[kryo(since = 1)]
    name: Option<String>,
    #[kryo(since = 2)]
    y: i32,
}

/// Java's `Ev` as it is in kryo5: `gone` removed, `added` added.
#[derive(Kryo, Clone, Debug, Default, PartialEq)]
#[kryo(class = "CasesCompat$Ev")]
pub struct EvV2 {
    a: i32,
    keep: i64,
    added: Option<String>,
    pt: Option<PtV2>,
}

/// Java's `Pt` without its `o` field and with a new `w`.
#[derive(Kryo, Clone, Debug, Default, PartialEq)]
#[kryo(class = "CasesCompat$Pt")]
pub struct PtV2 {
    x: i32,
    name: Option<String>,
    w: f64,
}

/// Java's `Vf` at version 1 (before `y`).
#[derive(Kryo, Clone, Debug, Default, PartialEq)]
#[kryo(class = "CasesCompat$Vf")]
pub struct VfV1 {
    x: i32,
    #[kryo(since = 1)]
    name: Option<String>,
}

// ----- configurations ----------------------------------------------------------

/// `CasesCompat.registerAll` with `Pt`, `Ev` and `Vf` as the given types.
fn kryo_with<P, E, V>(refs: bool, default: DefaultSerializer) -> Kryo
where
    P: kryo5::KryoType + Clone + std::fmt::Debug + Send + Sync,
    E: kryo5::KryoType + Clone + std::fmt::Debug + Send + Sync,
    V: kryo5::KryoType + Clone + std::fmt::Debug + Send + Sync,
{
    let mut k = Kryo::new();
    k.set_references(refs);
    k.set_default_serializer(default);
    k.register::<Color>();
    k.register::<P>();
    k.register::<Pair>();
    k.register::<Mix>();
    k.register::<Tg>();
    k.register::<V>();
    k.register::<E>();
    k
}

fn compatible(refs: bool, unknown: bool, chunked: bool, size: usize) -> Kryo {
    let config = CompatibleConfig {
        read_unknown_field_data: unknown,
        chunked_encoding: chunked,
        chunk_size: size,
    };
    kryo_with::<Pt, EvV2, Vf>(refs, DefaultSerializer::Compatible(config))
}

fn tagged(unknown: bool, chunked: bool) -> Kryo {
    let config = TaggedConfig {
        read_unknown_tag_data: unknown,
        chunked_encoding: chunked,
        ..TaggedConfig::default()
    };
    kryo_with::<Pt, EvV2, Vf>(false, DefaultSerializer::Tagged(config))
}

/// A configuration: its name in `CasesCompat.java` and how to build it.
type Config = (&'static str, fn() -> Kryo);

/// The compatible configurations of `CasesCompat.java`.
const COMPATIBLE: [Config; 7] = [
    ("compat", || compatible(false, true, false, 1024)),
    ("compatnr", || compatible(false, false, false, 1024)),
    ("compatch", || compatible(false, true, true, 1024)),
    ("compatnrch", || compatible(false, false, true, 1024)),
    ("compatch16", || compatible(false, true, true, 16)),
    ("compatrefs", || compatible(true, true, false, 1024)),
    ("compatrefsch", || compatible(true, true, true, 1024)),
];

// ----- values ------------------------------------------------------------------

fn pt(x: i32, name: Option<&str>, o: Option<Box<dyn Object>>) -> Pt {
    Pt {
        x,
        name: name.map(Into::into),
        o,
    }
}

fn cpair() -> Pair {
    Pair {
        first: Some(pt(1, Some("a"), None)),
        second: Some(pt(1, Some("a"), None)),
    }
}

fn cnest() -> Pair {
    let inner = pt(2, None, Some(Box::new(3_i32)));
    Pair {
        first: Some(pt(-7, Some("été 😀"), Some(Box::new(inner)))),
        second: None,
    }
}

fn cmix() -> Mix {
    Mix {
        z: true,
        b: -2,
        c: 0x20ac,
        s: -300,
        i: i32::MIN,
        l: i64::MAX,
        f: -0.0,
        d: f64::NAN,
        boxed: Some(70000),
        str: Some("a string of more than four bytes".into()),
        any: Some(Box::new(-1_i64)),
        pt: Some(pt(5, Some("q"), Some(Box::new(String::from("in o"))))),
        color: Some(Color::Green),
        nothing: None,
    }
}

fn tg() -> Tg {
    Tg {
        x: 1,
        name: Some("a".into()),
        ..Tg::default()
    }
}

fn tgfull() -> Tg {
    Tg {
        x: -100_000,
        name: Some("東京".into()),
        o: Some(Box::new(tg())),
        ..Tg::default()
    }
}

// ----- cases -------------------------------------------------------------------

/// Every case of `CasesCompat.java` that both sides model alike.
pub fn cases(g: &mut Graphs) {
    for (config, kryo) in COMPATIBLE {
        let sweep = config == "compatch";
        g.add(Case::new(
            format!("{config}.cpt"),
            kryo,
            pt(1, Some("a"), None),
        ))
        .add(Case::new(format!("{config}.cpair"), kryo, cpair()).sweep(sweep))
        .add(Case::new(format!("{config}.cnest"), kryo, cnest()).sweep(sweep))
        .add(Case::new(format!("{config}.cmix"), kryo, cmix()));
    }
    let tagged_configs: [Config; 4] = [
        ("tag", || tagged(false, false)),
        ("tagu", || tagged(true, false)),
        ("tagch", || tagged(false, true)),
        ("tagush", || tagged(true, true)),
    ];
    for (config, kryo) in tagged_configs {
        g.add(Case::new(format!("{config}.tg"), kryo, tg()))
            .add(Case::new(format!("{config}.tgfull"), kryo, tgfull()).sweep(true));
    }
    let ver =
        || kryo_with::<Pt, EvV2, Vf>(false, DefaultSerializer::Version(VersionConfig::default()));
    g.add(Case::new(
        "ver.vf",
        ver,
        Vf {
            x: 1,
            name: Some("a".into()),
            y: 3,
        },
    ));
}

// ----- evolution ---------------------------------------------------------------

/// Java writes `CasesCompat.value_<case>()` with configuration `config`.
fn java_writes(config: &str, case: &str) -> Vec<u8> {
    let out = jvm().run_text(&format!("GRAPH WRITE {config}.{case} obj\n"));
    let line = out.lines().next().unwrap_or_default();
    line.strip_prefix("OK x")
        .and_then(unhex)
        .unwrap_or_else(|| panic!("Java could not write {config}.{case}: {line}"))
}

/// Java reads `bytes` as the class of `value_<case>()` and compares with it:
/// `Ok` or Java's complaint.
fn java_reads(config: &str, case: &str, bytes: &[u8]) -> Result<(), String> {
    let out = jvm().run_text(&format!("GRAPH READ {config}.{case} obj x{}\n", hex(bytes)));
    let line = out.lines().next().unwrap_or_default().to_owned();
    if line.starts_with("OK ") {
        Ok(())
    } else {
        Err(line)
    }
}

fn write<T: kryo5::KryoType>(kryo: &mut Kryo, value: &T) -> Vec<u8> {
    let mut out = Output::new();
    kryo.write_object(&mut out, value)
        .expect("kryo5 writes the value");
    out.into_vec()
}

/// Both directions of one evolution per compatible configuration: Java's
/// `Ev` (with `gone`, and `Pt` with `o`) read by kryo5 as `EvV2` (with
/// `added`, and `PtV2` with `w`), and kryo5's `EvV2` read by Java's `Ev`.
/// Without unknown-field data or chunks the unknown field is an error,
/// in both.
pub fn compatible_evolution() {
    let v2 = |k: fn() -> Kryo| {
        move || {
            let mut kryo = k();
            // Same ids as Java's registrations, with the evolved types.
            let default = kryo.default_serializer();
            kryo = kryo_with::<PtV2, EvV2, Vf>(kryo.references(), default);
            kryo
        }
    };
    for (config, kryo) in COMPATIBLE {
        let java = java_writes(config, "evo");
        let mut ours = v2(kryo)();
        let read = ours.read_object::<EvV2, _>(&mut Input::new(&java));
        let skippable = config != "compatnr";
        match read {
            Ok(v) => {
                assert!(
                    skippable,
                    "{config}: read an unknown field without a way to skip it"
                );
                assert_eq!(
                    v,
                    EvV2 {
                        a: 1,
                        keep: 7,
                        added: None,
                        pt: Some(PtV2 {
                            x: 2,
                            name: Some("b".into()),
                            w: 0.0
                        }),
                    },
                    "{config}: kryo5 read Java's Ev as EvV2"
                );
            }
            Err(e) => {
                assert!(!skippable, "{config}: kryo5 could not read Java's Ev: {e}");
                assert!(
                    matches!(e.kind(), ErrorKind::InvalidData(_)),
                    "{config}: {e}"
                );
            }
        }
        let value = EvV2 {
            a: 1,
            keep: 7,
            added: Some("new".into()),
            pt: Some(PtV2 {
                x: 2,
                name: Some("b".into()),
                w: 1.5,
            }),
        };
        let bytes = write(&mut v2(kryo)(), &value);
        match java_reads(config, "evoback", &bytes) {
            Ok(()) => assert!(
                skippable,
                "{config}: Java read an unknown field it cannot skip"
            ),
            Err(e) => {
                assert!(
                    !skippable,
                    "{config}: Java could not read kryo5's EvV2: {e}"
                );
                assert!(e.contains("Unknown field"), "{config}: {e}");
            }
        }
    }
}

/// Version 1 data from kryo5 read by Java's version 2 class (`y` keeps its
/// initial value), and Java's version 2 data read by kryo5's version 2.
pub fn version_evolution() {
    let old =
        || kryo_with::<Pt, EvV2, VfV1>(false, DefaultSerializer::Version(VersionConfig::default()));
    let bytes = write(
        &mut old(),
        &VfV1 {
            x: 9,
            name: Some("old".into()),
        },
    );
    assert_eq!(bytes[0], 2, "version 1 is written as 2");
    java_reads("ver", "vfold", &bytes).expect("Java reads version 1 data");

    // Not compatible: any other version is an error.
    let mut strict = kryo_with::<Pt, EvV2, Vf>(
        false,
        DefaultSerializer::Version(VersionConfig { compatible: false }),
    );
    let err = strict
        .read_object::<Vf, _>(&mut Input::new(&bytes))
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::InvalidData(_)), "{err}");
}
