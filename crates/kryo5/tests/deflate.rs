//! `DeflateSerializer` on bad input: truncated runs and data, corrupt
//! deflate streams, and a zlib bomb stopped by the inflate limit. (Java
//! interop, byte-identical writes included: kryo5-interop's graph tests.)

use kryo5::io::{Input, Output};
use kryo5::serializers::deflate::{DeflateConfig, DeflateSerializer};
use kryo5::{ErrorKind, Kryo};

fn kryo(max_inflated: usize) -> Kryo {
    let mut k = Kryo::new();
    let config = DeflateConfig {
        max_inflated,
        ..DeflateConfig::default()
    };
    k.set_serializer::<String, _>(DeflateSerializer::new(config));
    k
}

fn deflated(k: &mut Kryo, s: &str) -> Vec<u8> {
    let mut out = Output::new();
    k.write_object(&mut out, &s.to_owned()).unwrap();
    out.into_vec()
}

#[test]
fn every_truncation_and_corruption_is_an_error_or_a_value_never_a_panic() {
    let mut k = kryo(1 << 20);
    let text = "kryo deflate ".repeat(200);
    let bytes = deflated(&mut k, &text);
    assert!(bytes.len() > 20, "{}", bytes.len());
    for len in 0..bytes.len() {
        assert!(
            k.read_object::<String, _>(&mut Input::new(&bytes[..len]))
                .is_err(),
            "truncated to {len}"
        );
    }
    let mut bad = bytes.clone();
    for i in 0..bytes.len() {
        for flip in [0x01, 0x80, 0xff] {
            bad[i] = bytes[i] ^ flip;
            let _ = k.read_object::<String, _>(&mut Input::new(&bad));
        }
        bad[i] = bytes[i];
    }
    assert_eq!(
        k.read_object::<String, _>(&mut Input::new(&bytes)).unwrap(),
        text
    );
}

#[test]
fn a_zlib_bomb_stops_at_the_inflate_limit() {
    // 8 MiB of one character deflates to a few kilobytes.
    let big = "a".repeat(8 << 20);
    let bytes = deflated(&mut kryo(usize::MAX), &big);
    assert!(bytes.len() < 32 << 10, "{}", bytes.len());
    let err = kryo(1 << 20)
        .read_object::<String, _>(&mut Input::new(&bytes))
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::InvalidData(_)), "{err}");
    assert!(err.to_string().contains("limit"), "{err}");
    // Under a large enough limit the same bytes read back.
    let back: String = kryo(16 << 20).read_object(&mut Input::new(&bytes)).unwrap();
    assert_eq!(back.len(), big.len());
}
