//! Text kernels for Kryo strings: ASCII detection, UTF-16 length, CESU-8.
//!
//! Kryo's `writeString` picks its ASCII form for 2..=32 ASCII characters
//! (no length; bit 7 marks the last byte) and otherwise writes a UTF-16 unit
//! count followed by CESU-8. These functions are the heavy parts of both.

use crate::dispatch::{self, Kernel};
use crate::portable;

/// Inputs shorter than this go straight to the portable kernel.
const SHORT: usize = 32;

/// The function table of one implementation.
pub(crate) struct Fns {
    pub(crate) first_non_ascii: fn(&[u8]) -> usize,
    pub(crate) utf16_len: fn(&str) -> usize,
    pub(crate) supplementary_count: fn(&str) -> usize,
    pub(crate) utf8_to_cesu8: fn(&str, &mut [u8]) -> usize,
    pub(crate) cesu8_scan: fn(&[u8], usize) -> Scan,
    /// Contract (relied on by [`cesu8_to_string`]): on `Ok`, everything
    /// it appended to the vector is valid UTF-8. Every implementation is
    /// `portable::text::cesu8_to_utf8_by` with a stretch finder that
    /// accepts only valid UTF-8 (see there).
    pub(crate) cesu8_to_utf8: fn(&[u8], &mut Vec<u8>) -> Result<(), TextError>,
    pub(crate) cesu8_to_utf16: fn(&[u8], &mut Vec<u16>) -> Result<(), TextError>,
    pub(crate) utf8: for<'a> fn(&'a [u8]) -> Option<&'a str>,
}

pub(crate) static PORTABLE: Fns = Fns {
    first_non_ascii: portable::text::first_non_ascii,
    utf16_len: portable::text::utf16_len,
    supplementary_count: portable::text::supplementary_count,
    utf8_to_cesu8: portable::text::utf8_to_cesu8,
    cesu8_scan: portable::text::cesu8_scan,
    cesu8_to_utf8: portable::text::cesu8_to_utf8,
    cesu8_to_utf16: portable::text::cesu8_to_utf16,
    utf8: portable::text::utf8,
};

/// The table of a kernel the CPU supports (callers check support first).
fn table(kernel: Kernel) -> &'static Fns {
    match kernel {
        #[cfg(target_arch = "x86_64")]
        Kernel::Avx512 => &crate::x86_64::avx512::TEXT,
        #[cfg(target_arch = "x86_64")]
        Kernel::Avx2 => &crate::x86_64::avx2::TEXT,
        _ => &PORTABLE,
    }
}

/// The text kernels of one implementation, for callers that pick the
/// kernel themselves; the free functions use the active one.
///
/// ```
/// use kryo5_arch::{Kernel, text::Text};
/// for kernel in Kernel::supported() {
///     assert_eq!(Text::new(kernel).unwrap().utf16_len("a😀"), 3);
/// }
/// ```
#[derive(Clone, Copy)]
pub struct Text {
    kernel: Kernel,
    fns: &'static Fns,
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Text").field(&self.kernel).finish()
    }
}

impl Text {
    /// The implementation of `kernel`, if this CPU can run it.
    #[must_use]
    pub fn new(kernel: Kernel) -> Option<Text> {
        kernel.is_supported().then(|| Text {
            kernel,
            fns: table(kernel),
        })
    }

    /// The implementation of the active kernel.
    #[must_use]
    pub fn active() -> Text {
        let kernel = dispatch::active();
        Text {
            kernel,
            fns: table(kernel),
        }
    }

    /// Which kernel this is.
    #[must_use]
    pub fn kernel(self) -> Kernel {
        self.kernel
    }

    /// See [`first_non_ascii`].
    #[inline]
    pub fn first_non_ascii(self, bytes: &[u8]) -> usize {
        (self.fns.first_non_ascii)(bytes)
    }

    /// See [`utf16_len`].
    #[inline]
    pub fn utf16_len(self, s: &str) -> usize {
        (self.fns.utf16_len)(s)
    }

    /// See [`cesu8_len`].
    #[inline]
    pub fn cesu8_len(self, s: &str) -> usize {
        s.len() + 2 * (self.fns.supplementary_count)(s)
    }

    /// See [`utf8_to_cesu8`].
    #[inline]
    pub fn utf8_to_cesu8(self, s: &str, dst: &mut [u8]) -> usize {
        (self.fns.utf8_to_cesu8)(s, dst)
    }

    /// See [`cesu8_scan`].
    #[inline]
    pub fn cesu8_scan(self, src: &[u8], units: usize) -> Scan {
        (self.fns.cesu8_scan)(src, units)
    }

    /// See [`cesu8_to_utf8`].
    ///
    /// # Errors
    /// As [`cesu8_to_utf8`].
    #[inline]
    pub fn cesu8_to_utf8(self, src: &[u8], dst: &mut Vec<u8>) -> Result<(), TextError> {
        (self.fns.cesu8_to_utf8)(src, dst)
    }

