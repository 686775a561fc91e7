//! `#[derive(Kryo)]`: implements `kryo5::KryoType` with Kryo's layouts.
//!
//! - On a struct: `FieldSerializer` (format spec 9): the fields in Java's
//!   order (by Java name, UTF-16 order), each encoded by its kind:
//!   primitives directly (`i32`/`i64` as zigzag varints unless
//!   `#[kryo(var_int = false)]`), `String` directly or as an object field
//!   (depending on references when the class was registered), other types
//!   as object fields with or without a class descriptor depending on
//!   whether the declared type is final.
//! - On a fieldless enum: `EnumSerializer` (ordinals).
//!
//! Type attributes: `#[kryo(class = "com.example.Media")]` (the Java class
//! name; default: the Rust name), `#[kryo(final)]`.
//!
//! Field attributes: `rename = "javaName"`, `not_null` (`@NotNull`),
//! `var_int = false`, `transient`/`skip`, `value_class` (the concrete type is
//! known), `open` (declared type is not final, e.g. `Object`), `raw` (no type
//! arguments), `list` (a `Vec<T>` or `Option<Vec<T>>` field declared
//! `java.util.List<T>` or `ArrayList<T>`: written as a `java.util.ArrayList`
//! without copying; the default for `Vec<T>` is a Java array); on enum
//! variants, `ordinal = n`.

mod attrs;
mod expand_enum;
mod expand_struct;
mod fields;

use proc_macro::TokenStream;
use syn::{Data, DeriveInput, parse_macro_input};

/// Derives `kryo5::KryoType`. See the crate documentation.
#[proc_macro_derive(Kryo, attributes(kryo))]
pub fn derive_kryo(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    let result = attrs::type_attrs(&input.attrs).and_then(|attrs| match &input.data {
        Data::Struct(s) => expand_struct::expand(&input, s, &attrs),
        Data::Enum(e) => expand_enum::expand(&input, e, &attrs),
        Data::Union(_) => Err(syn::Error::new_spanned(
            &input.ident,
            "Kryo cannot be derived for a union",
        )),
    });
    result.unwrap_or_else(syn::Error::into_compile_error).into()
}
