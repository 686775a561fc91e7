//! Zero-copy reads from a slice input: byte arrays and strings borrowed
//! from the input, fixed-width arrays as borrowed little-endian views.

use std::ops::Deref;

use kryo5_arch::text::{self, Ascii32, Scan};
use zerocopy::FromBytes;
use zerocopy::byteorder::{F32, F64, I16, I32, I64, U16};

use super::InputBuffer;
use super::source::{Lend, SliceSource, Source};
use super::text::{Header, ascii_units, push_cesu8, short_ascii};
use crate::error::{Error, ErrorKind, Result};
use crate::flavour::Flavour;

/// A string read from a slice without copying where the wire allows it.
///
/// Kryo's UTF-8 form is borrowed whenever its bytes are valid UTF-8 (no
/// supplementary characters). The ASCII form flags its last byte, so it is
/// copied, inline for up to 32 characters (all Kryo's `writeString` writes
/// in that form). Surrogate pairs need decoding, into a `String`.
///
/// ```
/// let bytes = [0x61, 0xe2, 0x82, 0xc3, 0xa9];
/// let mut input = kryo5_io::Input::new(&bytes);
/// let a = input.read_str()?.unwrap();
/// let b = input.read_str()?.unwrap();
/// assert_eq!((&*a, &*b), ("ab", "é"));
/// assert!(matches!(b, kryo5_io::StrRef::Borrowed(_)));
/// # Ok::<(), kryo5_io::Error>(())
/// ```
#[derive(Clone, Debug)]
pub enum StrRef<'de> {
    /// Borrowed from the input.
    Borrowed(&'de str),
    /// A short ASCII-form string, copied inline.
    Inline(Ascii32),
    /// Decoded into an owned string.
    Owned(String),
}

impl Deref for StrRef<'_> {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        match self {
            StrRef::Borrowed(s) => s,
            StrRef::Inline(a) => a.as_str(),
            StrRef::Owned(s) => s,
        }
    }
}

impl PartialEq<str> for StrRef<'_> {
    fn eq(&self, other: &str) -> bool {
        &**self == other
    }
}

impl PartialEq<&str> for StrRef<'_> {
    fn eq(&self, other: &&str) -> bool {
        &**self == *other
    }
}

/// Equal when the strings are, however each is held.
///
/// ```
/// use kryo5_io::StrRef;
/// assert_eq!(StrRef::Borrowed("ab"), StrRef::Owned("ab".into()));
/// ```
impl PartialEq for StrRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Eq for StrRef<'_> {}

/// The empty string, borrowed.
///
/// ```
/// assert_eq!(&*kryo5_io::StrRef::default(), "");
/// ```
impl Default for StrRef<'_> {
    fn default() -> Self {
        StrRef::Borrowed("")
    }
}

/// The string itself.
///
/// ```
/// assert_eq!(kryo5_io::StrRef::Borrowed("é").to_string(), "é");
/// ```
impl std::fmt::Display for StrRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

impl<'de> StrRef<'de> {
    /// The string, owned.
    #[must_use]
    pub fn into_owned(self) -> String {
        match self {
            StrRef::Owned(s) => s,
            other => other.to_string(),
        }
    }
}

