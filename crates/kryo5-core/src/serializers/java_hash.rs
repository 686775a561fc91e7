//! Java's `hashCode()` and `compareTo()` for the types kryo5 maps: what a
//! `java.util.HashMap`'s iteration order and a `java.util.TreeMap`'s sort
//! order are computed from.
//!
//! - [`JavaHash`]: `hashCode()` (`String` over UTF-16 units, `Long` as
//!   `v ^ v >>> 32`, `Double` over its canonical bits, ...), plus the
//!   `compareTo` a `HashMap` uses to order colliding keys in a treeified
//!   bin. `None` means Java's hash code is not reproducible: enums and
//!   classes without `hashCode()` hash by identity, which changes from one
//!   JVM run to the next (so Java's own bytes for such a map change too).
//! - [`JavaOrd`]: `compareTo()` of `Comparable` classes (`String` in
//!   UTF-16 code unit order, which differs from Rust's `str` order for
//!   characters above U+FFFF; `Double.compare` puts `-0.0` before `0.0` and
//!   NaN last).
//! - Helpers for implementing them on your own key classes the way Java
//!   code usually does: [`hash_all`] (`Objects.hash`, `Arrays.hashCode`),
//!   [`hash_str`], [`hash_long`], [`hash_double`], [`hash_float`],
//!   [`hash_bool`].
//!
//! ```
//! use kryo5_core::serializers::java_hash::{hash_all, hash_str, JavaHash};
//!
//! assert_eq!("hello".to_string().java_hash(), Some(99162322)); // "hello".hashCode()
//! assert_eq!(7i64.java_hash(), Some(7));
//!
//! /// `record Point(String name, int x)`: `Objects.hash(name, x)`.
//! struct Point { name: String, x: i32 }
//! impl JavaHash for Point {
//!     fn java_hash(&self) -> Option<i32> {
//!         Some(hash_all([hash_str(&self.name), self.x]))
//!     }
//! }
//! assert_eq!(Point { name: "a".into(), x: 1 }.java_hash(), Some((31 + 97) * 31 + 1));
//! ```

use std::cmp::Ordering;
use std::sync::Arc;

use kryo5_io::JavaString;

use crate::types::Object;

/// Java's `hashCode()` of a value used as a `HashMap` key or `HashSet`
/// element. See the module documentation.
///
/// Implement it for your own key classes as their Java `hashCode()` is
/// written (the helpers of this module cover the usual formulas); return
/// `None` where Java uses the identity hash (no `hashCode()` override, or
/// an enum): maps with such keys are then written in their stored order,
/// since Java's own order differs from run to run.
pub trait JavaHash {
    /// `hashCode()`, or `None` when Java's is an identity hash.
    fn java_hash(&self) -> Option<i32>;

    /// How a `HashMap` orders two keys with equal hash codes in a bin it
    /// turned into a tree (eight or more collisions): `compareTo` when the
    /// class is `Comparable` to itself; `None` when it is not, or when the
    /// two compare equal without being equal (Java then falls back to
    /// identity hash codes). The default is `None`.
    fn java_compare(&self, other: &Self) -> Option<Ordering> {
        let _ = other;
        None
    }
}

/// Java's `compareTo()` of a `Comparable` class: the order of a `TreeMap`,
/// `TreeSet` or `PriorityQueue` with natural ordering.
///
/// `None` means the two values cannot be compared (Java would throw a
/// `ClassCastException`, for instance for keys of different classes).
///
/// ```
/// use std::cmp::Ordering;
/// use kryo5_core::serializers::java_hash::JavaOrd;
///
/// // U+FF61 sorts after U+1F600 in Rust, before it in Java (UTF-16 units).
/// let (a, b) = ("\u{ff61}".to_string(), "\u{1f600}".to_string());
/// assert!(a < b);
/// assert_eq!(a.java_cmp(&b), Some(Ordering::Greater));
/// assert_eq!((-0.0f64).java_cmp(&0.0), Some(Ordering::Less));
/// ```
pub trait JavaOrd {
    /// `compareTo`, or `None` if Java cannot compare the two.
    fn java_cmp(&self, other: &Self) -> Option<Ordering>;
}