    /// See [`cesu8_to_string`].
    ///
    /// # Errors
    /// As [`cesu8_to_string`].
    #[inline]
    pub fn cesu8_to_string(self, src: &[u8], dst: &mut String) -> Result<(), TextError> {
        append_utf8(self.fns.cesu8_to_utf8, src, dst)
    }

    /// See [`cesu8_to_utf16`].
    ///
    /// # Errors
    /// As [`cesu8_to_utf16`].
    #[inline]
    pub fn cesu8_to_utf16(self, src: &[u8], dst: &mut Vec<u16>) -> Result<(), TextError> {
        (self.fns.cesu8_to_utf16)(src, dst)
    }

    /// See [`utf8`].
    #[inline]
    pub fn utf8(self, bytes: &[u8]) -> Option<&str> {
        (self.fns.utf8)(bytes)
    }
}

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
    if bytes.len() < SHORT {
        return portable::text::first_non_ascii(bytes);
    }
    Text::active().first_non_ascii(bytes)
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
    if s.len() < SHORT {
        return portable::text::utf16_len(s);
    }
    Text::active().utf16_len(s)
}

/// Bytes [`utf8_to_cesu8`] writes for `s`: each supplementary character
/// grows from 4 to 6 bytes.
///
/// ```
/// assert_eq!(kryo5_arch::text::cesu8_len("a😀"), 7);
/// ```
#[inline]
pub fn cesu8_len(s: &str) -> usize {
    if s.len() < SHORT {
        return s.len() + 2 * portable::text::supplementary_count(s);
    }
    Text::active().cesu8_len(s)
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
    if s.len() < SHORT {
        return portable::text::utf8_to_cesu8(s, dst);
    }
    Text::active().utf8_to_cesu8(s, dst)
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
    if units < SHORT {
        return portable::text::cesu8_scan(src, units);
    }
    Text::active().cesu8_scan(src, units)
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
    if src.len() < SHORT {
        return portable::text::cesu8_to_utf8(src, dst);
    }
    Text::active().cesu8_to_utf8(src, dst)
}

/// Decodes CESU-8 and appends it to a `String`: [`cesu8_to_utf8`] without
/// a second UTF-8 check of its output (which is valid UTF-8 by
/// construction). On error `dst` is left as it was.
///
/// ```
/// let mut s = String::from("a");
/// kryo5_arch::text::cesu8_to_string(&[0x62, 0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80], &mut s).unwrap();
/// assert_eq!(s, "ab😀");
/// // A lone surrogate: an error, and `s` is unchanged.
/// assert!(kryo5_arch::text::cesu8_to_string(&[0x63, 0xed, 0xa0, 0xbd], &mut s).is_err());
/// assert_eq!(s, "ab😀");
/// ```
///
/// # Errors
/// [`TextError`] with the offset of the first offending byte.
#[inline]
pub fn cesu8_to_string(src: &[u8], dst: &mut String) -> Result<(), TextError> {
    if src.len() < SHORT {
        return append_utf8(portable::text::cesu8_to_utf8, src, dst);
    }
    Text::active().cesu8_to_string(src, dst)
}

/// Appends what `decode` (a `cesu8_to_utf8` of some kernel) makes of `src`
/// to `dst`, or nothing if it fails.
#[inline]
fn append_utf8(
    decode: fn(&[u8], &mut Vec<u8>) -> Result<(), TextError>,
    src: &[u8],
    dst: &mut String,
) -> Result<(), TextError> {
    let mut bytes = std::mem::take(dst).into_bytes();
    let len = bytes.len();
    let result = decode(src, &mut bytes);
    if result.is_err() {
        bytes.truncate(len);
    }
    debug_assert!(
        std::str::from_utf8(&bytes[len..]).is_ok(),
        "a cesu8_to_utf8 kernel appended invalid UTF-8"
    );
    // SAFETY: `bytes[..len]` is the `String` taken above, valid UTF-8 that
    // ends at a character boundary. `decode` is the `cesu8_to_utf8` of a
    // kernel table (or the portable kernel itself); on `Ok` it appended
    // valid UTF-8 (the contract of `Fns::cesu8_to_utf8`: ASCII, stretches
    // of the input that passed a complete UTF-8 check, and characters it
    // encoded itself), and on `Err` the bytes it appended were cut off
    // again. Valid UTF-8 followed by valid UTF-8 is valid UTF-8.
    *dst = unsafe { String::from_utf8_unchecked(bytes) };
    result
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
    if src.len() < SHORT {
        return portable::text::cesu8_to_utf16(src, dst);
    }
    Text::active().cesu8_to_utf16(src, dst)
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
    if bytes.len() < SHORT {
        return portable::text::utf8(bytes);
    }
    Text::active().utf8(bytes)
}

/// `bytes` as a `&str` if every byte is ASCII: the cheap check for text
/// that is ASCII by construction (Kryo's ASCII form), without a full UTF-8
/// validation.
///
/// ```
/// assert_eq!(kryo5_arch::text::ascii_str(b"kryo"), Some("kryo"));
/// assert_eq!(kryo5_arch::text::ascii_str("é".as_bytes()), None);
/// ```
#[inline]
pub fn ascii_str(bytes: &[u8]) -> Option<&str> {
    if !is_ascii_short(bytes) {
        return None;
    }
    // SAFETY: every byte is below 0x80 (checked just above), and a sequence
    // of ASCII bytes is valid UTF-8.
    Some(unsafe { std::str::from_utf8_unchecked(bytes) })
}

