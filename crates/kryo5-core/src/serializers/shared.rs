//! Shared objects: the same `Rc` written twice is one object and a
//! back-reference when references are on (format spec 7).
//!
//! - `Rc<T>`: an immutable shared object. It is bound to its reference id
//!   after it is read, so a cycle cannot pass through it (as with Java's
//!   serializers that create the object last, like records and strings).
//! - `Rc<RefCell<T>>` (`T: Default`): created empty and bound first, then
//!   its fields are read into it, so back-references inside it resolve:
//!   cycles work, as with Java's field serializer.

use std::any::Any;
use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

use crate::error::{Error, ErrorKind, Result};
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::types::{KryoType, NullForm};

fn not_shared<T: KryoType>() -> Error {
    Error::new(ErrorKind::WrongType {
        expected: T::java_class().into_owned(),
        found: "another object".into(),
    })
}

impl<T: KryoType> KryoType for Rc<T> {
    fn java_class() -> Cow<'static, str> {
        T::java_class()
    }
    const FINAL: bool = T::FINAL;
    const REFERENCES: bool = T::REFERENCES;
    const NULL: Option<NullForm> = T::NULL;
    #[inline]
    fn write<O: Out + ?Sized>(&self, kryo: &mut Kryo, out: &mut O, args: bool) -> Result<()> {
        (**self).write(kryo, out, args)
    }
    #[inline]
    fn read<'de, I: In<'de> + ?Sized>(kryo: &mut Kryo, input: &mut I, args: bool) -> Result<Self> {
        T::read(kryo, input, args).map(Rc::new)
    }
    fn read_nullable<'de, I: In<'de> + ?Sized>(
        kryo: &mut Kryo,
        input: &mut I,
        args: bool,
    ) -> Result<Option<Self>> {
        Ok(T::read_nullable(kryo, input, args)?.map(Rc::new))
    }
    fn identity(&self) -> Option<usize> {
        Some(Rc::as_ptr(self).cast::<()>() as usize)
    }
    fn share(&self) -> Option<Rc<dyn Any>> {
        Some(self.clone())
    }
    fn from_shared(shared: &Rc<dyn Any>) -> Result<Self> {
        shared
            .clone()
            .downcast::<T>()
            .map_err(|_| not_shared::<T>())
    }
}

impl<T: KryoType + Default> KryoType for Rc<RefCell<T>> {
    fn java_class() -> Cow<'static, str> {
        T::java_class()
    }
    const FINAL: bool = T::FINAL;
    const REFERENCES: bool = T::REFERENCES;
    const NULL: Option<NullForm> = T::NULL;
    fn write<O: Out + ?Sized>(&self, kryo: &mut Kryo, out: &mut O, args: bool) -> Result<()> {
        let value = self.try_borrow().map_err(|_| {
            Error::new(ErrorKind::InvalidArgument(
                "a RefCell being written is mutably borrowed".into(),
            ))
        })?;
        value.write(kryo, out, args)
    }
    fn read<'de, I: In<'de> + ?Sized>(kryo: &mut Kryo, input: &mut I, args: bool) -> Result<Self> {
        let rc = Rc::new(RefCell::new(T::default()));
        // Bound before its fields are read: back-references inside resolve.
        kryo.reference(rc.clone());
        rc.borrow_mut().read_into(kryo, input, args)?;
        Ok(rc)
    }
    fn identity(&self) -> Option<usize> {
        Some(Rc::as_ptr(self).cast::<()>() as usize)
    }
    fn share(&self) -> Option<Rc<dyn Any>> {
        Some(self.clone())
    }
    fn from_shared(shared: &Rc<dyn Any>) -> Result<Self> {
        shared
            .clone()
            .downcast::<RefCell<T>>()
            .map_err(|_| not_shared::<T>())
    }
}