/// Java's `Arrays.hashCode` / `Objects.hash` / `List.hashCode` formula:
/// `31 * h + e` over the element hashes, starting from 1.
///
/// ```
/// use kryo5_core::serializers::java_hash::hash_all;
/// assert_eq!(hash_all([]), 1);
/// assert_eq!(hash_all([1, 2]), (31 + 1) * 31 + 2);
/// ```
pub fn hash_all(hashes: impl IntoIterator<Item = i32>) -> i32 {
    hashes
        .into_iter()
        .fold(1i32, |h, e| h.wrapping_mul(31).wrapping_add(e))
}

/// `String.hashCode()`: `31 * h + c` over the UTF-16 code units.
///
/// ```
/// use kryo5_core::serializers::java_hash::hash_str;
/// assert_eq!(hash_str("Aa"), hash_str("BB")); // Java's classic collision
/// assert_eq!(hash_str(""), 0);
/// ```
#[must_use]
pub fn hash_str(s: &str) -> i32 {
    if s.is_ascii() {
        return hash_units(s.bytes().map(u16::from));
    }
    hash_units(s.encode_utf16())
}

fn hash_units(units: impl Iterator<Item = u16>) -> i32 {
    units.fold(0i32, |h, u| h.wrapping_mul(31).wrapping_add(i32::from(u)))
}

/// `Long.hashCode(v)`: `(int) (v ^ (v >>> 32))`.
///
/// ```
/// assert_eq!(kryo5_core::serializers::java_hash::hash_long(-1), 0);
/// ```
#[must_use]
pub fn hash_long(v: i64) -> i32 {
    (v ^ ((v as u64) >> 32) as i64) as i32
}

/// `Double.hashCode(v)`: [`hash_long`] of `doubleToLongBits` (all NaNs
/// canonical).
///
/// ```
/// assert_eq!(kryo5_core::serializers::java_hash::hash_double(1.0), 1072693248);
/// ```
#[must_use]
pub fn hash_double(v: f64) -> i32 {
    let bits = if v.is_nan() {
        0x7ff8_0000_0000_0000
    } else {
        v.to_bits() as i64
    };
    hash_long(bits)
}

/// `Float.hashCode(v)`: `floatToIntBits` (all NaNs canonical).
///
/// ```
/// assert_eq!(kryo5_core::serializers::java_hash::hash_float(1.0), 1065353216);
/// ```
#[must_use]
pub fn hash_float(v: f32) -> i32 {
    if v.is_nan() {
        0x7fc0_0000
    } else {
        v.to_bits() as i32
    }
}

/// `Boolean.hashCode(v)`: 1231 for true, 1237 for false.
///
/// ```
/// assert_eq!(kryo5_core::serializers::java_hash::hash_bool(true), 1231);
/// ```
#[must_use]
pub fn hash_bool(v: bool) -> i32 {
    if v { 1231 } else { 1237 }
}

/// `String.compareTo`: UTF-16 code unit order.
fn cmp_str(a: &str, b: &str) -> Ordering {
    // UTF-8 byte order is code point order, which agrees with UTF-16 unit
    // order except between a supplementary character (surrogates
    // D800..DFFF) and one of E000..FFFF: compare the first differing
    // characters by their UTF-16 units.
    let (mut ai, mut bi) = (a.chars(), b.chars());
    loop {
        match (ai.next(), bi.next()) {
            (Some(x), Some(y)) if x == y => {}
            (Some(x), Some(y)) => {
                let (mut ux, mut uy) = ([0u16; 2], [0u16; 2]);
                return x.encode_utf16(&mut ux).cmp(&y.encode_utf16(&mut uy));
            }
            (x, y) => return x.is_some().cmp(&y.is_some()),
        }
    }
}

/// `Double.compare` / `Float.compare`: numeric, then by canonical bits
/// (`-0.0 < 0.0`, NaN equal to itself and above everything).
macro_rules! float_order {
    ($t:ty, $bits:ty, $nan:expr) => {
        impl JavaOrd for $t {
            fn java_cmp(&self, other: &Self) -> Option<Ordering> {
                if self < other {
                    return Some(Ordering::Less);
                }
                if self > other {
                    return Some(Ordering::Greater);
                }
                let bits = |v: $t| -> $bits {
                    if v.is_nan() {
                        $nan
                    } else {
                        v.to_bits() as $bits
                    }
                };
                Some(bits(*self).cmp(&bits(*other)))
            }
        }
    };
}

float_order!(f64, i64, 0x7ff8_0000_0000_0000);
float_order!(f32, i32, 0x7fc0_0000);

