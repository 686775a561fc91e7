//! The plain loops kryo5 is measured against.
//!
//! Each writes or reads exactly the bytes Kryo does (the crate's tests check
//! it against kryo5), the straightforward way: one byte at a time into a
//! `Vec<u8>` with `push`, or out of a slice with a bounds-checked index.
//! They validate what kryo5 validates (a truncated value or a malformed
//! string is `None`, never a panic), so the comparison is like for like.

/// Appends `v` as a varint: the classic LEB128 loop. For a `u32` this is
/// exactly Kryo's `writeVarInt` (at most 5 bytes).
///
/// ```
/// let mut buf = Vec::new();
/// kryo5_benches::baseline::write_u32(&mut buf, 300);
/// assert_eq!(buf, [0xac, 0x02]);
/// ```
#[inline]
pub fn write_u32(buf: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        buf.push(v as u8 | 0x80);
        v >>= 7;
    }
    buf.push(v as u8);
}

/// Appends `v` as Kryo's varlong: the classic LEB128 loop, except that
/// after 8 groups of 7 bits the ninth byte carries the last 8 bits whole
/// (Kryo's `writeVarLong`, at most 9 bytes).
///
/// ```
/// let mut buf = Vec::new();
/// kryo5_benches::baseline::write_u64(&mut buf, u64::MAX);
/// assert_eq!(buf, [0xff; 9]);
/// ```
#[inline]
pub fn write_u64(buf: &mut Vec<u8>, mut v: u64) {
    for _ in 0..8 {
        if v < 0x80 {
            buf.push(v as u8);
            return;
        }
        buf.push(v as u8 | 0x80);
        v >>= 7;
    }
    buf.push(v as u8);
}

/// Reads a varint at `*pos`, one byte at a time, as Java's `readVarInt`
/// does (the fifth byte always ends the value); advances `*pos`. `None` if
/// the input ends inside the value.
///
/// ```
/// let mut pos = 0;
/// assert_eq!(kryo5_benches::baseline::read_u32(&[0xac, 0x02], &mut pos), Some(300));
/// assert_eq!(pos, 2);
/// ```
#[inline]
pub fn read_u32(src: &[u8], pos: &mut usize) -> Option<u32> {
    let mut value = 0u32;
    let mut shift = 0;
    loop {
        let b = *src.get(*pos)?;
        *pos += 1;
        value |= u32::from(b & 0x7f) << shift;
        if b < 0x80 || shift == 28 {
            return Some(value);
        }
        shift += 7;
    }
}

/// Reads a varlong at `*pos` as Java's `readVarLong` does (the ninth byte
/// carries 8 bits); advances `*pos`.
///
/// ```
/// let mut pos = 0;
/// assert_eq!(kryo5_benches::baseline::read_u64(&[0xff; 9], &mut pos), Some(u64::MAX));
/// ```
#[inline]
pub fn read_u64(src: &[u8], pos: &mut usize) -> Option<u64> {
    let mut value = 0u64;
    let mut shift = 0;
    loop {
        let b = *src.get(*pos)?;
        *pos += 1;
        if shift == 56 {
            return Some(value | u64::from(b) << 56);
        }
        value |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Some(value);
        }
        shift += 7;
    }
}

/// Appends Kryo's varint-flag (the string header): `flag` in bit 7 of the
/// first byte, bit 6 "more follows", 6 value bits, then 7-bit groups.
#[inline]
fn write_var_flag(buf: &mut Vec<u8>, flag: bool, v: u32) {
    let first = (v & 0x3f) as u8 | if flag { 0x80 } else { 0 };
    if v >> 6 == 0 {
        buf.push(first);
        return;
    }
    buf.push(first | 0x40);
    write_u32(buf, v >> 6);
}

/// Reads a varint-flag's value byte by byte (Java's
/// `readVarIntFlag(true)`: at most 5 bytes).
#[inline]
fn read_var_flag(src: &[u8], pos: &mut usize) -> Option<u32> {
    let b = *src.get(*pos)?;
    *pos += 1;
    let mut value = u32::from(b & 0x3f);
    if b & 0x40 == 0 {
        return Some(value);
    }
    let mut shift = 6;
    loop {
        let b = *src.get(*pos)?;
        *pos += 1;
        value |= u32::from(b & 0x7f) << shift;
        if b < 0x80 || shift == 27 {
            return Some(value);
        }
        shift += 7;
    }
}

