//! `java.lang.Class` values ([`JavaClass`], format spec 8.5), `void`
//! (`()`, spec 8.1), and the Java names of the primitive types.
//!
//! ```
//! use kryo5_core::Kryo;
//! use kryo5_core::serializers::class::JavaClass;
//! use kryo5_io::{Input, Output};
//!
//! let mut kryo = Kryo::new();
//! kryo.register::<JavaClass>(); // java.lang.Class
//! let mut out = Output::new();
//! kryo.write_object(&mut out, &JavaClass::of::<i32>())?; // int.class
//! kryo.write_object(&mut out, &JavaClass::named("java.lang.Integer"))?;
//! kryo.write_object(&mut out, &JavaClass::of::<String>())?;
//! assert_eq!(out.as_slice(), &[0x02, 0x01, 0x02, 0x00, 0x03]);
//!
//! let mut input = Input::new(out.as_slice());
//! let int: JavaClass = kryo.read_object(&mut input)?;
//! assert!(int.is_primitive());
//! let integer: JavaClass = kryo.read_object(&mut input)?;
//! assert_eq!(integer.name(), "java.lang.Integer");
//! # Ok::<(), kryo5_core::Error>(())
//! ```

use std::borrow::Cow;

use super::value::{cloned_value, read_non_null};
use crate::error::Result;
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::types::{KryoType, NullForm};

/// A Java primitive type: its class name, array descriptor letter and
/// wrapper class.
pub(crate) struct Primitive {
    pub(crate) name: &'static str,
    pub(crate) code: char,
    pub(crate) wrapper: &'static str,
}

/// The eight Java primitives.
pub(crate) const PRIMITIVES: [Primitive; 8] = [
    Primitive {
        name: "int",
        code: 'I',
        wrapper: "java.lang.Integer",
    },
    Primitive {
        name: "long",
        code: 'J',
        wrapper: "java.lang.Long",
    },
    Primitive {
        name: "float",
        code: 'F',
        wrapper: "java.lang.Float",
    },
    Primitive {
        name: "double",
        code: 'D',
        wrapper: "java.lang.Double",
    },
    Primitive {
        name: "boolean",
        code: 'Z',
        wrapper: "java.lang.Boolean",
    },
    Primitive {
        name: "byte",
        code: 'B',
        wrapper: "java.lang.Byte",
    },
    Primitive {
        name: "char",
        code: 'C',
        wrapper: "java.lang.Character",
    },
    Primitive {
        name: "short",
        code: 'S',
        wrapper: "java.lang.Short",
    },
];

/// `void`, a primitive type without a wrapper Kryo knows.
const VOID: Primitive = Primitive {
    name: "void",
    code: 'V',
    wrapper: "java.lang.Void",
};

/// Whether a Java class name names an array class (`[I`, `[Ljava...;`).
pub(crate) fn is_array_class(name: &str) -> bool {
    name.starts_with('[')
}

/// A Java `Class` object, by its name (`Class.getName()`: `int`,
/// `java.lang.Integer`, `[I`, `com.example.Outer$Inner`).
///
/// `ClassSerializer` writes the class descriptor of the class (its
/// registration id, or its name) and, for a primitive type or a primitive
/// wrapper, a `boolean` saying which of the two it is (they share one
/// registration). Reading a class by name accepts classes this Kryo has no
/// Rust type for, since only the name is kept.
///
/// `Class` objects use references; as for other value types, two equal
/// `JavaClass` values are two objects to kryo5 (share one through an
/// `Arc<JavaClass>` to get Java's back-reference).
///
/// ```
/// use kryo5_core::serializers::class::JavaClass;
/// assert_eq!(JavaClass::of::<Vec<Vec<i32>>>().name(), "[[I");
/// assert!(!JavaClass::named("java.lang.Integer").is_primitive());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct JavaClass {
    name: Cow<'static, str>,
}

impl JavaClass {
    /// The class a Rust type stands for (its [`KryoType::java_class`]).
    ///
    /// ```
    /// use kryo5_core::serializers::class::JavaClass;
    /// assert_eq!(JavaClass::of::<i64>().name(), "long");
    /// ```
    #[must_use]
    pub fn of<T: KryoType>() -> Self {
        JavaClass {
            name: T::java_class(),
        }
    }

    /// The class with this name.
    ///
    /// ```
    /// use kryo5_core::serializers::class::JavaClass;
    /// assert_eq!(JavaClass::named("java.util.Date").name(), "java.util.Date");
    /// ```
    #[must_use]
    pub fn named(name: impl Into<Cow<'static, str>>) -> Self {
        JavaClass { name: name.into() }
    }