macro_rules! view {
    ($(#[$doc:meta])* $name:ident, $ty:ident, $size:literal) => {
        $(#[$doc])*
        ///
        /// # Errors
        /// [`ErrorKind::UnexpectedEnd`] if fewer bytes are left; nothing is
        /// consumed then.
        pub fn $name(&mut self, n: usize) -> Result<&'de [$ty<F::Order>]> {
            let bytes = self.read_bytes_ref(n.saturating_mul($size))?;
            <[$ty<F::Order>]>::ref_from_bytes(bytes).map_err(|_| self.error(ErrorKind::InvalidArgument("view size")))
        }
    };
}

impl<'de, F: Flavour> InputBuffer<'de, SliceSource<'de>, F> {
    /// `n` bytes borrowed from the input (zero-copy `readBytes`).
    ///
    /// ```
    /// let data = [1, 2, 3];
    /// let mut input = kryo5_io::Input::new(&data);
    /// let head: &[u8] = input.read_bytes_ref(2)?;
    /// assert_eq!(head, [1, 2]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::UnexpectedEnd`] if fewer bytes are left.
    #[inline]
    pub fn read_bytes_ref(&mut self, n: usize) -> Result<&'de [u8]> {
        self.bytes_in(self.src.data, n)
    }

    /// Kryo's `readString` without copying where possible: see [`StrRef`].
    ///
    /// ```
    /// let mut input = kryo5_io::Input::new(&[0x85, 0x63, 0x61, 0x66, 0xc3, 0xa9]);
    /// assert_eq!(&*input.read_str()?.unwrap(), "café");
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_string`](InputBuffer::read_string).
    pub fn read_str(&mut self) -> Result<Option<StrRef<'de>>> {
        self.str_in(self.src.data)
    }

    view!(
        /// `n` ints as a borrowed view in the flavour's byte order (zero-copy
        /// `readInts`).
        ///
        /// ```
        /// let data = [1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff];
        /// let mut input = kryo5_io::Input::new(&data);
        /// let v = input.read_ints_ref(2)?;
        /// assert_eq!([v[0].get(), v[1].get()], [1, -1]);
        /// # Ok::<(), kryo5_io::Error>(())
        /// ```
        read_ints_ref, I32, 4
    );
    view!(
        /// `n` longs as a borrowed view (zero-copy `readLongs`).
        ///
        /// ```
        /// let data = [2, 0, 0, 0, 0, 0, 0, 0];
        /// assert_eq!(kryo5_io::Input::new(&data).read_longs_ref(1)?[0].get(), 2);
        /// # Ok::<(), kryo5_io::Error>(())
        /// ```
        read_longs_ref, I64, 8
    );
    view!(
        /// `n` shorts as a borrowed view (zero-copy `readShorts`).
        ///
        /// ```
        /// let data = [0xfe, 0xff];
        /// assert_eq!(kryo5_io::Input::new(&data).read_shorts_ref(1)?[0].get(), -2);
        /// # Ok::<(), kryo5_io::Error>(())
        /// ```
        read_shorts_ref, I16, 2
    );
    view!(
        /// `n` chars (UTF-16 units) as a borrowed view (zero-copy `readChars`).
        ///
        /// ```
        /// let data = [0xac, 0x20];
        /// assert_eq!(kryo5_io::Input::new(&data).read_chars_ref(1)?[0].get(), 0x20ac);
        /// # Ok::<(), kryo5_io::Error>(())
        /// ```
        read_chars_ref, U16, 2
    );
    view!(
        /// `n` floats as a borrowed view (zero-copy `readFloats`).
        ///
        /// ```
        /// let data = [0, 0, 0x80, 0x3f];
        /// assert_eq!(kryo5_io::Input::new(&data).read_floats_ref(1)?[0].get(), 1.0);
        /// # Ok::<(), kryo5_io::Error>(())
        /// ```
        read_floats_ref, F32, 4
    );
    view!(
        /// `n` doubles as a borrowed view (zero-copy `readDoubles`).
        ///
        /// ```
        /// let data = [0, 0, 0, 0, 0, 0, 0xf0, 0x3f];
        /// assert_eq!(kryo5_io::Input::new(&data).read_doubles_ref(1)?[0].get(), 1.0);
        /// # Ok::<(), kryo5_io::Error>(())
        /// ```
        read_doubles_ref, F64, 8
    );
}

