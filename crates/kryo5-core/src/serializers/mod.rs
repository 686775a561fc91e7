//! The serializers of the Java classes kryo5 maps, one module per family.
//!
//! | Java | Rust | module |
//! |---|---|---|
//! | `int`/`Integer`, `long`/`Long`, `float`, `double`, `boolean`, `byte`, `char`, `short` | `i32`, `i64`, `f32`, `f64`, `bool`, `i8`, `u16`, `i16` (nullable boxes: `Option<_>` positions) | [`primitive`] |
//! | `String` | `String`, [`JavaString`](kryo5_io::JavaString) (lone surrogates) | [`primitive`] |
//! | shared objects | `Arc<T>` (immutable), `Arc<Mutex<T>>`, `Arc<RwLock<T>>` (may form cycles) | [`shared`] |
//! | `Object` (any class) | `Box<dyn Object>` | [`object`] |
//! | `ArrayList`, `LinkedList`, `LinkedHashSet`, `LinkedHashMap`, `HashSet`, `HashMap`, `TreeSet`, `TreeMap`, `Collections.*`, `List.of`/`Set.of`/`Map.of` | [`list::ArrayList`], ... (`docs/java-collections.md`) | [`list`], [`map`], [`hash`], [`sorted`], [`special`], [`immutable`]; layouts in [`collection`], [`map`] |

pub mod collection;
pub mod hash;
pub mod hash_order;
pub mod immutable;
pub mod java_hash;
pub mod list;
pub mod map;
pub mod object;
pub mod primitive;
pub mod shared;
pub mod sorted;
pub mod special;

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
