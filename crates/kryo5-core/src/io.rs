//! The object layer's view of the buffers: [`Out`] and [`In`].
//!
//! Serializers are written once, generic over `O: Out + ?Sized` and
//! `I: In<'de> + ?Sized`. With a concrete [`OutputBuffer`] or
//! [`InputBuffer`] every call is inlined (the derive's fast path); the same
//! code also runs on `&mut dyn Out` / `&mut dyn In`, which is how values of
//! a type known only at run time (an `Object` field, a
//! `write_class_and_object` of a boxed value) are written and read.

use kryo5_io::sink::Sink;
use kryo5_io::source::{Lend, Source};
use kryo5_io::{Flavour, InputBuffer, JavaString, OutputBuffer, Result, StrRef};

/// The write side of a buffer, object safe. Every method is the
/// [`OutputBuffer`] method of the same name.
pub trait Out {
    /// [`OutputBuffer::write_byte`].
    fn write_byte(&mut self, value: u8) -> Result<()>;
    /// [`OutputBuffer::write_bytes`].
    fn write_bytes(&mut self, bytes: &[u8]) -> Result<()>;
    /// [`OutputBuffer::write_boolean`].
    fn write_boolean(&mut self, value: bool) -> Result<()>;
    /// [`OutputBuffer::write_short`].
    fn write_short(&mut self, value: i16) -> Result<()>;
    /// [`OutputBuffer::write_char`].
    fn write_char(&mut self, value: u16) -> Result<()>;
    /// [`OutputBuffer::write_int`].
    fn write_int(&mut self, value: i32) -> Result<()>;
    /// [`OutputBuffer::write_long`].
    fn write_long(&mut self, value: i64) -> Result<()>;
    /// [`OutputBuffer::write_float`].
    fn write_float(&mut self, value: f32) -> Result<()>;
    /// [`OutputBuffer::write_double`].
    fn write_double(&mut self, value: f64) -> Result<()>;
    /// [`OutputBuffer::write_int_count`].
    fn write_int_count(&mut self, value: i32, count: usize) -> Result<()>;
    /// [`OutputBuffer::write_long_count`].
    fn write_long_count(&mut self, value: i64, count: usize) -> Result<()>;
    /// [`OutputBuffer::write_var_int`].
    fn write_var_int(&mut self, value: i32, optimize_positive: bool) -> Result<usize>;
    /// [`OutputBuffer::write_var_long`].
    fn write_var_long(&mut self, value: i64, optimize_positive: bool) -> Result<usize>;
    /// [`OutputBuffer::write_var_int_flag`].
    fn write_var_int_flag(
        &mut self,
        flag: bool,
        value: i32,
        optimize_positive: bool,
    ) -> Result<usize>;
    /// [`OutputBuffer::write_int_var_or_fixed`].
    fn write_int_var_or_fixed(&mut self, value: i32, optimize_positive: bool) -> Result<usize>;
    /// [`OutputBuffer::write_long_var_or_fixed`].
    fn write_long_var_or_fixed(&mut self, value: i64, optimize_positive: bool) -> Result<usize>;
    /// [`OutputBuffer::write_string`].
    fn write_string(&mut self, value: Option<&str>) -> Result<()>;
    /// [`OutputBuffer::write_string_utf16`].
    fn write_string_utf16(&mut self, value: Option<&[u16]>) -> Result<()>;
    /// [`OutputBuffer::write_ascii`].
    fn write_ascii(&mut self, value: Option<&str>) -> Result<()>;
    /// [`OutputBuffer::write_ints`].
    fn write_ints(&mut self, values: &[i32]) -> Result<()>;
    /// [`OutputBuffer::write_ints_var_or_fixed`].
    fn write_ints_var_or_fixed(&mut self, values: &[i32], optimize_positive: bool) -> Result<()>;
    /// [`OutputBuffer::write_longs`].
    fn write_longs(&mut self, values: &[i64]) -> Result<()>;
    /// [`OutputBuffer::write_longs_var_or_fixed`].
    fn write_longs_var_or_fixed(&mut self, values: &[i64], optimize_positive: bool) -> Result<()>;
    /// [`OutputBuffer::write_floats`].
    fn write_floats(&mut self, values: &[f32]) -> Result<()>;
    /// [`OutputBuffer::write_doubles`].
    fn write_doubles(&mut self, values: &[f64]) -> Result<()>;
    /// [`OutputBuffer::write_shorts`].
    fn write_shorts(&mut self, values: &[i16]) -> Result<()>;
    /// [`OutputBuffer::write_chars`].
    fn write_chars(&mut self, values: &[u16]) -> Result<()>;
    /// [`OutputBuffer::write_booleans`].
    fn write_booleans(&mut self, values: &[bool]) -> Result<()>;
    /// [`OutputBuffer::flush`]: hands buffered bytes on (a chunk, inside
    /// chunked encoding); nothing for an in-memory output.
    fn flush(&mut self) -> Result<()>;
    /// [`OutputBuffer::total`]: bytes written so far.
    fn total(&self) -> u64;
    /// [`OutputBuffer::variable_length_encoding`].
    fn variable_length_encoding(&self) -> bool;
    /// This output as a trait object (for values whose type is only known
    /// at run time).
    fn as_dyn(&mut self) -> &mut dyn Out;
}

