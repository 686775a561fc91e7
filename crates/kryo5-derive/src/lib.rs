//! `#[derive(Kryo)]`: implements `kryo5::KryoType` with Kryo's layouts.
//!
//! - On a struct: `FieldSerializer` (format spec 9): the fields in Java's
//!   order (by Java name, UTF-16 order), each encoded by its kind:
//!   primitives directly (`i32`/`i64` as zigzag varints unless
//!   `#[kryo(var_int = false)]`), `String` directly or as an object field
//!   (depending on references when the class was registered), other types
//!   as object fields with or without a class descriptor depending on
//!   whether the declared type is final.
//! - On a fieldless enum: `EnumSerializer` (ordinals), and
//!   `kryo5::serializers::enum_set::JavaEnum` so the enum can be an
//!   `EnumSet` element.
//!
//! Type attributes: `#[kryo(class = "com.example.Media")]` (the Java class
//! name; default: the Rust name), `#[kryo(final)]`, `#[kryo(record)]` (a
//! Java record: `RecordSerializer`'s layout, format spec 8.21; final).
//!
//! A struct follows Kryo's default serializer (`Kryo::set_default_serializer`):
//! `FieldSerializer`, or the compatible, tagged or version serializer, which
//! read the field attributes `tag = n` (`@Tag(n)`), `deprecated`
//! (`@Deprecated`) and `since = n` (`@Since(n)`).
//!
//! Field attributes: `rename = "javaName"`, `not_null` (`@NotNull`),
//! `var_int = false`, `transient`/`skip`, `value_class` (the concrete type is
//! known), `open` (declared type is not final, e.g. `Object`), `raw` (no type
//! arguments), `list` (a `Vec<T>` or `Option<Vec<T>>` field declared
//! `java.util.List<T>` or `ArrayList<T>`: written as a `java.util.ArrayList`
//! without copying; the default for `Vec<T>` is a Java array), `extends`
//! (see below); on enum variants, `ordinal = n`.
//!
//! Class hierarchies: a Java subclass is a struct holding its superclass
//! part (itself a derived struct) in a field marked `#[kryo(extends)]`.
//! Java sorts the fields of the whole hierarchy together, so the derive
//! merges both name lists at compile time and interleaves them (format spec
//! 9.2); type variables of the superclass count as resolved, as Java
//! resolves them from the `extends` clause (spec 9.4). Such a struct is read
//! into `Default::default()` field by field, so it (and its parts)
//! implement `Default`; it cannot be generic.
//!
//! ```text
//! #[derive(Kryo, Clone, Debug, Default)]
//! #[kryo(class = "com.example.Dog")]
//! struct Dog {
//!     #[kryo(extends)]
//!     animal: Animal, // com.example.Animal's fields
//!     name: Option<String>,
//! }
//! ```
//!
//! Zero-copy structs: on a struct with one lifetime parameter the derive
//! implements `kryo5::borrow::BorrowType<'a>` instead (same layout, same
//! attributes but `record` and `extends`): fields whose type names the
//! lifetime (`StrRef<'a>`, `Cow<'a, str>`, `&'a str`, `&'a [u8]`, `Vec`s
//! of them or of borrowed structs) are read borrowed from the input, the
//! others as their owned `KryoType`.
//!
//! Misuse is a compile error that says what to change (tested with
//! trybuild in `crates/kryo5/tests/ui/`).

mod attrs;
mod expand_borrow;
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
        Data::Struct(s) if input.generics.lifetimes().next().is_some() => {
            expand_borrow::expand(&input, s, &attrs)
        }
        Data::Struct(s) => expand_struct::expand(&input, s, &attrs),
        Data::Enum(e) => expand_enum::expand(&input, e, &attrs),
        Data::Union(_) => Err(syn::Error::new_spanned(
            &input.ident,
            "Kryo cannot be derived for a union",
        )),
    });
    result.unwrap_or_else(syn::Error::into_compile_error).into()
}
