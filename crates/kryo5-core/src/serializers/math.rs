//! `java.math.BigInteger` and `BigDecimal` (format spec 8.6):
//! [`JavaBigInteger`] holds the two's-complement big-endian bytes Java's
//! `toByteArray` gives, [`JavaBigDecimal`] an unscaled `JavaBigInteger` and
//! a scale. Both convert from and to decimal strings (Java's `toString`
//! and string constructors) and to and from `i64`/`i128`; for arithmetic,
//! convert to a bignum crate through the bytes or the string.
//!
//! ```
//! use kryo5_core::Kryo;
//! use kryo5_core::serializers::math::JavaBigDecimal;
//! use kryo5_io::{Input, Output};
//!
//! let price: JavaBigDecimal = "-1.5".parse()?;
//! let mut kryo = Kryo::new();
//! kryo.register::<JavaBigDecimal>();
//! let mut out = Output::new();
//! kryo.write_object(&mut out, &price)?;
//! assert_eq!(out.as_slice(), &[0x02, 0xf1, 0x02]); // 1 byte: -15, scale 1
//! let back: JavaBigDecimal = kryo.read_object(&mut Input::new(out.as_slice()))?;
//! assert_eq!(back.to_string(), "-1.5");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use super::value::{Nullable, Value, invalid, read_required, value_type};
use crate::error::{Error, ErrorKind, Result};
use crate::io::{In, Out};
use crate::types::NullForm;

/// A Java `BigInteger`: an integer of any size, as the minimal
/// two's-complement big-endian bytes of `BigInteger.toByteArray()` (zero is
/// one byte, `00`).
///
/// ```
/// use kryo5_core::serializers::math::JavaBigInteger;
/// let n: JavaBigInteger = "18446744073709551616".parse()?; // 2^64
/// assert_eq!(n.to_signed_bytes_be(), [1, 0, 0, 0, 0, 0, 0, 0, 0]);
/// assert_eq!(n.to_i64(), None);
/// assert_eq!(JavaBigInteger::from(-1i64).to_signed_bytes_be(), [0xff]);
/// # Ok::<(), kryo5_core::serializers::math::ParseBigError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct JavaBigInteger {
    /// Minimal two's complement, big-endian, never empty.
    bytes: Vec<u8>,
}

