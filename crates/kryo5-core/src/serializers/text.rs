//! Values written as strings (format spec 8.9 to 8.11): `StringBuilder`,
//! `StringBuffer`, `Currency`, `URL`, `TimeZone`, `Charset`, and `Locale`.
//!
//! Each is a struct around the string Java writes. Reading checks the
//! string as far as the Java reader would reject it (a currency code is
//! three capital letters, a URL has a scheme, a charset name is legal);
//! kryo5 has no tables of the codes, zones and charsets a JVM knows.
//!
//! ```
//! use kryo5_core::Kryo;
//! use kryo5_core::serializers::text::{Currency, Locale};
//! use kryo5_io::{Input, Output};
//!
//! let mut kryo = Kryo::new();
//! kryo.register::<Currency>();
//! kryo.register::<Locale>();
//! let mut out = Output::new();
//! kryo.write_object(&mut out, &Currency::from("EUR"))?;
//! kryo.write_object(&mut out, &Locale::new("en", "US", ""))?;
//! assert_eq!(out.as_slice(), &[0x45, 0x55, 0xd2, 0x65, 0xee, 0x55, 0xd3, 0x81]);
//!
//! let mut input = Input::new(out.as_slice());
//! assert_eq!(kryo.read_object::<Currency, _>(&mut input)?.code, "EUR");
//! assert_eq!(kryo.read_object::<Locale, _>(&mut input)?.country, "US");
//! # Ok::<(), kryo5_core::Error>(())
//! ```

use super::value::{PerValueClass, StringValue, Value, invalid, null_at, value_type};
use crate::error::{Error, ErrorKind, Result};
use crate::io::{In, Out};

/// A struct around one string, written by a string serializer:
/// `string_type!(Name { field }, "java.Class", check, final: .., immutable:
/// ..)` where `check(&str) -> bool` says whether Java accepts the string.
macro_rules! string_type {
    (
        $(#[$doc:meta])* $name:ident { $(#[$fdoc:meta])* $field:ident }, $class:literal, $check:expr,
        final: $final:expr, immutable: $imm:expr $(, $flag:ident)*
    ) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name {
            $(#[$fdoc])*
            pub $field: String,
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name { $field: s.to_owned() }
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                $name { $field: s }
            }
        }

        impl StringValue for $name {
            const CLASS: &'static str = $class;
            fn from_str_at(s: String, at: u64) -> Result<Self> {
                let check: fn(&str) -> bool = $check;
                if !check(&s) {
                    return Err(invalid(at, format_args!("{s:?} is not a valid {}", $class)));
                }
                Ok($name { $field: s })
            }
            fn as_java_str(&self) -> &str {
                &self.$field
            }
        }

        value_type!($name, $class, final: $final, immutable: $imm $(, $flag)*);
    };
}

string_type!(
    /// `java.lang.StringBuilder`: its text, null as `80`.
    ///
    /// ```
    /// use kryo5_core::serializers::text::StringBuilder;
    /// assert_eq!(StringBuilder::from("ab").text, "ab");
    /// ```
    StringBuilder {
        /// `toString()`.
        text
    },
    "java.lang.StringBuilder",
    |_| true,
    final: true,
    immutable: false,
    nullable
);

string_type!(
    /// `java.lang.StringBuffer`: its text, null as `80`.
    ///
    /// ```
    /// use kryo5_core::serializers::text::StringBuffer;
    /// assert_eq!(StringBuffer::from("é").text, "é");
    /// ```
    StringBuffer {
        /// `toString()`.
        text
    },
    "java.lang.StringBuffer",
    |_| true,
    final: true,
    immutable: false,
    nullable
);

string_type!(
    /// `java.util.Currency`: its ISO 4217 code, null as `80`.
    ///
    /// ```
    /// use kryo5_core::serializers::text::Currency;
    /// assert_eq!(Currency::from("EUR").code, "EUR");
    /// ```
    Currency {
        /// `getCurrencyCode()`: three capital letters.
        code
    },
    "java.util.Currency",
    |s| s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase()),
    final: true,
    immutable: true,
    nullable
);

string_type!(
    /// `java.net.URL`: `toExternalForm()`.
    ///
    /// ```
    /// use kryo5_core::serializers::text::Url;
    /// assert_eq!(Url::from("http://a.b/c").spec, "http://a.b/c");
    /// ```
    Url {
        /// `toExternalForm()`: a scheme, `:`, the rest.
        spec
    },
    "java.net.URL",
    has_scheme,
    final: true,
    immutable: true
);

string_type!(
    /// `java.util.TimeZone` (Java class `sun.util.calendar.ZoneInfo`, the
    /// class of every zone `TimeZone.getTimeZone` returns): its id. A Java
    /// reader turns an unknown id into GMT.
    ///
    /// ```
    /// use kryo5_core::serializers::text::TimeZone;
    /// assert_eq!(TimeZone::from("UTC").id, "UTC");
    /// ```
    TimeZone {
        /// `getID()`.
        id
    },
    "sun.util.calendar.ZoneInfo",
    |_| true,
    final: false,
    immutable: true
);

