//! Portable text kernels: ASCII scans, UTF-16 counts, UTF-8 <-> CESU-8.
//!
//! Kryo writes strings as CESU-8 (UTF-16 code units, each as 1 to 3 bytes,
//! surrogates encoded one by one) with a length counted in UTF-16 units. For
//! text without supplementary characters CESU-8 and UTF-8 are the same bytes,
//! so most work is a scan that proves that and a copy.

use crate::text::{Scan, TextError, TextErrorKind};

const HIGH: u64 = 0x8080_8080_8080_8080;

#[inline(always)]
fn word_at(bytes: &[u8], pos: usize) -> Option<u64> {
    let b: &[u8; 8] = bytes.get(pos..pos + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(*b))
}

/// Index of the first byte with bit 7 set, or `bytes.len()`.
pub fn first_non_ascii(bytes: &[u8]) -> usize {
    let mut pos = 0;
    while let Some(w) = word_at(bytes, pos) {
        let high = w & HIGH;
        if high != 0 {
            return pos + high.trailing_zeros() as usize / 8;
        }
        pos += 8;
    }
    bytes[pos..]
        .iter()
        .position(|&b| b >= 0x80)
        .map_or(bytes.len(), |i| pos + i)
}

/// Marks bytes 0xF0..=0xFF (lead bytes of 4-byte UTF-8 sequences) with bit 7.
#[inline(always)]
fn four_byte_leads(w: u64) -> u64 {
    w & (w << 1) & (w << 2) & (w << 3) & HIGH
}

/// Marks continuation bytes (0x80..=0xBF) with bit 7.
#[inline(always)]
fn continuations(w: u64) -> u64 {
    w & !(w << 1) & HIGH
}

/// Number of UTF-16 code units in `s` (Java's `String.length()`).
pub fn utf16_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    let (mut cont, mut four) = (0usize, 0usize);
    let mut pos = 0;
    while let Some(w) = word_at(bytes, pos) {
        if w & HIGH != 0 {
            cont += continuations(w).count_ones() as usize;
            four += four_byte_leads(w).count_ones() as usize;
        }
        pos += 8;
    }
    for &b in &bytes[pos..] {
        cont += usize::from(b & 0xc0 == 0x80);
        four += usize::from(b >= 0xf0);
    }
    bytes.len() - cont + four
}

/// Number of 4-byte sequences (supplementary characters) in `s`.
pub fn supplementary_count(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut four = 0usize;
    let mut pos = 0;
    while let Some(w) = word_at(bytes, pos) {
        four += four_byte_leads(w).count_ones() as usize;
        pos += 8;
    }
    four + bytes[pos..].iter().filter(|&&b| b >= 0xf0).count()
}

/// Index of the first 4-byte lead byte at or after `from`, or `bytes.len()`.
fn next_four_byte_lead(bytes: &[u8], from: usize) -> usize {
    let mut pos = from;
    while let Some(w) = word_at(bytes, pos) {
        let m = four_byte_leads(w);
        if m != 0 {
            return pos + m.trailing_zeros() as usize / 8;
        }
        pos += 8;
    }
    bytes[pos..]
        .iter()
        .position(|&b| b >= 0xf0)
        .map_or(bytes.len(), |i| pos + i)
}

/// Writes one UTF-16 unit as 1 to 3 CESU-8 bytes; returns the count.
#[inline]
pub(crate) fn put_unit(unit: u16, dst: &mut [u8]) -> usize {
    let c = u32::from(unit);
    if c < 0x80 {
        dst[0] = c as u8;
        1
    } else if c < 0x800 {
        dst[0] = 0xc0 | (c >> 6) as u8;
        dst[1] = 0x80 | (c & 0x3f) as u8;
        2
    } else {
        dst[0] = 0xe0 | (c >> 12) as u8;
        dst[1] = 0x80 | ((c >> 6) & 0x3f) as u8;
        dst[2] = 0x80 | (c & 0x3f) as u8;
        3
    }
}

/// Converts UTF-8 to CESU-8; see [`crate::text::utf8_to_cesu8`].
pub fn utf8_to_cesu8(s: &str, dst: &mut [u8]) -> usize {
    let bytes = s.as_bytes();
    let (mut src_pos, mut dst_pos) = (0, 0);
    loop {
        let run_end = next_four_byte_lead(bytes, src_pos);
        let run = &bytes[src_pos..run_end];
        dst[dst_pos..dst_pos + run.len()].copy_from_slice(run);
        dst_pos += run.len();
        if run_end == bytes.len() {
            return dst_pos;
        }
        let b = &bytes[run_end..run_end + 4];
        let cp = (u32::from(b[0] & 0x07) << 18)
            | (u32::from(b[1] & 0x3f) << 12)
            | (u32::from(b[2] & 0x3f) << 6)
            | u32::from(b[3] & 0x3f);
        let cp = cp - 0x1_0000;
        dst_pos += put_unit(0xd800 | (cp >> 10) as u16, &mut dst[dst_pos..]);
        dst_pos += put_unit(0xdc00 | (cp & 0x3ff) as u16, &mut dst[dst_pos..]);
        src_pos = run_end + 4;
    }
}