macro_rules! forward_out {
    ($($name:ident($($arg:ident: $ty:ty),*) -> $ret:ty;)*) => {$(
        #[inline(always)]
        fn $name(&mut self, $($arg: $ty),*) -> $ret {
            OutputBuffer::$name(self, $($arg),*)
        }
    )*};
}

impl<S: Sink, F: Flavour> Out for OutputBuffer<S, F> {
    forward_out! {
        write_byte(value: u8) -> Result<()>;
        write_bytes(bytes: &[u8]) -> Result<()>;
        write_boolean(value: bool) -> Result<()>;
        write_short(value: i16) -> Result<()>;
        write_char(value: u16) -> Result<()>;
        write_int(value: i32) -> Result<()>;
        write_long(value: i64) -> Result<()>;
        write_float(value: f32) -> Result<()>;
        write_double(value: f64) -> Result<()>;
        write_int_count(value: i32, count: usize) -> Result<()>;
        write_long_count(value: i64, count: usize) -> Result<()>;
        write_var_int(value: i32, optimize_positive: bool) -> Result<usize>;
        write_var_long(value: i64, optimize_positive: bool) -> Result<usize>;
        write_var_int_flag(flag: bool, value: i32, optimize_positive: bool) -> Result<usize>;
        write_int_var_or_fixed(value: i32, optimize_positive: bool) -> Result<usize>;
        write_long_var_or_fixed(value: i64, optimize_positive: bool) -> Result<usize>;
        write_string(value: Option<&str>) -> Result<()>;
        write_string_utf16(value: Option<&[u16]>) -> Result<()>;
        write_ascii(value: Option<&str>) -> Result<()>;
        write_ints(values: &[i32]) -> Result<()>;
        write_ints_var_or_fixed(values: &[i32], optimize_positive: bool) -> Result<()>;
        write_longs(values: &[i64]) -> Result<()>;
        write_longs_var_or_fixed(values: &[i64], optimize_positive: bool) -> Result<()>;
        write_floats(values: &[f32]) -> Result<()>;
        write_doubles(values: &[f64]) -> Result<()>;
        write_shorts(values: &[i16]) -> Result<()>;
        write_chars(values: &[u16]) -> Result<()>;
        write_booleans(values: &[bool]) -> Result<()>;
        flush() -> Result<()>;
    }

    #[inline(always)]
    fn total(&self) -> u64 {
        OutputBuffer::total(self)
    }

    #[inline(always)]
    fn variable_length_encoding(&self) -> bool {
        OutputBuffer::variable_length_encoding(self)
    }

    #[inline(always)]
    fn as_dyn(&mut self) -> &mut dyn Out {
        self
    }
}