/// `JavaHash` and `JavaOrd` for the wrappers, whose `compareTo` is Rust's
/// `Ord` and whose hash is given by `$hash`.
macro_rules! comparable {
    ($($t:ty => |$v:ident| $hash:expr;)*) => {$(
        impl JavaHash for $t {
            fn java_hash(&self) -> Option<i32> {
                let $v = *self;
                Some($hash)
            }
            fn java_compare(&self, other: &Self) -> Option<Ordering> {
                self.java_cmp(other)
            }
        }
    )*};
}

comparable! {
    i32 => |v| v;
    i64 => |v| hash_long(v);
    i16 => |v| i32::from(v);
    i8 => |v| i32::from(v);
    u16 => |v| i32::from(v);
    bool => |v| hash_bool(v);
    f64 => |v| hash_double(v);
    f32 => |v| hash_float(v);
}

macro_rules! ord_order {
    ($($t:ty),*) => {$(
        impl JavaOrd for $t {
            fn java_cmp(&self, other: &Self) -> Option<Ordering> {
                Some(self.cmp(other))
            }
        }
    )*};
}

ord_order!(i32, i64, i16, i8, u16, bool);

impl JavaHash for String {
    fn java_hash(&self) -> Option<i32> {
        Some(hash_str(self))
    }
    fn java_compare(&self, other: &Self) -> Option<Ordering> {
        self.java_cmp(other)
    }
}

impl JavaOrd for String {
    fn java_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(cmp_str(self, other))
    }
}

impl JavaHash for JavaString {
    fn java_hash(&self) -> Option<i32> {
        Some(hash_units(self.units().iter().copied()))
    }
    fn java_compare(&self, other: &Self) -> Option<Ordering> {
        self.java_cmp(other)
    }
}

impl JavaOrd for JavaString {
    fn java_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.units().cmp(other.units()))
    }
}

/// A nullable key: `null` hashes to 0 and, in a treeified bin, orders
/// before any other key (Java's tie-break by identity hash codes, where
/// `null`'s is 0).
impl<T: JavaHash> JavaHash for Option<T> {
    fn java_hash(&self) -> Option<i32> {
        match self {
            Some(v) => v.java_hash(),
            None => Some(0),
        }
    }
    fn java_compare(&self, other: &Self) -> Option<Ordering> {
        match (self, other) {
            (Some(a), Some(b)) => a.java_compare(b),
            (a, b) => Some(a.is_some().cmp(&b.is_some())),
        }
    }
}

impl<T: JavaHash> JavaHash for Arc<T> {
    fn java_hash(&self) -> Option<i32> {
        (**self).java_hash()
    }
    fn java_compare(&self, other: &Self) -> Option<Ordering> {
        (**self).java_compare(other)
    }
}

impl<T: JavaOrd> JavaOrd for Arc<T> {
    fn java_cmp(&self, other: &Self) -> Option<Ordering> {
        (**self).java_cmp(other)
    }
}

/// Calls `$f` with the value of a dynamic object as one of the types with
/// a known Java hash and order.
macro_rules! with_known {
    ($obj:expr, |$v:ident| $f:expr, $otherwise:expr) => {{
        let any = $obj.as_any();
        if let Some($v) = any.downcast_ref::<String>() {
            $f
        } else if let Some($v) = any.downcast_ref::<i32>() {
            $f
        } else if let Some($v) = any.downcast_ref::<i64>() {
            $f
        } else if let Some($v) = any.downcast_ref::<f64>() {
            $f
        } else if let Some($v) = any.downcast_ref::<f32>() {
            $f
        } else if let Some($v) = any.downcast_ref::<bool>() {
            $f
        } else if let Some($v) = any.downcast_ref::<i16>() {
            $f
        } else if let Some($v) = any.downcast_ref::<i8>() {
            $f
        } else if let Some($v) = any.downcast_ref::<u16>() {
            $f
        } else if let Some($v) = any.downcast_ref::<Arc<String>>() {
            $f
        } else if let Some($v) = any.downcast_ref::<JavaString>() {
            $f
        } else {
            $otherwise
        }
    }};
}

/// `compareTo` between two dynamic values of the same known class.
fn cmp_dyn(a: &dyn Object, b: &dyn Object) -> Option<Ordering> {
    with_known!(
        a,
        |x| b.as_any().downcast_ref().and_then(|y| x.java_cmp(y)),
        None
    )
}

