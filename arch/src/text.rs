//! Text kernels for Kryo strings: ASCII detection, UTF-16 length, CESU-8.
//!
//! Kryo's `writeString` picks its ASCII form for 2..=32 ASCII characters
//! (no length; bit 7 marks the last byte) and otherwise writes a UTF-16 unit
//! count followed by CESU-8. These functions are the heavy parts of both.

use crate::portable;

/// Outcome of [`cesu8_scan`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scan {
    /// All requested units are present; they occupy this many bytes.
    Complete {
        /// Byte length of the units.
        bytes: usize,
    },
    /// The input ended first: this many whole units in this many bytes.
    Truncated {
        /// Whole units found.
        units: usize,
        /// Bytes those units occupy.
        bytes: usize,
    },
    /// A byte that cannot start a unit Kryo writes (`80..=bf`, `f0..=ff`).
    Invalid {
        /// Offset of the byte.
        at: usize,
    },
}

/// What is wrong with a CESU-8 byte sequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextErrorKind {
    /// A byte sequence Kryo's writer never produces.
    Malformed,
    /// A surrogate without its partner, which a Rust `String` cannot hold.
    LoneSurrogate,
}

/// A CESU-8 decoding failure at byte offset `at` of the input given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextError {
    /// Offset of the offending byte.
    pub at: usize,
    /// What is wrong there.
    pub kind: TextErrorKind,
}

/// Index of the first byte with bit 7 set (the end of Kryo's ASCII form),
/// or `bytes.len()` if there is none.
///
/// ```
/// assert_eq!(kryo5_arch::text::first_non_ascii(b"ab\xe3"), 2);
/// assert_eq!(kryo5_arch::text::first_non_ascii(b"abc"), 3);
/// ```
#[inline]
pub fn first_non_ascii(bytes: &[u8]) -> usize {
    portable::text::first_non_ascii(bytes)
}

/// Whether every byte is below `0x80`.
///
/// ```
/// assert!(kryo5_arch::text::is_ascii(b"kryo"));
/// assert!(!kryo5_arch::text::is_ascii("café".as_bytes()));
/// ```
#[inline]
pub fn is_ascii(bytes: &[u8]) -> bool {
    first_non_ascii(bytes) == bytes.len()
}

/// Java's `String.length()` of `s`: its UTF-16 code units.
///
/// ```
/// assert_eq!(kryo5_arch::text::utf16_len("a😀"), 3);
/// ```
#[inline]
pub fn utf16_len(s: &str) -> usize {
    portable::text::utf16_len(s)
}

/// Bytes [`utf8_to_cesu8`] writes for `s`: each supplementary character
/// grows from 4 to 6 bytes.
///
/// ```
/// assert_eq!(kryo5_arch::text::cesu8_len("a😀"), 7);
/// ```
#[inline]
pub fn cesu8_len(s: &str) -> usize {
    s.len() + 2 * portable::text::supplementary_count(s)
}

/// Writes `s` as CESU-8 into `dst`, returning the bytes written.
///
/// # Panics
/// If `dst` is shorter than [`cesu8_len`] (a caller bug).
///
/// ```
/// let mut out = [0u8; 6];
/// assert_eq!(kryo5_arch::text::utf8_to_cesu8("😀", &mut out), 6);
/// assert_eq!(out, [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80]);
/// ```
#[inline]
pub fn utf8_to_cesu8(s: &str, dst: &mut [u8]) -> usize {
    portable::text::utf8_to_cesu8(s, dst)
}

/// Finds how many bytes the next `units` CESU-8 units occupy, from their
/// lead bytes alone (continuation bytes are checked when decoding).
///
/// ```
/// use kryo5_arch::text::{cesu8_scan, Scan};
/// assert_eq!(cesu8_scan("é!".as_bytes(), 2), Scan::Complete { bytes: 3 });
/// assert_eq!(cesu8_scan(&[0xc3], 1), Scan::Truncated { units: 0, bytes: 0 });
/// assert_eq!(cesu8_scan(&[0xf0, 0x9f], 1), Scan::Invalid { at: 0 });
/// ```
#[inline]
pub fn cesu8_scan(src: &[u8], units: usize) -> Scan {
    portable::text::cesu8_scan(src, units)
}

/// Decodes CESU-8 to UTF-8, appending to `dst`. Surrogate pairs become one
/// 4-byte character; a lone surrogate or any form Kryo never writes is an
/// error.
///
/// ```
/// let mut out = Vec::new();
/// kryo5_arch::text::cesu8_to_utf8(&[0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80], &mut out).unwrap();
/// assert_eq!(out, "😀".as_bytes());
/// ```
///
/// # Errors
/// [`TextError`] with the offset of the first offending byte.
#[inline]
pub fn cesu8_to_utf8(src: &[u8], dst: &mut Vec<u8>) -> Result<(), TextError> {
    portable::text::cesu8_to_utf8(src, dst)
}

/// Decodes CESU-8 to UTF-16 units, appending to `dst`; lone surrogates are
/// kept (this is the lossless path for Java strings).
///
/// ```
/// let mut out = Vec::new();
/// kryo5_arch::text::cesu8_to_utf16(&[0x61, 0xed, 0xa0, 0x80], &mut out).unwrap();
/// assert_eq!(out, [0x61, 0xd800]);
/// ```
///
/// # Errors
/// [`TextError`] for a byte sequence Kryo's writer never produces.
#[inline]
pub fn cesu8_to_utf16(src: &[u8], dst: &mut Vec<u16>) -> Result<(), TextError> {
    portable::text::cesu8_to_utf16(src, dst)
}

/// `bytes` as a `&str` if it is valid UTF-8 (the check behind zero-copy
/// string reads: CESU-8 without surrogates is UTF-8).
///
/// ```
/// assert_eq!(kryo5_arch::text::utf8("日本".as_bytes()), Some("日本"));
/// assert_eq!(kryo5_arch::text::utf8(&[0xed, 0xa0, 0x80]), None);
/// ```
#[inline]
pub fn utf8(bytes: &[u8]) -> Option<&str> {
    portable::text::utf8(bytes)
}

/// Writes one UTF-16 unit as 1 to 3 CESU-8 bytes into `dst` (at least 3
/// bytes long); returns the count.
///
/// ```
/// let mut out = [0u8; 3];
/// assert_eq!(kryo5_arch::text::encode_unit(0x20ac, &mut out), 3);
/// assert_eq!(out, [0xe2, 0x82, 0xac]);
/// ```
#[inline]
pub fn encode_unit(unit: u16, dst: &mut [u8]) -> usize {
    portable::text::put_unit(unit, dst)
}
