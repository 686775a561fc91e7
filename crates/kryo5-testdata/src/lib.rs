//! Seeded sample data shared by kryo5's tests, interop suite and benchmarks.
//!
//! One generator ([`Rng`], SplitMix64) so every suite draws the same values
//! from the same seed, plus the edge values of the wire format (format spec
//! section 13) and value mixes the benchmarks use.

/// SplitMix64: small, fast, good enough for test data, fully reproducible.
///
/// ```
/// let mut a = kryo5_testdata::Rng::new(7);
/// let mut b = kryo5_testdata::Rng::new(7);
/// assert_eq!(a.next_u64(), b.next_u64());
/// ```
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// The next 32 random bits.
    pub fn next_u32(&mut self) -> u32 {
        (self.next_u64() >> 32) as u32
    }

    /// A value in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A random boolean.
    pub fn bool(&mut self) -> bool {
        self.next_u64() & 1 == 1
    }

    /// An `i32` whose magnitude is spread over all bit widths, so varints of
    /// every length (and both signs) are equally likely.
    pub fn spread_i32(&mut self) -> i32 {
        let bits = self.below(33) as u32;
        let v = if bits == 0 {
            0
        } else {
            self.next_u32() >> (32 - bits)
        };
        if self.bool() {
            v as i32
        } else {
            (v as i32).wrapping_neg()
        }
    }

    /// An `i64` spread over all bit widths, as [`Rng::spread_i32`].
    pub fn spread_i64(&mut self) -> i64 {
        let bits = self.below(65) as u32;
        let v = if bits == 0 {
            0
        } else {
            self.next_u64() >> (64 - bits)
        };
        if self.bool() {
            v as i64
        } else {
            (v as i64).wrapping_neg()
        }
    }

    /// Random bytes.
    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next_u64() as u8).collect()
    }

    /// A random string of `chars` characters drawn from ASCII, Latin-1,
    /// BMP (CJK, symbols) and supplementary planes (emoji), per `mix`.
    pub fn string(&mut self, chars: usize, mix: TextMix) -> String {
        (0..chars).map(|_| self.char(mix)).collect()
    }

    /// A random character per `mix`.
    pub fn char(&mut self, mix: TextMix) -> char {
        let roll = self.below(100) as u32;
        let class = match mix {
            TextMix::Ascii => 0,
            TextMix::MostlyAscii => {
                u32::from(roll >= 90) + u32::from(roll >= 96) + u32::from(roll >= 99)
            }
            TextMix::Cjk => {
                if roll < 10 {
                    0
                } else {
                    2
                }
            }
            TextMix::Any => roll % 4,
        };
        let c = match class {
            0 => self.below(0x80) as u32,
            1 => 0x80 + self.below(0x800 - 0x80) as u32,
            2 => {
                if matches!(mix, TextMix::Cjk) {
                    0x4e00 + self.below(0x9fff - 0x4e00) as u32
                } else {
                    0x800 + self.below(0xd800 - 0x800) as u32
                }
            }
            _ => 0x1_0000 + self.below(0x10_ffff - 0x1_0000) as u32,
        };
        char::from_u32(c).unwrap_or('?')
    }
}

/// Which characters [`Rng::string`] draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextMix {
    /// U+0000..U+007F only.
    Ascii,
    /// 90% ASCII, the rest 2-, 3- and 4-byte characters.
    MostlyAscii,
    /// 90% CJK ideographs, 10% ASCII.
    Cjk,
    /// Every UTF-8 length equally likely.
    Any,
}

/// 32-bit values at every varint length boundary and both signs
/// (format spec section 13.1), plus the extremes.
#[must_use]
pub fn edge_i32() -> Vec<i32> {
    let mut v = vec![
        0,
        1,
        -1,
        63,
        64,
        -64,
        -65,
        127,
        128,
        8191,
        8192,
        i32::MAX,
        i32::MIN,
    ];
    for shift in [7, 13, 14, 20, 21, 27, 28, 31] {
        let p = 1i64 << shift;
        for x in [p - 1, p, p + 1, -p, -p - 1] {
            v.push(x as i32);
        }
    }
    v
}

/// 64-bit values at every varlong length boundary (section 13.2).
#[must_use]
pub fn edge_i64() -> Vec<i64> {
    let mut v = vec![0, 1, -1, i64::MAX, i64::MIN, i64::MAX - 1, i64::MIN + 1];
    for shift in (7..=63).step_by(7).chain([31, 32, 55, 56, 57, 62, 63]) {
        let p = 1i128 << shift;
        for x in [p - 1, p, p + 1, -p, -p - 1] {
            v.push(x as i64);
        }
    }
    v
}

