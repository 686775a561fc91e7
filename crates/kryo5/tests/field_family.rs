//! The compatible, tagged and version serializers against the worked
//! examples of format spec 10 (the interop suite checks the same against
//! real Java Kryo, evolution included).

use kryo5::io::{Input, Output};
use kryo5::serializers::compatible::{CompatibleConfig, CompatibleFieldSerializer};
use kryo5::serializers::tagged::TaggedConfig;
use kryo5::serializers::version::VersionConfig;
use kryo5::{DefaultSerializer, ErrorKind, Kryo, Object};

#[derive(Kryo, Clone, Debug, Default)]
struct Pt {
    x: i32,
    name: Option<String>,
    o: Option<Box<dyn Object>>,
}

#[derive(Kryo, Clone, Debug, Default)]
struct Pair {
    first: Option<Pt>,
    second: Option<Pt>,
}

fn config(unknown: bool, chunked: bool) -> CompatibleConfig {
    CompatibleConfig {
        read_unknown_field_data: unknown,
        chunked_encoding: chunked,
        ..CompatibleConfig::default()
    }
}

/// Pt as 9 and Pair as 10, both compatible with `config`.
fn kryo(config: CompatibleConfig) -> Kryo {
    let mut k = Kryo::new();
    k.register_with_serializer::<Pt, _>(CompatibleFieldSerializer::new(config));
    k.register_with_serializer::<Pair, _>(CompatibleFieldSerializer::new(config));
    k
}

fn bytes(hex: &str) -> Vec<u8> {
    hex.split_whitespace()
        .map(|b| u8::from_str_radix(b, 16).unwrap())
        .collect()
}

fn write<T: kryo5::KryoType>(kryo: &mut Kryo, value: &T) -> Vec<u8> {
    let mut out = Output::new();
    kryo.write_object(&mut out, value).unwrap();
    out.into_vec()
}

fn pt() -> Pt {
    Pt {
        x: 1,
        name: Some("a".into()),
        o: None,
    }
}

#[test]
fn compatible_pt_in_every_configuration() {
    let schema = "03 6e 61 6d e5 82 6f 82 78";
    for (unknown, chunked, fields) in [
        (true, false, "03 82 61 00 02 02"),
        (false, false, "82 61 00 02"),
        (true, true, "03 03 82 61 00 01 00 00 02 02 02 00"),
        (false, true, "02 82 61 00 01 00 00 01 02 00"),
    ] {
        let mut k = kryo(config(unknown, chunked));
        let want = bytes(&format!("{schema} {fields}"));
        assert_eq!(write(&mut k, &pt()), want, "{unknown} {chunked}");
        let back: Pt = k.read_object(&mut Input::new(&want)).unwrap();
        assert_eq!((back.x, back.name.as_deref()), (1, Some("a")));
        // Truncated anywhere: an error, never a value.
        for len in 0..want.len() {
            assert!(
                k.read_object::<Pt, _>(&mut Input::new(&want[..len]))
                    .is_err()
            );
        }
    }
}

#[test]
fn compatible_schema_once_per_graph_and_nested_chunks() {
    let pair = Pair {
        first: Some(pt()),
        second: Some(pt()),
    };
    let mut k = kryo(CompatibleConfig::default());
    assert_eq!(
        write(&mut k, &pair),
        bytes(
            "02 66 69 72 73 f4 73 65 63 6f 6e e4 0b 03 6e 61 6d e5 82 6f 82 78 03 82 61 00 02 02 \
             0b 03 82 61 00 02 02"
        )
    );
    // Chunked inside chunked: the outer run is cut wherever the inner flushes.
    let mut k = kryo(config(true, true));
    let want = bytes(
        "02 66 69 72 73 f4 73 65 63 6f 6e e4 \
         0e 0b 03 6e 61 6d e5 82 6f 82 78 03 03 82 61 03 00 01 00 04 00 02 02 02 01 00 00 \
         05 0b 03 03 82 61 03 00 01 00 04 00 02 02 02 01 00 00",
    );
    assert_eq!(write(&mut k, &pair), want);
    let back: Pair = k.read_object(&mut Input::new(&want)).unwrap();
    assert_eq!(back.second.and_then(|p| p.name).as_deref(), Some("a"));
}

