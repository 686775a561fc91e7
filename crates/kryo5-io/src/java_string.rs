//! [`JavaString`]: a Java string as UTF-16 code units, lone surrogates and all.

use std::fmt;
use std::ops::Deref;

/// A Java `String` as its UTF-16 code units.
///
/// Java strings may hold unpaired surrogates, which a Rust `String` cannot.
/// [`Input::read_string_utf16`](crate::InputBuffer::read_string_utf16) and
/// [`Output::write_string_utf16`](crate::OutputBuffer::write_string_utf16) carry
/// them losslessly.
///
/// ```
/// use kryo5_io::JavaString;
/// let s = JavaString::from("a😀");
/// assert_eq!(s.units(), &[0x61, 0xd83d, 0xde00]);
/// assert_eq!(s.to_string_checked().unwrap(), "a😀");
/// let lone = JavaString::from_units(vec![0xd800]);
/// assert!(lone.to_string_checked().is_err());
/// assert_eq!(lone.to_string_lossy(), "\u{fffd}");
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JavaString(Vec<u16>);

impl JavaString {
    /// An empty string.
    #[must_use]
    pub fn new() -> Self {
        JavaString(Vec::new())
    }

    /// Takes UTF-16 units as they are.
    #[must_use]
    pub fn from_units(units: Vec<u16>) -> Self {
        JavaString(units)
    }

    /// The UTF-16 units.
    #[must_use]
    pub fn units(&self) -> &[u16] {
        &self.0
    }

    /// Unwraps the UTF-16 units.
    #[must_use]
    pub fn into_units(self) -> Vec<u16> {
        self.0
    }

    /// The Rust string, if there is no lone surrogate.
    ///
    /// # Errors
    /// `std::string::FromUtf16Error` if a surrogate is unpaired.
    pub fn to_string_checked(&self) -> Result<String, std::string::FromUtf16Error> {
        String::from_utf16(&self.0)
    }

    /// The Rust string with lone surrogates replaced by U+FFFD.
    #[must_use]
    pub fn to_string_lossy(&self) -> String {
        String::from_utf16_lossy(&self.0)
    }
}

impl From<&str> for JavaString {
    fn from(s: &str) -> Self {
        JavaString(s.encode_utf16().collect())
    }
}

impl TryFrom<JavaString> for String {
    type Error = std::string::FromUtf16Error;
    fn try_from(s: JavaString) -> Result<Self, Self::Error> {
        s.to_string_checked()
    }
}

impl Deref for JavaString {
    type Target = [u16];
    fn deref(&self) -> &[u16] {
        &self.0
    }
}

impl fmt::Debug for JavaString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "JavaString({:?})", self.to_string_lossy())
    }
}
