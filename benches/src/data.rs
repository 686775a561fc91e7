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

/// `n` negative longs, uniformly random below zero: with `optimize_positive
/// = true` (the kernel cases' setting) every one is a 9-byte varlong whose
/// ninth byte has bit 7 set, the worst case for decoders that find value
/// ends from continuation bits alone.
///
/// ```
/// let v = kryo5_benches::data::negative_longs(100);
/// assert!(v.iter().all(|&x| x < 0));
/// ```
#[must_use]
pub fn negative_longs(n: usize) -> Vec<i64> {
    let mut rng = Rng::new(SEED ^ 6);
    (0..n).map(|_| (rng.next_u64() | 1 << 63) as i64).collect()
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
    (0..chars).map(|_| emoji_char(rng)).collect()
}

/// One character of [`emoji_text`].
fn emoji_char(rng: &mut Rng) -> char {
    let c = if rng.below(5) == 0 {
        0x1_f600 + rng.below(0x50) as u32
    } else {
        0x20 + rng.below(0x5f) as u32
    };
    char::from_u32(c).unwrap_or('?')
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

// ----- kernel inputs -------------------------------------------------------

/// Bytes of each text in the criterion and iai-callgrind kernel suites:
/// 1 KiB and 64 KiB of UTF-8.
pub const KERNEL_TEXT_BYTES: [usize; 2] = [1 << 10, 64 << 10];

/// The kind of text a kernel benchmark converts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    /// `TextMix::MostlyAscii`: 90% ASCII, 6% 2-byte, 3% 3-byte and 1%
    /// supplementary characters (the last are surrogate pairs in CESU-8).
    MostlyAscii,
    /// `TextMix::Cjk`: 90% CJK ideographs (3 bytes), 10% ASCII; no
    /// supplementary characters, so its CESU-8 is its UTF-8.
    Cjk,
    /// [`emoji_text`]: printable ASCII with one emoji in five.
    Emoji,
}

impl TextKind {
    /// Every kind, in report order.
    pub const ALL: [TextKind; 3] = [TextKind::MostlyAscii, TextKind::Cjk, TextKind::Emoji];

    /// Short name used in benchmark ids.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            TextKind::MostlyAscii => "mostly_ascii",
            TextKind::Cjk => "cjk",
            TextKind::Emoji => "emoji",
        }
    }
}

/// A text for the kernel benchmarks, with its Kryo forms precomputed.
#[derive(Clone, Debug)]
pub struct KernelText {
    /// Benchmark id: `<kind>_<size>`, e.g. `cjk_64k`.
    pub name: String,
    /// What the text is made of.
    pub kind: TextKind,
    /// The text (at most the requested bytes of UTF-8, whole characters).
    pub text: String,
    /// The text as CESU-8 (what Kryo writes after the length).
    pub cesu8: Vec<u8>,
    /// Java's `String.length()`: UTF-16 units.
    pub units: usize,
}

/// A text of `kind` filling at most `bytes` bytes of UTF-8 (whole
/// characters; never more than 3 bytes short), drawn from [`SEED`].
///
/// ```
/// use kryo5_benches::data::{kernel_text, TextKind};
/// let t = kernel_text(TextKind::Cjk, 1024);
/// assert!(t.text.len() <= 1024 && t.text.len() > 1020);
/// assert_eq!(t.cesu8, t.text.as_bytes()); // no supplementary characters
/// ```
#[must_use]
pub fn kernel_text(kind: TextKind, bytes: usize) -> KernelText {
    let mut rng = Rng::new(SEED ^ 7 ^ ((bytes as u64) << 8) ^ (kind as u64));
    let mut text = String::with_capacity(bytes);
    loop {
        let c = match kind {
            TextKind::MostlyAscii => rng.char(TextMix::MostlyAscii),
            TextKind::Cjk => rng.char(TextMix::Cjk),
            TextKind::Emoji => emoji_char(&mut rng),
        };
        if text.len() + c.len_utf8() > bytes {
            break;
        }
        text.push(c);
    }
    let units = text.encode_utf16().count();
    let mut cesu8 = Vec::with_capacity(text.len() + text.len() / 2);
    crate::baseline::utf8_to_cesu8(&text, &mut cesu8);
    let size = if bytes >= 1 << 10 && bytes.is_multiple_of(1 << 10) {
        format!("{}k", bytes >> 10)
    } else {
        bytes.to_string()
    };
    KernelText {
        name: format!("{}_{size}", kind.name()),
        kind,
        text,
        cesu8,
        units,
    }
}

/// Every kernel text: [`TextKind::ALL`] at each of [`KERNEL_TEXT_BYTES`].
#[must_use]
pub fn kernel_texts() -> Vec<KernelText> {
    KERNEL_TEXT_BYTES
        .iter()
        .flat_map(|&b| TextKind::ALL.map(|k| kernel_text(k, b)))
        .collect()
}

/// The kernel text called `name` (see [`kernel_texts`]).
///
/// # Panics
/// If there is no text of that name.
#[must_use]
pub fn kernel_text_named(name: &str) -> KernelText {
    kernel_texts()
        .into_iter()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("no kernel text {name:?}"))
}

/// One element in this many of [`canon_floats`] / [`canon_doubles`] is a
/// NaN with a payload Java would rewrite (so the canonicalising kernels
/// take their slow lane now and then, as real data with missing values
/// would make them).
pub const NAN_EVERY: usize = 64;

/// Floats filling `bytes` bytes: finite values, and every
/// [`NAN_EVERY`]th a non-canonical NaN (`0x7fc0_0001` and friends).
#[must_use]
pub fn canon_floats(bytes: usize) -> Vec<f32> {
    let mut rng = Rng::new(SEED ^ 8);
    (0..bytes / 4)
        .map(|i| {
            if i % NAN_EVERY == NAN_EVERY - 1 {
                f32::from_bits(0x7fc0_0000 | (1 + rng.below(0x3f_ffff) as u32))
            } else {
                ((rng.next_u32() >> 8) as f32 / (1u32 << 24) as f32 - 0.5) * 2e6
            }
        })
        .collect()
}

/// Doubles filling `bytes` bytes, as [`canon_floats`].
#[must_use]
pub fn canon_doubles(bytes: usize) -> Vec<f64> {
    let mut rng = Rng::new(SEED ^ 9);
    (0..bytes / 8)
        .map(|i| {
            if i % NAN_EVERY == NAN_EVERY - 1 {
                f64::from_bits(0x7ff8_0000_0000_0000 | (1 + rng.below(0x7_ffff_ffff_ffff)))
            } else {
                ((rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 - 0.5) * 2e6
            }
        })
        .collect()
}

/// `bytes` bytes as `writeBooleans` and `UnsafeOutput` leave them: mostly
/// `0` and `1`, one in eight some other non-zero byte (Java reads any
/// non-zero byte as `true`).
#[must_use]
pub fn bool_bytes(bytes: usize) -> Vec<u8> {
    let mut rng = Rng::new(SEED ^ 10);
    (0..bytes)
        .map(|_| match rng.below(16) {
            0..=6 => 0,
            7..=13 => 1,
            _ => 2 + rng.below(254) as u8,
        })
        .collect()
}