/// The body of [`write_unit`] and [`put_unit`]: one UTF-16 unit as 1, 2 or
/// 3 bytes of CESU-8. A macro, not a shared function, so each baseline
/// keeps its own inlined copy (sharing one function changed the inlining
/// and made the baselines 1.2-1.8x slower).
macro_rules! push_unit {
    ($buf:expr, $u:expr) => {{
        let (buf, u): (&mut Vec<u8>, u16) = ($buf, $u);
        if u < 0x80 {
            buf.push(u as u8);
        } else if u < 0x800 {
            buf.push(0xc0 | (u >> 6) as u8);
            buf.push(0x80 | (u & 0x3f) as u8);
        } else {
            buf.push(0xe0 | (u >> 12) as u8);
            buf.push(0x80 | ((u >> 6) & 0x3f) as u8);
            buf.push(0x80 | (u & 0x3f) as u8);
        }
    }};
}

/// Appends one UTF-16 unit as 1, 2 or 3 bytes of CESU-8 (for
/// [`write_string`] only: [`utf8_to_cesu8`] has its own copy, [`put_unit`],
/// so this one keeps a single caller and the code the buffer suite always
/// measured).
#[inline]
fn write_unit(buf: &mut Vec<u8>, u: u16) {
    push_unit!(buf, u);
}

/// Appends `s` as Kryo's `writeString(s)`, character by character: one
/// pass over `encode_utf16` to count units and see whether all are ASCII,
/// then either the ASCII form (2..=32 ASCII characters: the bytes, bit 7
/// set on the last) or `varint-flag(true, units + 1)` and one pass over
/// `encode_utf16` emitting 1 to 3 bytes per unit.
///
/// ```
/// let mut buf = Vec::new();
/// kryo5_benches::baseline::write_string(&mut buf, "é");
/// assert_eq!(buf, [0x82, 0xc3, 0xa9]);
/// ```
pub fn write_string(buf: &mut Vec<u8>, s: &str) {
    let mut units = 0usize;
    let mut ascii = true;
    for u in s.encode_utf16() {
        units += 1;
        ascii &= u < 0x80;
    }
    if ascii && (2..=32).contains(&units) {
        for u in s.encode_utf16() {
            buf.push(u as u8);
        }
        if let Some(last) = buf.last_mut() {
            *last |= 0x80;
        }
        return;
    }
    write_var_flag(buf, true, units as u32 + 1);
    for u in s.encode_utf16() {
        write_unit(buf, u);
    }
}

/// A continuation byte's 6 bits, if `src[at]` is one.
#[inline(always)]
fn continuation(src: &[u8], at: usize) -> Option<u16> {
    match src.get(at) {
        Some(&b) if b & 0xc0 == 0x80 => Some(u16::from(b & 0x3f)),
        _ => None,
    }
}

/// Reads one CESU-8 unit byte by byte, accepting only the forms Kryo
/// writes (as kryo5 does: no overlong 2- or 3-byte forms, no 4-byte forms).
/// Always inlined, as [`write_unit`] (several loops share it).
#[inline(always)]
fn read_unit(src: &[u8], pos: &mut usize) -> Option<u16> {
    let b0 = *src.get(*pos)?;
    match b0 {
        0x00..=0x7f => {
            *pos += 1;
            Some(u16::from(b0))
        }
        0xc2..=0xdf => {
            let u = (u16::from(b0 & 0x1f) << 6) | continuation(src, *pos + 1)?;
            *pos += 2;
            Some(u)
        }
        0xe0..=0xef => {
            let u = (u16::from(b0 & 0x0f) << 12)
                | (continuation(src, *pos + 1)? << 6)
                | continuation(src, *pos + 2)?;
            *pos += 3;
            (u >= 0x800).then_some(u)
        }
        _ => None,
    }
}

/// Reads Kryo's `readString` byte by byte into `dst` (cleared first),
/// pushing one `char` at a time and pairing surrogates. `Some(false)` for
/// Java's `null`; `None` for truncated or malformed input, including a lone
/// surrogate (which a Rust `String` cannot hold).
///
/// ```
/// let mut s = String::new();
/// let mut pos = 0;
/// assert_eq!(kryo5_benches::baseline::read_string(&[0x61, 0xe2], &mut pos, &mut s), Some(true));
/// assert_eq!(s, "ab");
/// ```
pub fn read_string(src: &[u8], pos: &mut usize, dst: &mut String) -> Option<bool> {
    dst.clear();
    if *src.get(*pos)? & 0x80 == 0 {
        loop {
            let b = *src.get(*pos)?;
            *pos += 1;
            dst.push(char::from(b & 0x7f));
            if b & 0x80 != 0 {
                return Some(true);
            }
        }
    }
    let units = match read_var_flag(src, pos)? {
        0 => return Some(false),
        n => n - 1,
    };
    let mut high: Option<u16> = None;
    for _ in 0..units {
        let u = read_unit(src, pos)?;
        let c = match (high.take(), u) {
            (None, 0xd800..=0xdbff) => {
                high = Some(u);
                continue;
            }
            (Some(h), 0xdc00..=0xdfff) => {
                0x1_0000 + ((u32::from(h) - 0xd800) << 10) + (u32::from(u) - 0xdc00)
            }
            (Some(_), _) | (None, 0xdc00..=0xdfff) => return None,
            (None, _) => u32::from(u),
        };
        dst.push(char::from_u32(c)?);
    }
    high.is_none().then_some(true)
}