/// A string that is not a decimal number of the Java type.
///
/// ```
/// use kryo5_core::serializers::math::JavaBigInteger;
/// assert!("12x".parse::<JavaBigInteger>().is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid {0} string")]
pub struct ParseBigError(&'static str);

impl JavaBigInteger {
    /// Zero.
    ///
    /// ```
    /// use kryo5_core::serializers::math::JavaBigInteger;
    /// assert!(JavaBigInteger::zero().is_zero());
    /// ```
    #[must_use]
    pub fn zero() -> Self {
        JavaBigInteger { bytes: vec![0] }
    }

    /// The integer with these two's-complement big-endian bytes (Java's
    /// `new BigInteger(byte[])`; redundant sign bytes are dropped, no bytes
    /// is zero).
    ///
    /// ```
    /// use kryo5_core::serializers::math::JavaBigInteger;
    /// let n = JavaBigInteger::from_signed_bytes_be(&[0xff, 0xff, 0x80]);
    /// assert_eq!(n.to_i64(), Some(-128));
    /// assert_eq!(n.to_signed_bytes_be(), [0x80]);
    /// ```
    #[must_use]
    pub fn from_signed_bytes_be(bytes: &[u8]) -> Self {
        let mut bytes = bytes.to_vec();
        minimize(&mut bytes);
        JavaBigInteger { bytes }
    }

    /// The minimal two's-complement big-endian bytes (Java's
    /// `toByteArray()`).
    ///
    /// ```
    /// use kryo5_core::serializers::math::JavaBigInteger;
    /// assert_eq!(JavaBigInteger::from(255i64).to_signed_bytes_be(), [0x00, 0xff]);
    /// ```
    #[must_use]
    pub fn to_signed_bytes_be(&self) -> &[u8] {
        &self.bytes
    }

    /// Whether the value is negative.
    ///
    /// ```
    /// use kryo5_core::serializers::math::JavaBigInteger;
    /// assert!(JavaBigInteger::from(-3i64).is_negative());
    /// ```
    #[must_use]
    pub fn is_negative(&self) -> bool {
        self.bytes[0] & 0x80 != 0
    }

    /// Whether the value is zero.
    ///
    /// ```
    /// use kryo5_core::serializers::math::JavaBigInteger;
    /// assert!(!JavaBigInteger::from(7i64).is_zero());
    /// ```
    #[must_use]
    pub fn is_zero(&self) -> bool {
        self.bytes == [0]
    }

    /// The value as an `i128`, if it fits.
    ///
    /// ```
    /// use kryo5_core::serializers::math::JavaBigInteger;
    /// assert_eq!(JavaBigInteger::from(i128::MIN).to_i128(), Some(i128::MIN));
    /// ```
    #[must_use]
    pub fn to_i128(&self) -> Option<i128> {
        if self.bytes.len() > 16 {
            return None;
        }
        let fill = if self.is_negative() { 0xff } else { 0 };
        let mut be = [fill; 16];
        be[16 - self.bytes.len()..].copy_from_slice(&self.bytes);
        Some(i128::from_be_bytes(be))
    }

    /// The value as an `i64`, if it fits.
    ///
    /// ```
    /// use kryo5_core::serializers::math::JavaBigInteger;
    /// assert_eq!(JavaBigInteger::from(i64::MAX).to_i64(), Some(i64::MAX));
    /// ```
    #[must_use]
    pub fn to_i64(&self) -> Option<i64> {
        self.to_i128().and_then(|v| i64::try_from(v).ok())
    }

    /// The magnitude as little-endian 32-bit limbs, and the sign.
    fn magnitude(&self) -> (Vec<u32>, bool) {
        let negative = self.is_negative();
        let mut bytes = self.bytes.clone();
        if negative {
            negate(&mut bytes);
        }
        let mut limbs = Vec::with_capacity(bytes.len() / 4 + 1);
        for chunk in bytes.rchunks(4) {
            let mut be = [0u8; 4];
            be[4 - chunk.len()..].copy_from_slice(chunk);
            limbs.push(u32::from_be_bytes(be));
        }
        (limbs, negative)
    }

    /// The integer with this magnitude (little-endian limbs) and sign.
    fn from_magnitude(limbs: &[u32], negative: bool) -> Self {
        let mut bytes = Vec::with_capacity(limbs.len() * 4 + 1);
        bytes.push(0);
        for limb in limbs.iter().rev() {
            bytes.extend_from_slice(&limb.to_be_bytes());
        }
        if negative {
            negate(&mut bytes);
        }
        minimize(&mut bytes);
        JavaBigInteger { bytes }
    }

    /// The decimal digits of the magnitude, most significant first.
    fn decimal_digits(&self) -> (String, bool) {
        let (mut limbs, negative) = self.magnitude();
        let mut chunks = Vec::new();
        while limbs.iter().any(|&l| l != 0) {
            chunks.push(div_rem(&mut limbs, 1_000_000_000));
        }
        let mut s = chunks
            .pop()
            .map_or_else(|| "0".to_owned(), |c| c.to_string());
        for c in chunks.iter().rev() {
            s.push_str(&format!("{c:09}"));
        }
        (s, negative)
    }

    /// Parses decimal digits (at least one, ASCII) with a sign.
    fn from_digits(digits: &str, negative: bool) -> Self {
        let mut limbs: Vec<u32> = Vec::with_capacity(digits.len() / 9 + 1);
        let bytes = digits.as_bytes();
        let first = bytes.len() % 9;
        let groups = std::iter::once(&bytes[..first])
            .filter(|g| !g.is_empty())
            .chain(bytes[first..].chunks(9));
        for group in groups {
            let value = group
                .iter()
                .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'));
            mul_add(&mut limbs, 10u32.pow(group.len() as u32), value);
        }
        Self::from_magnitude(&limbs, negative)
    }
}

/// Two's-complement negation of big-endian bytes, in place.
fn negate(bytes: &mut [u8]) {
    let mut carry = true;
    for b in bytes.iter_mut().rev() {
        let (v, c) = (!*b).overflowing_add(u8::from(carry));
        *b = v;
        carry = c;
    }
}

/// Drops redundant leading sign bytes (keeps at least one byte).
fn minimize(bytes: &mut Vec<u8>) {
    if bytes.is_empty() {
        bytes.push(0);
        return;
    }
    let negative = bytes[0] & 0x80 != 0;
    let sign = if negative { 0xff } else { 0 };
    let keep = bytes
        .windows(2)
        .position(|w| w[0] != sign || (w[1] & 0x80 != 0) != negative)
        .unwrap_or(bytes.len() - 1);
    bytes.drain(..keep);
}

/// Divides little-endian limbs by `d` in place; returns the remainder.
fn div_rem(limbs: &mut Vec<u32>, d: u32) -> u32 {
    let mut rem = 0u64;
    for limb in limbs.iter_mut().rev() {
        let cur = (rem << 32) | u64::from(*limb);
        *limb = (cur / u64::from(d)) as u32;
        rem = cur % u64::from(d);
    }
    while limbs.last() == Some(&0) {
        limbs.pop();
    }
    rem as u32
}

/// `limbs = limbs * m + a` on little-endian limbs.
fn mul_add(limbs: &mut Vec<u32>, m: u32, a: u32) {
    let mut carry = u64::from(a);
    for limb in limbs.iter_mut() {
        let cur = u64::from(*limb) * u64::from(m) + carry;
        *limb = cur as u32;
        carry = cur >> 32;
    }
    if carry != 0 {
        limbs.push(carry as u32);
    }
}

impl From<i128> for JavaBigInteger {
    fn from(v: i128) -> Self {
        JavaBigInteger::from_signed_bytes_be(&v.to_be_bytes())
    }
}

impl From<i64> for JavaBigInteger {
    fn from(v: i64) -> Self {
        JavaBigInteger::from_signed_bytes_be(&v.to_be_bytes())
    }
}

impl From<u64> for JavaBigInteger {
    fn from(v: u64) -> Self {
        JavaBigInteger::from(i128::from(v))
    }
}

impl fmt::Display for JavaBigInteger {
    /// Java's `toString()`: decimal, `-` for negative values.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (digits, negative) = self.decimal_digits();
        if negative {
            f.write_str("-")?;
        }
        f.write_str(&digits)
    }
}

