//! Single-value codecs for Kryo's variable-length integers.
//!
//! These are the building blocks every kernel and every single-value
//! `Output`/`Input` method shares. They work on a little-endian machine word
//! holding the encoded bytes, so a writer stores 8 bytes at once and advances
//! by the encoded length, and a reader decodes from one 8-byte load.
//!
//! Wire rules (format spec sections 1.6, 1.7 and 1.9):
//! - a varint is at most 5 bytes; the fifth byte is always the last one and
//!   only its low 4 bits reach the 32-bit value;
//! - a varlong is at most 9 bytes; the ninth byte carries a full 8 bits;
//! - a varint-flag keeps bit 7 of its first byte for the flag, so its first
//!   group has 6 bits and its fifth byte contributes 5 bits.

/// Bytes Kryo's `writeVarInt` needs for the unsigned 32-bit value `u` (1..=5).
///
/// ```
/// assert_eq!(kryo5_arch::scalar::var_u32_len(127), 1);
/// assert_eq!(kryo5_arch::scalar::var_u32_len(128), 2);
/// assert_eq!(kryo5_arch::scalar::var_u32_len(u32::MAX), 5);
/// ```
#[inline]
#[must_use]
pub const fn var_u32_len(u: u32) -> usize {
    let bits = 32 - (u | 1).leading_zeros();
    bits.div_ceil(7) as usize
}

/// Bytes Kryo's `writeVarLong` needs for the unsigned 64-bit value `u` (1..=9).
///
/// ```
/// assert_eq!(kryo5_arch::scalar::var_u64_len((1 << 56) - 1), 8);
/// assert_eq!(kryo5_arch::scalar::var_u64_len(1 << 56), 9);
/// ```
#[inline]
#[must_use]
pub const fn var_u64_len(u: u64) -> usize {
    let bits = 64 - (u | 1).leading_zeros();
    if bits > 56 {
        9
    } else {
        bits.div_ceil(7) as usize
    }
}

/// Bytes Kryo's `writeVarIntFlag` needs for the unsigned value `u` (1..=5).
///
/// ```
/// assert_eq!(kryo5_arch::scalar::var_flag_len(63), 1);
/// assert_eq!(kryo5_arch::scalar::var_flag_len(64), 2);
/// ```
#[inline]
#[must_use]
pub const fn var_flag_len(u: u32) -> usize {
    let bits = 32 - (u | 1).leading_zeros();
    if bits <= 6 {
        1
    } else {
        1 + (bits - 6).div_ceil(7) as usize
    }
}

/// Zigzag-encodes a 32-bit value (`optimizePositive = false`).
#[inline]
#[must_use]
pub const fn zigzag32(v: i32) -> u32 {
    ((v << 1) ^ (v >> 31)) as u32
}

/// Reverses [`zigzag32`].
#[inline]
#[must_use]
pub const fn unzigzag32(u: u32) -> i32 {
    ((u >> 1) as i32) ^ -((u & 1) as i32)
}

