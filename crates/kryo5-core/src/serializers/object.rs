//! `Box<dyn Object>`: a position declared `java.lang.Object` (or any type
//! whose concrete class is known only at run time). Its bytes always carry
//! the class descriptor of the value inside.
//!
//! ```
//! use kryo5_core::{Kryo, Object};
//! use kryo5_io::{Input, Output};
//!
//! let mut kryo = Kryo::new();
//! let values: Box<dyn Object> = Box::new(7i32);
//! let mut out = Output::new();
//! kryo.write_class_and_object(&mut out, Some(&values))?;
//! assert_eq!(out.as_slice(), &[0x02, 0x0e]); // class int, zigzag 7
//!
//! let back: Box<dyn Object> =
//!     kryo.read_class_and_object_as(&mut Input::new(out.as_slice()))?.unwrap();
//! assert_eq!(back.downcast_ref::<i32>(), Some(&7));
//! # Ok::<(), kryo5_core::Error>(())
//! ```

use std::borrow::Cow;

use crate::error::{Error, ErrorKind, Result};
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::types::{KryoType, Object};

/// A value of any registered class; see the module docs.
impl KryoType for Box<dyn Object> {
    fn java_class() -> Cow<'static, str> {
        Cow::Borrowed("java.lang.Object")
    }
    const FINAL: bool = false;

    fn write<O: Out + ?Sized>(&self, kryo: &mut Kryo, out: &mut O, _: bool) -> Result<()> {
        (**self).write_dyn(kryo, out.as_dyn())
    }

    /// A payload alone cannot say its class: only
    /// [`KryoType::read_with_class`] reads an `Object`.
    fn read<'de, I: In<'de> + ?Sized>(_: &mut Kryo, input: &mut I, _: bool) -> Result<Self> {
        Err(Error::new(ErrorKind::Unsupported(
            "reading java.lang.Object without its class descriptor".into(),
        ))
        .at(input.total()))
    }

    fn identity(&self) -> Option<usize> {
        (**self).identity()
    }
    fn class_name(&self) -> Cow<'static, str> {
        (**self).class_name()
    }
    fn uses_references(&self) -> bool {
        (**self).uses_references()
    }

    fn write_with_class<O: Out + ?Sized>(
        &self,
        kryo: &mut Kryo,
        out: &mut O,
        _: bool,
    ) -> Result<()> {
        kryo.write_class_and_object_dyn(out, Some(&**self))
    }

    fn read_with_class<'de, I: In<'de> + ?Sized>(
        kryo: &mut Kryo,
        input: &mut I,
        _: bool,
    ) -> Result<Option<Self>> {
        kryo.read_class_and_object(input)
    }

    fn copy(&self, kryo: &mut Kryo) -> Result<Self> {
        (**self).copy_dyn(kryo)
    }
}