string_type!(
    /// `java.nio.charset.Charset`: its canonical name. Each JDK charset is
    /// a class of its own (`sun.nio.cs.UTF_8`, ...): a value's class is
    /// that of its charset for the six standard charsets, and
    /// `sun.nio.cs.UTF_8` for any other (a Java reader only uses the
    /// name). Register each class used with
    /// [`Kryo::register_named`](crate::Kryo::register_named), as a Java
    /// program registers each `getClass()`.
    ///
    /// ```
    /// use kryo5_core::KryoType;
    /// use kryo5_core::serializers::text::Charset;
    /// assert_eq!(Charset::from("ISO-8859-1").class_name(), "sun.nio.cs.ISO_8859_1");
    /// ```
    Charset {
        /// `name()`.
        name
    },
    "sun.nio.cs.UTF_8",
    is_charset_name,
    final: false,
    immutable: true,
    per_value
);

/// The JDK classes of the standard charsets, by canonical name.
const CHARSET_CLASSES: [(&str, &str); 6] = [
    ("UTF-8", "sun.nio.cs.UTF_8"),
    ("ISO-8859-1", "sun.nio.cs.ISO_8859_1"),
    ("US-ASCII", "sun.nio.cs.US_ASCII"),
    ("UTF-16", "sun.nio.cs.UTF_16"),
    ("UTF-16BE", "sun.nio.cs.UTF_16BE"),
    ("UTF-16LE", "sun.nio.cs.UTF_16LE"),
];

impl Charset {
    /// The JDK classes of the standard charsets, to register them all.
    ///
    /// ```
    /// use kryo5_core::serializers::text::Charset;
    /// let mut kryo = kryo5_core::Kryo::new();
    /// for class in Charset::standard_classes() {
    ///     kryo.register_named::<Charset>(class);
    /// }
    /// ```
    pub fn standard_classes() -> impl Iterator<Item = &'static str> {
        CHARSET_CLASSES.iter().map(|(_, class)| *class)
    }
}

impl PerValueClass for Charset {
    fn value_class(&self) -> &'static str {
        CHARSET_CLASSES
            .iter()
            .find(|(name, _)| *name == self.name)
            .map_or(CHARSET_CLASSES[0].1, |(_, class)| class)
    }
}

/// `new URL(spec)` needs a scheme: a letter, then letters, digits, `+-.`,
/// then `:`.
fn has_scheme(s: &str) -> bool {
    let Some((scheme, _)) = s.split_once(':') else {
        return false;
    };
    let mut b = scheme.bytes();
    b.next().is_some_and(|c| c.is_ascii_alphabetic())
        && b.all(|c| c.is_ascii_alphanumeric() || b"+-.".contains(&c))
}

/// `Charset.forName`'s legal names: a letter or digit, then letters,
/// digits and `-+:_.`.
fn is_charset_name(s: &str) -> bool {
    let mut b = s.bytes();
    b.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && b.all(|c| c.is_ascii_alphanumeric() || b"-+:_.".contains(&c))
}

/// A `java.util.Locale`: language, country, variant (script and extensions
/// are not written by Kryo). Java normalizes the language to lower case and
/// the country to upper case when it reads them.
///
/// ```
/// use kryo5_core::serializers::text::Locale;
/// assert_eq!(Locale::ROOT, Locale::new("", "", ""));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Locale {
    /// `getLanguage()` (ASCII).
    pub language: String,
    /// `getCountry()` (ASCII).
    pub country: String,
    /// `getVariant()`.
    pub variant: String,
}

impl Locale {
    /// `Locale.ROOT`.
    ///
    /// ```
    /// use kryo5_core::serializers::text::Locale;
    /// assert_eq!(Locale::ROOT, Locale::new("", "", ""));
    /// ```
    pub const ROOT: Locale = Locale {
        language: String::new(),
        country: String::new(),
        variant: String::new(),
    };

    /// `new Locale(language, country, variant)`.
    ///
    /// ```
    /// use kryo5_core::serializers::text::Locale;
    /// assert_eq!(Locale::new("de", "CH", "x").variant, "x");
    /// ```
    #[must_use]
    pub fn new(language: &str, country: &str, variant: &str) -> Self {
        Locale {
            language: language.to_owned(),
            country: country.to_owned(),
            variant: variant.to_owned(),
        }
    }
}

/// Reads one of a locale's strings, which Java cannot take as `null`.
fn locale_part<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<String> {
    let at = input.total();
    input
        .read_string()?
        .ok_or_else(|| null_at("a Locale part", at))
}

