//! Java arrays (format spec 8.4): `Vec<E>` and `[E; N]`.
//!
//! The element type decides the Java array class:
//!
//! | Rust | Java | elements |
//! |---|---|---|
//! | `Vec<i32>`, `Vec<i64>`, `Vec<f32>`, `Vec<f64>`, `Vec<bool>`, `Vec<i16>` | `int[]`, `long[]`, `float[]`, `double[]`, `boolean[]`, `short[]` | coded in bulk |
//! | `Vec<u16>` | `char[]` (UTF-16 units) | coded in bulk |
//! | `Vec<u8>`, `Vec<i8>` | `byte[]` | raw bytes |
//! | `Vec<Option<i32>>`, `Vec<Option<f64>>`, ... | `Integer[]`, `Double[]`, ... | one `00`/`01` marker each |
//! | `Vec<String>`, `Vec<Option<String>>` | `String[]` | strings (null `80`) |
//! | `Vec<Box<dyn Object>>`, `Vec<Option<Box<dyn Object>>>` | `Object[]` | class and object each |
//! | `Vec<T>`, `Vec<Option<T>>` for any [`KryoType`] `T` | `T[]` (class name from `T`) | see below |
//! | `Vec<Vec<i32>>`, `Vec<Option<Vec<f64>>>`, ... | `int[][]`, `double[][]`, ... | arrays, null `00` |
//! | `[E; N]` | as `Vec<E>` | reads only arrays of exactly `N` elements |
//!
//! A null array is `00`, any other starts with `uvarint(length + 1)`. Object
//! arrays follow Kryo's `ObjectArraySerializer`: when the component class is
//! final (`T::FINAL`) or is itself an array, every element is written as
//! `writeObjectOrNull` with the component's serializer (no class); otherwise
//! each element is written with its class (`writeClassAndObject`). An
//! element type without `Option` is an array that holds no `null`: reading
//! one fails with [`ErrorKind::UnexpectedNull`] and the element's index.
//!
//! Java's `int[]` and `Integer[]` are different classes: `Vec<i32>` is
//! `int[]`, `Vec<Option<i32>>` is `Integer[]` (`[Ljava.lang.Integer;`).
//! `Vec<u8>` and `Vec<i8>` are both `byte[]`; register only one of them if
//! `byte[]` values appear where the class is read from the data.
//!
//! ```
//! use kryo5_core::Kryo;
//! use kryo5_io::{Input, Output};
//!
//! let mut kryo = Kryo::new();
//! kryo.register::<Vec<i32>>(); // Java: kryo.register(int[].class)
//! let mut out = Output::new();
//! kryo.write_object(&mut out, &vec![1i32, -1, 300])?;
//! assert_eq!(out.as_slice(), &[0x04, 0x02, 0x01, 0xd8, 0x04]);
//!
//! let ints: Vec<i32> = kryo.read_object(&mut Input::new(out.as_slice()))?;
//! assert_eq!(ints, [1, -1, 300]);
//! assert_eq!(<Vec<Vec<i32>> as kryo5_core::KryoType>::java_class(), "[[I");
//! # Ok::<(), kryo5_core::Error>(())
//! ```
//!
//! Reading never allocates more than the input backs: primitive arrays are
//! read by the buffer layer's bulk readers, which check the declared length
//! against the bytes left; object arrays grow as their elements are read.

use std::any::Any;
use std::borrow::Cow;

use super::class::{PRIMITIVES, is_array_class};
use super::value::{cloned_value, invalid, read_non_null, shared_by_clone};
use crate::error::{Error, ErrorKind, Result};
use crate::field::{self, Element, Field};
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::types::{KryoType, NullForm};

/// The Java class of an array of `E` (`[I`, `[Ljava.lang.Integer;`,
/// `[[D`, `[Lcom.example.Foo;`).
fn array_class<E: Element>() -> String {
    let component = E::Value::java_class();
    let primitive = PRIMITIVES.iter().find(|p| p.name == component);
    match primitive {
        Some(p) if !E::NULLABLE => format!("[{}", p.code),
        Some(p) => format!("[L{};", p.wrapper),
        None if is_array_class(&component) => format!("[{component}"),
        None => format!("[L{component};"),
    }
}

/// Kryo's `ObjectArraySerializer` test: elements are written without their
/// class when the component class is final or an array class (Java's
/// array classes are final).
fn same_type<T: KryoType>() -> bool {
    T::FINAL || is_array_class(&T::java_class())
}

/// The most elements an object array reserves before they are read.
const RESERVED: usize = 64;