/// The longest ASCII prefix of `bytes` as a `&str`, found in one scan
/// ([`first_non_ascii`]): Kryo's ASCII form up to its terminator, without
/// the UTF-8 validation a `&str` otherwise costs (a second pass).
///
/// ```
/// assert_eq!(kryo5_arch::text::ascii_prefix(b"ab\xe3cd"), "ab");
/// assert_eq!(kryo5_arch::text::ascii_prefix(b"kryo"), "kryo");
/// ```
#[inline]
pub fn ascii_prefix(bytes: &[u8]) -> &str {
    let ascii = &bytes[..first_non_ascii(bytes)];
    debug_assert!(ascii.is_ascii(), "first_non_ascii stopped late");
    // SAFETY: `first_non_ascii` returns the index of the first byte with
    // bit 7 set (or the length), so every byte of `ascii` is below 0x80,
    // and a sequence of ASCII bytes is valid UTF-8.
    unsafe { std::str::from_utf8_unchecked(ascii) }
}

/// Whether every byte is ASCII, with overlapping word loads for the short
/// inputs Kryo's ASCII form has (no loop up to 32 bytes).
#[inline]
fn is_ascii_short(b: &[u8]) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let word = |s: &[u8]| s.first_chunk::<8>().map_or(0, |w| u64::from_le_bytes(*w));
    let tail = |s: &[u8]| s.last_chunk::<8>().map_or(0, |w| u64::from_le_bytes(*w));
    match b.len() {
        0 => true,
        1..=7 => b.iter().fold(0, |acc, &x| acc | x) < 0x80,
        8..=16 => (word(b) | tail(b)) & HIGH == 0,
        17..=32 => (word(b) | word(&b[8..]) | tail(&b[..b.len() - 8]) | tail(b)) & HIGH == 0,
        _ => is_ascii(b),
    }
}

/// A short string in Kryo's ASCII form, decoded without allocating: up to
/// 32 ASCII characters stored inline.
///
/// Kryo writes strings of 2 to 32 ASCII characters as their bytes with bit
/// 7 set on the last one; [`Ascii32::from_window`] decodes one from the
/// next 32 bytes of input with a few vector instructions (SSE2 on x86-64,
/// which every x86-64 CPU has; words elsewhere).
///
/// ```
/// use kryo5_arch::text::Ascii32;
/// let mut window = [0u8; 32];
/// window[..3].copy_from_slice(&[b'a', b'b', b'c' | 0x80]);
/// let s = Ascii32::from_window(&window).unwrap();
/// assert_eq!((s.as_str(), s.len()), ("abc", 3));
/// ```
#[derive(Clone, Copy)]
pub struct Ascii32 {
    /// The characters, then zeros: all 32 bytes are ASCII (the invariant
    /// `as_str` relies on).
    bytes: [u8; 32],
    len: u8,
}

impl Ascii32 {
    /// Decodes Kryo's ASCII form at the start of `window`: `None` if the
    /// first byte has bit 7 set (the UTF-8 form) or no byte of the 32 ends
    /// the string.
    #[inline]
    #[must_use]
    pub fn from_window(window: &[u8; 32]) -> Option<Ascii32> {
        let (bytes, len) = ascii_window(window)?;
        Some(Ascii32 {
            bytes,
            len: len as u8,
        })
    }

    /// [`Ascii32::from_window`] for fewer than 32 remaining bytes.
    #[must_use]
    pub fn from_tail(bytes: &[u8]) -> Option<Ascii32> {
        let mut window = [0u8; 32];
        let n = bytes.len().min(32);
        window[..n].copy_from_slice(&bytes[..n]);
        // Zero padding never ends a string: a terminator found is real.
        Ascii32::from_window(&window)
    }

    /// Bytes the string occupied in the input (its length).
    #[inline]
    #[must_use]
    pub fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// Always `false`: the ASCII form has at least two characters.
    #[inline]
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The string.
    #[inline]
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.padded()[..self.len()]
    }

    /// The string followed by zero bytes up to 32 (for a fixed-size copy,
    /// then a truncation to [`Ascii32::len`]).
    #[inline]
    #[must_use]
    pub fn padded(&self) -> &str {
        // SAFETY: every byte is ASCII (the constructors only store bytes
        // below 0x80: the characters masked to 7 bits, zeros after them),
        // and ASCII is valid UTF-8.
        unsafe { std::str::from_utf8_unchecked(&self.bytes) }
    }
}

impl std::fmt::Debug for Ascii32 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

/// The ASCII-form string in `w`: its bytes with bit 7 cleared and zeros
/// after it, and its length.
#[inline]
fn ascii_window(w: &[u8; 32]) -> Option<([u8; 32], usize)> {
    #[cfg(target_arch = "x86_64")]
    {
        crate::x86_64::sse2::ascii_window(w)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        portable::text::ascii_window(w)
    }
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