/// Finds the bytes of `units` CESU-8 units; see [`crate::text::cesu8_scan`].
pub fn cesu8_scan(src: &[u8], units: usize) -> Scan {
    let (mut pos, mut done) = (0usize, 0usize);
    while done < units {
        if units - done >= 8
            && let Some(w) = word_at(src, pos)
            && w & HIGH == 0
        {
            pos += 8;
            done += 8;
            continue;
        }
        let Some(&b) = src.get(pos) else {
            return Scan::Truncated {
                units: done,
                bytes: pos,
            };
        };
        let len = match b {
            0x00..=0x7f => 1,
            0xc0..=0xdf => 2,
            0xe0..=0xef => 3,
            _ => return Scan::Invalid { at: pos },
        };
        if pos + len > src.len() {
            return Scan::Truncated {
                units: done,
                bytes: pos,
            };
        }
        pos += len;
        done += 1;
    }
    Scan::Complete { bytes: pos }
}

/// Decodes one CESU-8 unit at `pos` strictly (only forms Kryo writes).
#[inline]
fn unit_at(src: &[u8], pos: usize) -> Result<(u16, usize), TextError> {
    let bad = |at| TextError {
        at,
        kind: TextErrorKind::Malformed,
    };
    let b0 = src[pos];
    let cont = |i: usize| -> Result<u16, TextError> {
        match src.get(pos + i) {
            Some(&c) if c & 0xc0 == 0x80 => Ok(u16::from(c & 0x3f)),
            _ => Err(bad(pos + i)),
        }
    };
    match b0 {
        0x00..=0x7f => Ok((u16::from(b0), 1)),
        0xc2..=0xdf => Ok(((u16::from(b0 & 0x1f) << 6) | cont(1)?, 2)),
        0xe0..=0xef => {
            let unit = (u16::from(b0 & 0x0f) << 12) | (cont(1)? << 6) | cont(2)?;
            if unit < 0x800 {
                return Err(bad(pos));
            }
            Ok((unit, 3))
        }
        _ => Err(bad(pos)),
    }
}

/// Decodes CESU-8 into UTF-16 units; see [`crate::text::cesu8_to_utf16`].
pub fn cesu8_to_utf16(src: &[u8], dst: &mut Vec<u16>) -> Result<(), TextError> {
    let mut pos = 0;
    while pos < src.len() {
        let (unit, len) = unit_at(src, pos)?;
        dst.push(unit);
        pos += len;
    }
    Ok(())
}

/// Decodes CESU-8 into UTF-8; see [`crate::text::cesu8_to_utf8`].
///
/// CESU-8 without surrogates is UTF-8 and decodes to itself, so the longest
/// prefix `std`'s UTF-8 check accepts (cut before any 4-byte sequence,
/// which Kryo never writes) is copied at once, and a scalar step that
/// reads 8 bytes at a time takes over where it stops.
///
/// ```
/// let mut out = Vec::new();
/// kryo5_arch::portable::text::cesu8_to_utf8(b"a\xed\xa0\xbd\xed\xb8\x80", &mut out).unwrap();
/// assert_eq!(out, "a😀".as_bytes());
/// ```
pub fn cesu8_to_utf8(src: &[u8], dst: &mut Vec<u8>) -> Result<(), TextError> {
    cesu8_to_utf8_by(src, dst, same_run, None)
}

/// A vector decoder of dense surrogate pairs for [`cesu8_to_utf8_by`]:
/// from the unit boundary `pos`, decodes what it can, appends it and
/// returns where it stopped (a unit boundary, `pos` if it did nothing).
/// Everything it appends must be valid UTF-8.
pub(crate) type PairBlocks = fn(&[u8], usize, &mut Vec<u8>) -> usize;

/// See [`cesu8_to_utf8_by`]: the stretch `std::str::from_utf8` accepts.
fn same_run(src: &[u8], start: usize) -> (usize, usize) {
    let rest = &src[start..];
    let (valid, stop) = match std::str::from_utf8(rest) {
        Ok(_) => (rest.len(), src.len()),
        // A sequence cut by the end of the input: the scalar step reports it.
        Err(e) if e.error_len().is_none() => (e.valid_up_to(), src.len()),
        Err(e) => (e.valid_up_to(), start + e.valid_up_to() + 1),
    };
    let four = next_four_byte_lead(&rest[..valid], 0);
    if four < valid {
        (start + four, start + four + 1)
    } else {
        (start + valid, stop)
    }
}

