//! Java types in source syntax (`int`, `String[]`,
//! `java.util.Map<String, java.lang.Integer>`), as schema fields declare
//! them.

use std::borrow::Cow;
use std::fmt;

/// A Java primitive type.
///
/// ```
/// use kryo5_dynamic::Prim;
/// assert_eq!(Prim::from_name("int"), Some(Prim::Int));
/// assert_eq!(Prim::Int.boxed(), "java.lang.Integer");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prim {
    /// `boolean`.
    Boolean,
    /// `byte`.
    Byte,
    /// `short`.
    Short,
    /// `char`.
    Char,
    /// `int`.
    Int,
    /// `long`.
    Long,
    /// `float`.
    Float,
    /// `double`.
    Double,
}

/// Each primitive: source name, wrapper class, JVM array descriptor letter.
const PRIMS: [(Prim, &str, &str, char); 8] = [
    (Prim::Boolean, "boolean", "java.lang.Boolean", 'Z'),
    (Prim::Byte, "byte", "java.lang.Byte", 'B'),
    (Prim::Short, "short", "java.lang.Short", 'S'),
    (Prim::Char, "char", "java.lang.Character", 'C'),
    (Prim::Int, "int", "java.lang.Integer", 'I'),
    (Prim::Long, "long", "java.lang.Long", 'J'),
    (Prim::Float, "float", "java.lang.Float", 'F'),
    (Prim::Double, "double", "java.lang.Double", 'D'),
];

impl Prim {
    fn row(self) -> &'static (Prim, &'static str, &'static str, char) {
        PRIMS.iter().find(|r| r.0 == self).unwrap_or(&PRIMS[0])
    }

    /// The primitive named `name` in source syntax.
    ///
    /// ```
    /// assert_eq!(kryo5_dynamic::Prim::from_name("Integer"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<Prim> {
        PRIMS.iter().find(|r| r.1 == name).map(|r| r.0)
    }

    /// The primitive whose wrapper class is `class` (`java.lang.Integer`).
    ///
    /// ```
    /// use kryo5_dynamic::Prim;
    /// assert_eq!(Prim::from_boxed("java.lang.Long"), Some(Prim::Long));
    /// ```
    #[must_use]
    pub fn from_boxed(class: &str) -> Option<Prim> {
        PRIMS.iter().find(|r| r.2 == class).map(|r| r.0)
    }

    /// The source name (`int`).
    ///
    /// ```
    /// assert_eq!(kryo5_dynamic::Prim::Char.name(), "char");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        self.row().1
    }

    /// The wrapper class (`java.lang.Integer`).
    ///
    /// ```
    /// assert_eq!(kryo5_dynamic::Prim::Char.boxed(), "java.lang.Character");
    /// ```
    #[must_use]
    pub fn boxed(self) -> &'static str {
        self.row().2
    }

    fn descriptor(self) -> char {
        self.row().3
    }

    fn from_descriptor(c: char) -> Option<Prim> {
        PRIMS.iter().find(|r| r.3 == c).map(|r| r.0)
    }
}

/// A declared Java type.
///
/// ```
/// use kryo5_dynamic::JType;
/// let t = JType::parse("java.util.Map<String, int[]>")?;
/// assert_eq!(t.to_string(), "java.util.Map<java.lang.String, int[]>");
/// # Ok::<(), String>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JType {
    /// A primitive.
    Prim(Prim),
    /// A class (boxed types, `String` and `Object` with `java.lang.`),
    /// with its type arguments.
    Class(String, Vec<JType>),
    /// An array of the component type.
    Array(Box<JType>),
    /// A type variable of the enclosing class (`T`).
    Var(String),
}

impl JType {
    /// `java.lang.Object`.
    ///
    /// ```
    /// assert_eq!(kryo5_dynamic::JType::object().to_string(), "java.lang.Object");
    /// ```
    #[must_use]
    pub fn object() -> JType {
        JType::Class("java.lang.Object".into(), Vec::new())
    }