/// Float bit patterns worth testing: zeros, infinities, NaNs with payloads
/// and signs, subnormals, extremes.
#[must_use]
pub fn edge_f32_bits() -> Vec<u32> {
    vec![
        0,
        0x8000_0000,
        0x3f80_0000,
        0xc020_0000,
        0x7f80_0000,
        0xff80_0000,
        0x7fc0_0000,
        0x7fc0_0001,
        0xffc0_0000,
        0x7f80_0001,
        0xff80_0001,
        1,
        0x7f7f_ffff,
        0x0080_0000,
    ]
}

/// Double bit patterns worth testing, as [`edge_f32_bits`].
#[must_use]
pub fn edge_f64_bits() -> Vec<u64> {
    vec![
        0,
        0x8000_0000_0000_0000,
        0x3ff0_0000_0000_0000,
        0x3fb9_9999_9999_999a,
        0x7ff0_0000_0000_0000,
        0xfff0_0000_0000_0000,
        0x7ff8_0000_0000_0000,
        0x7ff8_0000_0000_0001,
        0xfff8_0000_0000_0000,
        0x7ff0_0000_0000_0001,
        1,
        0x7fef_ffff_ffff_ffff,
    ]
}

/// Strings covering every branch of Kryo's string encoding (section 13.5).
#[must_use]
pub fn edge_strings() -> Vec<String> {
    let mut v: Vec<String> = [
        "",
        "a",
        "ab",
        "abc",
        "\u{0}",
        "\u{0}\u{0}",
        "a\u{0}b",
        "\u{7f}\u{7f}",
        "é",
        "éa",
        "café",
        "日本",
        "😀",
        "a😀",
        "\u{80}",
        "\u{7ff}",
        "\u{800}",
        "\u{ffff}",
        "\u{0}é",
        "hé",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    for n in [31, 32, 33, 62, 63, 64, 127, 128, 8190, 8191, 8192] {
        v.push(
            "abcdefghijklmnopqrstuvwxyz"
                .chars()
                .cycle()
                .take(n)
                .collect(),
        );
    }
    v.push("é".repeat(40));
    v.push("😀".repeat(33));
    v
}

/// The benchmark mix for varint runs: values whose encodings are spread
/// evenly over 1..=5 bytes (as unsigned, `optimizePositive = true`).
#[must_use]
pub fn varint_mix_u32(n: usize, seed: u64) -> Vec<i32> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| {
            let len = rng.below(5) as u32 + 1;
            let lo = if len == 1 { 0 } else { 1u64 << (7 * (len - 1)) };
            let hi = if len == 5 {
                1u64 << 32
            } else {
                1u64 << (7 * len)
            };
            (lo + rng.below(hi - lo)) as u32 as i32
        })
        .collect()
}

/// The benchmark mix for varlong runs: encodings spread evenly over 1..=9
/// bytes.
#[must_use]
pub fn varint_mix_u64(n: usize, seed: u64) -> Vec<i64> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| {
            let len = rng.below(9) as u32 + 1;
            let lo = if len == 1 {
                0
            } else {
                1u128 << (7 * (len - 1))
            };
            let hi = if len == 9 {
                1u128 << 64
            } else {
                1u128 << (7 * len)
            };
            let span = (hi - lo) as u64;
            (lo as u64).wrapping_add(if span == 0 {
                rng.next_u64()
            } else {
                rng.below(span)
            }) as i64
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varint_mix_spreads_lengths() {
        let v = varint_mix_u32(10_000, 1);
        let mut counts = [0usize; 6];
        for x in v {
            let u = x as u32;
            let len = (32 - (u | 1).leading_zeros()).div_ceil(7) as usize;
            counts[len] += 1;
        }
        for &c in &counts[1..] {
            assert!((1500..2500).contains(&c), "{counts:?}");
        }
    }

    #[test]
    fn rng_is_deterministic_and_spread() {
        let mut r = Rng::new(42);
        let a: Vec<u64> = (0..4).map(|_| r.next_u64()).collect();
        let mut r = Rng::new(42);
        let b: Vec<u64> = (0..4).map(|_| r.next_u64()).collect();
        assert_eq!(a, b);
        assert_ne!(a[0], a[1]);
    }
}
