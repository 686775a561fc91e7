//! `Box<T>`: the same Java object as `T`, owned through a pointer, so
//! recursive structs (trees, linked nodes) can be declared. Everything is
//! `T`'s: class, serializer, null form, references.
//!
//! ```
//! use kryo5::io::{Input, Output};
//! use kryo5::Kryo;
//!
//! #[derive(Kryo, Clone, Debug, Default, PartialEq)]
//! struct Tree {
//!     value: i32,
//!     left: Option<Box<Tree>>,
//!     right: Option<Box<Tree>>,
//! }
//!
//! let leaf = |value| Some(Box::new(Tree { value, ..Tree::default() }));
//! let tree = Tree { value: 1, left: leaf(2), right: leaf(3) };
//! let mut kryo = Kryo::new();
//! kryo.register::<Tree>();
//! let mut out = Output::new();
//! kryo.write_object(&mut out, &tree)?;
//! assert_eq!(kryo.read_object::<Tree, _>(&mut Input::new(out.as_slice()))?, tree);
//! # Ok::<(), kryo5::Error>(())
//! ```

use std::borrow::Cow;

use crate::error::Result;
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::types::{KryoType, Shared, same_java_object_as};

impl<T: KryoType> KryoType for Box<T> {
    same_java_object_as!(T);
    const IMMUTABLE: bool = T::IMMUTABLE;

    fn write<O: Out + ?Sized>(&self, kryo: &mut Kryo, out: &mut O, args: bool) -> Result<()> {
        kryo.write_payload(out, &**self, args)
    }

    fn read<'de, I: In<'de> + ?Sized>(kryo: &mut Kryo, input: &mut I, args: bool) -> Result<Self> {
        kryo.read_payload::<T, I>(input, args).map(Box::new)
    }

    fn read_nullable<'de, I: In<'de> + ?Sized>(
        kryo: &mut Kryo,
        input: &mut I,
        args: bool,
    ) -> Result<Option<Self>> {
        Ok(T::read_nullable(kryo, input, args)?.map(Box::new))
    }

    fn identity(&self) -> Option<usize> {
        (**self).identity()
    }

    fn share(&self) -> Option<Shared> {
        (**self).share()
    }

    fn from_shared(shared: &Shared) -> Result<Self> {
        T::from_shared(shared).map(Box::new)
    }

    fn class_name(&self) -> Cow<'static, str> {
        (**self).class_name()
    }

    fn uses_references(&self) -> bool {
        (**self).uses_references()
    }

    fn copy(&self, kryo: &mut Kryo) -> Result<Self> {
        kryo.copy_nested(&**self).map(Box::new)
    }
}
