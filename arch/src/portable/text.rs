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
pub fn cesu8_to_utf8(src: &[u8], dst: &mut Vec<u8>) -> Result<(), TextError> {
    let mut pos = 0;
    while pos < src.len() {
        let ascii = first_non_ascii(&src[pos..]);
        dst.extend_from_slice(&src[pos..pos + ascii]);
        pos += ascii;
        if pos == src.len() {
            break;
        }
        pos = utf8_char_at(src, pos, dst)?;
    }
    Ok(())
}

/// Decodes the unit starting at `pos` (or the surrogate pair starting
/// there), appends its UTF-8 to `dst` and returns the offset after it: one
/// step of [`cesu8_to_utf8`], which the vector kernels also take wherever
/// their fast path does not apply, so both decode identically.
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
