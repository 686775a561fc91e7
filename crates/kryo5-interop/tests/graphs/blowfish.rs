//! The Rust side of `java/CasesBlowfish.java`: `BlowfishSerializer` around
//! a derived struct, byte-identical with Java's Blowfish/ECB/PKCS5Padding.

use kryo5::serializers::blowfish::BlowfishSerializer;
use kryo5::serializers::compatible::{CompatibleConfig, CompatibleFieldSerializer};
use kryo5::{Kryo, Object};
use kryo5_interop::graph::{Case, Graphs};

use crate::deflate::bytes;

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesBlowfish$Sealed")]
pub struct Sealed {
    data: Option<Vec<u8>>,
    text: Option<String>,
    n: i32,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesBlowfish$Envelope")]
pub struct Envelope {
    label: Option<String>,
    sealed: Option<Box<dyn Object>>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesBlowfish$Pair")]
pub struct Pair {
    first: Option<Box<dyn Object>>,
    last: Option<String>,
}

/// `CasesBlowfish.key56`: byte `i` is `7i + 3`.
fn key56() -> Vec<u8> {
    (0..56u8)
        .map(|i| i.wrapping_mul(7).wrapping_add(3))
        .collect()
}

fn kryo(key: &[u8]) -> Kryo {
    let mut k = Kryo::new();
    k.register::<Vec<u8>>();
    k.register_with_serializer::<Sealed, _>(BlowfishSerializer::new(key).unwrap());
    k.register::<Envelope>();
    k
}

/// `CasesBlowfish.kryo_chunked`: [`kryo`], then `Pair` with a chunked
/// compatible serializer.
fn kryo_chunked() -> Kryo {
    let mut k = kryo(b"0123456789abcdef");
    let config = CompatibleConfig {
        chunked_encoding: true,
        ..CompatibleConfig::default()
    };
    k.register_with_serializer::<Pair, _>(CompatibleFieldSerializer::new(config));
    k
}

/// `CasesBlowfish.sealed`: a negative size is `null`.
fn sealed(seed: i64, data: i32, text: i32) -> Sealed {
    let n = |len: i32| usize::try_from(len).ok();
    Sealed {
        data: n(data).map(|len| bytes(seed, len, false)),
        text: n(text).map(|len| {
            bytes(seed + 1, len, true)
                .into_iter()
                .map(char::from)
                .collect()
        }),
        n: seed as i32,
    }
}

/// Every case of `CasesBlowfish.java`, with every key.
pub fn cases(g: &mut Graphs) {
    type Config = fn() -> Kryo;
    let keys: [(&str, Config); 4] = [
        ("", || kryo(b"0123456789abcdef")),
        ("k4.", || kryo(b"abcd")),
        ("k7.", || kryo(b"kryo5!!")),
        ("k56.", || kryo(&key56())),
    ];
    for (prefix, k) in keys {
        // Truncations give padding errors as well as UnexpectedEnd
        // (tests/blowfish.rs of the facade checks those): no sweep.
        for (name, seed, data, text) in [
            ("bf3", 1, 0, -1),
            ("bf7", 2, 4, -1),
            ("bf8", 3, 5, -1),
            ("bf9", 4, 6, -1),
            ("bf16", 5, 13, -1),
            ("bf256", 6, 252, -1),
            ("bf257", 7, 253, -1),
            ("bfbig", 8, 1000, 3000),
        ] {
            g.add(Case::new(format!("{prefix}{name}"), k, sealed(seed, data, text)).sweep(false));
        }
        let held = Envelope {
            label: Some("sealed".into()),
            sealed: Some(Box::new(sealed(9, 20, 30))),
        };
        g.add(Case::new(format!("{prefix}bfheld"), k, held).sweep(false));
    }
    // Inside a chunked field the ciphertext ends with its run of chunks,
    // so another field can follow; Java's flushes make the chunks.
    for (name, seed, data, text) in [("bfchunked", 10, 1000, 600), ("bfchunked_small", 11, 5, -1)] {
        let pair = Pair {
            first: Some(Box::new(sealed(seed, data, text))),
            last: Some(
                if seed == 10 {
                    "after the ciphertext"
                } else {
                    "after"
                }
                .into(),
            ),
        };
        g.add(Case::new(format!("chunked.{name}"), kryo_chunked, pair).sweep(false));
    }
}