impl Value for Locale {
    fn write_value<O: Out + ?Sized>(&self, out: &mut O) -> Result<()> {
        for part in [&self.language, &self.country] {
            if !part.is_ascii() {
                return Err(Error::new(ErrorKind::InvalidArgument(format!(
                    "a Locale's language and country are ASCII, not {part:?}"
                ))));
            }
            out.write_ascii(Some(part))?;
        }
        out.write_string(Some(&self.variant))?;
        Ok(())
    }
    fn read_value<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Self> {
        Ok(Locale {
            language: locale_part(input)?,
            country: locale_part(input)?,
            variant: locale_part(input)?,
        })
    }
}

value_type!(Locale, "java.util.Locale", final: true, immutable: true);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serializers::value::testing::round_trip;
    use kryo5_io::{Input, Output};

    #[test]
    fn spec_vectors() {
        round_trip(&StringBuilder::from("ab"), &[0x61, 0xe2]);
        round_trip(&StringBuffer::from("é"), &[0x82, 0xc3, 0xa9]);
        round_trip(&Currency::from("EUR"), &[0x45, 0x55, 0xd2]);
        round_trip(&TimeZone::from("UTC"), &[0x55, 0x54, 0xc3]);
        round_trip(&Charset::from("UTF-8"), &[0x55, 0x54, 0x46, 0x2d, 0xb8]);
        round_trip(&Url::from("http://a.b/c"), b"http://a.b/\xe3");
        round_trip(
            &Locale::new("en", "US", ""),
            &[0x65, 0xee, 0x55, 0xd3, 0x81],
        );
        round_trip(
            &Locale::new("de", "CH", "x"),
            &[0x64, 0xe5, 0x43, 0xc8, 0x82, 0x78],
        );
        round_trip(&Locale::ROOT, &[0x81, 0x81, 0x81]);
    }

    #[test]
    fn string_nulls() {
        let mut kryo = crate::serializers::value::testing::lenient();
        let mut out = Output::new();
        kryo.write_object_or_null::<Currency, _>(&mut out, None)
            .unwrap();
        kryo.write_object_or_null::<StringBuilder, _>(&mut out, None)
            .unwrap();
        kryo.write_object_or_null::<Url, _>(&mut out, None).unwrap();
        assert_eq!(out.as_slice(), [0x80, 0x80, 0x00]);
        let mut input = Input::new(out.as_slice());
        assert_eq!(
            kryo.read_object_or_null::<Currency, _>(&mut input).unwrap(),
            None
        );
        assert!(
            kryo.read_object::<StringBuffer, _>(&mut Input::new(&[0x80]))
                .is_err()
        );
    }

    #[test]
    fn reads_reject_what_java_rejects() {
        let mut kryo = crate::serializers::value::testing::lenient();
        for (bytes, ok) in [
            (&b"E\xd5"[..], false),
            (b"Eu\xf2", false),
            (b"EUR\xd2", false),
        ] {
            assert_eq!(
                kryo.read_object::<Currency, _>(&mut Input::new(bytes))
                    .is_ok(),
                ok
            );
        }
        let e = kryo
            .read_object::<Url, _>(&mut Input::new(b"a.b/\xe3"))
            .unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::InvalidData(_)));
        assert!(
            kryo.read_object::<Charset, _>(&mut Input::new(b"UTF 8\xb8"))
                .is_err()
        );
        let e = kryo
            .write_object(&mut Output::new(), &Locale::new("é", "", ""))
            .unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::InvalidArgument(_)));
    }

    #[test]
    fn charsets_have_one_class_each() {
        let mut kryo = crate::serializers::value::testing::lenient();
        kryo.set_registration_required(false);
        kryo.set_warn_unregistered_classes(false);
        kryo.add_class_named::<Charset>("sun.nio.cs.UTF_8");
        let mut out = Output::new();
        let utf8 = Charset::from("UTF-8");
        kryo.write_class_and_object(&mut out, Some(&utf8)).unwrap();
        // Java: writeClassAndObject(StandardCharsets.UTF_8).
        let mut want = vec![0x01, 0x00];
        want.extend_from_slice(b"sun.nio.cs.UTF_\xb8UTF-\xb8");
        assert_eq!(out.as_slice(), want);
        let back: Option<Charset> = kryo
            .read_class_and_object_as(&mut Input::new(&want))
            .unwrap();
        assert_eq!(back, Some(utf8));
        // A class registered for Charset under another name reads as Charset.
        let mut kryo = crate::serializers::value::testing::lenient();
        let id = kryo.register_named::<Charset>("sun.nio.cs.ISO_8859_1");
        let mut out = Output::new();
        let latin1 = Charset::from("ISO-8859-1");
        kryo.write_class_and_object(&mut out, Some(&latin1))
            .unwrap();
        assert_eq!(out.as_slice()[0], (id + 2) as u8);
        let back: Option<Charset> = kryo
            .read_class_and_object_as(&mut Input::new(out.as_slice()))
            .unwrap();
        assert_eq!(back, Some(latin1));
    }
}
