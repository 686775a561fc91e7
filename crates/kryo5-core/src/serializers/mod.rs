//! The serializers of the Java classes kryo5 maps, one module per family.
//!
//! | Java | Rust | module |
//! |---|---|---|
//! | `int`/`Integer`, `long`/`Long`, `float`, `double`, `boolean`, `byte`, `char`, `short` | `i32`, `i64`, `f32`, `f64`, `bool`, `i8`, `u16`, `i16` (nullable boxes: `Option<_>` positions) | [`primitive`] |
//! | `String` | `String`, [`JavaString`](kryo5_io::JavaString) (lone surrogates) | [`primitive`] |
//! | `void` | `()` | [`class`] |
//! | shared objects | `Arc<T>` (immutable), `Arc<Mutex<T>>`, `Arc<RwLock<T>>` (may form cycles) | [`shared`] |
//! | `Object` (any class) | `Box<dyn Object>` | [`object`] |
//! | any class, owned through a pointer (recursive structs) | `Box<T>` | [`boxed`] |
//! | `int[]`, `long[]`, `float[]`, `double[]`, `boolean[]`, `short[]`, `char[]` | `Vec<i32>`, `Vec<i64>`, `Vec<f32>`, `Vec<f64>`, `Vec<bool>`, `Vec<i16>`, `Vec<u16>` (or `[T; N]`) | [`array`](mod@array) |
//! | `byte[]` | `Vec<u8>` or `Vec<i8>` | [`array`](mod@array) |
//! | `Integer[]`, `String[]`, `Object[]`, `Foo[]` | `Vec<Option<i32>>`, `Vec<String>`/`Vec<Option<String>>`, `Vec<Box<dyn Object>>`, `Vec<Foo>`/`Vec<Option<Foo>>` | [`array`](mod@array) |
//! | `int[][]`, `Foo[][]`, ... | `Vec<Vec<i32>>`, `Vec<Option<Vec<Foo>>>`, ... | [`array`](mod@array) |
//! | `java.lang.Class` | [`JavaClass`](class::JavaClass) | [`class`] |
//! | `BigInteger`, `BigDecimal` | [`JavaBigInteger`](math::JavaBigInteger), [`JavaBigDecimal`](math::JavaBigDecimal) | [`math`] |
//! | `java.util.Date`, `java.sql.Date`, `Time`, `Timestamp`, `GregorianCalendar` | [`JavaDate`](date::JavaDate), [`SqlDate`](date::SqlDate), [`SqlTime`](date::SqlTime), [`SqlTimestamp`](date::SqlTimestamp), [`GregorianCalendar`](date::GregorianCalendar) | [`date`] |
//! | `java.time.*`: `Duration`, `Instant`, `LocalDate`, `LocalTime`, `LocalDateTime`, `ZoneOffset`, `ZoneId`, `OffsetTime`, `OffsetDateTime`, `ZonedDateTime`, `Year`, `YearMonth`, `MonthDay`, `Period` | the same names in [`time`] | [`time`] |
//! | `Optional`, `OptionalInt`, `OptionalLong`, `OptionalDouble` | [`JavaOptional<T>`](optional::JavaOptional), [`OptionalInt`](optional::OptionalInt), [`OptionalLong`](optional::OptionalLong), [`OptionalDouble`](optional::OptionalDouble) | [`optional`] |
//! | `BitSet` | [`BitSet`](bitset::BitSet) | [`bitset`] |
//! | `EnumSet` | [`EnumSet<E>`](enum_set::EnumSet) (`E`: a `#[derive(Kryo)]` enum) | [`enum_set`] |
//! | `UUID` (with `UUIDSerializer` registered: not a default serializer) | [`JavaUuid`](uuid::JavaUuid) | [`uuid`] |
//! | `StringBuilder`, `StringBuffer`, `Currency`, `URL`, `TimeZone`, `Charset`, `Locale` | [`StringBuilder`](text::StringBuilder), [`StringBuffer`](text::StringBuffer), [`Currency`](text::Currency), [`Url`](text::Url), [`TimeZone`](text::TimeZone), [`Charset`](text::Charset), [`Locale`](text::Locale) | [`text`] |
//! | `ArrayList`, `LinkedList`, `LinkedHashSet`, `LinkedHashMap`, `HashSet`, `HashMap`, `TreeSet`, `TreeMap`, `Collections.*`, `List.of`/`Set.of`/`Map.of` | [`list::ArrayList`], ... (`docs/java-collections.md`) | [`list`], [`map`], [`hash`], [`sorted`], [`special`], [`immutable`]; layouts in [`collection`], [`map`] |
//!
//! Java's `Optional` is a class of its own, so it is not Rust's `Option`,
//! which marks a position that may hold Java `null`.
//!
//! # Classes that serialize themselves
//!
//! A Java class implementing `KryoSerializable` writes what its own
//! `write(Kryo, Output)` writes, with no header (format spec 8.22). In Rust
//! that is a type implementing [`KryoType`](crate::KryoType) by hand:
//!
//! ```
//! use std::borrow::Cow;
//! use kryo5_core::{In, Kryo, KryoType, Out, Result};
//! use kryo5_io::{Input, Output};
//!
//! /// Java: `class Counter implements KryoSerializable { int v; ... output.writeInt(v); }`
//! #[derive(Clone, Debug, PartialEq)]
//! struct Counter { v: i32 }
//!
//! impl KryoType for Counter {
//!     fn java_class() -> Cow<'static, str> { Cow::Borrowed("com.example.Counter") }
//!     const FINAL: bool = false;
//!     fn write<O: Out + ?Sized>(&self, _: &mut Kryo, out: &mut O, _: bool) -> Result<()> {
//!         Ok(out.write_int(self.v)?)
//!     }
//!     fn read<'de, I: In<'de> + ?Sized>(_: &mut Kryo, input: &mut I, _: bool) -> Result<Self> {
//!         Ok(Counter { v: input.read_int()? })
//!     }
//!     fn copy(&self, _: &mut Kryo) -> Result<Self> { Ok(self.clone()) }
//! }
//!
//! let mut kryo = Kryo::new();
//! kryo.register::<Counter>();
//! let mut out = Output::new();
//! kryo.write_object(&mut out, &Counter { v: 3 })?;
//! assert_eq!(out.as_slice(), &[0x03, 0x00, 0x00, 0x00]);
//! # Ok::<(), kryo5_core::Error>(())
//! ```
//!
//! Out of scope: `Externalizable` and `JavaSerializer` (they embed Java's
//! own serialization stream), and closures (`ClosureSerializer`). None is
//! a default serializer; their classes are simply unregistered in kryo5,
//! so data holding them fails with [`ErrorKind::UnknownClassId`] or
//! [`ErrorKind::UnknownClassName`](crate::ErrorKind::UnknownClassName).
//!
//! [`ErrorKind::UnknownClassId`]: crate::ErrorKind::UnknownClassId