impl fmt::Debug for JavaBigInteger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "JavaBigInteger({self})")
    }
}

/// Splits an optional sign off a number.
fn sign(s: &str) -> (bool, &str) {
    match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    }
}

impl FromStr for JavaBigInteger {
    type Err = ParseBigError;

    /// Java's `new BigInteger(String)`: an optional sign and decimal digits.
    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        let (negative, digits) = sign(s);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ParseBigError("BigInteger"));
        }
        Ok(JavaBigInteger::from_digits(digits, negative))
    }
}

/// Writes `uvarint(n + 1)` and the `n` bytes of an unscaled or big value.
fn write_bytes<O: Out + ?Sized>(out: &mut O, v: &JavaBigInteger) -> Result<()> {
    let n = i32::try_from(v.bytes.len() + 1)
        .map_err(|_| Error::new(ErrorKind::InvalidArgument("BigInteger too large".into())))?;
    out.write_var_int(n, true)?;
    out.write_bytes(&v.bytes)?;
    Ok(())
}

/// Reads `uvarint(n + 1)` and `n` bytes: `None` for the null form `00`.
fn read_bytes<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Option<Vec<u8>>> {
    let at = input.total();
    match input.read_var_int(true)? {
        0 => Ok(None),
        n if n < 0 => Err(invalid(at, format_args!("negative length {}", n - 1))),
        n => Ok(Some(input.read_bytes((n - 1) as usize)?)),
    }
}

/// `BigIntegerSerializer`: `uvarint(n + 1)` then the `n` bytes of
/// `toByteArray()`; accepts null (`00`).
impl Value for JavaBigInteger {
    fn write_value<O: Out + ?Sized>(&self, out: &mut O) -> Result<()> {
        write_bytes(out, self)
    }
    fn read_value<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Self> {
        read_required(input)
    }
}

