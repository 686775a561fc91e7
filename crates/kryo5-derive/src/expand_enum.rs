//! `#[derive(Kryo)]` on a fieldless enum: Kryo's `EnumSerializer`
//! (`uvarint(ordinal + 1)`, null `00`, no references; format spec 8.7),
//! and `JavaEnum` (the constants by ordinal, for `EnumSet`).

use proc_macro2::TokenStream;
use quote::quote;
use syn::{DeriveInput, Result};

use crate::attrs::{TypeAttrs, field_attrs};

pub(crate) fn expand(
    input: &DeriveInput,
    data: &syn::DataEnum,
    attrs: &TypeAttrs,
) -> Result<TokenStream> {
    let name = &input.ident;
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(
            &input.generics,
            "a Java enum cannot be generic",
        ));
    }
    let class = attrs
        .class
        .as_ref()
        .map_or_else(|| name.to_string(), syn::LitStr::value);
    // Java enums are final unless their constants have bodies.
    let is_final = attrs.is_final.unwrap_or(true);
    let mut variants = Vec::new();
    let mut names = Vec::new();
    let mut next = 0u32;
    for v in &data.variants {
        if !matches!(v.fields, syn::Fields::Unit) {
            return Err(syn::Error::new_spanned(
                v,
                "a Java enum maps to a Rust enum of unit variants only",
            ));
        }
        let a = field_attrs(&v.attrs)?;
        let ordinal = a.ordinal.unwrap_or(next);
        next = ordinal + 1;
        let java_name = a
            .rename
            .as_ref()
            .map_or_else(|| screaming_snake(&v.ident.to_string()), syn::LitStr::value);
        variants.push((&v.ident, ordinal));
        names.push(java_name);
    }
    let writes = variants.iter().map(|(id, ord)| {
        let code = *ord as i32 + 1;
        quote!(Self::#id => #code)
    });
    let copies = variants
        .iter()
        .map(|(id, _)| quote!(Self::#id => Self::#id));
    let constants = variants.iter().map(|(_, ord)| ord + 1).max().unwrap_or(0);
    let idents: Vec<_> = variants.iter().map(|(id, _)| *id).collect();
    let ordinals = variants.iter().map(|(id, ord)| quote!(Self::#id => #ord));
    let from_ordinals = variants
        .iter()
        .map(|(id, ord)| quote!(#ord => ::core::option::Option::Some(Self::#id)));
    let reads = variants.iter().map(|(id, ord)| {
        let code = *ord + 1;
        quote!(#code => ::core::result::Result::Ok(::core::option::Option::Some(Self::#id)))
    });
    Ok(quote! {
        impl ::kryo5::serializers::enum_set::JavaEnum for #name {
            const CONSTANTS: u32 = #constants;
            fn ordinal(&self) -> u32 {
                match self { #(#ordinals,)* }
            }
            fn name(&self) -> &'static str {
                match self { #(Self::#idents => #names,)* }
            }
            fn from_name(name: &str) -> ::core::option::Option<Self> {
                match name {
                    #(#names => ::core::option::Option::Some(Self::#idents),)*
                    _ => ::core::option::Option::None,
                }
            }
            fn from_ordinal(ordinal: u32) -> ::core::option::Option<Self> {
                match ordinal {
                    #(#from_ordinals,)*
                    _ => ::core::option::Option::None,
                }
            }
        }

        impl ::kryo5::KryoType for #name {
            fn java_class() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(#class)
            }
            ::kryo5::type_slot_fn!();
            const FINAL: bool = #is_final;
            const REFERENCES: bool = false;
            const NULL: ::core::option::Option<::kryo5::NullForm> = ::core::option::Option::Some(::kryo5::NullForm::Zero);
            const IMMUTABLE: bool = true;

            fn copy(&self, _: &mut ::kryo5::Kryo) -> ::kryo5::Result<Self> {
                ::core::result::Result::Ok(match self { #(#copies,)* })
            }

            fn write<__O: ::kryo5::Out + ?Sized>(&self, _: &mut ::kryo5::Kryo, out: &mut __O, _: bool) -> ::kryo5::Result<()> {
                let code: i32 = match self { #(#writes,)* };
                out.write_var_int(code, true)?;
                ::core::result::Result::Ok(())
            }

            fn read<'de, __I: ::kryo5::In<'de> + ?Sized>(kryo: &mut ::kryo5::Kryo, input: &mut __I, args: bool) -> ::kryo5::Result<Self> {
                let at = input.total();
                Self::read_nullable(kryo, input, args)?.ok_or_else(|| {
                    ::kryo5::Error::new(::kryo5::ErrorKind::UnexpectedNull(#class)).at(at)
                })
            }

            fn read_nullable<'de, __I: ::kryo5::In<'de> + ?Sized>(_: &mut ::kryo5::Kryo, input: &mut __I, _: bool) -> ::kryo5::Result<::core::option::Option<Self>> {
                let at = input.total();
                match input.read_var_int(true)? as u32 {
                    0 => ::core::result::Result::Ok(::core::option::Option::None),
                    #(#reads,)*
                    n => ::core::result::Result::Err(::kryo5::Error::new(::kryo5::ErrorKind::BadOrdinal { class: #class, ordinal: n - 1 }).at(at)),
                }
            }
        }
    })
}

/// A Rust variant name in Java's constant style: `DarkRed` -> `DARK_RED`,
/// `Http2` -> `HTTP2`.
fn screaming_snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    let mut prev_lower = false;
    for c in name.chars() {
        if c.is_uppercase() && prev_lower {
            out.push('_');
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        out.extend(c.to_uppercase());
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn variant_names_become_java_constant_names() {
        for (rust, java) in [
            ("Red", "RED"),
            ("DarkRed", "DARK_RED"),
            ("Http2", "HTTP2"),
            ("Http2Server", "HTTP2_SERVER"),
            ("ABC", "ABC"),
            ("Été", "ÉTÉ"),
        ] {
            assert_eq!(super::screaming_snake(rust), java);
        }
    }
}