#[test]
fn compatible_as_default_serializer_repeats_the_schema_per_graph() {
    let mut k = Kryo::new();
    k.set_default_serializer(DefaultSerializer::Compatible(CompatibleConfig::default()));
    k.register::<Pt>();
    let mut out = Output::new();
    k.write_class_and_object(&mut out, Some(&pt())).unwrap();
    k.write_class_and_object(&mut out, Some(&pt())).unwrap();
    let one = "0b 03 6e 61 6d e5 82 6f 82 78 03 82 61 00 02 02";
    assert_eq!(out.as_slice(), bytes(&format!("{one} {one}")));
}

#[test]
fn unknown_fields_without_a_way_to_skip_them_are_errors() {
    #[derive(Kryo, Clone, Debug, Default)]
    #[kryo(class = "Pt")]
    struct PtV2 {
        x: i32,
        z: i32,
    }
    let data = bytes("03 6e 61 6d e5 82 6f 82 78 82 61 00 02");
    let mut k = Kryo::new();
    k.register_with_serializer::<PtV2, _>(CompatibleFieldSerializer::new(config(false, false)));
    let err = k
        .read_object::<PtV2, _>(&mut Input::new(&data))
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::InvalidData(_)), "{err}");
    // A schema claiming 2^31 fields on a short input allocates nothing big.
    let hostile = bytes("ff ff ff ff 07 82 61");
    assert!(k.read_object::<PtV2, _>(&mut Input::new(&hostile)).is_err());
}

#[derive(Kryo, Clone, Debug, Default)]
struct Tg {
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

#[test]
fn tagged_in_every_configuration_and_its_own_null() {
    let tg = Tg {
        x: 1,
        name: Some("a".into()),
        untagged: 9,
        old: 4,
        o: None,
    };
    for (unknown, chunked, want) in [
        (false, false, "04 01 82 61 02 00 05 02"),
        (true, false, "04 01 03 82 61 02 00 05 02 02"),
        (false, true, "04 01 02 82 61 00 02 01 00 00 05 01 02 00"),
    ] {
        let mut k = Kryo::new();
        k.set_default_serializer(DefaultSerializer::Tagged(TaggedConfig {
            read_unknown_tag_data: unknown,
            chunked_encoding: chunked,
            ..TaggedConfig::default()
        }));
        k.register::<Tg>();
        let want = bytes(want);
        assert_eq!(write(&mut k, &tg), want);
        let back: Tg = k.read_object(&mut Input::new(&want)).unwrap();
        assert_eq!((back.x, back.untagged, back.old), (1, 0, 0));
        // The serializer writes null itself: 00, no Kryo marker.
        let mut out = Output::new();
        k.write_object_or_null::<Tg, _>(&mut out, None).unwrap();
        assert_eq!(out.as_slice(), [0]);
        let none: Option<Tg> = k.read_object_or_null(&mut Input::new(&[0])).unwrap();
        assert!(none.is_none());
    }
    // An unknown tag cannot be skipped by default.
    let mut k = Kryo::new();
    k.set_default_serializer(DefaultSerializer::Tagged(TaggedConfig::default()));
    k.register::<Tg>();
    let err = k
        .read_object::<Tg, _>(&mut Input::new(&bytes("02 07 02")))
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::InvalidData(_)), "{err}");
}

#[test]
fn version_writes_its_own_null() {
    #[derive(Kryo, Clone, Debug, Default)]
    struct Vf {
        x: i32,
        #[kryo(since = 1)]
        name: Option<String>,
        #[kryo(since = 2)]
        y: i32,
    }
    let mut k = Kryo::new();
    k.set_default_serializer(DefaultSerializer::Version(VersionConfig::default()));
    k.register::<Vf>();
    let mut out = Output::new();
    k.write_object_or_null::<Vf, _>(&mut out, None).unwrap();
    assert_eq!(out.as_slice(), [0]);
}