/// Adds one UTF-16 unit to `dst`, holding a high surrogate in `high` until
/// its low half arrives. `None` for a lone surrogate. (The same pairing as
/// [`read_string`], which keeps its own copy so that its code, and so its
/// timing, is the one the buffer suite always measured.)
#[inline(always)]
fn push_unit(high: &mut Option<u16>, u: u16, dst: &mut String) -> Option<()> {
    let c = match (high.take(), u) {
        (None, 0xd800..=0xdbff) => {
            *high = Some(u);
            return Some(());
        }
        (Some(h), 0xdc00..=0xdfff) => {
            0x1_0000 + ((u32::from(h) - 0xd800) << 10) + (u32::from(u) - 0xdc00)
        }
        (Some(_), _) | (None, 0xdc00..=0xdfff) => return None,
        (None, _) => u32::from(u),
    };
    dst.push(char::from_u32(c)?);
    Some(())
}

// ----- plain loops for the kernels (kryo5_arch) ----------------------------

/// Index of the first byte with bit 7 set, or `bytes.len()`: one byte at a
/// time.
///
/// ```
/// assert_eq!(kryo5_benches::baseline::first_non_ascii(b"ab\xe3"), 2);
/// ```
#[must_use]
pub fn first_non_ascii(bytes: &[u8]) -> usize {
    bytes.iter().position(|&b| b >= 0x80).unwrap_or(bytes.len())
}

/// Java's `String.length()`: UTF-16 units, summed per `char`.
///
/// ```
/// assert_eq!(kryo5_benches::baseline::utf16_len("a😀"), 3);
/// ```
#[must_use]
pub fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// Bytes of `s` as CESU-8, summed per `char` (a supplementary character
/// takes 6).
///
/// ```
/// assert_eq!(kryo5_benches::baseline::cesu8_len("é😀"), 8);
/// ```
#[must_use]
pub fn cesu8_len(s: &str) -> usize {
    s.chars()
        .map(|c| if c.len_utf16() == 2 { 6 } else { c.len_utf8() })
        .sum()
}

/// Appends `s` as CESU-8: one UTF-16 unit at a time (`encode_utf16`), 1 to
/// 3 bytes each with `push`.
///
/// ```
/// let mut buf = Vec::new();
/// kryo5_benches::baseline::utf8_to_cesu8("😀", &mut buf);
/// assert_eq!(buf, [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80]);
/// ```
pub fn utf8_to_cesu8(s: &str, buf: &mut Vec<u8>) {
    for u in s.encode_utf16() {
        put_unit(buf, u);
    }
}

/// [`write_unit`]'s twin for [`utf8_to_cesu8`].
#[inline]
fn put_unit(buf: &mut Vec<u8>, u: u16) {
    push_unit!(buf, u);
}

/// Bytes of the first `units` CESU-8 units of `src`, from their lead bytes,
/// one byte at a time. `None` if `src` ends first or a byte cannot start a
/// unit (what `kryo5_arch::text::cesu8_scan` reports as truncated or
/// invalid).
///
/// ```
/// assert_eq!(kryo5_benches::baseline::cesu8_scan("é!".as_bytes(), 2), Some(3));
/// ```
#[must_use]
pub fn cesu8_scan(src: &[u8], units: usize) -> Option<usize> {
    let mut pos = 0;
    for _ in 0..units {
        let len = match *src.get(pos)? {
            0x00..=0x7f => 1,
            0xc0..=0xdf => 2,
            0xe0..=0xef => 3,
            _ => return None,
        };
        if pos + len > src.len() {
            return None;
        }
        pos += len;
    }
    Some(pos)
}