impl<'de, S: Source + Lend<'de>, F: Flavour> InputBuffer<'de, S, F> {
    /// `n` bytes borrowed from the input where its source lends them (a
    /// slice: [`Lend`]); `None`, consuming nothing, for a stream.
    ///
    /// ```
    /// let mut input = kryo5_io::Input::new(&[1, 2, 3]);
    /// assert_eq!(input.read_bytes_lent(2)?, Some(&[1, 2][..]));
    /// let mut stream = kryo5_io::Input::from_reader(&[1, 2, 3][..]);
    /// assert_eq!(stream.read_bytes_lent(2)?, None);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::UnexpectedEnd`] if fewer bytes are left.
    #[inline]
    pub fn read_bytes_lent(&mut self, n: usize) -> Result<Option<&'de [u8]>> {
        match self.src.lend() {
            Some(data) => self.bytes_in(data, n).map(Some),
            None => Ok(None),
        }
    }

    /// Kryo's `readString` for any input: borrowed as
    /// [`read_str`](InputBuffer::read_str) does where the source lends its
    /// bytes, else owned.
    ///
    /// ```
    /// let bytes = [0x85, 0x63, 0x61, 0x66, 0xc3, 0xa9];
    /// let s = kryo5_io::Input::new(&bytes).read_str_lent()?.unwrap();
    /// assert!(matches!(s, kryo5_io::StrRef::Borrowed("café")));
    /// let s = kryo5_io::Input::from_reader(&bytes[..]).read_str_lent()?.unwrap();
    /// assert!(matches!(s, kryo5_io::StrRef::Owned(_)));
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`read_string`](InputBuffer::read_string).
    #[inline]
    pub fn read_str_lent(&mut self) -> Result<Option<StrRef<'de>>> {
        match self.src.lend() {
            Some(data) => self.str_in(data),
            None => Ok(self.read_string()?.map(StrRef::Owned)),
        }
    }
}

impl<'de, S: Source, F: Flavour> InputBuffer<'de, S, F> {
    /// `n` bytes of `data` (the source's whole window) from the position.
    #[inline]
    fn bytes_in(&mut self, data: &'de [u8], n: usize) -> Result<&'de [u8]> {
        match data.get(self.pos..).and_then(|rest| rest.get(..n)) {
            Some(bytes) => {
                self.pos += n;
                Ok(bytes)
            }
            None => Err(self.end_error(n)),
        }
    }

    /// Kryo's `readString` borrowing from `data` (the source's whole
    /// window): see [`StrRef`].
    fn str_in(&mut self, data: &'de [u8]) -> Result<Option<StrRef<'de>>> {
        // Fast path: a short ASCII-form string, copied inline.
        if let Some(s) = short_ascii(&data[self.pos..]) {
            self.pos += s.len();
            return Ok(Some(StrRef::Inline(s)));
        }
        match self.string_header()? {
            Header::Null => Ok(None),
            Header::Units(0) => Ok(Some(StrRef::Borrowed(""))),
            Header::Ascii => {
                // Longer than 32 characters (shorter ones took the fast path).
                let rest = &data[self.pos..];
                let ascii = text::ascii_prefix(rest);
                let end = ascii.len();
                let Some(&last) = rest.get(end) else {
                    return Err(self.end_error(rest.len() + 1));
                };
                self.pos += end + 1;
                let mut s = String::with_capacity(end + 1);
                s.push_str(ascii);
                s.push(char::from(last & 0x7f));
                Ok(Some(StrRef::Owned(s)))
            }
            Header::Units(n) => {
                let rest = &data[self.pos..];
                if let Some(ascii) = ascii_units(rest, n) {
                    self.pos += n;
                    return Ok(Some(StrRef::Borrowed(ascii)));
                }
                let base = self.total();
                let bytes = match text::cesu8_scan(rest, n) {
                    Scan::Complete { bytes } => bytes,
                    Scan::Invalid { at } => {
                        return Err(Error::new(ErrorKind::MalformedString, base + at as u64));
                    }
                    Scan::Truncated { .. } => return Err(self.end_error(n)),
                };
                let span = &rest[..bytes];
                self.pos += bytes;
                if let Some(s) = text::utf8(span) {
                    return Ok(Some(StrRef::Borrowed(s)));
                }
                let mut s = String::with_capacity(span.len());
                push_cesu8(span, base, &mut s)?;
                Ok(Some(StrRef::Owned(s)))
            }
        }
    }
}