/// The read side of a buffer, object safe. Every method is the
/// [`InputBuffer`] method of the same name; `'de` is the lifetime of the
/// bytes of a slice input (zero-copy strings borrow from it).
pub trait In<'de> {
    /// [`InputBuffer::read_byte`].
    fn read_byte(&mut self) -> Result<u8>;
    /// [`InputBuffer::peek_byte`].
    fn peek_byte(&mut self) -> Result<u8>;
    /// [`InputBuffer::read_bytes`].
    fn read_bytes(&mut self, n: usize) -> Result<Vec<u8>>;
    /// [`InputBuffer::read_bytes_into`].
    fn read_bytes_into(&mut self, dst: &mut [u8]) -> Result<()>;
    /// [`InputBuffer::read_boolean`].
    fn read_boolean(&mut self) -> Result<bool>;
    /// [`InputBuffer::read_short`].
    fn read_short(&mut self) -> Result<i16>;
    /// [`InputBuffer::read_char`].
    fn read_char(&mut self) -> Result<u16>;
    /// [`InputBuffer::read_int`].
    fn read_int(&mut self) -> Result<i32>;
    /// [`InputBuffer::read_long`].
    fn read_long(&mut self) -> Result<i64>;
    /// [`InputBuffer::read_float`].
    fn read_float(&mut self) -> Result<f32>;
    /// [`InputBuffer::read_double`].
    fn read_double(&mut self) -> Result<f64>;
    /// [`InputBuffer::read_int_count`].
    fn read_int_count(&mut self, count: usize) -> Result<i32>;
    /// [`InputBuffer::read_long_count`].
    fn read_long_count(&mut self, count: usize) -> Result<i64>;
    /// [`InputBuffer::read_var_int`].
    fn read_var_int(&mut self, optimize_positive: bool) -> Result<i32>;
    /// [`InputBuffer::read_var_long`].
    fn read_var_long(&mut self, optimize_positive: bool) -> Result<i64>;
    /// [`InputBuffer::peek_var_int_flag`].
    fn peek_var_int_flag(&mut self) -> Result<bool>;
    /// [`InputBuffer::read_var_int_flag`].
    fn read_var_int_flag(&mut self, optimize_positive: bool) -> Result<i32>;
    /// [`InputBuffer::read_int_var_or_fixed`].
    fn read_int_var_or_fixed(&mut self, optimize_positive: bool) -> Result<i32>;
    /// [`InputBuffer::read_long_var_or_fixed`].
    fn read_long_var_or_fixed(&mut self, optimize_positive: bool) -> Result<i64>;
    /// [`InputBuffer::read_string`].
    fn read_string(&mut self) -> Result<Option<String>>;
    /// [`InputBuffer::read_string_into`].
    fn read_string_into(&mut self, dst: &mut String) -> Result<bool>;
    /// [`InputBuffer::read_string_utf16`].
    fn read_string_utf16(&mut self) -> Result<Option<JavaString>>;
    /// A string borrowed from the input where possible (slice inputs; a
    /// stream input returns owned strings).
    fn read_str(&mut self) -> Result<Option<StrRef<'de>>>;
    /// `n` bytes borrowed from the input ([`InputBuffer::read_bytes_lent`]):
    /// `None`, consuming nothing, where the input cannot lend (a stream).
    fn read_lent(&mut self, n: usize) -> Result<Option<&'de [u8]>> {
        let _ = n;
        Ok(None)
    }
    /// The whole input where it outlives the reader (a slice:
    /// [`Lend`]), for re-borrowing bytes read before.
    fn lent(&self) -> Option<&'de [u8]> {
        None
    }
    /// [`InputBuffer::read_ints_into`].
    fn read_ints_into(&mut self, dst: &mut [i32]) -> Result<()>;
    /// [`InputBuffer::read_ints_var_or_fixed`].
    fn read_ints_var_or_fixed(&mut self, n: usize, optimize_positive: bool) -> Result<Vec<i32>>;
    /// [`InputBuffer::read_longs`]: 8 fixed bytes each.
    fn read_longs(&mut self, n: usize) -> Result<Vec<i64>>;
    /// [`InputBuffer::read_longs_var_or_fixed`].
    fn read_longs_var_or_fixed(&mut self, n: usize, optimize_positive: bool) -> Result<Vec<i64>>;
    /// [`InputBuffer::read_floats`].
    fn read_floats(&mut self, n: usize) -> Result<Vec<f32>>;
    /// [`InputBuffer::read_doubles`].
    fn read_doubles(&mut self, n: usize) -> Result<Vec<f64>>;
    /// [`InputBuffer::read_shorts`].
    fn read_shorts(&mut self, n: usize) -> Result<Vec<i16>>;
    /// [`InputBuffer::read_chars`].
    fn read_chars(&mut self, n: usize) -> Result<Vec<u16>>;
    /// [`InputBuffer::read_booleans`].
    fn read_booleans(&mut self, n: usize) -> Result<Vec<bool>>;
    /// [`InputBuffer::skip`].
    fn skip(&mut self, n: usize) -> Result<()>;
    /// [`InputBuffer::skip_if_next`].
    fn skip_if_next(&mut self, expected: &[u8]) -> bool;
    /// [`InputBuffer::total`]: bytes read so far.
    fn total(&self) -> u64;
    /// [`InputBuffer::available`]: bytes buffered and not yet read.
    fn available(&self) -> usize;
    /// [`InputBuffer::variable_length_encoding`].
    fn variable_length_encoding(&self) -> bool;
    /// This input as a trait object (for values whose type is only known
    /// at run time).
    fn as_dyn(&mut self) -> &mut dyn In<'de>;
}