/// The CESU-8 to UTF-8 decoder of every kernel: from a unit boundary,
/// `run(src, pos)` returns the end of the longest stretch that decodes to
/// itself (UTF-8 without 4-byte sequences and surrogates; the end is a
/// unit boundary) and how far the scalar step must go from there (at least
/// past the byte that stopped the stretch); the stretch is copied and
/// [`utf8_scalar`] decodes on from its end. Where that meets surrogate
/// pairs close together, `pairs` (if the kernel has one) takes over.
///
/// Everything appended is UTF-8: stretches `run` found valid, what
/// `pairs` writes (see [`PairBlocks`]), and what [`utf8_scalar`] writes
/// (ASCII bytes, 2- and 3-byte units checked to be well-formed,
/// non-overlong and no surrogate, well-formed surrogate pairs joined into
/// 4-byte sequences of `U+10000..=U+10FFFF`, and `char::encode_utf8` of
/// anything else). `text::cesu8_to_string` relies on this.
#[inline(always)]
pub(crate) fn cesu8_to_utf8_by(
    src: &[u8],
    dst: &mut Vec<u8>,
    mut run: impl FnMut(&[u8], usize) -> (usize, usize),
    pairs: Option<PairBlocks>,
) -> Result<(), TextError> {
    // The output is never longer than the input (a pair shrinks 6 -> 4);
    // the scalar step stores 8 bytes at a time, pair blocks up to 64.
    dst.reserve(src.len() + 64);
    let mut pos = 0;
    while pos < src.len() {
        let (end, stop) = run(src, pos);
        dst.extend_from_slice(&src[pos..end]);
        let dense;
        (pos, dense) = utf8_scalar(src, end, stop, pairs.is_some(), dst)?;
        if dense && let Some(pairs) = pairs {
            pos = pairs(src, pos, dst);
        }
    }
    Ok(())
}

/// The 8 bytes at `pos` as a little-endian word, zeros past the end of `src`.
#[inline(always)]
fn word_padded(src: &[u8], pos: usize) -> u64 {
    if let Some(w) = word_at(src, pos) {
        return w;
    }
    let rest = src.get(pos..).unwrap_or(&[]);
    let mut b = [0u8; 8];
    b[..rest.len()].copy_from_slice(rest);
    u64::from_le_bytes(b)
}

/// Appends the first `n` (`<= 8`) bytes of `w`: one 8-byte store, then the
/// length set back (room for the 8 bytes is reserved by the caller, so
/// this does not reallocate).
#[inline(always)]
fn push_word(dst: &mut Vec<u8>, w: u64, n: usize) {
    let len = dst.len();
    dst.extend_from_slice(&w.to_le_bytes());
    dst.truncate(len + n);
}

/// Whether any byte of `w` is `0xed` (the lead of a surrogate).
#[inline(always)]
fn has_ed(w: u64) -> bool {
    let x = w ^ 0xeded_eded_eded_eded;
    x.wrapping_sub(0x0101_0101_0101_0101) & !x & HIGH != 0
}

/// Decodes by the portable rules from the unit boundary `pos` until at
/// least `stop` (`<= src.len()`); returns where it stopped (a unit
/// boundary) and whether it stopped at dense pairs. After a surrogate
/// pair with a surrogate lead (`ed`) within 16 bytes it goes on for 16
/// more bytes (a vector check would stop again at once), unless both
/// 8-byte words after the pair hold one and `leave_dense` (for a kernel's
/// pair decoder): then it stops there.
///
/// Each step looks at the next 8 bytes as one word: up to 8 ASCII bytes, a
/// 2- or 3-byte unit (its UTF-8 is itself) or a surrogate pair (4 bytes of
/// UTF-8) is appended with one 8-byte store; anything else (a lone
/// surrogate, a malformed unit) goes through [`utf8_char_at`].
pub(crate) fn utf8_scalar(
    src: &[u8],
    mut pos: usize,
    stop: usize,
    leave_dense: bool,
    dst: &mut Vec<u8>,
) -> Result<(usize, bool), TextError> {
    let mut stop = stop;
    while pos < stop {
        let w = word_padded(src, pos);
        if w & 0x80 == 0 {
            // Zero padding reads as ASCII: never past the end.
            let n = ((w & HIGH).trailing_zeros() as usize / 8).min(src.len() - pos);
            push_word(dst, w, n);
            pos += n;
        } else if let Some(n) = same_unit(w) {
            push_word(dst, w, n);
            pos += n;
        } else if let Some(utf8) = surrogate_pair(w) {
            push_word(dst, u64::from(utf8), 4);
            pos += 6;
            let near = has_ed(word_padded(src, pos));
            if leave_dense && near && has_ed(word_padded(src, pos + 8)) {
                return Ok((pos, true));
            }
            if near || has_ed(word_padded(src, pos + 8)) {
                stop = stop.max((pos + 16).min(src.len()));
            }
        } else {
            pos = utf8_char_at(src, pos, dst)?;
        }
    }
    Ok((pos, false))
}

