//! `#[derive(Kryo)]` on a struct: Kryo's `FieldSerializer` layout.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{DeriveInput, Result};

use crate::attrs::TypeAttrs;
use crate::fields::{Field, Kind, Prim, collect, field_spec, list_type};

pub(crate) fn expand(
    input: &DeriveInput,
    data: &syn::DataStruct,
    attrs: &TypeAttrs,
) -> Result<TokenStream> {
    let name = &input.ident;
    let class = attrs
        .class
        .as_ref()
        .map_or_else(|| name.to_string(), syn::LitStr::value);
    let is_final = attrs.is_final.unwrap_or(false);
    let fields = collect(data, &input.generics)?;

    let mut generics = input.generics.clone();
    for p in generics.type_params_mut() {
        p.bounds.push(syn::parse_quote!(::kryo5::KryoType));
    }
    let (impl_g, ty_g, where_g) = generics.split_for_impl();

    let writes = fields.fields.iter().map(|f| write_field(f, &class));
    let reads = fields.fields.iter().map(|f| read_field(f, &class));
    let read_intos = fields.fields.iter().map(|f| read_field_into(f, &class));
    let copies = fields.fields.iter().map(|f| copy_field(f, &class));
    let members: Vec<_> = fields.fields.iter().map(|f| &f.member).collect();
    let locals: Vec<_> = fields.fields.iter().map(|f| &f.local).collect();
    let skipped = &fields.skipped;
    let construct = if fields.named {
        quote!(Self { #(#members: #locals,)* #(#skipped: ::core::default::Default::default(),)* })
    } else {
        let mut slots: Vec<(usize, TokenStream)> = fields
            .fields
            .iter()
            .map(|f| {
                (member_index(&f.member), {
                    let l = &f.local;
                    quote!(#l)
                })
            })
            .chain(
                skipped
                    .iter()
                    .map(|m| (member_index(m), quote!(::core::default::Default::default()))),
            )
            .collect();
        slots.sort_by_key(|(i, _)| *i);
        let values = slots.into_iter().map(|(_, v)| v);
        quote!(Self( #(#values,)* ))
    };

    Ok(quote! {
        impl #impl_g ::kryo5::KryoType for #name #ty_g #where_g {
            fn java_class() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(#class)
            }
            const FINAL: bool = #is_final;

            #[allow(unused_variables)]
            fn write<__O: ::kryo5::Out + ?Sized>(
                &self,
                kryo: &mut ::kryo5::Kryo,
                out: &mut __O,
                args: bool,
            ) -> ::kryo5::Result<()> {
                let direct = kryo.strings_direct::<Self>();
                #(#writes)*
                ::core::result::Result::Ok(())
            }

            #[allow(unused_variables)]
            fn read<'de, __I: ::kryo5::In<'de> + ?Sized>(
                kryo: &mut ::kryo5::Kryo,
                input: &mut __I,
                args: bool,
            ) -> ::kryo5::Result<Self> {
                let direct = kryo.strings_direct::<Self>();
                #(#reads)*
                ::core::result::Result::Ok(#construct)
            }

            #[allow(unused_variables)]
            fn read_into<'de, __I: ::kryo5::In<'de> + ?Sized>(
                &mut self,
                kryo: &mut ::kryo5::Kryo,
                input: &mut __I,
                args: bool,
            ) -> ::kryo5::Result<()> {
                let direct = kryo.strings_direct::<Self>();
                #(#read_intos)*
                ::core::result::Result::Ok(())
            }

            #[allow(unused_variables)]
            fn copy(&self, kryo: &mut ::kryo5::Kryo) -> ::kryo5::Result<Self> {
                #(#copies)*
                ::core::result::Result::Ok(#construct)
            }
        }
    })
}

fn member_index(m: &syn::Member) -> usize {
    match m {
        syn::Member::Unnamed(i) => i.index as usize,
        syn::Member::Named(_) => 0,
    }
}

/// Adds the field to an error's trace.
fn traced(f: &Field, class: &str, expr: TokenStream) -> TokenStream {
    let name = &f.java_name;
    quote!((#expr).map_err(|e| ::kryo5::Error::from(e).in_field(#name, #class))?)
}

fn write_field(f: &Field, class: &str) -> TokenStream {
    let m = &f.member;
    let var = f.attrs.var_int.unwrap_or(true);
    let expr = match &f.kind {
        Kind::Prim(p) => match p {
            Prim::Int if var => quote!(out.write_var_int(self.#m, false).map(drop)),
            Prim::Int => quote!(out.write_int(self.#m)),
            Prim::Long if var => quote!(out.write_var_long(self.#m, false).map(drop)),
            Prim::Long => quote!(out.write_long(self.#m)),
            Prim::Float => quote!(out.write_float(self.#m)),
            Prim::Double => quote!(out.write_double(self.#m)),
            Prim::Boolean => quote!(out.write_boolean(self.#m)),
            Prim::Byte => quote!(out.write_byte(self.#m as u8)),
            Prim::Char => quote!(out.write_char(self.#m)),
            Prim::Short => quote!(out.write_short(self.#m)),
        },
        Kind::Str { optional } => {
            let value = if *optional {
                quote!(self.#m.as_ref())
            } else {
                quote!(::core::option::Option::Some(&self.#m))
            };
            let can_be_null = !f.attrs.not_null;
            if f.attrs.open {
                quote!(::kryo5::field::write(kryo, out, #value, ::kryo5::field::Field::new(false, true, false)))
            } else {
                quote!(::kryo5::field::write_string(kryo, out, #value, direct, #can_be_null))
            }
        }
        Kind::Any { optional } => {
            let value = if *optional {
                quote!(self.#m.as_deref())
            } else {
                quote!(::core::option::Option::Some(&*self.#m))
            };
            quote!(::kryo5::field::write_any(kryo, out, #value))
        }
        Kind::Object {
            ty,
            optional,
            generic_param,
        } => {
            let spec = field_spec(f, ty, *generic_param);
            let value = if *optional {
                quote!(self.#m.as_ref())
            } else {
                quote!(::core::option::Option::Some(&self.#m))
            };
            quote!(::kryo5::field::write::<#ty, _>(kryo, out, #value, #spec))
        }
        Kind::List { elem, optional } => {
            let spec = field_spec(f, &list_type(elem), false);
            let value = if *optional {
                quote!(self.#m.as_deref())
            } else {
                quote!(::core::option::Option::Some(&self.#m[..]))
            };
            quote!(::kryo5::serializers::list::write_vec_field(kryo, out, #value, #spec))
        }
    };
    let e = traced(f, class, expr);
    quote!(#e;)
}

/// The expression reading the field's value (of the field's Rust type).
fn read_value(f: &Field) -> TokenStream {
    let var = f.attrs.var_int.unwrap_or(true);
    match &f.kind {
        Kind::Prim(p) => match p {
            Prim::Int if var => quote!(input.read_var_int(false)),
            Prim::Int => quote!(input.read_int()),
            Prim::Long if var => quote!(input.read_var_long(false)),
            Prim::Long => quote!(input.read_long()),
            Prim::Float => quote!(input.read_float()),
            Prim::Double => quote!(input.read_double()),
            Prim::Boolean => quote!(input.read_boolean()),
            Prim::Byte => quote!(input.read_byte().map(|b| b as i8)),
            Prim::Char => quote!(input.read_char()),
            Prim::Short => quote!(input.read_short()),
        },
        Kind::Str { optional } => {
            let can_be_null = !f.attrs.not_null;
            let spec = if f.attrs.open {
                quote!(::kryo5::field::Field::new(false, true, false))
            } else {
                quote!(::kryo5::field::Field::new(true, #can_be_null, false))
            };
            match (optional, f.attrs.open) {
                (true, false) => quote!(if direct {
                    input.read_string().map_err(::kryo5::Error::from)
                } else {
                    ::kryo5::field::read::<::std::string::String, _>(kryo, input, #spec)
                }),
                (false, false) => quote!({
                    let mut s = ::std::string::String::new();
                    ::kryo5::field::read_string_required(kryo, input, &mut s, direct, #can_be_null).map(|()| s)
                }),
                (true, true) => {
                    quote!(::kryo5::field::read::<::std::string::String, _>(kryo, input, #spec))
                }
                (false, true) => {
                    quote!(::kryo5::field::read_required::<::std::string::String, _>(kryo, input, #spec))
                }
            }
        }
        Kind::Any { optional: true } => quote!(::kryo5::field::read_any(kryo, input)),
        Kind::Any { optional: false } => {
            quote!(::kryo5::field::read_any(kryo, input).and_then(|v| {
                v.ok_or_else(|| {
                    ::kryo5::Error::new(::kryo5::ErrorKind::UnexpectedNull("java.lang.Object"))
                })
            }))
        }
        Kind::Object {
            ty,
            optional,
            generic_param,
        } => {
            let spec = field_spec(f, ty, *generic_param);
            if *optional {
                quote!(::kryo5::field::read::<#ty, _>(kryo, input, #spec))
            } else {
                quote!(::kryo5::field::read_required::<#ty, _>(kryo, input, #spec))
            }
        }
        Kind::List { elem, optional } => {
            let ty = list_type(elem);
            let spec = field_spec(f, &ty, false);
            if *optional {
                quote!(::kryo5::field::read::<#ty, _>(kryo, input, #spec).map(|l| l.map(|l| l.0)))
            } else {
                quote!(::kryo5::field::read_required::<#ty, _>(kryo, input, #spec).map(|l| l.0))
            }
        }
    }
}

fn read_field(f: &Field, class: &str) -> TokenStream {
    let local = &f.local;
    let e = traced(f, class, read_value(f));
    quote!(let #local = #e;)
}

fn read_field_into(f: &Field, class: &str) -> TokenStream {
    let m = &f.member;
    if let Kind::Str { optional: false } = f.kind
        && !f.attrs.open
    {
        let can_be_null = !f.attrs.not_null;
        let e = traced(
            f,
            class,
            quote!(::kryo5::field::read_string_required(kryo, input, &mut self.#m, direct, #can_be_null)),
        );
        return quote!(#e;);
    }
    let e = traced(f, class, read_value(f));
    quote!(self.#m = #e;)
}

/// `let local = <a copy of the field>;` (Kryo's `FieldSerializer.copy`):
/// primitives and strings by value, objects through [`Kryo::copy_nested`]
/// so shared objects stay shared.
fn copy_field(f: &Field, class: &str) -> TokenStream {
    let m = &f.member;
    let local = &f.local;
    let nested = |ty: TokenStream, optional: bool| {
        let e = if optional {
            quote!(self.#m.as_ref().map(|v| kryo.copy_nested::<#ty>(v)).transpose())
        } else {
            quote!(kryo.copy_nested::<#ty>(&self.#m))
        };
        traced(f, class, e)
    };
    let value = match &f.kind {
        Kind::Prim(_) => quote!(self.#m),
        Kind::Str { .. } => quote!(::core::clone::Clone::clone(&self.#m)),
        Kind::Any { optional } => nested(quote!(::std::boxed::Box<dyn ::kryo5::Object>), *optional),
        Kind::Object { ty, optional, .. } => nested(quote!(#ty), *optional),
        Kind::List { elem, optional } => {
            let copy = quote!(::kryo5::serializers::collection::copy_elements);
            let e = if *optional {
                quote!(self.#m.as_ref().map(|v: &::std::vec::Vec<#elem>| #copy(kryo, v.iter())).transpose())
            } else {
                quote!(#copy(kryo, self.#m.iter()))
            };
            traced(f, class, e)
        }
    };
    quote!(let #local = #value;)
}
