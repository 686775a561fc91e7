//! What each field is in Kryo's terms, and the order Kryo writes them in.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{GenericArgument, Generics, Ident, PathArguments, Result, Type};

use crate::attrs::{FieldAttrs, field_attrs};

/// A Java primitive type and how its field is written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Prim {
    Int,
    Long,
    Float,
    Double,
    Boolean,
    Byte,
    Char,
    Short,
}

impl Prim {
    fn of(ty: &Type) -> Option<Prim> {
        let Type::Path(p) = ty else { return None };
        let id = p.path.get_ident()?;
        Some(match id.to_string().as_str() {
            "i32" => Prim::Int,
            "i64" => Prim::Long,
            "f32" => Prim::Float,
            "f64" => Prim::Double,
            "bool" => Prim::Boolean,
            "i8" => Prim::Byte,
            "u16" => Prim::Char,
            "i16" => Prim::Short,
            _ => return None,
        })
    }
}

/// How a field is encoded (format spec 9.3).
pub(crate) enum Kind {
    /// A primitive, written directly.
    Prim(Prim),
    /// A `String` field (`optional`: `Option<String>`).
    Str { optional: bool },
    /// A field declared `Object`: `Box<dyn Object>` (`optional`: in an `Option`).
    Any { optional: bool },
    /// A `Vec<elem>` field declared `java.util.List` (`#[kryo(list)]`),
    /// possibly in an `Option`: written as a `java.util.ArrayList`.
    List { elem: Box<Type>, optional: bool },
    /// Any other type `ty`, possibly in an `Option`.
    Object {
        ty: Box<Type>,
        optional: bool,
        generic_param: bool,
    },
}

/// A serialized field.
pub(crate) struct Field {
    /// The Rust member (`self.<member>`).
    pub(crate) member: syn::Member,
    /// A local variable name for reading.
    pub(crate) local: Ident,
    /// The Java field name.
    pub(crate) java_name: String,
    pub(crate) kind: Kind,
    pub(crate) attrs: FieldAttrs,
    /// Where the field is declared (for errors).
    pub(crate) span: Span,
}

/// The serialized fields of a struct, in Kryo's order, and the skipped
/// members (read as `Default`).
pub(crate) struct Fields {
    pub(crate) fields: Vec<Field>,
    pub(crate) skipped: Vec<syn::Member>,
    pub(crate) named: bool,
    /// The `#[kryo(extends)]` member and its type: the superclass part.
    pub(crate) parent: Option<(syn::Member, Type)>,
}

fn strip_option(ty: &Type) -> Option<&Type> {
    generic_arg_of(ty, "Option")
}

fn generic_arg_of<'a>(ty: &'a Type, name: &str) -> Option<&'a Type> {
    let Type::Path(p) = ty else { return None };
    let last = p.path.segments.last()?;
    if last.ident != name {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first()? {
        GenericArgument::Type(t) if args.args.len() == 1 => Some(t),
        _ => None,
    }
}

fn is_ident(ty: &Type, name: &str) -> bool {
    matches!(ty, Type::Path(p) if p.qself.is_none() && p.path.is_ident(name))
}

/// `Box<dyn Object>` (any path ending in `Object` as the trait).
fn is_any(ty: &Type) -> bool {
    let Some(inner) = generic_arg_of(ty, "Box") else {
        return false;
    };
    let Type::TraitObject(t) = inner else {
        return false;
    };
    t.bounds.iter().any(|b| matches!(b, syn::TypeParamBound::Trait(tr) if tr.path.segments.last().is_some_and(|s| s.ident == "Object")))
}

fn kind_of(ty: &Type, generics: &Generics) -> Kind {
    let (inner, optional) = match strip_option(ty) {
        Some(t) => (t, true),
        None => (ty, false),
    };
    if !optional && let Some(p) = Prim::of(inner) {
        return Kind::Prim(p);
    }
    if is_ident(inner, "String") {
        return Kind::Str { optional };
    }
    if is_any(inner) {
        return Kind::Any { optional };
    }
    let generic_param = generics
        .type_params()
        .any(|p| is_ident(inner, &p.ident.to_string()));
    Kind::Object {
        ty: Box::new(inner.clone()),
        optional,
        generic_param,
    }
}

/// The kind of a `#[kryo(list)]` field: `Vec<T>` or `Option<Vec<T>>`.
fn list_kind(ty: &Type) -> Result<Kind> {
    let (inner, optional) = match strip_option(ty) {
        Some(t) => (t, true),
        None => (ty, false),
    };
    match generic_arg_of(inner, "Vec") {
        Some(elem) => Ok(Kind::List {
            elem: Box::new(elem.clone()),
            optional,
        }),
        None => Err(syn::Error::new_spanned(
            ty,
            "`#[kryo(list)]` applies to `Vec<T>` and `Option<Vec<T>>` fields",
        )),
    }
}

