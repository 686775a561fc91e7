//! `#[derive(Kryo)]` on a struct with a lifetime parameter: a zero-copy
//! read (`kryo5::borrow::BorrowType`) in `FieldSerializer`'s layout. Fields
//! whose type names the lifetime are read borrowed; the others as their
//! owned `KryoType`, exactly as `expand_struct` reads them.

use proc_macro2::{TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::{DeriveInput, Lifetime, Result, Type};

use crate::attrs::TypeAttrs;
use crate::expand_struct::{construct, read_value, traced, write_field};
use crate::fields::{Field, Kind, collect, field_spec_of};

pub(crate) fn expand(
    input: &DeriveInput,
    data: &syn::DataStruct,
    attrs: &TypeAttrs,
) -> Result<TokenStream> {
    let name = &input.ident;
    let g = &input.generics;
    let mut lifetimes = g.lifetimes();
    let lt = match (lifetimes.next(), lifetimes.next(), g.type_params().next()) {
        (Some(l), None, None) if g.const_params().next().is_none() => l.lifetime.clone(),
        _ => {
            return Err(syn::Error::new_spanned(
                g,
                "a borrowed struct (one deriving Kryo with a lifetime) takes exactly one \
                 lifetime parameter and no type or const parameters",
            ));
        }
    };
    if attrs.record {
        return Err(syn::Error::new_spanned(
            name,
            "`record` is not supported on a borrowed struct; read the record owned",
        ));
    }
    let class = attrs
        .class
        .as_ref()
        .map_or_else(|| name.to_string(), syn::LitStr::value);
    let is_final = attrs.is_final.unwrap_or(false);
    let fields = collect(data, g)?;
    if let Some((m, _)) = &fields.parent {
        return Err(syn::Error::new_spanned(
            m,
            "`extends` is not supported on a borrowed struct; read the hierarchy owned",
        ));
    }
    let writes = fields.fields.iter().map(|f| match borrowed_write(f, &lt) {
        Some(e) => {
            let e = traced(f, &class, e);
            quote!(#e;)
        }
        None => write_field(f, &class),
    });
    let reads = fields.fields.iter().map(|f| {
        let local = &f.local;
        let e = traced(
            f,
            &class,
            borrowed_value(f, &lt).unwrap_or_else(|| read_value(f)),
        );
        quote!(let #local = #e;)
    });
    let members: Vec<syn::Member> = fields.fields.iter().map(|f| f.member.clone()).collect();
    let locals: Vec<syn::Ident> = fields.fields.iter().map(|f| f.local.clone()).collect();
    let construct = construct(fields.named, &members, &locals, &fields.skipped);
    let (impl_g, ty_g, where_g) = g.split_for_impl();
    let unsupported =
        format!("{class} as a borrowed struct: borrowed structs use FieldSerializer's layout only");
    let field_only = quote! {
        if kryo.default_serializer() != ::kryo5::DefaultSerializer::Field {
            return ::core::result::Result::Err(::kryo5::Error::new(
                ::kryo5::ErrorKind::Unsupported(::std::string::String::from(#unsupported)),
            ));
        }
        let direct = kryo.strings_direct_borrowed::<Self>();
    };
    Ok(quote! {
        impl #impl_g ::kryo5::borrow::BorrowType<#lt> for #name #ty_g #where_g {
            type Key = #name<'static>;
            fn java_class() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(#class)
            }
            const FINAL: bool = #is_final;
            ::kryo5::type_slot_fn!();

            #[allow(unused_variables)]
            fn write<__O: ::kryo5::Out + ?Sized>(
                &self,
                kryo: &mut ::kryo5::Kryo,
                out: &mut __O,
                args: bool,
            ) -> ::kryo5::Result<()> {
                #field_only
                #(#writes)*
                ::core::result::Result::Ok(())
            }

            #[allow(unused_variables)]
            fn read<__I: ::kryo5::In<#lt> + ?Sized>(
                kryo: &mut ::kryo5::Kryo,
                input: &mut __I,
                args: bool,
            ) -> ::kryo5::Result<Self> {
                #field_only
                #(#reads)*
                ::core::result::Result::Ok(#construct)
            }
        }
    })
}

/// Whether `ty` names a lifetime (and so is read borrowed).
fn borrows(ty: &Type) -> bool {
    fn any_lifetime(ts: TokenStream) -> bool {
        ts.into_iter().any(|t| match t {
            TokenTree::Punct(p) => p.as_char() == '\'',
            TokenTree::Group(g) => any_lifetime(g.stream()),
            _ => false,
        })
    }
    any_lifetime(ty.to_token_stream())
}

/// The expression reading a field of a borrowing type (`None`: the field
/// is owned, read as `expand_struct` reads it).
fn borrowed_value(f: &Field, lt: &Lifetime) -> Option<TokenStream> {
    let tr = quote!(::kryo5::borrow::BorrowType<#lt>);
    match &f.kind {
        Kind::Object { ty, optional, .. } if borrows(ty) => {
            let spec = field_spec_of(f, ty, false, &tr);
            Some(if *optional {
                quote!(::kryo5::borrow::read::<#ty, _>(kryo, input, #spec))
            } else {
                quote!(::kryo5::borrow::read_required::<#ty, _>(kryo, input, #spec))
            })
        }
        Kind::List { elem, optional } if borrows(elem) => {
            let ty: Type = syn::parse_quote!(::kryo5::borrow::ArrayListRef<#elem>);
            let spec = field_spec_of(f, &ty, false, &tr);
            Some(if *optional {
                quote!(::kryo5::borrow::read::<#ty, _>(kryo, input, #spec).map(|l| l.map(|l| l.0)))
            } else {
                quote!(::kryo5::borrow::read_required::<#ty, _>(kryo, input, #spec).map(|l| l.0))
            })
        }
        _ => None,
    }
}

/// The expression writing a field of a borrowing type (`None`: the field
/// is owned, written as `expand_struct` writes it).
fn borrowed_write(f: &Field, lt: &Lifetime) -> Option<TokenStream> {
    let tr = quote!(::kryo5::borrow::BorrowType<#lt>);
    let m = &f.member;
    match &f.kind {
        Kind::Object { ty, optional, .. } if borrows(ty) => {
            let spec = field_spec_of(f, ty, false, &tr);
            let value = if *optional {
                quote!(self.#m.as_ref())
            } else {
                quote!(::core::option::Option::Some(&self.#m))
            };
            Some(quote!(::kryo5::borrow::write::<#ty, _>(kryo, out, #value, #spec)))
        }
        Kind::List { elem, optional } if borrows(elem) => {
            let ty: Type = syn::parse_quote!(::kryo5::borrow::ArrayListRef<#elem>);
            let spec = field_spec_of(f, &ty, false, &tr);
            let value = if *optional {
                quote!(self.#m.as_deref())
            } else {
                quote!(::core::option::Option::Some(&self.#m[..]))
            };
            Some(quote!(::kryo5::borrow::write_list_field(kryo, out, #value, #spec)))
        }
        _ => None,
    }
}