/// The length of the 2- or 3-byte unit at the start of `w` (the next
/// bytes, little-endian) if it is well-formed and no surrogate
/// (`c2..=df` + continuation; `e0..=ef` + two continuations, not overlong,
/// not `ed a0..=bf`): what [`utf8_char_at`] copies unchanged. `None` for
/// anything else.
#[inline(always)]
fn same_unit(w: u64) -> Option<usize> {
    let [b0, b1, b2, ..] = w.to_le_bytes();
    let cont = |x: u8| x & 0xc0 == 0x80;
    match b0 {
        0xc2..=0xdf if cont(b1) => Some(2),
        0xe0..=0xef if cont(b1) && cont(b2) => {
            let ok = match b0 {
                0xe0 => b1 >= 0xa0,
                0xed => b1 < 0xa0,
                _ => true,
            };
            ok.then_some(3)
        }
        _ => None,
    }
}

/// The UTF-8 (little-endian) of a well-formed CESU-8 surrogate pair at the
/// start of `w` (`ed a0..=af 80..=bf` then `ed b0..=bf 80..=bf`), which is
/// what [`utf8_char_at`] makes of it; `None` for anything else.
#[inline(always)]
fn surrogate_pair(w: u64) -> Option<u32> {
    if w & 0xc0f0_ffc0_f0ff != 0x80b0_ed80_a0ed {
        return None;
    }
    let [_, b1, b2, _, b4, b5, ..] = w.to_le_bytes();
    // High unit d800 + hh, low unit dc00 + ll; the code point is
    // 0x10000 + (hh << 10) + ll, and 0x10000 adds 1 to hh's top 4 bits.
    let top = (b1 & 0x0f) + 1;
    Some(u32::from_le_bytes([
        0xf0 | (top >> 2),
        0x80 | ((top & 3) << 4) | ((b2 >> 2) & 0x0f),
        0x80 | ((b2 & 3) << 4) | (b4 & 0x0f),
        b5,
    ]))
}

/// Decodes the unit starting at `pos` (or the surrogate pair starting
/// there), appends its UTF-8 to `dst` and returns the offset after it: one
/// step of [`cesu8_to_utf8`] (through [`utf8_scalar`], whose shortcuts
/// give identical results), which every kernel takes wherever its fast
/// path does not apply, so all decode identically.
pub(crate) fn utf8_char_at(src: &[u8], pos: usize, dst: &mut Vec<u8>) -> Result<usize, TextError> {
    let (unit, len) = unit_at(src, pos)?;
    let mut pos = pos;
    let cp = match unit {
        0xd800..=0xdbff => {
            let low = if pos + len < src.len() {
                unit_at(src, pos + len).ok()
            } else {
                None
            };
            match low {
                Some((lo @ 0xdc00..=0xdfff, lo_len)) => {
                    let cp =
                        0x1_0000 + ((u32::from(unit) - 0xd800) << 10) + (u32::from(lo) - 0xdc00);
                    pos += lo_len;
                    cp
                }
                _ => {
                    return Err(TextError {
                        at: pos,
                        kind: TextErrorKind::LoneSurrogate,
                    });
                }
            }
        }
        0xdc00..=0xdfff => {
            return Err(TextError {
                at: pos,
                kind: TextErrorKind::LoneSurrogate,
            });
        }
        _ => u32::from(unit),
    };
    pos += len;
    let ch = char::from_u32(cp).ok_or(TextError {
        at: pos,
        kind: TextErrorKind::Malformed,
    })?;
    let mut buf = [0u8; 4];
    dst.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
    Ok(pos)
}

/// `bytes` as `&str` if valid UTF-8.
pub fn utf8(bytes: &[u8]) -> Option<&str> {
    std::str::from_utf8(bytes).ok()
}

/// The ASCII-form string at the start of `w`; see
/// [`crate::text::Ascii32::from_window`].
pub fn ascii_window(w: &[u8; 32]) -> Option<([u8; 32], usize)> {
    if w[0] & 0x80 != 0 {
        return None;
    }
    let end = w.iter().position(|&b| b & 0x80 != 0)?;
    let mut out = [0u8; 32];
    for (o, &b) in out.iter_mut().zip(&w[..=end]) {
        *o = b & 0x7f;
    }
    Some((out, end + 1))
}