pub mod array;
pub mod bitset;
#[cfg(feature = "blowfish")]
pub mod blowfish;
pub mod boxed;
pub mod class;
pub mod collection;
pub mod compatible;
pub mod concurrent_order;
pub mod date;
#[cfg(feature = "deflate")]
pub mod deflate;
pub mod enum_name;
pub mod enum_set;
#[doc(hidden)]
pub mod field_family;
pub mod hash;
pub mod hash_order;
pub mod immutable;
pub mod java_hash;
pub mod list;
pub mod map;
pub mod math;
#[cfg(any(feature = "deflate", feature = "blowfish"))]
mod nested;
pub mod object;
pub mod optional;
pub mod primitive;
pub mod shared;
pub mod sorted;
pub mod special;
pub mod tagged;
pub mod text;
pub mod time;
pub mod uuid;
pub(crate) mod value;
pub mod version;

use crate::kryo::Kryo;

/// Java's nine default registrations, ids 0 to 8, in Java's order.
pub(crate) fn register_defaults(kryo: &mut Kryo) {
    kryo.register::<i32>();
    kryo.register::<String>();
    kryo.register::<f32>();
    kryo.register::<bool>();
    kryo.register::<i8>();
    kryo.register::<u16>();
    kryo.register::<i16>();
    kryo.register::<i64>();
    kryo.register::<f64>();
}