/// Writes `uvarint(len + 1)`.
pub(crate) fn write_len<O: Out + ?Sized>(out: &mut O, len: usize) -> Result<()> {
    let n = i32::try_from(len)
        .ok()
        .filter(|&n| n < i32::MAX)
        .ok_or_else(|| {
            Error::new(ErrorKind::InvalidArgument(format!(
                "an array of {len} elements is longer than a Java array can be"
            )))
        })?;
    out.write_var_int(n + 1, true)?;
    Ok(())
}

/// A `byte[]`'s payload (`ByteArraySerializer`): length + 1, the bytes.
pub(crate) fn write_byte_array<O: Out + ?Sized>(out: &mut O, bytes: &[u8]) -> Result<()> {
    write_len(out, bytes.len())?;
    Ok(out.write_bytes(bytes)?)
}

/// Reads `uvarint(len + 1)`: `None` for a null array.
pub(crate) fn read_len<'de, I: In<'de> + ?Sized>(input: &mut I) -> Result<Option<usize>> {
    let at = input.total();
    match input.read_var_int(true)? {
        0 => Ok(None),
        n if n < 0 => Err(invalid(at, format_args!("negative array length {}", n - 1))),
        n => Ok(Some((n - 1) as usize)),
    }
}

/// A container of elements whose elements may be viewed as a Java
/// primitive's Rust type (`Vec<E>` as `Vec<i32>` when `E` is `i32`).
trait Elements<E>: Any {
    fn items(&self) -> &[E];
    fn view<P: 'static>(&self) -> Option<&[P]>;
}

impl<E: 'static> Elements<E> for Vec<E> {
    fn items(&self) -> &[E] {
        self
    }
    fn view<P: 'static>(&self) -> Option<&[P]> {
        (self as &dyn Any)
            .downcast_ref::<Vec<P>>()
            .map(Vec::as_slice)
    }
}

impl<E: 'static, const N: usize> Elements<E> for [E; N] {
    fn items(&self) -> &[E] {
        self
    }
    fn view<P: 'static>(&self) -> Option<&[P]> {
        (self as &dyn Any).downcast_ref::<[P; N]>().map(|a| &a[..])
    }
}

/// Bulk codecs of the eight primitive arrays, in one table:
/// `Rust type => (write expression, read expression)`.
macro_rules! primitive_arrays {
    ($m:ident) => {
        $m! {
            i32 => |out, v| out.write_ints_var_or_fixed(v, false), |input, n| input.read_ints_var_or_fixed(n, false);
            i64 => |out, v| out.write_longs_var_or_fixed(v, false), |input, n| input.read_longs_var_or_fixed(n, false);
            f32 => |out, v| out.write_floats(v), |input, n| input.read_floats(n);
            f64 => |out, v| out.write_doubles(v), |input, n| input.read_doubles(n);
            bool => |out, v| out.write_booleans(v), |input, n| input.read_booleans(n);
            i16 => |out, v| out.write_shorts(v), |input, n| input.read_shorts(n);
            u16 => |out, v| out.write_chars(v), |input, n| input.read_chars(n);
            i8 => |out, v| write_signed_bytes(out, v), |input, n| read_signed_bytes(input, n);
        }
    };
}

/// Writes the elements of a primitive array in bulk: `Some` when `E` is a
/// primitive.
fn write_bulk<C: Elements<E>, E, O: Out + ?Sized>(c: &C, out: &mut O) -> Option<Result<()>> {
    macro_rules! try_each {
        ($($t:ty => |$o:ident, $v:ident| $write:expr, |$i:ident, $n:ident| $read:expr;)*) => {$(
            if let Some($v) = c.view::<$t>() {
                let $o = &mut *out;
                return Some($write.map_err(Error::from));
            }
        )*};
    }
    primitive_arrays!(try_each);
    None
}

/// Reads `n` elements of a primitive array in bulk: `Some` when `E` is a
/// primitive.
fn read_bulk<'de, E: 'static, I: In<'de> + ?Sized>(
    input: &mut I,
    n: usize,
) -> Result<Option<Vec<E>>> {
    let mut slot: Option<Vec<E>> = None;
    macro_rules! try_each {
        ($($t:ty => |$o:ident, $v:ident| $write:expr, |$i:ident, $n:ident| $read:expr;)*) => {$(
            if let Some(s) = (&mut slot as &mut dyn Any).downcast_mut::<Option<Vec<$t>>>() {
                let ($i, $n) = (&mut *input, n);
                *s = Some($read?);
                return Ok(slot);
            }
        )*};
    }
    primitive_arrays!(try_each);
    Ok(None)
}

