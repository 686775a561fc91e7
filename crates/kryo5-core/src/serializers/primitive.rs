//! Primitives, their wrappers, and `String` (format spec 8.1, 8.2).
//!
//! A Rust primitive stands for both the Java primitive and its wrapper,
//! which share one registration; a nullable wrapper is an `Option` position.
//! Wrappers never use references.

use std::borrow::Cow;
use std::sync::Arc;

use kryo5_io::JavaString;

use crate::error::{Error, ErrorKind, Result};
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::types::{KryoType, NullForm, Shared};

macro_rules! primitive {
    ($(#[$doc:meta])* $t:ty, $name:literal, |$v:ident, $out:ident| $write:expr, |$input:ident| $read:expr) => {
        $(#[$doc])*
        impl KryoType for $t {
            fn java_class() -> Cow<'static, str> {
                Cow::Borrowed($name)
            }
            const FINAL: bool = true;
            const REFERENCES: bool = false;
            const IMMUTABLE: bool = true;
            #[inline]
            fn write<O: Out + ?Sized>(&self, _: &mut Kryo, $out: &mut O, _: bool) -> Result<()> {
                let $v = *self;
                $write?;
                Ok(())
            }
            #[inline]
            fn read<'de, I: In<'de> + ?Sized>(_: &mut Kryo, $input: &mut I, _: bool) -> Result<Self> {
                Ok($read?)
            }
            fn share(&self) -> Option<Shared> {
                Some(Arc::new(*self))
            }
            fn from_shared(shared: &Shared) -> Result<Self> {
                shared.downcast_ref::<Self>().copied().ok_or_else(|| wrong_shared($name))
            }
            fn copy(&self, _: &mut Kryo) -> Result<Self> {
                Ok(*self)
            }
            const DEFAULT_REGISTERED: bool = true;
            crate::type_slot_fn!();
        }
    };
}

primitive!(
    /// Java `int`/`Integer`: `IntSerializer`, a zigzag varint (or 4 bytes
    /// with variable-length encoding off).
    i32, "int", |v, out| out.write_int_var_or_fixed(v, false), |input| input.read_int_var_or_fixed(false)
);
primitive!(
    /// Java `long`/`Long`: `LongSerializer`, always a zigzag varlong.
    i64, "long", |v, out| out.write_var_long(v, false), |input| input.read_var_long(false)
);
primitive!(
    /// Java `float`/`Float`: 4 bytes, NaN canonicalised by the safe flavour.
    f32, "float", |v, out| out.write_float(v), |input| input.read_float()
);
primitive!(
    /// Java `double`/`Double`: 8 bytes.
    f64, "double", |v, out| out.write_double(v), |input| input.read_double()
);
primitive!(
    /// Java `boolean`/`Boolean`: one byte.
    bool, "boolean", |v, out| out.write_boolean(v), |input| input.read_boolean()
);
primitive!(
    /// Java `byte`/`Byte`: one byte.
    i8, "byte", |v, out| out.write_byte(v as u8), |input| input.read_byte().map(|b| b as i8)
);
primitive!(
    /// Java `char`/`Character`: one UTF-16 code unit, 2 bytes.
    u16, "char", |v, out| out.write_char(v), |input| input.read_char()
);
primitive!(
    /// Java `short`/`Short`: 2 bytes.
    i16, "short", |v, out| out.write_short(v), |input| input.read_short()
);

#[cold]
fn wrong_shared(expected: &str) -> Error {
    Error::new(ErrorKind::WrongType {
        expected: expected.to_owned(),
        found: "another class".to_owned(),
    })
}

/// Java `String`: `StringSerializer`, Kryo's string encoding; accepts null
/// (`80`). A Java `null` read where a `String` is required is an error: use
/// an `Option<String>` position.
impl KryoType for String {
    fn java_class() -> Cow<'static, str> {
        Cow::Borrowed("java.lang.String")
    }
    const DEFAULT_REGISTERED: bool = true;
    crate::type_slot_fn!();
    const FINAL: bool = true;
    const NULL: Option<NullForm> = Some(NullForm::String);
    const IMMUTABLE: bool = true;
    #[inline]
    fn write<O: Out + ?Sized>(&self, _: &mut Kryo, out: &mut O, _: bool) -> Result<()> {
        out.write_string(Some(self))?;
        Ok(())
    }
    #[inline]
    fn read<'de, I: In<'de> + ?Sized>(_: &mut Kryo, input: &mut I, _: bool) -> Result<Self> {
        let at = input.total();
        input
            .read_string()?
            .ok_or_else(|| Error::new(ErrorKind::UnexpectedNull("java.lang.String")).at(at))
    }
    #[inline]
    fn read_into<'de, I: In<'de> + ?Sized>(
        &mut self,
        _: &mut Kryo,
        input: &mut I,
        _: bool,
    ) -> Result<()> {
        let at = input.total();
        if input.read_string_into(self)? {
            Ok(())
        } else {
            Err(Error::new(ErrorKind::UnexpectedNull("java.lang.String")).at(at))
        }
    }
    #[inline]
    fn read_nullable<'de, I: In<'de> + ?Sized>(
        _: &mut Kryo,
        input: &mut I,
        _: bool,
    ) -> Result<Option<Self>> {
        Ok(input.read_string()?)
    }
    fn share(&self) -> Option<Shared> {
        Some(Arc::new(self.clone()))
    }
    fn shared_text(&self) -> Option<&str> {
        Some(self)
    }
    fn copy(&self, _: &mut Kryo) -> Result<Self> {
        Ok(self.clone())
    }
    fn from_shared(shared: &Shared) -> Result<Self> {
        if let Some(s) = shared.downcast_ref::<String>() {
            return Ok(s.clone());
        }
        if let Some(s) = shared.downcast_ref::<JavaString>() {
            return s
                .to_string_checked()
                .map_err(|_| Error::new(ErrorKind::Buffer(kryo5_io::ErrorKind::LoneSurrogate)));
        }
        Err(wrong_shared("java.lang.String"))
    }
}

