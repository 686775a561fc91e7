//! User serializers: how a registered class is written, chosen at run time
//! (Kryo's `register(Class, Serializer)`).

use crate::error::Result;
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::types::{KryoType, NullForm};

/// Writes and reads the payload of `T` in place of `T`'s own
/// [`KryoType`] implementation, for every position of `T` in the graph
/// (top-level calls, fields, elements, `Object` values).
///
/// Register one with [`Kryo::register_with_serializer`]. The class
/// descriptor, `null` and reference markers stay Kryo's business, as in
/// Java; only the payload is the serializer's.
///
/// ```
/// use kryo5_core::{In, Kryo, Out, Result, Serializer};
/// use kryo5_io::{Input, Output};
///
/// /// Java's `LongSerializer` replaced by one writing 8 fixed bytes.
/// struct FixedLong;
/// impl Serializer<i64> for FixedLong {
///     fn write(&self, _: &mut Kryo, out: &mut dyn Out, v: &i64) -> Result<()> {
///         Ok(out.write_long(*v)?)
///     }
///     fn read<'de>(&self, _: &mut Kryo, input: &mut dyn In<'de>) -> Result<i64> {
///         Ok(input.read_long()?)
///     }
/// }
///
/// let mut kryo = Kryo::new();
/// kryo.register_with_serializer::<i64, _>(FixedLong);
/// let mut out = Output::new();
/// kryo.write_object(&mut out, &1i64)?;
/// assert_eq!(out.as_slice(), &[1, 0, 0, 0, 0, 0, 0, 0]);
/// assert_eq!(kryo.read_object::<i64, _>(&mut Input::new(out.as_slice()))?, 1);
/// # Ok::<(), kryo5_core::Error>(())
/// ```
pub trait Serializer<T: KryoType>: Send + Sync + 'static {
    /// Writes the payload of `value`.
    ///
    /// # Errors
    /// Buffer errors; values the Java type cannot hold.
    fn write(&self, kryo: &mut Kryo, out: &mut dyn Out, value: &T) -> Result<()>;

    /// Reads a payload.
    ///
    /// # Errors
    /// Truncated or malformed input.
    fn read<'de>(&self, kryo: &mut Kryo, input: &mut dyn In<'de>) -> Result<T>;

    /// Kryo's `acceptsNull`: `Some(form)` if the serializer writes Java
    /// `null` itself (as `00` or as the string `null`, `80`) instead of
    /// Kryo's null marker. [`Serializer::read_nullable`] must then read it.
    fn null_form(&self) -> Option<NullForm> {
        None
    }

    /// For serializers with a [`Serializer::null_form`]: reads the null form
    /// (`None`) or a payload.
    ///
    /// # Errors
    /// As [`Serializer::read`].
    fn read_nullable<'de>(&self, kryo: &mut Kryo, input: &mut dyn In<'de>) -> Result<Option<T>> {
        self.read(kryo, input).map(Some)
    }

    /// A deep copy of `value` (Kryo's `Serializer.copy`); the default is
    /// `T`'s own [`KryoType::copy`].
    ///
    /// # Errors
    /// As [`KryoType::copy`].
    fn copy(&self, kryo: &mut Kryo, value: &T) -> Result<T> {
        value.copy(kryo)
    }

    /// Kryo's `isImmutable`: copies of shared values of `T` may be the
    /// original object (an `Arc<T>` copy is the same `Arc`).
    fn is_immutable(&self) -> bool {
        T::IMMUTABLE
    }
}

/// A registered serializer, stored type-erased in [`Kryo`].
pub(crate) struct Registered<T: KryoType>(pub(crate) Box<dyn Serializer<T>>);