macro_rules! forward_in {
    ($($name:ident($($arg:ident: $ty:ty),*) -> $ret:ty;)*) => {$(
        #[inline(always)]
        fn $name(&mut self, $($arg: $ty),*) -> $ret {
            InputBuffer::$name(self, $($arg),*)
        }
    )*};
}

impl<'de, S: Source + Lend<'de>, F: Flavour> In<'de> for InputBuffer<'de, S, F> {
    forward_in! {
        read_byte() -> Result<u8>;
        peek_byte() -> Result<u8>;
        read_bytes(n: usize) -> Result<Vec<u8>>;
        read_bytes_into(dst: &mut [u8]) -> Result<()>;
        read_boolean() -> Result<bool>;
        read_short() -> Result<i16>;
        read_char() -> Result<u16>;
        read_int() -> Result<i32>;
        read_long() -> Result<i64>;
        read_float() -> Result<f32>;
        read_double() -> Result<f64>;
        read_int_count(count: usize) -> Result<i32>;
        read_long_count(count: usize) -> Result<i64>;
        read_var_int(optimize_positive: bool) -> Result<i32>;
        read_var_long(optimize_positive: bool) -> Result<i64>;
        peek_var_int_flag() -> Result<bool>;
        read_var_int_flag(optimize_positive: bool) -> Result<i32>;
        read_int_var_or_fixed(optimize_positive: bool) -> Result<i32>;
        read_long_var_or_fixed(optimize_positive: bool) -> Result<i64>;
        read_string() -> Result<Option<String>>;
        read_string_into(dst: &mut String) -> Result<bool>;
        read_string_utf16() -> Result<Option<JavaString>>;
        read_ints_into(dst: &mut [i32]) -> Result<()>;
        read_ints_var_or_fixed(n: usize, optimize_positive: bool) -> Result<Vec<i32>>;
        read_longs(n: usize) -> Result<Vec<i64>>;
        read_longs_var_or_fixed(n: usize, optimize_positive: bool) -> Result<Vec<i64>>;
        read_floats(n: usize) -> Result<Vec<f32>>;
        read_doubles(n: usize) -> Result<Vec<f64>>;
        read_shorts(n: usize) -> Result<Vec<i16>>;
        read_chars(n: usize) -> Result<Vec<u16>>;
        read_booleans(n: usize) -> Result<Vec<bool>>;
        skip(n: usize) -> Result<()>;
        skip_if_next(expected: &[u8]) -> bool;
    }

    #[inline(always)]
    fn read_str(&mut self) -> Result<Option<StrRef<'de>>> {
        self.read_str_lent()
    }

    #[inline(always)]
    fn read_lent(&mut self, n: usize) -> Result<Option<&'de [u8]>> {
        self.read_bytes_lent(n)
    }

    #[inline(always)]
    fn lent(&self) -> Option<&'de [u8]> {
        self.source().lend()
    }

    #[inline(always)]
    fn total(&self) -> u64 {
        InputBuffer::total(self)
    }

    #[inline(always)]
    fn available(&self) -> usize {
        InputBuffer::available(self)
    }

    #[inline(always)]
    fn variable_length_encoding(&self) -> bool {
        InputBuffer::variable_length_encoding(self)
    }

    #[inline(always)]
    fn as_dyn(&mut self) -> &mut dyn In<'de> {
        self
    }
}