impl Nullable for JavaBigInteger {
    const CLASS: &'static str = "java.math.BigInteger";
    const NULL_FORM: NullForm = NullForm::Zero;
    fn read_or_null<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Option<Self>> {
        let at = input.total();
        match read_bytes(input)? {
            None => Ok(None),
            // Java: NumberFormatException "Zero length BigInteger".
            Some(b) if b.is_empty() => Err(invalid(at, format_args!("zero length BigInteger"))),
            Some(b) => Ok(Some(JavaBigInteger::from_signed_bytes_be(&b))),
        }
    }
}

value_type!(JavaBigInteger, "java.math.BigInteger", final: false, immutable: true, nullable);

/// A Java `BigDecimal`: `unscaled × 10^-scale`. Equality is Java's
/// `equals`: `1.5` and `1.50` differ (their scales do).
///
/// ```
/// use kryo5_core::serializers::math::{JavaBigDecimal, JavaBigInteger};
/// let d = JavaBigDecimal::new(JavaBigInteger::from(15i64), 1);
/// assert_eq!(d.to_string(), "1.5");
/// assert_eq!("1E+3".parse::<JavaBigDecimal>()?.scale(), -3);
/// # Ok::<(), kryo5_core::serializers::math::ParseBigError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct JavaBigDecimal {
    unscaled: JavaBigInteger,
    scale: i32,
}

impl JavaBigDecimal {
    /// `unscaled × 10^-scale` (Java's `new BigDecimal(BigInteger, int)`).
    ///
    /// ```
    /// use kryo5_core::serializers::math::{JavaBigDecimal, JavaBigInteger};
    /// assert_eq!(JavaBigDecimal::new(JavaBigInteger::from(-5i64), 3).to_string(), "-0.005");
    /// ```
    #[must_use]
    pub fn new(unscaled: JavaBigInteger, scale: i32) -> Self {
        JavaBigDecimal { unscaled, scale }
    }

    /// `unscaledValue()`.
    ///
    /// ```
    /// use kryo5_core::serializers::math::JavaBigDecimal;
    /// let d: JavaBigDecimal = "12.30".parse()?;
    /// assert_eq!(d.unscaled().to_i64(), Some(1230));
    /// # Ok::<(), kryo5_core::serializers::math::ParseBigError>(())
    /// ```
    #[must_use]
    pub fn unscaled(&self) -> &JavaBigInteger {
        &self.unscaled
    }

    /// `scale()`.
    ///
    /// ```
    /// use kryo5_core::serializers::math::JavaBigDecimal;
    /// assert_eq!("12.30".parse::<JavaBigDecimal>()?.scale(), 2);
    /// # Ok::<(), kryo5_core::serializers::math::ParseBigError>(())
    /// ```
    #[must_use]
    pub fn scale(&self) -> i32 {
        self.scale
    }
}

impl From<i64> for JavaBigDecimal {
    /// `BigDecimal.valueOf(long)`: scale 0.
    fn from(v: i64) -> Self {
        JavaBigDecimal::new(v.into(), 0)
    }
}

impl fmt::Display for JavaBigDecimal {
    /// Java's `toString()`: plain notation when the scale is positive and
    /// the adjusted exponent is at least -6, else scientific (`1E+3`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (digits, negative) = self.unscaled.decimal_digits();
        if negative {
            f.write_str("-")?;
        }
        let scale = i64::from(self.scale);
        if scale == 0 {
            return f.write_str(&digits);
        }
        let adjusted = -scale + (digits.len() as i64 - 1);
        if scale > 0 && adjusted >= -6 {
            let scale = scale as usize;
            return if digits.len() > scale {
                let (int, frac) = digits.split_at(digits.len() - scale);
                write!(f, "{int}.{frac}")
            } else {
                write!(f, "0.{}{digits}", "0".repeat(scale - digits.len()))
            };
        }
        let (first, rest) = digits.split_at(1);
        f.write_str(first)?;
        if !rest.is_empty() {
            write!(f, ".{rest}")?;
        }
        if adjusted != 0 {
            let plus = if adjusted > 0 { "+" } else { "" };
            write!(f, "E{plus}{adjusted}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for JavaBigDecimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "JavaBigDecimal({self})")
    }
}

impl FromStr for JavaBigDecimal {
    type Err = ParseBigError;

