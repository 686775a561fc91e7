//! String reads: Kryo's `readString` (format spec section 2.3), into Rust
//! `String`s or losslessly into UTF-16.
//!
//! Java decodes leniently: it never checks continuation bytes and fills the
//! character of an impossible lead byte (`80..=bf`, `f0..=ff`) from a stale
//! buffer. kryo5 accepts exactly what Java's writer produces and reports
//! anything else as [`ErrorKind::MalformedString`] at the offending byte.

use kryo5_arch::text::{self, Ascii32, Scan, TextError, TextErrorKind};

use super::InputBuffer;
use super::source::Source;
use crate::error::{Error, ErrorKind, Result};
use crate::flavour::Flavour;
use crate::java_string::JavaString;

/// What a string's first bytes say.
pub(crate) enum Header {
    /// Java's `null`.
    Null,
    /// The ASCII form: bytes up to one with bit 7 set.
    Ascii,
    /// The UTF-8 form with this many UTF-16 units (possibly 0).
    Units(usize),
}

/// Maps a text-kernel error at `at` bytes into a span starting at `base`.
pub(crate) fn text_error(e: TextError, base: u64) -> Error {
    let kind = match e.kind {
        TextErrorKind::Malformed => ErrorKind::MalformedString,
        TextErrorKind::LoneSurrogate => ErrorKind::LoneSurrogate,
    };
    Error::new(kind, base + e.at as u64)
}

/// Kryo's ASCII form at the start of `bytes`, if it ends within their
/// first 32: decoded from a 32-byte window (zero-padded at the end of the
/// input). `None` for the UTF-8 form or a longer string, which the general
/// path reads.
#[inline(always)]
pub(crate) fn short_ascii(bytes: &[u8]) -> Option<Ascii32> {
    match bytes.first_chunk::<32>() {
        Some(window) => Ascii32::from_window(window),
        None => Ascii32::from_tail(bytes),
    }
}

/// The UTF-8 form's `units` characters at the start of `bytes` if they are
/// all ASCII (one unit per byte), found in one scan: Kryo writes strings
/// of more than 32 characters in this form, ASCII or not. `None` if they
/// are not all ASCII or not all buffered (the general path decides).
#[inline]
pub(crate) fn ascii_units(bytes: &[u8], units: usize) -> Option<&str> {
    let ascii = text::ascii_prefix(bytes.get(..units)?);
    (ascii.len() == units).then_some(ascii)
}

/// Appends CESU-8 `span` to `dst` as UTF-8, checked once (by the kernel,
/// which copies what is UTF-8 already and decodes the rest); on error
/// `dst` is left as it was.
pub(crate) fn push_cesu8(span: &[u8], base: u64, dst: &mut String) -> Result<()> {
    text::cesu8_to_string(span, dst).map_err(|e| text_error(e, base))
}