/// Java `String` as UTF-16 units, lone surrogates and all.
impl KryoType for JavaString {
    fn java_class() -> Cow<'static, str> {
        Cow::Borrowed("java.lang.String")
    }
    const FINAL: bool = true;
    const NULL: Option<NullForm> = Some(NullForm::String);
    const IMMUTABLE: bool = true;
    fn write<O: Out + ?Sized>(&self, _: &mut Kryo, out: &mut O, _: bool) -> Result<()> {
        out.write_string_utf16(Some(self.units()))?;
        Ok(())
    }
    fn read<'de, I: In<'de> + ?Sized>(_: &mut Kryo, input: &mut I, _: bool) -> Result<Self> {
        let at = input.total();
        input
            .read_string_utf16()?
            .ok_or_else(|| Error::new(ErrorKind::UnexpectedNull("java.lang.String")).at(at))
    }
    fn read_nullable<'de, I: In<'de> + ?Sized>(
        _: &mut Kryo,
        input: &mut I,
        _: bool,
    ) -> Result<Option<Self>> {
        Ok(input.read_string_utf16()?)
    }
    fn share(&self) -> Option<Shared> {
        Some(Arc::new(self.clone()))
    }
    fn copy(&self, _: &mut Kryo) -> Result<Self> {
        Ok(self.clone())
    }
    fn from_shared(shared: &Shared) -> Result<Self> {
        if let Some(s) = shared.downcast_ref::<JavaString>() {
            return Ok(s.clone());
        }
        if let Some(s) = shared.downcast_ref::<String>() {
            return Ok(JavaString::from(s.as_str()));
        }
        Err(wrong_shared("java.lang.String"))
    }
}