    /// Java's `new BigDecimal(String)`: `[sign] digits [. digits]
    /// [(e|E) [sign] digits]`, at least one digit in the significand; the
    /// scale is the number of fraction digits minus the exponent.
    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        let bad = || ParseBigError("BigDecimal");
        let (negative, rest) = sign(s);
        let (significand, exponent) = match rest.find(['e', 'E']) {
            Some(i) => (&rest[..i], Some(&rest[i + 1..])),
            None => (rest, None),
        };
        let (int, frac) = significand.split_once('.').unwrap_or((significand, ""));
        let digits = format!("{int}{frac}");
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let exponent: i64 = match exponent {
            None => 0,
            Some(e) => {
                let (neg, e) = sign(e);
                if e.is_empty() || !e.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(bad());
                }
                let e: i64 = e.parse().map_err(|_| bad())?;
                if neg { -e } else { e }
            }
        };
        let scale = i32::try_from(frac.len() as i64 - exponent).map_err(|_| bad())?;
        Ok(JavaBigDecimal::new(
            JavaBigInteger::from_digits(&digits, negative),
            scale,
        ))
    }
}

/// `BigDecimalSerializer`: `uvarint(n + 1)`, the unscaled value in `n`
/// big-endian two's-complement bytes, then the scale as `writeInt(scale,
/// false)` (a zigzag varint, or 4 bytes with variable-length encoding
/// off); accepts null (`00`).
impl Value for JavaBigDecimal {
    fn write_value<O: Out + ?Sized>(&self, out: &mut O) -> Result<()> {
        // Java writes values that fit a long with writeLong(v, n): the
        // same minimal bytes.
        write_bytes(out, &self.unscaled)?;
        out.write_int_var_or_fixed(self.scale, false)?;
        Ok(())
    }
    fn read_value<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Self> {
        read_required(input)
    }
}

impl Nullable for JavaBigDecimal {
    const CLASS: &'static str = "java.math.BigDecimal";
    const NULL_FORM: NullForm = NullForm::Zero;
    fn read_or_null<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Option<Self>> {
        // Java reads up to 8 bytes as a sign-extended long (no bytes: 0),
        // more as BigInteger bytes: both are the two's-complement value.
        let Some(bytes) = read_bytes(input)? else {
            return Ok(None);
        };
        let scale = input.read_int_var_or_fixed(false)?;
        Ok(Some(JavaBigDecimal::new(
            JavaBigInteger::from_signed_bytes_be(&bytes),
            scale,
        )))
    }
}