impl<S: Source, F: Flavour> InputBuffer<'_, S, F> {
    /// Reads a string header: the form, and for the UTF-8 form the count.
    pub(crate) fn string_header(&mut self) -> Result<Header> {
        if self.peek_byte()? & 0x80 == 0 {
            return Ok(Header::Ascii);
        }
        Ok(match self.read_var_int_flag(true)? as u32 {
            0 => Header::Null,
            n => Header::Units(n as usize - 1),
        })
    }

    /// The ASCII form, piece by piece (the last piece is the terminating
    /// character, bit 7 cleared); each piece is scanned once.
    fn read_ascii_form(&mut self, mut piece: impl FnMut(&str)) -> Result<()> {
        let start = self.total();
        loop {
            let rest = self.rest();
            let ascii = text::ascii_prefix(rest);
            let end = ascii.len();
            if let Some(&last) = rest.get(end) {
                piece(ascii);
                piece(char::from(last & 0x7f).encode_utf8(&mut [0; 4]));
                self.pos += end + 1;
                return Ok(());
            }
            piece(ascii);
            self.pos += end;
            if self.optional(1)? == 0 {
                return Err(Error::new(
                    ErrorKind::UnexpectedEnd {
                        requested: 1,
                        available: 0,
                    },
                    start,
                ));
            }
        }
    }

    /// The CESU-8 bytes of `units` UTF-16 units, handed to `span` in one
    /// piece with the stream offset of its first byte. A slice input hands
    /// out its own bytes; a stream gathers them as they arrive.
    fn read_units(
        &mut self,
        units: usize,
        span: impl FnOnce(&[u8], u64) -> Result<()>,
    ) -> Result<()> {
        let start = self.total();
        if !S::STREAM && units > self.available() {
            // Every unit takes at least one byte.
            return Err(Error::new(
                ErrorKind::UnexpectedEnd {
                    requested: units,
                    available: self.available(),
                },
                start,
            ));
        }
        match text::cesu8_scan(self.rest(), units) {
            Scan::Complete { bytes } => {
                let base = self.total();
                span(&self.rest()[..bytes], base)?;
                self.pos += bytes;
                return Ok(());
            }
            Scan::Invalid { at } => {
                return Err(Error::new(
                    ErrorKind::MalformedString,
                    self.total() + at as u64,
                ));
            }
            Scan::Truncated { .. } if !S::STREAM => {
                return Err(Error::new(
                    ErrorKind::UnexpectedEnd {
                        requested: units,
                        available: self.available(),
                    },
                    start,
                ));
            }
            Scan::Truncated { .. } => {}
        }
        let base = self.total();
        let mut raw = Vec::new();
        let mut left = units;
        loop {
            let rest = self.rest();
            match text::cesu8_scan(rest, left) {
                Scan::Complete { bytes } => {
                    raw.extend_from_slice(&rest[..bytes]);
                    self.pos += bytes;
                    return span(&raw, base);
                }
                Scan::Invalid { at } => {
                    return Err(Error::new(
                        ErrorKind::MalformedString,
                        self.total() + at as u64,
                    ));
                }
                Scan::Truncated { units: got, bytes } => {
                    raw.extend_from_slice(&rest[..bytes]);
                    self.pos += bytes;
                    left -= got;
                    let have = self.available();
                    if self.optional(have + 1)? <= have {
                        return Err(Error::new(
                            ErrorKind::UnexpectedEnd {
                                requested: have + 1,
                                available: have,
                            },
                            start,
                        ));
                    }
                }
            }
        }
    }

    /// Kryo's `readString`: `None` for Java's `null`.
    ///
    /// ```
    /// let mut input = kryo5_io::Input::new(&[0x80, 0x61, 0xe2, 0x83, 0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80]);
    /// assert_eq!(input.read_string()?, None);
    /// assert_eq!(input.read_string()?.as_deref(), Some("ab"));
    /// assert_eq!(input.read_string()?.as_deref(), Some("😀"));
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::UnexpectedEnd`] for truncated data or a length the input
    /// cannot hold; [`ErrorKind::MalformedString`] for bytes Kryo never
    /// writes; [`ErrorKind::LoneSurrogate`] for a Java string a Rust
    /// `String` cannot hold (use [`read_string_utf16`](Self::read_string_utf16)).
    pub fn read_string(&mut self) -> Result<Option<String>> {
        // The short ASCII form allocates exactly its length (no growth
        // path, no 32-byte padding kept); a direct copy here is cheaper
        // than going through `read_string_into` (iai: -4% on MediaContent).
        if let Some(s) = short_ascii(self.rest()) {
            self.pos += s.len();
            return Ok(Some(s.as_str().to_owned()));
        }
        let mut s = String::new();
        Ok(self.read_string_slow(&mut s)?.then_some(s))
    }

    /// [`read_string`](Self::read_string) into a reused `String` (cleared
    /// first); returns `false` for Java's `null`.
    ///
    /// ```
    /// let mut input = kryo5_io::Input::new(&[0x61, 0xe2, 0x80]);
    /// let mut s = String::with_capacity(32);
    /// assert!(input.read_string_into(&mut s)?);
    /// assert_eq!(s, "ab");
    /// assert!(!input.read_string_into(&mut s)?);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_string`](Self::read_string).
    pub fn read_string_into(&mut self, dst: &mut String) -> Result<bool> {
        dst.clear();
        // Fast path: an ASCII-form string of up to 31 characters ending
        // within the next 32 buffered bytes.
        if let Some(s) = short_ascii(self.rest()) {
            if dst.capacity() < s.padded().len() {
                // One exact allocation instead of growing.
                *dst = s.as_str().to_owned();
            } else {
                // A fixed-size copy of the padded 32 bytes, then the length.
                dst.push_str(s.padded());
                dst.truncate(s.len());
            }
            self.pos += s.len();
            return Ok(true);
        }
        self.read_string_slow(dst)
    }

    #[inline(never)]
    fn read_string_slow(&mut self, dst: &mut String) -> Result<bool> {
        match self.string_header()? {
            Header::Null => Ok(false),
            Header::Ascii => {
                // A truncated stream leaves nothing behind, as in the other forms.
                if let Err(e) = self.read_ascii_form(|p| dst.push_str(p)) {
                    dst.clear();
                    return Err(e);
                }
                Ok(true)
            }
            Header::Units(0) => Ok(true),
            Header::Units(n) => {
                if let Some(ascii) = ascii_units(self.rest(), n) {
                    if dst.capacity() < n {
                        // One exact allocation instead of growing.
                        *dst = ascii.to_owned();
                    } else {
                        dst.push_str(ascii);
                    }
                    self.pos += n;
                    return Ok(true);
                }
                self.read_units(n, |span, base| push_cesu8(span, base, dst))?;
                Ok(true)
            }
        }
    }

    /// Kryo's `readString` without loss: the UTF-16 units of the Java
    /// string, lone surrogates included.
    ///
    /// ```
    /// let mut input = kryo5_io::Input::new(&[0x82, 0xed, 0xa0, 0x80]);
    /// assert_eq!(input.read_string_utf16()?.unwrap().units(), &[0xd800]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_string`](Self::read_string), except that lone surrogates
    /// are not an error.
    pub fn read_string_utf16(&mut self) -> Result<Option<JavaString>> {
        let mut units = Vec::new();
        match self.string_header()? {
            Header::Null => return Ok(None),
            Header::Ascii => {
                self.read_ascii_form(|p| units.extend(p.bytes().map(u16::from)))?;
            }
            Header::Units(0) => {}
            Header::Units(n) => self.read_units(n, |span, base| {
                text::cesu8_to_utf16(span, &mut units).map_err(|e| text_error(e, base))
            })?,
        }
        Ok(Some(JavaString::from_units(units)))
    }
}