    /// `Class.getName()`.
    ///
    /// ```
    /// use kryo5_core::serializers::class::JavaClass;
    /// assert_eq!(JavaClass::of::<String>().name(), "java.lang.String");
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// `Class.isPrimitive()`.
    ///
    /// ```
    /// use kryo5_core::serializers::class::JavaClass;
    /// assert!(JavaClass::of::<bool>().is_primitive());
    /// ```
    #[must_use]
    pub fn is_primitive(&self) -> bool {
        self.primitive().is_some_and(|p| p.name == self.name)
    }

    /// The primitive type this class is, or wraps.
    fn primitive(&self) -> Option<&'static Primitive> {
        PRIMITIVES
            .iter()
            .chain([&VOID])
            .find(|p| p.name == self.name || (p.wrapper == self.name && p.code != 'V'))
    }
}

/// `java.lang.Class` with `ClassSerializer`; accepts null (`00`).
impl KryoType for JavaClass {
    fn java_class() -> Cow<'static, str> {
        Cow::Borrowed("java.lang.Class")
    }
    const FINAL: bool = true;
    const NULL: Option<NullForm> = Some(NullForm::Zero);
    const IMMUTABLE: bool = true;

    fn write<O: Out + ?Sized>(&self, kryo: &mut Kryo, out: &mut O, _: bool) -> Result<()> {
        kryo.write_class_named(out, &self.name)?;
        if self.primitive().is_some() {
            out.write_boolean(self.is_primitive())?;
        }
        Ok(())
    }

    read_non_null!("java.lang.Class");

    fn read_nullable<'de, I: In<'de> + ?Sized>(
        kryo: &mut Kryo,
        input: &mut I,
        _: bool,
    ) -> Result<Option<Self>> {
        let Some(name) = kryo.read_class_named(input)? else {
            return Ok(None);
        };
        let class = JavaClass { name };
        match class.primitive() {
            // Registrations are named by the primitive; a boolean says which.
            Some(p) if class.is_primitive() => {
                let name = if input.read_boolean()? {
                    p.name
                } else {
                    p.wrapper
                };
                Ok(Some(JavaClass::named(name)))
            }
            _ => Ok(Some(class)),
        }
    }

    cloned_value!();
}

/// Java `void` (`VoidSerializer`): writes nothing and reads nothing. Java
/// has no `void` values, so only `null` (an `Option<()>` holding `None`)
/// occurs in Java data.
impl KryoType for () {
    fn java_class() -> Cow<'static, str> {
        Cow::Borrowed(VOID.name)
    }
    const FINAL: bool = true;
    const IMMUTABLE: bool = true;
    fn write<O: Out + ?Sized>(&self, _: &mut Kryo, _: &mut O, _: bool) -> Result<()> {
        Ok(())
    }
    fn read<'de, I: In<'de> + ?Sized>(_: &mut Kryo, _: &mut I, _: bool) -> Result<Self> {
        Ok(())
    }
    cloned_value!();
}

#[cfg(test)]
mod tests {
    use super::*;
    use kryo5_io::{Input, Output};

    #[test]
    fn spec_vectors() {
        let mut kryo = crate::serializers::value::testing::lenient();
        kryo.set_registration_required(false);
        kryo.set_warn_unregistered_classes(false);
        let cases: [(JavaClass, &[u8]); 4] = [
            (JavaClass::of::<String>(), &[0x03]),
            (JavaClass::named("int"), &[0x02, 0x01]),
            (JavaClass::named("java.lang.Integer"), &[0x02, 0x00]),
            (JavaClass::of::<Vec<i32>>(), &[0x01, 0x00, 0x5b, 0xc9]),
        ];
        for (class, want) in cases {
            let mut out = Output::new();
            kryo.write_object(&mut out, &class).unwrap();
            assert_eq!(out.as_slice(), want, "{}", class.name());
            let back: JavaClass = kryo.read_object(&mut Input::new(want)).unwrap();
            assert_eq!(back, class);
        }
        // void by name, then its boolean (Java cannot read it back).
        let mut out = Output::new();
        kryo.write_object(&mut out, &JavaClass::of::<()>()).unwrap();
        assert_eq!(out.as_slice(), [0x01, 0x00, 0x76, 0x6f, 0x69, 0xe4, 0x01]);
    }

    #[test]
    fn null_class() {
        let mut kryo = crate::serializers::value::testing::lenient();
        let mut out = Output::new();
        kryo.write_object_or_null::<JavaClass, _>(&mut out, None)
            .unwrap();
        assert_eq!(out.as_slice(), [0x00]);
        assert!(
            kryo.read_object::<JavaClass, _>(&mut Input::new(&[0]))
                .is_err()
        );
        let unknown = kryo.read_object::<JavaClass, _>(&mut Input::new(&[0x40]));
        assert!(unknown.is_err());
    }
}