    /// Parses source syntax; names in `vars` are type variables.
    ///
    /// # Errors
    /// A message saying what is malformed.
    ///
    /// ```
    /// use kryo5_dynamic::JType;
    /// assert!(JType::parse("List<").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<JType, String> {
        Self::parse_with(text, &[])
    }

    /// [`JType::parse`] with the type variables `vars` in scope.
    ///
    /// # Errors
    /// A message saying what is malformed.
    ///
    /// ```
    /// use kryo5_dynamic::JType;
    /// let t = JType::parse_with("java.util.List<T>", &["T".into()])?;
    /// assert_eq!(t, JType::Class("java.util.List".into(), vec![JType::Var("T".into())]));
    /// # Ok::<(), String>(())
    /// ```
    pub fn parse_with(text: &str, vars: &[String]) -> Result<JType, String> {
        let mut p = Parser {
            s: text.as_bytes(),
            i: 0,
            vars,
        };
        let t = p.ty()?;
        p.ws();
        if p.i != p.s.len() {
            return Err(format!("unexpected {:?} in type {text:?}", &text[p.i..]));
        }
        Ok(t)
    }

    /// A class name in schema or wire form (`int[]`, `[I`,
    /// `[Ljava.lang.String;`, `String`) as a type without arguments.
    ///
    /// ```
    /// use kryo5_dynamic::JType;
    /// assert_eq!(JType::from_class_name("[I").unwrap().to_string(), "int[]");
    /// ```
    #[must_use]
    pub fn from_class_name(name: &str) -> Option<JType> {
        if let Some(rest) = name.strip_prefix('[') {
            let comp = if let Some(c) = rest.strip_prefix('L') {
                JType::Class(qualify(c.strip_suffix(';')?), Vec::new())
            } else if rest.starts_with('[') {
                JType::from_class_name(rest)?
            } else {
                let mut cs = rest.chars();
                let p = Prim::from_descriptor(cs.next()?)?;
                if cs.next().is_some() {
                    return None;
                }
                JType::Prim(p)
            };
            return Some(JType::Array(Box::new(comp)));
        }
        JType::parse(name).ok()
    }

    /// The JVM name of this type's class (`Class.getName()`): `[I` for
    /// `int[]`, the class name otherwise.
    ///
    /// ```
    /// use kryo5_dynamic::JType;
    /// assert_eq!(JType::parse("String[][]").unwrap().jvm_name(), "[[Ljava.lang.String;");
    /// ```
    #[must_use]
    pub fn jvm_name(&self) -> String {
        match self {
            JType::Prim(p) => p.name().into(),
            JType::Class(n, _) => n.clone(),
            JType::Var(_) => "java.lang.Object".into(),
            JType::Array(c) => match &**c {
                JType::Prim(p) => format!("[{}", p.descriptor()),
                JType::Array(_) => format!("[{}", c.jvm_name()),
                other => format!("[L{};", other.jvm_name()),
            },
        }
    }

    /// The class name in schema form (`int[]`, `java.lang.String`), without
    /// type arguments.
    ///
    /// ```
    /// use kryo5_dynamic::JType;
    /// assert_eq!(JType::parse("java.util.List<String>").unwrap().raw_name(), "java.util.List");
    /// ```
    #[must_use]
    pub fn raw_name(&self) -> String {
        self.raw_name_ref().into_owned()
    }

    /// [`JType::raw_name`], borrowed where the type holds it.
    pub(crate) fn raw_name_ref(&self) -> Cow<'_, str> {
        match self {
            JType::Class(n, _) => Cow::Borrowed(n),
            JType::Array(c) => Cow::Owned(format!("{}[]", c.raw_name_ref())),
            JType::Prim(p) => Cow::Borrowed(p.name()),
            JType::Var(_) => Cow::Borrowed("java.lang.Object"),
        }
    }

    /// The type arguments (none for arrays, primitives, variables).
    #[must_use]
    pub fn args(&self) -> &[JType] {
        match self {
            JType::Class(_, a) => a,
            _ => &[],
        }
    }
}

impl fmt::Display for JType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JType::Prim(p) => f.write_str(p.name()),
            JType::Var(v) => f.write_str(v),
            JType::Array(c) => write!(f, "{c}[]"),
            JType::Class(n, args) => {
                f.write_str(n)?;
                if !args.is_empty() {
                    let a: Vec<String> = args.iter().map(ToString::to_string).collect();
                    write!(f, "<{}>", a.join(", "))?;
                }
                Ok(())
            }
        }
    }
}

/// `java.lang.` for the names Java code writes without it.
fn qualify(name: &str) -> String {
    const LANG: [&str; 10] = [
        "String",
        "Object",
        "Integer",
        "Long",
        "Short",
        "Byte",
        "Boolean",
        "Character",
        "Float",
        "Double",
    ];
    if LANG.contains(&name) {
        format!("java.lang.{name}")
    } else {
        name.to_owned()
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    vars: &'a [String],
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.s.get(self.i).is_some_and(u8::is_ascii_whitespace) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        let hit = self.s.get(self.i) == Some(&c);
        self.i += usize::from(hit);
        hit
    }

    fn ty(&mut self) -> Result<JType, String> {
        self.ws();
        let start = self.i;
        while self.s.get(self.i).is_some_and(|&c| {
            c.is_ascii_alphanumeric() || matches!(c, b'.' | b'$' | b'_') || c >= 0x80
        }) {
            self.i += 1;
        }
        let name = std::str::from_utf8(&self.s[start..self.i]).map_err(|e| e.to_string())?;
        if name.is_empty() {
            return Err(format!("expected a type name at character {start}"));
        }
        let mut t = if let Some(p) = Prim::from_name(name) {
            JType::Prim(p)
        } else if self.vars.iter().any(|v| v == name) {
            JType::Var(name.into())
        } else {
            let mut args = Vec::new();
            if self.eat(b'<') {
                loop {
                    args.push(self.ty()?);
                    if self.eat(b'>') {
                        break;
                    }
                    if !self.eat(b',') {
                        return Err(format!("expected ',' or '>' at character {}", self.i));
                    }
                }
            }
            JType::Class(qualify(name), args)
        };
        while self.eat(b'[') {
            if !self.eat(b']') {
                return Err(format!("expected ']' at character {}", self.i));
            }
            t = JType::Array(Box::new(t));
        }
        Ok(t)
    }
}
