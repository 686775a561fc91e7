//! Benchmark inputs, all drawn from [`SEED`] through
//! `kryo5_testdata`, and their wire images.
//!
//! Each builder takes a size and always returns the same values for it, so
//! the criterion and iai-callgrind suites (and every machine) measure the
//! same data. Wire images are produced by kryo5 itself (`Output`), which the
//! crate's tests check against the plain-loop [`baseline`](crate::baseline).

use kryo5::io::Output;
use kryo5_testdata::{Rng, TextMix};

use crate::SEED;

/// `n` ints whose varint encodings (`optimize_positive = true`) are spread
/// evenly over 1..=5 bytes: `kryo5_testdata::varint_mix_u32`.
///
/// ```
/// let v = kryo5_benches::data::var_ints(1000);
/// assert_eq!(v, kryo5_benches::data::var_ints(1000));
/// ```
#[must_use]
pub fn var_ints(n: usize) -> Vec<i32> {
    kryo5_testdata::varint_mix_u32(n, SEED)
}

/// `n` longs whose varlong encodings are spread evenly over 1..=9 bytes:
/// `kryo5_testdata::varint_mix_u64`.
#[must_use]
pub fn var_longs(n: usize) -> Vec<i64> {
    kryo5_testdata::varint_mix_u64(n, SEED ^ 1)
}

/// `values` as Kryo writes them with `writeInts(values, true)` and variable
/// length encoding on: one varint each.
#[must_use]
pub fn var_int_bytes(values: &[i32]) -> Vec<u8> {
    let mut out = Output::new();
    out.write_ints_var_or_fixed(values, true)
        .expect("memory output grows");
    out.into_vec()
}

/// `values` as Kryo writes them with `writeLongs(values, true)`.
#[must_use]
pub fn var_long_bytes(values: &[i64]) -> Vec<u8> {
    let mut out = Output::new();
    out.write_longs_var_or_fixed(values, true)
        .expect("memory output grows");
    out.into_vec()
}

/// Uniformly random ints filling `bytes` bytes (`bytes / 4` values).
#[must_use]
pub fn ints(bytes: usize) -> Vec<i32> {
    let mut rng = Rng::new(SEED ^ 2);
    (0..bytes / 4).map(|_| rng.next_u32() as i32).collect()
}

/// Uniformly random longs filling `bytes` bytes (`bytes / 8` values).
#[must_use]
pub fn longs(bytes: usize) -> Vec<i64> {
    let mut rng = Rng::new(SEED ^ 3);
    (0..bytes / 8).map(|_| rng.next_u64() as i64).collect()
}

/// Uniformly random shorts filling `bytes` bytes (`bytes / 2` values).
#[must_use]
pub fn shorts(bytes: usize) -> Vec<i16> {
    let mut rng = Rng::new(SEED ^ 4);
    (0..bytes / 2).map(|_| rng.next_u32() as i16).collect()
}

/// Finite doubles in `[-1e6, 1e6)` filling `bytes` bytes (`bytes / 8`
/// values). No NaN, so the safe flavour's NaN canonicalisation never
/// changes a value and its cost is only the check.
#[must_use]
pub fn doubles(bytes: usize) -> Vec<f64> {
    let mut rng = Rng::new(SEED ^ 5);
    (0..bytes / 8)
        .map(|_| ((rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 - 0.5) * 2e6)
        .collect()
}

/// The little-endian wire image of `values` (what `writeInts` writes).
#[must_use]
pub fn int_bytes(values: &[i32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// The little-endian wire image of `values` (what `writeLongs` writes).
#[must_use]
pub fn long_bytes(values: &[i64]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// The little-endian wire image of `values` (what `writeShorts` writes).
#[must_use]
pub fn short_bytes(values: &[i16]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// The little-endian wire image of `values` (what `writeDoubles` writes).
#[must_use]
pub fn double_bytes(values: &[f64]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// A named benchmark string.
#[derive(Clone, Debug)]
pub struct Text {
    /// Short name used in benchmark ids (`ascii15`, `cjk100`, ...).
    pub name: &'static str,
    /// The string.
    pub text: String,
}

/// The benchmark strings, in this order:
///
/// | name | characters | drawn as |
/// |---|---|---|
/// | `ascii15` | 15 | `TextMix::Ascii`: Kryo's ASCII form (no length, bit 7 on the last byte) |
/// | `mostly_ascii100` | 100 | `TextMix::MostlyAscii`: 90% ASCII, the rest 2-, 3- and 4-byte characters |
/// | `cjk100` | 100 | `TextMix::Cjk`: 90% CJK ideographs (3 bytes each), 10% ASCII |
/// | `emoji100` | 100 | [`emoji_text`]: ASCII with one emoji in five (each a surrogate pair, 6 CESU-8 bytes) |
///
/// ```
/// let names: Vec<_> = kryo5_benches::data::strings().iter().map(|t| t.name).collect();
/// assert_eq!(names, ["ascii15", "mostly_ascii100", "cjk100", "emoji100"]);
/// ```
#[must_use]
pub fn strings() -> Vec<Text> {
    let mut rng = Rng::new(SEED ^ 6);
    vec![
        Text {
            name: "ascii15",
            text: rng.string(15, TextMix::Ascii),
        },
        Text {
            name: "mostly_ascii100",
            text: rng.string(100, TextMix::MostlyAscii),
        },
        Text {
            name: "cjk100",
            text: rng.string(100, TextMix::Cjk),
        },
        Text {
            name: "emoji100",
            text: emoji_text(100, &mut rng),
        },
    ]
}

/// The benchmark string called `name` (see [`strings`]).
///
/// # Panics
/// If there is no string of that name.
#[must_use]
pub fn string(name: &str) -> String {
    strings()
        .into_iter()
        .find(|t| t.name == name)
        .map(|t| t.text)
        .unwrap_or_else(|| panic!("no benchmark string {name:?}"))
}

/// `chars` characters of chat-like text: printable ASCII, with one character
/// in five an emoji from U+1F600..U+1F64F (a supplementary character: a
/// surrogate pair in Java, 6 bytes of CESU-8).
pub fn emoji_text(chars: usize, rng: &mut Rng) -> String {
    (0..chars)
        .map(|_| {
            let c = if rng.below(5) == 0 {
                0x1_f600 + rng.below(0x50) as u32
            } else {
                0x20 + rng.below(0x5f) as u32
            };
            char::from_u32(c).unwrap_or('?')
        })
        .collect()
}

/// Bytes after a string in [`string_in_message`]: the fields that follow it.
pub const TRAILER: usize = 32;

/// `text` as Kryo's `writeString` writes it inside a message: followed by
/// [`TRAILER`] bytes of further fields (here a `long` and zeros), as strings
/// appear in Kryo payloads. The read benchmarks read the string from the
/// start and stop there.
///
/// ```
/// let bytes = kryo5_benches::data::string_in_message("ab");
/// assert_eq!(bytes.len(), 2 + kryo5_benches::data::TRAILER);
/// ```
#[must_use]
pub fn string_in_message(text: &str) -> Vec<u8> {
    let mut bytes = string_bytes(text);
    bytes.extend_from_slice(&0x0123_4567_89ab_cdef_u64.to_le_bytes());
    bytes.resize(bytes.len() + TRAILER - 8, 0);
    bytes
}

/// `text` as Kryo's `writeString` writes it.
#[must_use]
pub fn string_bytes(text: &str) -> Vec<u8> {
    let mut out = Output::new();
    out.write_string(Some(text)).expect("memory output grows");
    out.into_vec()
}
