//! Kryo's read entry points for types that borrow from the input
//! ([`BorrowType`]): the same class descriptors, null and reference markers
//! as the owned entry points, with strings read borrowed kept in the
//! reference table by their place in the input.

use std::any::TypeId;

use super::{ClassRef, Kryo, Marker, Slot, read_not_null, unreachable_null, write_null};
use crate::borrow::{BorrowType, Keep, Kept, StrRef};
use crate::error::{Error, ErrorKind, Result};
use crate::io::{In, Out};

impl Kryo {
    /// Kryo's `readObject` for a type that borrows from the input: the
    /// twin of [`Kryo::read_object`].
    ///
    /// ```
    /// use kryo5_core::Kryo;
    /// use kryo5_io::{Input, StrRef};
    ///
    /// let bytes = [0x85, b'c', b'a', b'f', 0xc3, 0xa9];
    /// let s: StrRef<'_> = Kryo::new().read_object_borrowed(&mut Input::new(&bytes))?;
    /// assert!(matches!(s, StrRef::Borrowed("café")));
    /// # Ok::<(), kryo5_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Kryo::read_object`]; [`ErrorKind::Borrow`] where the value
    /// cannot borrow (see [`BorrowType`]).
    pub fn read_object_borrowed<'de, T: BorrowType<'de>, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
    ) -> Result<T> {
        self.read_object_borrowed_args(input, false)
    }

    /// [`Kryo::read_object_borrowed`] at a position that declared the
    /// type's type arguments (see [`Kryo::read_object_args`]).
    ///
    /// ```
    /// use kryo5_core::borrow::ArrayListRef;
    /// use kryo5_core::serializers::list::ArrayList;
    ///
    /// let mut kryo = kryo5_core::Kryo::new();
    /// kryo.register::<ArrayList<Option<Box<dyn kryo5_core::Object>>>>();
    /// // A List<String> position: no class per element (one element, "a").
    /// let bytes = [0x02, 0x82, b'a'];
    /// let list: ArrayListRef<&str> =
    ///     kryo.read_object_borrowed_args(&mut kryo5_io::Input::new(&bytes), true)?;
    /// assert_eq!(list.0, ["a"]);
    /// # Ok::<(), kryo5_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Kryo::read_object_borrowed`].
    pub fn read_object_borrowed_args<'de, T: BorrowType<'de>, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
        args: bool,
    ) -> Result<T> {
        self.nested(|k| {
            k.check_registered_borrowed::<T>()?;
            if k.config.references && T::REFERENCES {
                return k
                    .read_referenced_borrowed::<T, I>(input, args, false)?
                    .map_or_else(unreachable_null, Ok);
            }
            T::read(k, input, args)
        })
    }

    /// Kryo's `readObjectOrNull` for a type that borrows from the input:
    /// `None` for Java `null`.
    ///
    /// ```
    /// let s: Option<&str> = kryo5_core::Kryo::new()
    ///     .read_object_or_null_borrowed(&mut kryo5_io::Input::new(&[0x80]), false)?;
    /// assert_eq!(s, None);
    /// # Ok::<(), kryo5_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Kryo::read_object_borrowed`].
    pub fn read_object_or_null_borrowed<'de, T: BorrowType<'de>, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
        args: bool,
    ) -> Result<Option<T>> {
        self.nested(|k| {
            k.check_registered_borrowed::<T>()?;
            if k.config.references && T::REFERENCES {
                return k.read_referenced_borrowed::<T, I>(input, args, true);
            }
            if !k.config.references && T::NULL.is_some() {
                return T::read_nullable(k, input, args);
            }
            if read_not_null(input)? {
                T::read(k, input, args).map(Some)
            } else {
                Ok(None)
            }
        })
    }

    /// Kryo's `readClassAndObject` for a type that borrows from the input:
    /// the class written must be `T`'s; `None` for the null class.
    ///
    /// ```
    /// // Class 3 (String), then "ab" in Kryo's ASCII form.
    /// let s: Option<std::borrow::Cow<'_, str>> = kryo5_core::Kryo::new()
    ///     .read_class_and_object_borrowed(&mut kryo5_io::Input::new(&[0x03, b'a', b'b' | 0x80]), false)?;
    /// assert_eq!(s.as_deref(), Some("ab"));
    /// # Ok::<(), kryo5_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::WrongType`] for another class; as
    /// [`Kryo::read_object_borrowed`].
    pub fn read_class_and_object_borrowed<'de, T: BorrowType<'de>, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
        args: bool,
    ) -> Result<Option<T>> {
        self.nested(|k| {
            if !k.read_class_checked(input, None, Self::is_class_of_borrowed::<T>, T::java_class)? {
                return Ok(None);
            }
            if k.config.references && T::REFERENCES {
                return k
                    .read_referenced_borrowed::<T, I>(input, args, false)?
                    .map_or_else(unreachable_null, |v| Ok(Some(v)));
            }
            T::read(k, input, args).map(Some)
        })
    }

    /// [`Kryo::is_class_of`] for a type that borrows from the input.
    ///
    /// ```
    /// let mut kryo = kryo5_core::Kryo::new();
    /// let class = kryo.read_class_ref(&mut kryo5_io::Input::new(&[0x03]))?.unwrap();
    /// assert!(kryo.is_class_of_borrowed::<&str>(class));
    /// assert!(!kryo.is_class_of_borrowed::<&[u8]>(class));
    /// # Ok::<(), kryo5_core::Error>(())
    /// ```
    pub fn is_class_of_borrowed<'de, T: BorrowType<'de>>(&mut self, class: ClassRef) -> bool {
        self.registry
            .of_slot(T::type_slot(), TypeId::of::<T::Key>(), T::java_class)
            == Some(class.0)
    }

    /// [`Kryo::check_registered`] for a borrowing type: Java's
    /// `getRegistration` of the class before `writeObject`/`readObject`.
    #[inline(always)]
    fn check_registered_borrowed<'de, T: BorrowType<'de>>(&mut self) -> Result<()> {
        if T::DEFAULT_REGISTERED || !self.config.registration_required {
            return Ok(());
        }
        match self
            .registry
            .of_slot(T::type_slot(), TypeId::of::<T::Key>(), T::java_class)
        {
            Some(i) if self.registry.get(i).id.is_some() => Ok(()),
            _ => Err(Error::new(ErrorKind::NotRegistered(
                T::java_class().into_owned(),
            ))),
        }
    }

    /// [`Kryo::strings_direct`] for a type that borrows from the input.
    ///
    /// ```
    /// let mut kryo = kryo5_core::Kryo::new();
    /// assert!(kryo.strings_direct_borrowed::<&str>()); // references are off
    /// ```
    pub fn strings_direct_borrowed<'de, T: BorrowType<'de>>(&mut self) -> bool {
        let now = !self.config.references;
        match self
            .registry
            .of_slot(T::type_slot(), TypeId::of::<T::Key>(), T::java_class)
        {
            Some(i) => *self.registry.get_mut(i).strings_direct.get_or_insert(now),
            None => now,
        }
    }

    // ----- writing ----------------------------------------------------------------

    /// Kryo's `writeObject` of a borrowing value: the bytes
    /// [`Kryo::write_object`] writes for its owned twin (a borrowed value
    /// has no identity: with references on it is always a new object).
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// kryo5_core::Kryo::new().write_object_borrowed(&mut out, &"ab")?;
    /// assert_eq!(out.as_slice(), &[0x61, 0xe2]);
    /// # Ok::<(), kryo5_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Kryo::write_object`].
    pub fn write_object_borrowed<'de, T: BorrowType<'de>, O: Out + ?Sized>(
        &mut self,
        out: &mut O,
        value: &T,
    ) -> Result<()> {
        self.write_object_borrowed_args(out, value, false)
    }

    /// [`Kryo::write_object_borrowed`] at a position that declared the
    /// type's type arguments.
    ///
    /// ```
    /// use kryo5_core::borrow::ArrayListRef;
    /// use kryo5_core::serializers::list::ArrayList;
    ///
    /// let mut kryo = kryo5_core::Kryo::new();
    /// kryo.register::<ArrayList<Option<Box<dyn kryo5_core::Object>>>>();
    /// let mut out = kryo5_io::Output::new();
    /// let list = ArrayListRef(vec!["a"]);
    /// kryo.write_object_borrowed_args(&mut out, &list, true)?;
    /// assert_eq!(out.as_slice(), &[0x02, 0x82, b'a']);
    /// # Ok::<(), kryo5_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Kryo::write_object`].
    pub fn write_object_borrowed_args<'de, T: BorrowType<'de>, O: Out + ?Sized>(
        &mut self,
        out: &mut O,
        value: &T,
        args: bool,
    ) -> Result<()> {
        self.nested(|k| {
            k.check_registered_borrowed::<T>()?;
            if k.config.references && T::REFERENCES {
                k.write_reference_for(out, None)?;
            }
            value.write(k, out, args)
        })
    }

    /// Kryo's `writeObjectOrNull` of a borrowing value (see
    /// [`Kryo::write_object_or_null`]).
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// kryo5_core::Kryo::new().write_object_or_null_borrowed::<&str, _>(&mut out, None, false)?;
    /// assert_eq!(out.as_slice(), &[0x80]);
    /// # Ok::<(), kryo5_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Kryo::write_object`].
    pub fn write_object_or_null_borrowed<'de, T: BorrowType<'de>, O: Out + ?Sized>(
        &mut self,
        out: &mut O,
        value: Option<&T>,
        args: bool,
    ) -> Result<()> {
        self.nested(|k| {
            k.check_registered_borrowed::<T>()?;
            let refs = k.config.references;
            match (value, T::NULL) {
                (None, Some(form)) if !refs => write_null(out, form),
                (None, _) => Ok(out.write_byte(0)?),
                (Some(v), form) => {
                    if refs && T::REFERENCES {
                        k.write_reference_for(out, None)?;
                    } else if refs || form.is_none() {
                        out.write_byte(1)?;
                    }
                    v.write(k, out, args)
                }
            }
        })
    }

    /// Kryo's `writeClassAndObject` of a borrowing value: `00` for `None`,
    /// else the class descriptor, a reference marker where references
    /// apply, the payload.
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// kryo5_core::Kryo::new().write_class_and_object_borrowed(&mut out, Some(&"ab"), false)?;
    /// assert_eq!(out.as_slice(), &[0x03, 0x61, 0xe2]);
    /// # Ok::<(), kryo5_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Kryo::write_object`].
    pub fn write_class_and_object_borrowed<'de, T: BorrowType<'de>, O: Out + ?Sized>(
        &mut self,
        out: &mut O,
        value: Option<&T>,
        args: bool,
    ) -> Result<()> {
        self.write_class_and_payload_borrowed::<T, O>(out, value.is_some(), |k, o| {
            value.map_or(Ok(()), |v| v.write(k, o, args))
        })
    }

    /// Kryo's `writeClass` for a borrowing type's class.
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// kryo5_core::Kryo::new().write_class_borrowed::<&str, _>(&mut out)?;
    /// assert_eq!(out.as_slice(), &[0x03]); // String, id 1
    /// # Ok::<(), kryo5_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::NotRegistered`]; buffer errors.
    pub fn write_class_borrowed<'de, T: BorrowType<'de>, O: Out + ?Sized>(
        &mut self,
        out: &mut O,
    ) -> Result<()> {
        let reg = self
            .registry
            .of_slot(T::type_slot(), TypeId::of::<T::Key>(), T::java_class);
        self.write_class_reg(out, reg, T::java_class)
    }

    /// `00` when not `present`, else `T`'s class descriptor, a new-object
    /// marker where references apply, then `payload` (see
    /// [`Kryo::write_class_and_payload`]).
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// kryo5_core::Kryo::new().write_class_and_payload_borrowed::<&str, _>(&mut out, true, |_, o| Ok(o.write_byte(0x80)?))?;
    /// assert_eq!(out.as_slice(), &[0x03, 0x80]);
    /// # Ok::<(), kryo5_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::NotRegistered`]; errors of `payload`.
    pub fn write_class_and_payload_borrowed<'de, T: BorrowType<'de>, O: Out + ?Sized>(
        &mut self,
        out: &mut O,
        present: bool,
        payload: impl FnOnce(&mut Kryo, &mut O) -> Result<()>,
    ) -> Result<()> {
        self.nested(|k| {
            if !present {
                return Ok(out.write_byte(0)?);
            }
            k.write_class_borrowed::<T, O>(out)?;
            if k.config.references && T::REFERENCES {
                k.write_reference_for(out, None)?;
            }
            payload(k, out)
        })
    }

    /// The reference marker and what follows (see `read_referenced`).
    fn read_referenced_borrowed<'de, T: BorrowType<'de>, I: In<'de> + ?Sized>(
        &mut self,
        input: &mut I,
        args: bool,
        allow_null: bool,
    ) -> Result<Option<T>> {
        let at = input.total();
        match self.read_marker(input, allow_null)? {
            Marker::Null => Ok(None),
            Marker::Back(id) => self
                .back_reference_borrowed(id, input)
                .map(Some)
                .map_err(|e| e.at(at)),
            Marker::New(id) => {
                let start = input.total();
                let outer = self.graph.pending.replace(id);
                let v = T::read(self, input, args);
                self.graph.pending = outer;
                let v = v?;
                self.bind_borrowed(id, v.keep(), input, start);
                Ok(Some(v))
            }
        }
    }

    /// Binds a value read borrowed to its reserved id: a string read from
    /// a slice by where its bytes (from `start` to the input's position)
    /// are, nothing copied; a string from a stream by a copy of its text.
    fn bind_borrowed<'de, I: In<'de> + ?Sized>(
        &mut self,
        id: u32,
        keep: Keep<'_>,
        input: &I,
        start: u64,
    ) {
        let g = &mut self.graph;
        let (Some(slot @ Slot::Empty), Keep::Text(text)) = (g.read.get_mut(id as usize), keep)
        else {
            return;
        };
        let wire = input.lent().and_then(|data| {
            let end = usize::try_from(input.total()).ok()?;
            data.get(usize::try_from(start).ok()?..end)
        });
        if let Some(wire) = wire {
            *slot = Slot::Lent(wire.as_ptr() as usize, wire.len());
        } else if g.texts.len() + text.len() <= u32::MAX as usize {
            let start = g.texts.len() as u32;
            g.texts.push_str(text);
            *slot = Slot::Text(start..g.texts.len() as u32);
        }
    }

    /// The value a back-reference read borrowed stands for: a string read
    /// from a slice is read again from the same bytes.
    fn back_reference_borrowed<'de, T: BorrowType<'de>, I: In<'de> + ?Sized>(
        &self,
        id: u32,
        input: &I,
    ) -> Result<T> {
        match self.graph.read.get(id as usize) {
            Some(Slot::Bound(shared)) => T::from_kept(Kept::Shared(shared)),
            Some(Slot::Text(range)) => T::from_kept(Kept::Text(
                &self.graph.texts[range.start as usize..range.end as usize],
            )),
            Some(&Slot::Lent(addr, len)) => match reread(input.lent(), addr, len) {
                Some(s) => T::from_kept(Kept::Wire(s)),
                None => Err(Error::new(ErrorKind::BadReference(id))),
            },
            _ => Err(Error::new(ErrorKind::BadReference(id))),
        }
    }
}

/// The string whose Kryo bytes are the `len` bytes at address `addr`
/// inside `data`, read again (`None` if they are not inside `data`:
/// another input).
#[cold]
#[inline(never)]
pub(super) fn reread(data: Option<&[u8]>, addr: usize, len: usize) -> Option<StrRef<'_>> {
    let data = data?;
    let start = addr.checked_sub(data.as_ptr() as usize)?;
    let wire = data.get(start..start.checked_add(len)?)?;
    // Through `dyn In`: the instance every input already has, so that
    // this rare path adds no code to the hot ones.
    let mut input = kryo5_io::Input::new(wire);
    input.as_dyn().read_str().ok().flatten()
}