/// The `ArrayList<elem>` a `#[kryo(list)]` field is read as.
pub(crate) fn list_type(elem: &Type) -> Type {
    syn::parse_quote!(::kryo5::serializers::list::ArrayList<#elem>)
}

/// Java's field order: by name, comparing UTF-16 code units (format spec 9.2).
fn java_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// Collects and orders the fields of a struct.
pub(crate) fn collect(data: &syn::DataStruct, generics: &Generics) -> Result<Fields> {
    let named = matches!(data.fields, syn::Fields::Named(_));
    let mut fields = Vec::new();
    let mut skipped = Vec::new();
    let mut parent = None;
    for (i, f) in data.fields.iter().enumerate() {
        let attrs = field_attrs(&f.attrs)?;
        let member = match &f.ident {
            Some(id) => syn::Member::Named(id.clone()),
            None => syn::Member::Unnamed(syn::Index {
                index: i as u32,
                span: Span::call_site(),
            }),
        };
        if attrs.skip {
            skipped.push(member);
            continue;
        }
        if attrs.extends {
            if parent.is_some() {
                return Err(syn::Error::new_spanned(
                    f,
                    "only one field can be `#[kryo(extends)]`: a Java class has one superclass",
                ));
            }
            if generics.type_params().next().is_some() {
                return Err(syn::Error::new_spanned(
                    f,
                    "`#[kryo(extends)]` is not supported on a generic struct; \
                     declare the subclass with concrete types",
                ));
            }
            parent = Some((member, f.ty.clone()));
            continue;
        }
        let java_name = match (&attrs.rename, &f.ident) {
            (Some(r), _) => r.value(),
            (None, Some(id)) => id.to_string().trim_start_matches("r#").to_owned(),
            (None, None) => {
                return Err(syn::Error::new_spanned(
                    f,
                    "a tuple struct field needs `#[kryo(rename = \"javaFieldName\")]`: Kryo orders fields by their Java names",
                ));
            }
        };
        if let Some(var) = attrs.var_int
            && !var
            && !matches!(Prim::of(&f.ty), Some(Prim::Int | Prim::Long))
        {
            return Err(syn::Error::new_spanned(
                &f.ty,
                "`var_int` applies only to `i32` and `i64` fields",
            ));
        }
        let local = Ident::new(&format!("__field_{i}"), Span::call_site());
        let kind = if attrs.list {
            list_kind(&f.ty)?
        } else {
            kind_of(&f.ty, generics)
        };
        fields.push(Field {
            member,
            local,
            java_name,
            kind,
            attrs,
            span: f
                .ident
                .as_ref()
                .map_or_else(|| syn::spanned::Spanned::span(&f.ty), Ident::span),
        });
    }
    // Stable: fields with equal names keep declaration order.
    fields.sort_by(|a, b| java_order(&a.java_name, &b.java_name));
    for w in fields.windows(2) {
        if w[0].java_name == w[1].java_name {
            return Err(syn::Error::new(
                w[1].span,
                format!(
                    "two fields are named `{}` in Java: rename one with #[kryo(rename = \"...\")]",
                    w[0].java_name
                ),
            ));
        }
    }
    Ok(Fields {
        fields,
        skipped,
        named,
        parent,
    })
}

/// The `kryo5::field::Field` describing an object field.
pub(crate) fn field_spec(f: &Field, ty: &Type, generic_param: bool) -> TokenStream {
    field_spec_of(f, ty, generic_param, &quote!(::kryo5::KryoType))
}

/// [`field_spec`] with the type's static facts from trait `tr`
/// (`KryoType`, or `BorrowType<'a>` for a borrowing type).
pub(crate) fn field_spec_of(
    f: &Field,
    ty: &Type,
    generic_param: bool,
    tr: &TokenStream,
) -> TokenStream {
    let known = if f.attrs.open {
        quote!(false)
    } else if f.attrs.value_class {
        quote!(true)
    } else if generic_param {
        // A type variable resolves only through the position's generics.
        quote!(args && <#ty as #tr>::FINAL)
    } else {
        quote!(<#ty as #tr>::FINAL)
    };
    let can_be_null = !f.attrs.not_null;
    let args = if f.attrs.raw {
        quote!(false)
    } else if generic_param {
        quote!(args)
    } else {
        quote!(true)
    };
    // Java writes a field declared `String` directly when its class says so;
    // a field declared with a type variable is an object even when the
    // variable is `String`.
    let direct = if generic_param {
        quote!(false)
    } else {
        quote!(direct)
    };
    quote!(::kryo5::field::Field::new(#known, #can_be_null, #args).with_direct_strings(#direct))
}