value_type!(JavaBigDecimal, "java.math.BigDecimal", final: false, immutable: true, nullable);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serializers::value::testing::round_trip;
    use kryo5_io::Input;

    fn int(s: &str) -> JavaBigInteger {
        s.parse().unwrap()
    }

    fn dec(s: &str) -> JavaBigDecimal {
        s.parse().unwrap()
    }

    #[test]
    fn spec_big_integers() {
        round_trip(&int("0"), &[0x02, 0x00]);
        round_trip(&int("1"), &[0x02, 0x01]);
        round_trip(&int("-1"), &[0x02, 0xff]);
        round_trip(&int("255"), &[0x03, 0x00, 0xff]);
        round_trip(
            &int("18446744073709551616"),
            &[0x0a, 0x01, 0, 0, 0, 0, 0, 0, 0, 0],
        );
    }

    #[test]
    fn spec_big_decimals() {
        round_trip(&dec("0"), &[0x02, 0x00, 0x00]);
        round_trip(&dec("1"), &[0x02, 0x01, 0x00]);
        round_trip(&dec("1.5"), &[0x02, 0x0f, 0x02]);
        round_trip(&dec("-1.5"), &[0x02, 0xf1, 0x02]);
        round_trip(&dec("1E+3"), &[0x02, 0x01, 0x05]);
        round_trip(&dec("128"), &[0x03, 0x00, 0x80, 0x00]);
        round_trip(
            &dec("9223372036854775807"),
            &[0x09, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00],
        );
        round_trip(
            &dec("123456789012345678901234567890.5"),
            &[
                0x0e, 0x0f, 0x95, 0x1a, 0x9f, 0xa3, 0xa2, 0x86, 0xc9, 0x4f, 0x0e, 0x76, 0x6c, 0x39,
                0x02,
            ],
        );
        // Java (probe): 10^19, Long.MIN_VALUE, 0.00.
        round_trip(
            &dec("10000000000000000000"),
            &[
                0x0a, 0x00, 0x8a, 0xc7, 0x23, 0x04, 0x89, 0xe8, 0x00, 0x00, 0x00,
            ],
        );
        round_trip(
            &dec("-9223372036854775808"),
            &[0x09, 0x80, 0, 0, 0, 0, 0, 0, 0, 0x00],
        );
        round_trip(&dec("0.00"), &[0x02, 0x00, 0x04]);
    }

    #[test]
    fn decimal_strings_match_java() {
        for s in [
            "0",
            "-1",
            "1.5",
            "-0.005",
            "1E+3",
            "1.23E+5",
            "0E+3",
            "1E-7",
            "0.000001",
            "123.456",
            "-123456789012345678901234567890.5",
            "0.00",
        ] {
            assert_eq!(dec(s).to_string(), s);
        }
        assert_eq!(dec("1e3").to_string(), "1E+3");
        assert_eq!(dec("+.5").to_string(), "0.5");
        assert_eq!(dec("0.0000001").to_string(), "1E-7");
        for bad in ["", "-", ".", "1e", "1.2.3", "1x", "e5"] {
            assert!(bad.parse::<JavaBigDecimal>().is_err(), "{bad}");
        }
        for s in [
            "0",
            "-1",
            "4294967296",
            "-340282366920938463463374607431768211456",
        ] {
            assert_eq!(int(s).to_string(), s);
        }
        assert_eq!(int("-0").to_string(), "0");
        assert_eq!(int("+007").to_string(), "7");
    }

    #[test]
    fn integer_conversions() {
        for v in [
            0i128,
            1,
            -1,
            127,
            128,
            -128,
            -129,
            i128::from(i64::MAX),
            i128::MIN,
            i128::MAX,
        ] {
            let b = JavaBigInteger::from(v);
            assert_eq!(b.to_i128(), Some(v));
            assert_eq!(b.to_string(), v.to_string());
            assert_eq!(int(&v.to_string()), b);
        }
        assert_eq!(JavaBigInteger::from(u64::MAX).to_i64(), None);
        assert_eq!(
            JavaBigInteger::from_signed_bytes_be(&[0x00, 0x00, 0x7f]).to_signed_bytes_be(),
            [0x7f]
        );
        assert!(JavaBigInteger::from_signed_bytes_be(&[]).is_zero());
    }

    #[test]
    fn malformed_input() {
        let mut kryo = crate::serializers::value::testing::lenient();
        // Zero-length BigInteger, as Java rejects it.
        let e = kryo
            .read_object::<JavaBigInteger, _>(&mut Input::new(&[0x01]))
            .unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::InvalidData(_)));
        // A BigDecimal with no unscaled bytes is zero (Java's readLong(0)).
        let d: JavaBigDecimal = kryo.read_object(&mut Input::new(&[0x01, 0x00])).unwrap();
        assert_eq!(d, dec("0"));
        // Non-minimal bytes are normalized.
        let d: JavaBigInteger = kryo
            .read_object(&mut Input::new(&[0x03, 0xff, 0xff]))
            .unwrap();
        assert_eq!(d, int("-1"));
        let huge = [0xff, 0xff, 0xff, 0xff, 0x07];
        assert!(
            kryo.read_object::<JavaBigInteger, _>(&mut Input::new(&huge))
                .is_err()
        );
        assert!(
            kryo.read_object::<JavaBigDecimal, _>(&mut Input::new(&huge))
                .is_err()
        );
    }
}