/// Whether `E` is one of the primitives coded in bulk.
fn is_bulk<E: 'static>() -> bool {
    macro_rules! any_of {
        ($($t:ty => |$o:ident, $v:ident| $write:expr, |$i:ident, $n:ident| $read:expr;)*) => {
            false $(|| std::any::TypeId::of::<E>() == std::any::TypeId::of::<$t>())*
        };
    }
    primitive_arrays!(any_of)
}

/// `byte[]` from `i8`s: the bytes as they are, through a small buffer.
fn write_signed_bytes<O: Out + ?Sized>(out: &mut O, v: &[i8]) -> kryo5_io::Result<()> {
    let mut buf = [0u8; 512];
    for chunk in v.chunks(buf.len()) {
        for (b, &s) in buf.iter_mut().zip(chunk) {
            *b = s as u8;
        }
        out.write_bytes(&buf[..chunk.len()])?;
    }
    Ok(())
}

fn read_signed_bytes<'de, I: In<'de> + ?Sized>(
    input: &mut I,
    n: usize,
) -> kryo5_io::Result<Vec<i8>> {
    // Reuses the allocation: u8 and i8 have one layout.
    Ok(input.read_bytes(n)?.into_iter().map(|b| b as i8).collect())
}

/// Writes the elements (not the length) of an array.
fn write_elements<C: Elements<E>, E: Element, O: Out + ?Sized>(
    kryo: &mut Kryo,
    out: &mut O,
    c: &C,
) -> Result<()> {
    if let Some(done) = write_bulk(c, out) {
        return done;
    }
    let f = Field::new(same_type::<E::Value>(), true, false);
    for (i, e) in c.items().iter().enumerate() {
        field::write(kryo, out, e.value(), f).map_err(|err| err.in_element(i))?;
    }
    Ok(())
}

/// Reads the `n` elements of an array.
fn read_elements<'de, E: Element + 'static, I: In<'de> + ?Sized>(
    kryo: &mut Kryo,
    input: &mut I,
    n: usize,
) -> Result<Vec<E>> {
    if let Some(v) = read_bulk(input, n)? {
        return Ok(v);
    }
    let f = Field::new(same_type::<E::Value>(), true, false);
    // The vector grows as elements arrive: a declared length is not
    // trusted, and arrays nested in arrays must not each reserve for the
    // whole input.
    let mut v = Vec::with_capacity(n.min(input.available()).min(RESERVED));
    for i in 0..n {
        let at = input.total();
        let e = field::read::<E::Value, I>(kryo, input, f)
            .and_then(|x| E::from_value(x, at))
            .map_err(|err| err.in_element(i))?;
        v.push(e);
    }
    Ok(v)
}

/// Kryo's array `copy`: primitive arrays by value, other elements with
/// [`Kryo::copy_nested`].
fn copy_elements<E: Element + Clone + 'static>(kryo: &mut Kryo, items: &[E]) -> Result<Vec<E>> {
    if is_bulk::<E>() {
        return Ok(items.to_vec());
    }
    items
        .iter()
        .enumerate()
        .map(|(i, e)| e.copy_element(kryo).map_err(|err| err.in_element(i)))
        .collect()
}

/// Reads an array's length and elements: `None` for a null array. With
/// `expect`, an array of another length is an error.
fn read_array<'de, E: Element + 'static, I: In<'de> + ?Sized>(
    kryo: &mut Kryo,
    input: &mut I,
    expect: Option<usize>,
) -> Result<Option<Vec<E>>> {
    let at = input.total();
    match (read_len(input)?, expect) {
        (None, _) => Ok(None),
        (Some(n), Some(want)) if n != want => Err(wrong_length(n, want, at)),
        (Some(n), _) => read_elements(kryo, input, n).map(Some),
    }
}

#[cold]
fn wrong_length(n: usize, want: usize, at: u64) -> Error {
    invalid(
        at,
        format_args!("an array of {n} elements where [_; {want}] is expected"),
    )
}

/// A vector of exactly `N` elements as an array.
fn fixed<E, const N: usize>(v: Vec<E>, at: u64) -> Result<[E; N]> {
    let n = v.len();
    v.try_into().map_err(|_| wrong_length(n, N, at))
}

/// The array facts shared by `Vec<E>` and `[E; N]`.
macro_rules! array_type {
    () => {
        fn java_class() -> Cow<'static, str> {
            Cow::Owned(array_class::<E>())
        }
        /// Kryo's `isFinal` of an array class: its innermost component's.
        const FINAL: bool = <E::Value as KryoType>::FINAL;
        const NULL: Option<NullForm> = Some(NullForm::Zero);

        fn write<O: Out + ?Sized>(&self, kryo: &mut Kryo, out: &mut O, _: bool) -> Result<()> {
            write_len(out, self.len())?;
            write_elements(kryo, out, self)
        }

        read_non_null!("an array");
        shared_by_clone!();
    };
}