/// Appends CESU-8 `src` to `dst` as UTF-8, one unit at a time with
/// `String::push(char)`, pairing surrogates. `None` for malformed input or
/// a lone surrogate, as the kernel rejects them.
///
/// ```
/// let mut s = String::new();
/// kryo5_benches::baseline::cesu8_to_utf8(&[0x61, 0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80], &mut s).unwrap();
/// assert_eq!(s, "a😀");
/// ```
pub fn cesu8_to_utf8(src: &[u8], dst: &mut String) -> Option<()> {
    let mut pos = 0;
    let mut high = None;
    while pos < src.len() {
        let u = read_unit(src, &mut pos)?;
        push_unit(&mut high, u, dst)?;
    }
    high.is_none().then_some(())
}

/// Appends CESU-8 `src` to `dst` as UTF-16 units, one unit at a time
/// (lone surrogates kept, as the kernel keeps them).
///
/// ```
/// let mut v = Vec::new();
/// kryo5_benches::baseline::cesu8_to_utf16(&[0x61, 0xed, 0xa0, 0x80], &mut v).unwrap();
/// assert_eq!(v, [0x61, 0xd800]);
/// ```
pub fn cesu8_to_utf16(src: &[u8], dst: &mut Vec<u16>) -> Option<()> {
    let mut pos = 0;
    while pos < src.len() {
        dst.push(read_unit(src, &mut pos)?);
    }
    Some(())
}

/// Skips `count` varints one byte at a time (the fifth byte always ends
/// one, as in Java); returns the bytes skipped, `None` if `src` ends first.
///
/// ```
/// assert_eq!(kryo5_benches::baseline::skip_u32s(&[0x80, 0x01, 0x05], 2), Some(3));
/// ```
#[must_use]
pub fn skip_u32s(src: &[u8], count: usize) -> Option<usize> {
    skip_varints::<5>(src, count)
}

/// Skips `count` varlongs one byte at a time (the ninth byte always ends
/// one); returns the bytes skipped.
///
/// ```
/// assert_eq!(kryo5_benches::baseline::skip_u64s(&[0xff; 9], 1), Some(9));
/// ```
#[must_use]
pub fn skip_u64s(src: &[u8], count: usize) -> Option<usize> {
    skip_varints::<9>(src, count)
}

/// The skip loop behind [`skip_u32s`] and [`skip_u64s`]: a value ends at a
/// byte below 0x80 or at its `MAX`th byte.
#[inline(always)]
fn skip_varints<const MAX: usize>(src: &[u8], count: usize) -> Option<usize> {
    let mut pos = 0;
    for _ in 0..count {
        let mut n = 0;
        loop {
            let b = *src.get(pos)?;
            pos += 1;
            n += 1;
            if b < 0x80 || n == MAX {
                break;
            }
        }
    }
    Some(pos)
}

/// Appends floats as little-endian bytes with every NaN as Java's
/// `0x7fc00000`, one element at a time with `extend_from_slice`.
///
/// ```
/// let mut buf = Vec::new();
/// kryo5_benches::baseline::f32_to_le_canonical(&[f32::from_bits(0x7fc0_0001)], &mut buf);
/// assert_eq!(buf, [0, 0, 0xc0, 0x7f]);
/// ```
pub fn f32_to_le_canonical(src: &[f32], buf: &mut Vec<u8>) {
    for v in src {
        let bits = if v.is_nan() { 0x7fc0_0000 } else { v.to_bits() };
        buf.extend_from_slice(&bits.to_le_bytes());
    }
}

/// Appends doubles as little-endian bytes with every NaN as Java's
/// `0x7ff8000000000000`, one element at a time.
///
/// ```
/// let mut buf = Vec::new();
/// kryo5_benches::baseline::f64_to_le_canonical(&[f64::NAN], &mut buf);
/// assert_eq!(buf, [0, 0, 0, 0, 0, 0, 0xf8, 0x7f]);
/// ```
pub fn f64_to_le_canonical(src: &[f64], buf: &mut Vec<u8>) {
    for v in src {
        let bits = if v.is_nan() {
            0x7ff8_0000_0000_0000
        } else {
            v.to_bits()
        };
        buf.extend_from_slice(&bits.to_le_bytes());
    }
}

/// Appends one `bool` per byte, any non-zero byte being `true` (Java's
/// `readBooleans`), with `push`.
///
/// ```
/// let mut v = Vec::new();
/// kryo5_benches::baseline::bools_from_bytes(&[0, 1, 7], &mut v);
/// assert_eq!(v, [false, true, true]);
/// ```
pub fn bools_from_bytes(src: &[u8], dst: &mut Vec<bool>) {
    for &b in src {
        dst.push(b != 0);
    }
}