/// Zigzag-encodes a 64-bit value.
#[inline]
#[must_use]
pub const fn zigzag64(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

/// Reverses [`zigzag64`].
#[inline]
#[must_use]
pub const fn unzigzag64(u: u64) -> i64 {
    ((u >> 1) as i64) ^ -((u & 1) as i64)
}

/// Applies Kryo's `optimizePositive` choice to a 32-bit value.
#[inline]
#[must_use]
pub const fn to_unsigned32(v: i32, optimize_positive: bool) -> u32 {
    if optimize_positive {
        v as u32
    } else {
        zigzag32(v)
    }
}

/// Reverses [`to_unsigned32`].
#[inline]
#[must_use]
pub const fn from_unsigned32(u: u32, optimize_positive: bool) -> i32 {
    if optimize_positive {
        u as i32
    } else {
        unzigzag32(u)
    }
}

/// Applies Kryo's `optimizePositive` choice to a 64-bit value.
#[inline]
#[must_use]
pub const fn to_unsigned64(v: i64, optimize_positive: bool) -> u64 {
    if optimize_positive {
        v as u64
    } else {
        zigzag64(v)
    }
}

/// Reverses [`to_unsigned64`].
#[inline]
#[must_use]
pub const fn from_unsigned64(u: u64, optimize_positive: bool) -> i64 {
    if optimize_positive {
        u as i64
    } else {
        unzigzag64(u)
    }
}

/// Continuation bits for the first `len - 1` bytes of a word (`len` in 1..=8).
#[inline]
const fn continuation_mask(len: usize) -> u64 {
    0x8080_8080_8080_8080 & ((1u64 << (8 * (len - 1))) - 1)
}

/// Spreads the low 56 bits of `x` into eight 7-bit groups, one per byte.
#[inline]
const fn spread7(x: u64) -> u64 {
    let x = x & 0x00ff_ffff_ffff_ffff;
    let x = (x & 0x0000_0000_0fff_ffff) | ((x & 0x00ff_ffff_f000_0000) << 4);
    let x = (x & 0x0000_3fff_0000_3fff) | ((x & 0x0fff_c000_0fff_c000) << 2);
    (x & 0x007f_007f_007f_007f) | ((x & 0x3f80_3f80_3f80_3f80) << 1)
}

/// Gathers eight 7-bit groups (one per byte, high bits ignored) into 56 bits.
#[inline]
const fn gather7(w: u64) -> u64 {
    let w = w & 0x7f7f_7f7f_7f7f_7f7f;
    let w = (w & 0x007f_007f_007f_007f) | ((w & 0x7f00_7f00_7f00_7f00) >> 1);
    let w = (w & 0x0000_3fff_0000_3fff) | ((w & 0x3fff_0000_3fff_0000) >> 2);
    (w & 0x0000_0000_0fff_ffff) | ((w & 0x0fff_ffff_0000_0000) >> 4)
}

/// Encodes `u` as Kryo's varint: returns a little-endian word whose low `len`
/// bytes are the encoding, and `len`.
///
/// ```
/// let (word, len) = kryo5_arch::scalar::encode_var_u32(300);
/// assert_eq!(&word.to_le_bytes()[..len], &[0xac, 0x02]);
/// ```
#[inline]
#[must_use]
pub const fn encode_var_u32(u: u32) -> (u64, usize) {
    let len = var_u32_len(u);
    (spread7(u as u64) | continuation_mask(len), len)
}

/// Encodes `u` as Kryo's varlong: the first up-to-8 bytes as a little-endian
/// word, the ninth byte (meaningful only when `len == 9`), and `len`.
///
/// ```
/// let (word, ninth, len) = kryo5_arch::scalar::encode_var_u64(u64::MAX);
/// assert_eq!((word, ninth, len), (u64::MAX, 0xff, 9));
/// ```
#[inline]
#[must_use]
pub const fn encode_var_u64(u: u64) -> (u64, u8, usize) {
    let len = var_u64_len(u);
    if len == 9 {
        (spread7(u) | 0x8080_8080_8080_8080, (u >> 56) as u8, 9)
    } else {
        (spread7(u) | continuation_mask(len), 0, len)
    }
}

/// Encodes Kryo's varint-flag: bit 7 of the first byte is `flag`, bit 6 says
/// more bytes follow, the low 6 bits start the value. Returns the word and
/// the length.
///
/// ```
/// let (word, len) = kryo5_arch::scalar::encode_var_flag(true, 64);
/// assert_eq!(&word.to_le_bytes()[..len], &[0xc0, 0x01]);
/// ```
#[inline]
#[must_use]
pub const fn encode_var_flag(flag: bool, u: u32) -> (u64, usize) {
    let first = (u & 0x3f) as u64 | if flag { 0x80 } else { 0 };
    if u >> 6 == 0 {
        return (first, 1);
    }
    let (rest, rest_len) = encode_var_u32(u >> 6);
    ((rest << 8) | first | 0x40, rest_len + 1)
}

/// Decodes a varint from the first bytes of `w` (the next 8 input bytes,
/// little-endian) exactly as Java's `readVarInt` does: at most 5 bytes, the
/// fifth always terminal. Returns the unsigned value and the bytes consumed.
///
/// ```
/// let w = u64::from_le_bytes([0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0, 0]);
/// assert_eq!(kryo5_arch::scalar::decode_var_u32(w), (u32::MAX, 5));
/// ```
#[inline]
#[must_use]
pub const fn decode_var_u32(w: u64) -> (u32, usize) {
    let stops = (!w & 0x8080_8080) | 0x80_0000_0000;
    let len = (stops.trailing_zeros() as usize + 1) / 8;
    let keep = w & ((1u64 << (8 * len)) - 1);
    (gather7(keep) as u32, len)
}

/// Decodes a varlong from the next 9 input bytes (`w` holds the first 8
/// little-endian, `ninth` the ninth) as Java's `readVarLong` does.
///
/// ```
/// let (v, len) = kryo5_arch::scalar::decode_var_u64(u64::MAX, 0xff);
/// assert_eq!((v, len), (u64::MAX, 9));
/// ```
#[inline]
#[must_use]
pub const fn decode_var_u64(w: u64, ninth: u8) -> (u64, usize) {
    let stops = !w & 0x8080_8080_8080_8080;
    if stops == 0 {
        return (gather7(w) | ((ninth as u64) << 56), 9);
    }
    let len = (stops.trailing_zeros() as usize + 1) / 8;
    let keep = if len == 8 {
        w
    } else {
        w & ((1u64 << (8 * len)) - 1)
    };
    (gather7(keep), len)
}

/// Decodes a varint-flag value (without the flag) from the next 8 input bytes
/// as Java's `readVarIntFlag(boolean)` does: 6 bits from the first byte, then
/// 7-bit groups, at most 5 bytes, the fifth contributing its low 5 bits.
///
/// ```
/// let w = u64::from_le_bytes([0xc0, 0x81, 0x01, 0, 0, 0, 0, 0]);
/// assert_eq!(kryo5_arch::scalar::decode_var_flag(w), (8256, 3));
/// ```
#[inline]
#[must_use]
pub const fn decode_var_flag(w: u64) -> (u32, usize) {
    if w & 0x40 == 0 {
        return ((w & 0x3f) as u32, 1);
    }
    // At most four bytes follow the first; the last of them is terminal.
    let rest = w >> 8;
    let stops = (!rest & 0x0080_8080) | 0x8000_0000;
    let rest_len = (stops.trailing_zeros() as usize + 1) / 8;
    let keep = rest & ((1u64 << (8 * rest_len)) - 1);
    (((w & 0x3f) | (gather7(keep) << 6)) as u32, rest_len + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference_encode32(mut u: u32) -> Vec<u8> {
        let mut out = Vec::new();
        for _ in 0..4 {
            if u >> 7 == 0 {
                out.push(u as u8);
                return out;
            }
            out.push((u & 0x7f) as u8 | 0x80);
            u >>= 7;
        }
        out.push(u as u8);
        out
    }

    fn word(bytes: &[u8]) -> u64 {
        let mut b = [0u8; 8];
        b[..bytes.len().min(8)].copy_from_slice(&bytes[..bytes.len().min(8)]);
        u64::from_le_bytes(b)
    }

    #[test]
    fn varint_matches_byte_loop_at_every_boundary() {
        for shift in 0..32 {
            for delta in [-1i64, 0, 1] {
                let u = ((1i64 << shift) + delta).clamp(0, i64::from(u32::MAX)) as u32;
                let (w, len) = encode_var_u32(u);
                let expect = reference_encode32(u);
                assert_eq!(&w.to_le_bytes()[..len], &expect[..], "u={u}");
                assert_eq!(decode_var_u32(word(&expect)), (u, len));
            }
        }
    }

    #[test]
    fn varint_decode_follows_java_for_odd_patterns() {
        assert_eq!(
            decode_var_u32(word(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x01])),
            (0, 5)
        );
        assert_eq!(
            decode_var_u32(word(&[0x81, 0x80, 0x80, 0x80, 0x00])),
            (1, 5)
        );
        assert_eq!(
            decode_var_u32(word(&[0xff, 0xff, 0xff, 0xff, 0x7f])),
            (u32::MAX, 5)
        );
        assert_eq!(decode_var_u32(word(&[0x80, 0x00])), (0, 2));
    }

    #[test]
    fn varlong_vectors() {
        assert_eq!(encode_var_u64(1 << 56), (0x8080_8080_8080_8080, 1, 9));
        assert_eq!(decode_var_u64(u64::MAX, 0x80), (0x80ff_ffff_ffff_ffff, 9));
        let (w, _, len) = encode_var_u64((1 << 56) - 1);
        assert_eq!(len, 8);
        assert_eq!(w, 0x7fff_ffff_ffff_ffff);
        assert_eq!(decode_var_u64(w, 0), ((1 << 56) - 1, 8));
    }

    #[test]
    fn varflag_vectors() {
        let cases: &[(bool, u32, &[u8])] = &[
            (true, 0, &[0x80]),
            (false, 0, &[0x00]),
            (true, 63, &[0xbf]),
            (true, 64, &[0xc0, 0x01]),
            (false, 64, &[0x40, 0x01]),
            (true, 8192, &[0xc0, 0x80, 0x01]),
            (true, u32::MAX, &[0xff, 0xff, 0xff, 0xff, 0x1f]),
            (true, 1 << 27, &[0xc0, 0x80, 0x80, 0x80, 0x01]),
        ];
        for &(flag, u, bytes) in cases {
            let (w, len) = encode_var_flag(flag, u);
            assert_eq!(&w.to_le_bytes()[..len], bytes, "{flag} {u}");
            assert_eq!(len, var_flag_len(u));
            assert_eq!(decode_var_flag(word(bytes)), (u, len));
        }
        // Fifth byte terminal; its bit 7 ignored, only 5 bits used.
        assert_eq!(
            decode_var_flag(word(&[0x7f, 0xff, 0xff, 0xff, 0xff, 0x01])),
            (u32::MAX, 5)
        );
    }

    #[test]
    fn zigzag_round_trips() {
        for v in [0, 1, -1, 63, -64, i32::MAX, i32::MIN] {
            assert_eq!(unzigzag32(zigzag32(v)), v);
            assert_eq!(unzigzag64(zigzag64(v.into())), i64::from(v));
        }
        assert_eq!(zigzag32(-1), 1);
        assert_eq!(zigzag32(i32::MIN), u32::MAX);
    }
}
