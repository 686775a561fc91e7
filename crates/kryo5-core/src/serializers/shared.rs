//! Shared objects: the same `Arc` written twice is one object and a
//! back-reference when references are on (format spec 7).
//!
//! - `Arc<T>`: an immutable shared object. It is bound to its reference id
//!   after it is read, so a cycle cannot pass through it (as with Java's
//!   serializers that create the object last, like records and strings).
//! - `Arc<Mutex<T>>`, `Arc<RwLock<T>>` (`T: Default`): created empty and
//!   bound first, then their fields are read into them, so back-references
//!   inside resolve: cycles work, as with Java's field serializer. Writing
//!   and copying take the lock without waiting (`try_lock`): a lock held
//!   elsewhere, or a cycle met with references off, is an error rather than
//!   a deadlock.
//!
//! ```
//! use std::sync::{Arc, Mutex};
//! use kryo5_core::Kryo;
//! use kryo5_io::{Input, Output};
//!
//! let mut kryo = Kryo::new();
//! kryo.set_references(true);
//! let s = Arc::new(String::from("x"));
//! let mut out = Output::new();
//! kryo.set_auto_reset(false);
//! kryo.write_object(&mut out, &s)?;
//! kryo.write_object(&mut out, &s)?; // a back-reference to id 0
//! kryo.reset();
//! assert_eq!(out.as_slice(), &[0x01, 0x82, 0x78, 0x02]);
//!
//! let bytes = out.into_vec();
//! let mut input = Input::new(&bytes);
//! let a: Arc<String> = kryo.read_object(&mut input)?;
//! let b: Arc<String> = kryo.read_object(&mut input)?;
//! assert!(Arc::ptr_eq(&a, &b));
//! # Ok::<(), kryo5_core::Error>(())
//! ```

use std::any::Any;
use std::borrow::Cow;
use std::sync::{Arc, Mutex, RwLock};

use crate::error::{Error, ErrorKind, Result};
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::types::{KryoType, Shared, same_java_object_as};

/// The shared object as an `Arc<U>`, where `U` holds a `T`.
fn downcast_shared<U: Any + Send + Sync, T: KryoType>(shared: &Shared) -> Result<Arc<U>> {
    shared.clone().downcast::<U>().map_err(|_| {
        Error::new(ErrorKind::WrongType {
            expected: T::java_class().into_owned(),
            found: "another object".into(),
        })
    })
}

/// The address an `Arc` points to: its identity for references.
fn address<T: ?Sized>(arc: &Arc<T>) -> usize {
    Arc::as_ptr(arc).cast::<()>() as usize
}

impl<T: KryoType + Send + Sync> KryoType for Arc<T> {
    same_java_object_as!(T);
    const IMMUTABLE: bool = T::IMMUTABLE;
    #[inline]
    fn write<O: Out + ?Sized>(&self, kryo: &mut Kryo, out: &mut O, args: bool) -> Result<()> {
        kryo.write_payload(out, &**self, args)
    }
    #[inline]
    fn read<'de, I: In<'de> + ?Sized>(kryo: &mut Kryo, input: &mut I, args: bool) -> Result<Self> {
        kryo.read_payload::<T, I>(input, args).map(Arc::new)
    }
    fn read_nullable<'de, I: In<'de> + ?Sized>(
        kryo: &mut Kryo,
        input: &mut I,
        args: bool,
    ) -> Result<Option<Self>> {
        Ok(T::read_nullable(kryo, input, args)?.map(Arc::new))
    }
    fn identity(&self) -> Option<usize> {
        Some(address(self))
    }
    fn share(&self) -> Option<Shared> {
        Some(self.clone())
    }
    fn from_shared(shared: &Shared) -> Result<Self> {
        downcast_shared::<T, T>(shared)
    }
    fn class_name(&self) -> Cow<'static, str> {
        (**self).class_name()
    }
    fn copy(&self, kryo: &mut Kryo) -> Result<Self> {
        if kryo.copy_keeps_original::<T>() {
            return Ok(self.clone());
        }
        if let Some(done) = kryo.copy_of(address(self)) {
            return Self::from_shared(done);
        }
        let copy = Arc::new(kryo.copy_nested(&**self)?);
        kryo.remember_copy(address(self), copy.clone());
        Ok(copy)
    }
}

/// `Arc<Lock<T>>` for a lock type: cycles through it resolve, because it is
/// created empty and bound to its reference id (and, when copying, recorded
/// as the copy) before its contents are read or copied.
macro_rules! shared_lock {
    ($lock:ident, $read:ident, $write:ident, $what:literal) => {
        #[doc = concat!("A shared object that may be part of a cycle, behind a `", $what, "`.")]
        impl<T: KryoType + Default + Send + Sync> KryoType for Arc<$lock<T>> {
            same_java_object_as!(T);
            fn write<O: Out + ?Sized>(
                &self,
                kryo: &mut Kryo,
                out: &mut O,
                args: bool,
            ) -> Result<()> {
                let value = $lock::$read(self).map_err(|_| locked())?;
                kryo.write_payload(out, &*value, args)
            }
            fn read<'de, I: In<'de> + ?Sized>(
                kryo: &mut Kryo,
                input: &mut I,
                args: bool,
            ) -> Result<Self> {
                let arc = Arc::new($lock::new(T::default()));
                // Bound before its fields are read: back-references inside resolve.
                kryo.reference(arc.clone());
                let value = kryo.read_payload::<T, I>(input, args)?;
                *$lock::$write(&arc).map_err(|_| poisoned())? = value;
                Ok(arc)
            }
            fn identity(&self) -> Option<usize> {
                Some(address(self))
            }
            fn share(&self) -> Option<Shared> {
                Some(self.clone())
            }
            fn from_shared(shared: &Shared) -> Result<Self> {
                downcast_shared::<$lock<T>, T>(shared)
            }
            fn copy(&self, kryo: &mut Kryo) -> Result<Self> {
                if kryo.copy_keeps_original::<T>() {
                    return Ok(self.clone());
                }
                if let Some(done) = kryo.copy_of(address(self)) {
                    return Self::from_shared(done);
                }
                let copy = Arc::new($lock::new(T::default()));
                kryo.remember_copy(address(self), copy.clone());
                let value = {
                    let original = $lock::$read(self).map_err(|_| locked())?;
                    kryo.copy_nested(&*original)?
                };
                *$lock::$write(&copy).map_err(|_| poisoned())? = value;
                Ok(copy)
            }
        }
    };
}

shared_lock!(Mutex, try_lock, lock, "Mutex");
shared_lock!(RwLock, try_read, write, "RwLock");

/// Writing and copying never wait for a lock: the lock being held means a
/// cycle met with references off (which would otherwise deadlock), or a
/// value locked elsewhere.
#[cold]
fn locked() -> Error {
    Error::new(ErrorKind::InvalidArgument(
        "a shared object is locked or poisoned: a cycle written with references off, \
         or a lock held elsewhere"
            .into(),
    ))
}

#[cold]
fn poisoned() -> Error {
    Error::new(ErrorKind::InvalidArgument(
        "a lock around a shared object is poisoned".into(),
    ))
}