/// One version of class `Pt` per struct, for a reader kept across graphs.
mod versions {
    #[derive(kryo5::Kryo, Clone, Debug, Default, PartialEq)]
    #[kryo(class = "Pt")]
    pub(crate) struct Xz {
        pub(crate) x: i32,
        pub(crate) z: i32,
    }

    #[derive(kryo5::Kryo, Clone, Debug, Default, PartialEq)]
    #[kryo(class = "Pt")]
    pub(crate) struct X {
        pub(crate) x: i32,
    }

    #[derive(kryo5::Kryo, Clone, Debug, Default, PartialEq)]
    #[kryo(class = "Pt")]
    pub(crate) struct Z {
        pub(crate) z: i32,
    }
}

#[test]
fn compatible_reader_kept_across_graphs_follows_each_schema() {
    use versions::{X, Xz, Z};
    fn data<T: kryo5::inherit::Fields + Clone + std::fmt::Debug + Send + Sync>(
        value: &T,
    ) -> Vec<u8> {
        let mut k = Kryo::new();
        k.register_with_serializer::<T, _>(CompatibleFieldSerializer::new(config(true, false)));
        write(&mut k, value)
    }
    let xz = data(&Xz { x: 1, z: 2 });
    let x = data(&X { x: 3 });
    let z = data(&Z { z: 4 });
    let full = data(&Pt {
        x: 5,
        name: Some("a".into()),
        o: None,
    });
    let mut reader = Kryo::new();
    reader.register_with_serializer::<Xz, _>(CompatibleFieldSerializer::new(config(true, false)));
    // The same schema again, a shorter one, one whose names move, one
    // with unknown fields: each graph maps the names it reads.
    for (bytes, want) in [
        (&xz, Xz { x: 1, z: 2 }),
        (&xz, Xz { x: 1, z: 2 }),
        (&x, Xz { x: 3, z: 0 }),
        (&xz, Xz { x: 1, z: 2 }),
        (&z, Xz { x: 0, z: 4 }),
        (&full, Xz { x: 5, z: 0 }),
        (&x, Xz { x: 3, z: 0 }),
        (&xz, Xz { x: 1, z: 2 }),
    ] {
        let got: Xz = reader.read_object(&mut Input::new(bytes)).unwrap();
        assert_eq!(got, want);
    }
    // A schema cut short fails and is not taken for the next graph's.
    assert!(
        reader
            .read_object::<Xz, _>(&mut Input::new(&xz[..3]))
            .is_err()
    );
    let got: Xz = reader.read_object(&mut Input::new(&x)).unwrap();
    assert_eq!(got, Xz { x: 3, z: 0 });
}

#[test]
fn compatible_schema_again_after_each_reset_and_without_varints() {
    let mut k = kryo(CompatibleConfig::default());
    k.set_auto_reset(false);
    let mut out = Output::new();
    for _ in 0..2 {
        k.write_object(&mut out, &pt()).unwrap();
        k.write_object(&mut out, &pt()).unwrap();
        k.reset();
    }
    let one = "03 6e 61 6d e5 82 6f 82 78 03 82 61 00 02 02";
    let fields = "03 82 61 00 02 02";
    let graph = format!("{one} {fields}");
    assert_eq!(out.as_slice(), bytes(&format!("{graph} {graph}")));
    let mut input = Input::new(out.as_slice());
    for _ in 0..2 {
        for _ in 0..2 {
            let back: Pt = k.read_object(&mut input).unwrap();
            assert_eq!((back.x, back.name.as_deref()), (1, Some("a")));
        }
        k.reset();
    }
    // The schema's count and lengths are varints whatever the output's
    // setting (its cached bytes serve both).
    let mut fixed = Output::new();
    fixed.set_variable_length_encoding(false);
    k.write_object(&mut fixed, &pt()).unwrap();
    assert_eq!(fixed.as_slice(), bytes(one));
    let mut input = Input::new(fixed.as_slice());
    input.set_variable_length_encoding(false);
    let back: Pt = k.read_object(&mut input).unwrap();
    assert_eq!((back.x, back.name.as_deref()), (1, Some("a")));
}
