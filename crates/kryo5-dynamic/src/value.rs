//! The dynamic value model: a Java object graph without Rust types.

/// A Java string: UTF-8 when it is valid Unicode, else its UTF-16 code
/// units (a lone surrogate survives the round trip).
///
/// ```
/// use kryo5_dynamic::JString;
/// assert_eq!(JString::from_units(vec![0x61]), JString::Str("a".into()));
/// assert_eq!(JString::from_units(vec![0xd800]), JString::Utf16(vec![0xd800]));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JString {
    /// Valid Unicode.
    Str(String),
    /// UTF-16 code units with a lone surrogate.
    Utf16(Vec<u16>),
}

impl JString {
    /// From UTF-16 code units.
    #[must_use]
    pub fn from_units(units: Vec<u16>) -> JString {
        match String::from_utf16(&units) {
            Ok(s) => JString::Str(s),
            Err(_) => JString::Utf16(units),
        }
    }
}

/// A value of a Java object graph, in the spirit of `serde_json::Value`.
/// Classes are Java names in schema form (`int[]`, `java.util.ArrayList`).
///
/// ```
/// use kryo5_dynamic::Value;
/// let v = Value::Object {
///     class: "com.example.Point".into(),
///     fields: vec![("x".into(), Value::Int(1))],
/// };
/// assert_eq!(v.field("x"), Some(&Value::Int(1)));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Java `null`.
    Null,
    /// `boolean` / `Boolean`.
    Bool(bool),
    /// `byte` / `Byte`.
    Byte(i8),
    /// `short` / `Short`.
    Short(i16),
    /// `int` / `Integer`.
    Int(i32),
    /// `long` / `Long`.
    Long(i64),
    /// `float` / `Float`.
    Float(f32),
    /// `double` / `Double`.
    Double(f64),
    /// `char` / `Character` (a UTF-16 code unit).
    Char(u16),
    /// `String`.
    String(JString),
    /// `byte[]`.
    Bytes(Vec<u8>),
    /// An enum constant.
    Enum {
        /// The enum class.
        class: String,
        /// The constant's name.
        name: String,
    },
    /// An array other than `byte[]`.
    Array {
        /// The array class (`int[]`, `com.example.Image[]`).
        class: String,
        /// The elements.
        items: Vec<Value>,
    },
    /// A collection (list or set), in wire order.
    List {
        /// Its class (`java.util.ArrayList`).
        class: String,
        /// The elements.
        items: Vec<Value>,
    },
    /// A map, as key/value pairs in wire order.
    Map {
        /// Its class (`java.util.HashMap`).
        class: String,
        /// The entries.
        entries: Vec<(Value, Value)>,
    },
    /// A user object: its fields in wire order.
    Object {
        /// Its class.
        class: String,
        /// Field name and value.
        fields: Vec<(String, Value)>,
    },
    /// A value referenced again later: Kryo's reference id and the value.
    Shared {
        /// Kryo's reference id.
        id: u32,
        /// The value.
        value: Box<Value>,
    },
    /// A back-reference to the [`Value::Shared`] with this id.
    Ref(u32),
    /// A JDK value class (`BigDecimal`, `Date`, `LocalDate`, `Locale`,
    /// `EnumSet`, ...) in its JSON form (`docs/schema-format.md`).
    Jdk {
        /// Its class (`java.math.BigDecimal`).
        class: String,
        /// Its JSON form: `"1E+3"`, `1700000000000`, `"2024-02-29"`.
        json: serde_json::Value,
    },
}

impl Value {
    /// The field `name` of an object (first of that name).
    ///
    /// ```
    /// assert_eq!(kryo5_dynamic::Value::Null.field("x"), None);
    /// ```
    #[must_use]
    pub fn field(&self, name: &str) -> Option<&Value> {
        match self {
            Value::Object { fields, .. } => fields.iter().find(|f| f.0 == name).map(|f| &f.1),
            Value::Shared { value, .. } => value.field(name),
            _ => None,
        }
    }

    /// The Java class of a value that carries one (schema form: `int[]`,
    /// `java.lang.Integer`); `None` for null and references.
    ///
    /// ```
    /// use kryo5_dynamic::Value;
    /// assert_eq!(Value::Int(1).class().as_deref(), Some("java.lang.Integer"));
    /// assert_eq!(Value::Null.class(), None);
    /// ```
    #[must_use]
    pub fn class(&self) -> Option<String> {
        self.class_name().map(Into::into)
    }

    /// [`Value::class`] borrowed.
    ///
    /// ```
    /// use kryo5_dynamic::Value;
    /// assert_eq!(Value::Bytes(vec![1]).class_name(), Some("byte[]"));
    /// ```
    #[must_use]
    pub fn class_name(&self) -> Option<&str> {
        use crate::jtype::Prim;
        Some(match self {
            Value::Bool(_) => Prim::Boolean.boxed(),
            Value::Byte(_) => Prim::Byte.boxed(),
            Value::Short(_) => Prim::Short.boxed(),
            Value::Int(_) => Prim::Int.boxed(),
            Value::Long(_) => Prim::Long.boxed(),
            Value::Float(_) => Prim::Float.boxed(),
            Value::Double(_) => Prim::Double.boxed(),
            Value::Char(_) => Prim::Char.boxed(),
            Value::String(_) => "java.lang.String",
            Value::Bytes(_) => "byte[]",
            Value::Enum { class, .. }
            | Value::Array { class, .. }
            | Value::List { class, .. }
            | Value::Map { class, .. }
            | Value::Object { class, .. }
            | Value::Jdk { class, .. } => class,
            Value::Shared { value, .. } => return value.class_name(),
            Value::Null | Value::Ref(_) => return None,
        })
    }

    /// The value shared under reference id `id` inside this value (itself
    /// included), if any.
    ///
    /// ```
    /// use kryo5_dynamic::Value;
    /// let s = Value::Shared { id: 1, value: Box::new(Value::string("x")) };
    /// let list = Value::List { class: "java.util.ArrayList".into(), items: vec![s] };
    /// assert_eq!(list.shared(1), Some(&Value::string("x")));
    /// assert_eq!(list.shared(2), None);
    /// ```
    #[must_use]
    pub fn shared(&self, id: u32) -> Option<&Value> {
        match self {
            Value::Shared { id: i, value } if *i == id => Some(value),
            Value::Shared { value, .. } => value.shared(id),
            Value::Array { items, .. } | Value::List { items, .. } => {
                items.iter().find_map(|v| v.shared(id))
            }
            Value::Map { entries, .. } => entries
                .iter()
                .find_map(|(k, v)| k.shared(id).or_else(|| v.shared(id))),
            Value::Object { fields, .. } => fields.iter().find_map(|(_, v)| v.shared(id)),
            _ => None,
        }
    }

    /// A string value from Rust text.
    ///
    /// ```
    /// use kryo5_dynamic::{JString, Value};
    /// assert_eq!(Value::string("a"), Value::String(JString::Str("a".into())));
    /// ```
    #[must_use]
    pub fn string(s: &str) -> Value {
        Value::String(JString::Str(s.into()))
    }
}
