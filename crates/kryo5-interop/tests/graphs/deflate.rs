//! The Rust side of `java/CasesDeflate.java`: `DeflateSerializer` around
//! a derived struct, byte-identical with Java's zlib.

use kryo5::serializers::deflate::{DeflateConfig, DeflateSerializer};
use kryo5::{Kryo, Object};
use kryo5_interop::graph::{Case, Graphs};

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesDeflate$Blob")]
pub struct Blob {
    data: Option<Vec<u8>>,
    text: Option<String>,
    n: i32,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesDeflate$Holder")]
pub struct Holder {
    blob: Option<Blob>,
    any: Option<Box<dyn Object>>,
}

fn kryo(level: u32, no_headers: bool) -> Kryo {
    let mut k = Kryo::new();
    let config = DeflateConfig {
        compression_level: level,
        no_headers,
        ..DeflateConfig::default()
    };
    k.register::<Vec<u8>>();
    k.register_with_serializer::<Blob, _>(DeflateSerializer::new(config));
    k.register::<Holder>();
    k
}

/// `CasesDeflate.bytes`: the top byte of each step of a 64-bit LCG.
pub fn bytes(seed: i64, n: usize, text: bool) -> Vec<u8> {
    const WORDS: &[u8] = b"kryo deflate chunk java rust zlib level four media content ";
    let mut x = seed as u64;
    (0..n)
        .map(|_| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let r = (x >> 56) as usize;
            if text {
                WORDS[r % WORDS.len()]
            } else {
                r as u8
            }
        })
        .collect()
}

fn blob(seed: i64, random: usize, text: usize) -> Blob {
    Blob {
        data: Some(bytes(seed, random, false)),
        text: Some(
            bytes(seed + 1, text, true)
                .into_iter()
                .map(char::from)
                .collect(),
        ),
        n: seed as i32,
    }
}

/// Every case of `CasesDeflate.java`, in every configuration.
pub fn cases(g: &mut Graphs) {
    for (prefix, level, no_headers) in [
        ("", 4, true),
        ("zlib.", 4, false),
        ("fast.", 1, true),
        ("best.", 9, false),
    ] {
        let k = move || kryo(level, no_headers);
        g.add(Case::new(format!("{prefix}dtiny"), k, blob(1, 0, 3)).sweep(true))
            // Sweeping tens of kilobytes of deflated data, each read
            // inflating, would take minutes: the small cases sweep.
            .add(Case::new(format!("{prefix}d600"), k, blob(2, 600, 0)).sweep(false))
            .add(Case::new(format!("{prefix}dtext"), k, blob(3, 100, 70_000)).sweep(false))
            .add(Case::new(format!("{prefix}dbig"), k, blob(4, 20_000, 300_000)).sweep(false))
            .add(Case::new(
                format!("{prefix}dheld"),
                k,
                Holder {
                    blob: Some(blob(5, 300, 3_000)),
                    any: Some(Box::new(blob(6, 10, 10))),
                },
            ));
    }
}