/// A Java array; see the module documentation.
impl<E: Element + Clone + Send + Sync + 'static> KryoType for Vec<E> {
    array_type!();

    fn read_nullable<'de, I: In<'de> + ?Sized>(
        kryo: &mut Kryo,
        input: &mut I,
        _: bool,
    ) -> Result<Option<Self>> {
        read_array(kryo, input, None)
    }

    fn copy(&self, kryo: &mut Kryo) -> Result<Self> {
        copy_elements(kryo, self)
    }
}

/// A Java array of exactly `N` elements; reading an array of another
/// length fails with [`ErrorKind::InvalidData`].
impl<E: Element + Clone + Send + Sync + 'static, const N: usize> KryoType for [E; N] {
    array_type!();

    fn read_nullable<'de, I: In<'de> + ?Sized>(
        kryo: &mut Kryo,
        input: &mut I,
        _: bool,
    ) -> Result<Option<Self>> {
        let at = input.total();
        read_array(kryo, input, Some(N))?
            .map(|v| fixed(v, at))
            .transpose()
    }

    fn copy(&self, kryo: &mut Kryo) -> Result<Self> {
        fixed(copy_elements(kryo, self)?, 0)
    }
}

/// Java `byte[]` as bytes: the raw bytes, null `00`.
impl KryoType for Vec<u8> {
    fn java_class() -> Cow<'static, str> {
        Cow::Borrowed("[B")
    }
    const FINAL: bool = true;
    const NULL: Option<NullForm> = Some(NullForm::Zero);

    fn write<O: Out + ?Sized>(&self, _: &mut Kryo, out: &mut O, _: bool) -> Result<()> {
        write_byte_array(out, self)
    }

    read_non_null!("an array");

    fn read_nullable<'de, I: In<'de> + ?Sized>(
        _: &mut Kryo,
        input: &mut I,
        _: bool,
    ) -> Result<Option<Self>> {
        match read_len(input)? {
            None => Ok(None),
            Some(n) => Ok(Some(input.read_bytes(n)?)),
        }
    }

    cloned_value!();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Object;
    use crate::serializers::value::testing::round_trip;
    use kryo5_io::{Input, Output};

    fn bytes<T: KryoType>(kryo: &mut Kryo, v: &T) -> Vec<u8> {
        let mut out = Output::new();
        kryo.write_object(&mut out, v).unwrap();
        out.into_vec()
    }

    #[test]
    fn class_names() {
        assert_eq!(Vec::<i32>::java_class(), "[I");
        assert_eq!(Vec::<i64>::java_class(), "[J");
        assert_eq!(Vec::<f32>::java_class(), "[F");
        assert_eq!(Vec::<f64>::java_class(), "[D");
        assert_eq!(Vec::<bool>::java_class(), "[Z");
        assert_eq!(Vec::<i8>::java_class(), "[B");
        assert_eq!(Vec::<u8>::java_class(), "[B");
        assert_eq!(Vec::<u16>::java_class(), "[C");
        assert_eq!(Vec::<i16>::java_class(), "[S");
        assert_eq!(Vec::<Option<i32>>::java_class(), "[Ljava.lang.Integer;");
        assert_eq!(Vec::<String>::java_class(), "[Ljava.lang.String;");
        assert_eq!(
            Vec::<Option<Box<dyn Object>>>::java_class(),
            "[Ljava.lang.Object;"
        );
        assert_eq!(Vec::<Vec<i32>>::java_class(), "[[I");
        assert_eq!(Vec::<Option<Vec<Vec<u8>>>>::java_class(), "[[[B");
        assert_eq!(<[f64; 3]>::java_class(), "[D");
        const { assert!(Vec::<Vec<i32>>::FINAL && Vec::<Option<String>>::FINAL) };
        const { assert!(!Vec::<Box<dyn Object>>::FINAL && !Vec::<Vec<Box<dyn Object>>>::FINAL) };
    }

    #[test]
    fn spec_primitive_arrays() {
        round_trip(&vec![1i32, -1, 300], &[0x04, 0x02, 0x01, 0xd8, 0x04]);
        round_trip(&Vec::<i32>::new(), &[0x01]);
        round_trip(&vec![1i64, -1], &[0x03, 0x02, 0x01]);
        round_trip(&vec![1i8, 2, -1], &[0x04, 0x01, 0x02, 0xff]);
        round_trip(&vec![1u8, 2, 0xff], &[0x04, 0x01, 0x02, 0xff]);
        round_trip(&vec![1i16, -2], &[0x03, 0x01, 0x00, 0xfe, 0xff]);
        round_trip(&vec![0x61u16, 0x20ac], &[0x03, 0x61, 0x00, 0xac, 0x20]);
        round_trip(&vec![1.0f32], &[0x02, 0x00, 0x00, 0x80, 0x3f]);
        round_trip(&vec![1.0f64], &[0x02, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f]);
        round_trip(&vec![true, false, true], &[0x04, 0x01, 0x00, 0x01]);
        round_trip(&[1i32, -1, 300], &[0x04, 0x02, 0x01, 0xd8, 0x04]);
    }

    #[test]
    fn spec_object_arrays() {
        round_trip(
            &vec![Some("a".to_string()), None, Some("bc".to_string())],
            &[0x04, 0x82, 0x61, 0x80, 0x62, 0xe3],
        );
        round_trip(&vec![Some(1i32), None], &[0x03, 0x01, 0x02, 0x00]);
        round_trip(&vec![Some(vec![1i32]), None], &[0x03, 0x02, 0x02, 0x00]);
        let objects: Vec<Option<Box<dyn Object>>> =
            vec![Some(Box::new(1i32)), Some(Box::new("a".to_string())), None];
        let mut kryo = crate::serializers::value::testing::lenient();
        let b = bytes(&mut kryo, &objects);
        assert_eq!(b, [0x04, 0x02, 0x02, 0x03, 0x82, 0x61, 0x00]);
        let back: Vec<Option<Box<dyn Object>>> = kryo.read_object(&mut Input::new(&b)).unwrap();
        assert_eq!(back[0].as_ref().unwrap().downcast_ref::<i32>(), Some(&1));
        assert!(back[2].is_none());
    }

    #[test]
    fn arrays_of_object_arrays_write_no_class_per_element() {
        // Java: new Object[][]{{1}, null} -> 03 02 02 02 00 (Object[] is a
        // final class to ObjectArraySerializer, though Object is not).
        let v: Vec<Option<Vec<Box<dyn Object>>>> = vec![Some(vec![Box::new(1i32)]), None];
        let mut kryo = crate::serializers::value::testing::lenient();
        assert_eq!(bytes(&mut kryo, &v), [0x03, 0x02, 0x02, 0x02, 0x00]);
    }

    #[test]
    fn null_arrays_and_null_elements() {
        let mut kryo = crate::serializers::value::testing::lenient();
        let mut out = Output::new();
        kryo.write_object_or_null::<Vec<i32>, _>(&mut out, None)
            .unwrap();
        assert_eq!(out.as_slice(), [0x00]);
        let e = kryo
            .read_object::<Vec<i32>, _>(&mut Input::new(&[0x00]))
            .unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::UnexpectedNull(_)));
        // int[] of 2 elements with one present: truncated.
        let e = kryo
            .read_object::<Vec<i32>, _>(&mut Input::new(&[0x03, 0x02]))
            .unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::Buffer(_)), "{e}");
        let e = kryo
            .read_object::<Vec<String>, _>(&mut Input::new(&[0x03, 0x82, 0x61, 0x80]))
            .unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::UnexpectedNull(_)));
        assert_eq!(e.trace().collect::<Vec<_>>(), ["[1]"]);
        assert_eq!(e.offset(), Some(3));
    }

    #[test]
    fn fixed_size_arrays_check_the_length() {
        let mut kryo = crate::serializers::value::testing::lenient();
        let e = kryo
            .read_object::<[i32; 2], _>(&mut Input::new(&[0x02, 0x02]))
            .unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::InvalidData(_)));
    }

    #[test]
    fn huge_or_negative_lengths_fail_before_allocating() {
        let mut kryo = crate::serializers::value::testing::lenient();
        // 2^31 - 2 elements declared, nothing follows.
        let huge = [0xff, 0xff, 0xff, 0xff, 0x07];
        assert!(
            kryo.read_object::<Vec<i64>, _>(&mut Input::new(&huge))
                .is_err()
        );
        assert!(
            kryo.read_object::<Vec<u8>, _>(&mut Input::new(&huge))
                .is_err()
        );
        assert!(
            kryo.read_object::<Vec<String>, _>(&mut Input::new(&huge))
                .is_err()
        );
        assert!(
            kryo.read_object::<Vec<Vec<f64>>, _>(&mut Input::new(&huge))
                .is_err()
        );
        let negative = [0xff, 0xff, 0xff, 0xff, 0x0f];
        let e = kryo
            .read_object::<Vec<bool>, _>(&mut Input::new(&negative))
            .unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::InvalidData(_)));
    }
}