/// The Java class name of a dynamic value (a primitive's wrapper class).
fn java_class_name(o: &dyn Object) -> String {
    let name = o.class_name();
    let wrapper = match &*name {
        "int" => "java.lang.Integer",
        "long" => "java.lang.Long",
        "float" => "java.lang.Float",
        "double" => "java.lang.Double",
        "boolean" => "java.lang.Boolean",
        "byte" => "java.lang.Byte",
        "char" => "java.lang.Character",
        "short" => "java.lang.Short",
        other => other,
    };
    wrapper.to_owned()
}

/// A key of any class: the hash of the known classes (strings, boxed
/// primitives), `None` for others. Keys of different classes order by
/// class name in a treeified bin, as Java's tie-break does.
impl JavaHash for Box<dyn Object> {
    fn java_hash(&self) -> Option<i32> {
        with_known!((**self), |v| v.java_hash(), None)
    }
    fn java_compare(&self, other: &Self) -> Option<Ordering> {
        match cmp_dyn(&**self, &**other) {
            Some(o) => Some(o),
            None => {
                let (a, b) = (java_class_name(&**self), java_class_name(&**other));
                (a != b).then(|| cmp_str(&a, &b))
            }
        }
    }
}

/// `compareTo` of values of the same known class; `None` otherwise (Java
/// throws `ClassCastException` for mixed classes).
impl JavaOrd for Box<dyn Object> {
    fn java_cmp(&self, other: &Self) -> Option<Ordering> {
        cmp_dyn(&**self, &**other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_hashes_match_java() {
        // Values printed by Java 17's String.hashCode().
        assert_eq!(hash_str("a"), 97);
        assert_eq!(hash_str("hello"), 99162322);
        assert_eq!(hash_str("Aa"), 2112);
        assert_eq!(hash_str("BB"), 2112);
        assert_eq!(hash_str("héllo"), 103094734);
        // A surrogate pair hashes as two units.
        assert_eq!(hash_str("😀"), 1772899);
        assert_eq!(hash_str("polygenelubricants"), i32::MIN);
    }

    #[test]
    fn number_hashes_match_java() {
        assert_eq!(hash_long(1 << 32), 1);
        assert_eq!(hash_long(i64::MIN), i32::MIN);
        assert_eq!(hash_double(-0.0), i32::MIN);
        assert_eq!(hash_double(f64::NAN), 0x7ff8_0000);
        assert_eq!(hash_float(f32::NAN), 0x7fc0_0000);
        assert_eq!(hash_bool(false), 1237);
        assert_eq!(None::<String>.java_hash(), Some(0));
    }

    #[test]
    fn string_order_is_utf16() {
        let s = |v: &str| v.to_string();
        assert_eq!(s("a").java_cmp(&s("b")), Some(Ordering::Less));
        assert_eq!(s("ab").java_cmp(&s("a")), Some(Ordering::Greater));
        assert_eq!(s("").java_cmp(&s("")), Some(Ordering::Equal));
        assert_eq!(
            s("\u{e000}").java_cmp(&s("\u{10000}")),
            Some(Ordering::Greater)
        );
        assert_eq!(
            s("\u{10000}").java_cmp(&s("\u{10001}")),
            Some(Ordering::Less)
        );
    }

    #[test]
    fn float_order_is_java_compare() {
        assert_eq!(f64::NAN.java_cmp(&f64::INFINITY), Some(Ordering::Greater));
        assert_eq!(f64::NAN.java_cmp(&f64::NAN), Some(Ordering::Equal));
        assert_eq!(0.0f32.java_cmp(&-0.0), Some(Ordering::Greater));
        assert_eq!(1.0f32.java_cmp(&2.0), Some(Ordering::Less));
    }

    #[test]
    fn dynamic_keys() {
        let a: Box<dyn Object> = Box::new(String::from("Aa"));
        let b: Box<dyn Object> = Box::new(5i32);
        assert_eq!(a.java_hash(), Some(2112));
        assert_eq!(b.java_hash(), Some(5));
        // Different classes: ordered by class name (Integer < String).
        assert_eq!(b.java_compare(&a), Some(Ordering::Less));
        assert_eq!(a.java_cmp(&b), None);
        let unknown: Box<dyn Object> = Box::new(Arc::new(1i32));
        assert_eq!(unknown.java_hash(), None);
    }
}
