//! `#[derive(Kryo)]` on a struct: Kryo's `FieldSerializer` layout.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{DeriveInput, Ident, Result};

use crate::attrs::TypeAttrs;
use crate::fields::{Field, Fields, Kind, Prim, collect, field_spec, list_type};

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
    // Records are final classes.
    let is_final = attrs.is_final.unwrap_or(attrs.record);
    let mut fields = collect(data, &input.generics)?;
    if attrs.record {
        record_fields(&mut fields)?;
    }

    let mut generics = input.generics.clone();
    for p in generics.type_params_mut() {
        p.bounds.push(syn::parse_quote!(::kryo5::KryoType));
    }
    let (impl_g, ty_g, where_g) = generics.split_for_impl();

    let writes = fields.fields.iter().map(|f| write_field(f, &class));
    let reads = fields.fields.iter().map(|f| read_field(f, &class));
    let read_intos = fields.fields.iter().map(|f| read_field_into(f, &class));
    let mut copies: Vec<TokenStream> = fields
        .fields
        .iter()
        .map(|f| copy_field(f, &class))
        .collect();
    let mut members: Vec<syn::Member> = fields.fields.iter().map(|f| f.member.clone()).collect();
    let mut locals: Vec<Ident> = fields.fields.iter().map(|f| f.local.clone()).collect();
    if let Some((m, ty)) = &fields.parent {
        let local = Ident::new("__parent", Span::call_site());
        copies.push(quote!(let #local = <#ty as ::kryo5::KryoType>::copy(&self.#m, kryo)?;));
        members.push(m.clone());
        locals.push(local);
    }
    let construct = construct(fields.named, &members, &locals, &fields.skipped);
    let fields_impl = fields_impl(&fields, &class);

    // With a superclass part the fields interleave: one at a time, in the
    // merged order ([`fields_impl`]). Otherwise straight-line code.
    let (write_body, read_body, read_into_body) = if fields.parent.is_some() {
        let each = quote!(0..<Self as ::kryo5::inherit::Fields>::FIELDS.len());
        (
            quote!(for i in #each {
                ::kryo5::inherit::Fields::write_field(self, i, kryo, out, args, direct)?;
            }),
            quote!(
                let mut value: Self = ::core::default::Default::default();
                for i in #each {
                    ::kryo5::inherit::Fields::read_field(&mut value, i, kryo, input, args, direct)?;
                }
                ::core::result::Result::Ok(value)
            ),
            quote!(for i in #each {
                ::kryo5::inherit::Fields::read_field(self, i, kryo, input, args, direct)?;
            }),
        )
    } else {
        (
            quote!(#(#writes)*),
            quote!(#(#reads)* ::core::result::Result::Ok(#construct)),
            quote!(#(#read_intos)*),
        )
    };

    // A record (RecordSerializer) ignores Kryo's default serializer, writes
    // strings as objects and passes no generic information to components;
    // any other struct follows the default serializer.
    let (null_items, write_default, read_default, read_into_default, setup) = if attrs.record {
        (
            quote!(),
            quote!(),
            quote!(),
            quote!(),
            quote!(let (direct, args) = (false, false);),
        )
    } else {
        let not_field = quote!(kryo.default_serializer() != ::kryo5::DefaultSerializer::Field);
        (
            quote! {
                fn null_form_in(kryo: &::kryo5::Kryo) -> ::core::option::Option<::kryo5::NullForm> {
                    kryo.default_serializer().null_form()
                }

                fn read_nullable<'de, __I: ::kryo5::In<'de> + ?Sized>(
                    kryo: &mut ::kryo5::Kryo,
                    input: &mut __I,
                    args: bool,
                ) -> ::kryo5::Result<::core::option::Option<Self>> {
                    if #not_field {
                        return ::kryo5::inherit::read_with_default(kryo, input.as_dyn());
                    }
                    <Self as ::kryo5::KryoType>::read(kryo, input, args).map(::core::option::Option::Some)
                }
            },
            quote!(if #not_field {
                return ::kryo5::inherit::write_with_default(self, kryo, out.as_dyn());
            }),
            quote!(if #not_field {
                return ::kryo5::inherit::read_required_with_default(kryo, input.as_dyn());
            }),
            quote!(if #not_field {
                *self = <Self as ::kryo5::KryoType>::read(kryo, input, args)?;
                return ::core::result::Result::Ok(());
            }),
            quote!(let direct = kryo.strings_direct::<Self>();),
        )
    };

    Ok(quote! {
        impl #impl_g ::kryo5::KryoType for #name #ty_g #where_g {
            fn java_class() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(#class)
            }
            ::kryo5::type_slot_fn!();
            const FINAL: bool = #is_final;

            #null_items

            #[allow(unused_variables)]
            fn write<__O: ::kryo5::Out + ?Sized>(
                &self,
                kryo: &mut ::kryo5::Kryo,
                out: &mut __O,
                args: bool,
            ) -> ::kryo5::Result<()> {
                #write_default
                #setup
                #write_body
                ::core::result::Result::Ok(())
            }

            #[allow(unused_variables)]
            fn read<'de, __I: ::kryo5::In<'de> + ?Sized>(
                kryo: &mut ::kryo5::Kryo,
                input: &mut __I,
                args: bool,
            ) -> ::kryo5::Result<Self> {
                #read_default
                #setup
                #read_body
            }

            #[allow(unused_variables)]
            fn read_into<'de, __I: ::kryo5::In<'de> + ?Sized>(
                &mut self,
                kryo: &mut ::kryo5::Kryo,
                input: &mut __I,
                args: bool,
            ) -> ::kryo5::Result<()> {
                #read_into_default
                #setup
                #read_into_body
                ::core::result::Result::Ok(())
            }

            #[allow(unused_variables)]
            fn copy(&self, kryo: &mut ::kryo5::Kryo) -> ::kryo5::Result<Self> {
                #(#copies)*
                ::core::result::Result::Ok(#construct)
            }
        }

        impl #impl_g ::kryo5::inherit::Fields for #name #ty_g #where_g {
            #fields_impl
        }
    })
}

/// The items of `kryo5::inherit::Fields`: each field on its own, by index
/// in Java's order; with a superclass part, the order merges both sorted
/// field lists at compile time and the parent's fields go through its own
/// `Fields` (with its type arguments resolved statically, as Java
/// resolves a superclass's type variables from the `extends` clause).
fn fields_impl(fields: &Fields, class: &str) -> TokenStream {
    let infos: Vec<TokenStream> = fields.fields.iter().map(field_info).collect();
    let fresh = quote! {
        fn fresh() -> ::core::option::Option<Self> {
            #[allow(unused_imports)]
            use ::kryo5::inherit::{NoDefault as _, ViaDefault as _};
            (&&::kryo5::inherit::Fresh::<Self>::NEW).fresh()
        }
    };
    let own_n = infos.len();
    let arms = |code: &dyn Fn(&Field) -> TokenStream| {
        let arms = fields.fields.iter().enumerate().map(|(i, f)| {
            let c = code(f);
            quote!(#i => { #c })
        });
        quote!(match i { #(#arms)* _ => {} })
    };
    // The parent member (unused without one).
    let pm = fields
        .parent
        .as_ref()
        .map_or_else(|| quote!(0), |(m, _)| quote!(#m));
    let methods = [
        (
            quote!(fn write_field<__O: ::kryo5::Out + ?Sized>(
                &self, i: usize, kryo: &mut ::kryo5::Kryo, out: &mut __O, args: bool, direct: bool,
            ) -> ::kryo5::Result<()>),
            arms(&|f| write_field(f, class)),
            quote!(write_field(&self.#pm, i, kryo, out, true, direct)),
        ),
        (
            quote!(fn read_field<'de, __I: ::kryo5::In<'de> + ?Sized>(
                &mut self, i: usize, kryo: &mut ::kryo5::Kryo, input: &mut __I, args: bool, direct: bool,
            ) -> ::kryo5::Result<()>),
            arms(&|f| read_field_into(f, class)),
            quote!(read_field(&mut self.#pm, i, kryo, input, true, direct)),
        ),
        (
            quote!(fn write_field_with_class<__O: ::kryo5::Out + ?Sized>(
                &self, i: usize, kryo: &mut ::kryo5::Kryo, out: &mut __O, args: bool,
            ) -> ::kryo5::Result<()>),
            arms(&|f| write_with_class(f, class)),
            quote!(write_field_with_class(&self.#pm, i, kryo, out, true)),
        ),
        (
            quote!(fn read_field_with_class<'de, __I: ::kryo5::In<'de> + ?Sized>(
                &mut self, i: usize, kryo: &mut ::kryo5::Kryo, input: &mut __I, args: bool,
            ) -> ::kryo5::Result<()>),
            arms(&|f| read_with_class(f, class)),
            quote!(read_field_with_class(&mut self.#pm, i, kryo, input, true)),
        ),
    ];
    let Some((_, pty)) = &fields.parent else {
        let methods = methods.iter().map(|(sig, own, _)| {
            quote!(#[allow(unused_variables)] #sig { #own ::core::result::Result::Ok(()) })
        });
        return quote! {
            const FIELDS: &'static [::kryo5::inherit::FieldInfo] = &[#(#infos),*];
            #fresh
            #(#methods)*
        };
    };
    let parent = quote!(<#pty as ::kryo5::inherit::Fields>);
    let n = quote!({ #own_n + #parent::FIELDS.len() });
    let consts = quote! {
        const OWN: &[::kryo5::inherit::FieldInfo] = &[#(#infos),*];
        const ORDER: [::kryo5::inherit::Step; #n] =
            ::kryo5::inherit::merge::<#n>(OWN, #parent::FIELDS);
    };
    let methods = methods.iter().map(|(sig, own, call)| {
        // `self.#pm` stands for the parent member in the call templates.
        let call: TokenStream = call
            .to_string()
            .replace("__PM", &quote!(#pm).to_string())
            .parse()
            .expect("a valid call");
        quote! {
            #[allow(unused_variables)]
            #sig {
                #consts
                match ORDER.get(i) {
                    ::core::option::Option::Some(&::kryo5::inherit::Step::Own(i)) => {
                        let i = usize::from(i);
                        #own
                    }
                    ::core::option::Option::Some(&::kryo5::inherit::Step::Parent(i)) => {
                        let i = usize::from(i);
                        #parent::#call?;
                    }
                    ::core::option::Option::None => {}
                }
                ::core::result::Result::Ok(())
            }
        }
    });
    quote! {
        const FIELDS: &'static [::kryo5::inherit::FieldInfo] = {
            #consts
            &::kryo5::inherit::merged_fields::<#n>(&ORDER, OWN, #parent::FIELDS)
        };
        #fresh
        #(#methods)*
    }
}

/// The field's `kryo5::inherit::FieldInfo`.
fn field_info(f: &Field) -> TokenStream {
    let name = &f.java_name;
    let tag = match f.attrs.tag {
        Some(t) => quote!(::core::option::Option::Some(#t)),
        None => quote!(::core::option::Option::None),
    };
    let deprecated = f.attrs.deprecated;
    let since = f.attrs.since.unwrap_or(0);
    quote!(::kryo5::inherit::FieldInfo { name: #name, tag: #tag, deprecated: #deprecated, since: #since })
}

/// The Rust type of a primitive field.
fn prim_type(p: Prim) -> TokenStream {
    match p {
        Prim::Int => quote!(i32),
        Prim::Long => quote!(i64),
        Prim::Float => quote!(f32),
        Prim::Double => quote!(f64),
        Prim::Boolean => quote!(bool),
        Prim::Byte => quote!(i8),
        Prim::Char => quote!(u16),
        Prim::Short => quote!(i16),
    }
}

/// Type arguments of an object field's declared type count (see
/// `field_spec`).
fn args_of(f: &Field, generic_param: bool) -> TokenStream {
    if f.attrs.raw {
        quote!(false)
    } else if generic_param {
        quote!(args)
    } else {
        quote!(true)
    }
}

/// `write_field_with_class` for one field: its value's class, then the
/// value as a known, non-null field of that class (format spec 10.1).
fn write_with_class(f: &Field, class: &str) -> TokenStream {
    let m = &f.member;
    let expr = match &f.kind {
        Kind::Prim(p) => {
            let t = prim_type(*p);
            let value = write_value(f);
            quote!(kryo.write_class::<#t, _>(out).and_then(|()| #value.map_err(::kryo5::Error::from)))
        }
        Kind::Str { optional } => {
            let value = if *optional {
                quote!(self.#m.as_ref())
            } else {
                quote!(::core::option::Option::Some(&self.#m))
            };
            quote!(kryo.write_class_and_object::<::std::string::String, _>(out, #value))
        }
        Kind::Any { optional } => {
            let value = if *optional {
                quote!(self.#m.as_deref())
            } else {
                quote!(::core::option::Option::Some(&*self.#m))
            };
            quote!(kryo.write_class_and_object_dyn(out, #value))
        }
        Kind::Object {
            ty,
            optional,
            generic_param,
        } => {
            let value = if *optional {
                quote!(self.#m.as_ref())
            } else {
                quote!(::core::option::Option::Some(&self.#m))
            };
            let args = args_of(f, *generic_param);
            quote!(kryo.write_class_and_object_args::<#ty, _>(out, #value, #args))
        }
        Kind::List { optional, .. } => {
            let value = if *optional {
                quote!(self.#m.as_deref())
            } else {
                quote!(::core::option::Option::Some(&self.#m[..]))
            };
            let args = args_of(f, false);
            quote!(::kryo5::serializers::list::write_vec_field(kryo, out, #value, ::kryo5::field::Field::new(false, true, #args)))
        }
    };
    let e = traced(f, class, expr);
    quote!(#e;)
}

/// `read_field_with_class` for one field (see [`write_with_class`]); a
/// null class leaves the field as it is.
fn read_with_class(f: &Field, class: &str) -> TokenStream {
    let m = &f.member;
    let (read, wrap) = match &f.kind {
        Kind::Prim(p) => {
            let t = prim_type(*p);
            let value = read_value(f);
            let e = traced(
                f,
                class,
                quote!(kryo.read_class_expect::<#t, _>(input).and_then(|known| {
                    if known { #value.map(::core::option::Option::Some).map_err(::kryo5::Error::from) }
                    else { ::core::result::Result::Ok(::core::option::Option::None) }
                })),
            );
            (e, false)
        }
        Kind::Str { optional } => (
            traced(
                f,
                class,
                quote!(kryo.read_class_and_object_as::<::std::string::String, _>(input)),
            ),
            *optional,
        ),
        Kind::Any { optional } => (
            traced(f, class, quote!(kryo.read_class_and_object(input))),
            *optional,
        ),
        Kind::Object {
            ty,
            optional,
            generic_param,
        } => {
            let args = args_of(f, *generic_param);
            (
                traced(
                    f,
                    class,
                    quote!(kryo.read_class_and_object_as_args::<#ty, _>(input, #args)),
                ),
                *optional,
            )
        }
        Kind::List { elem, optional } => {
            let ty = list_type(elem);
            let args = args_of(f, false);
            (
                traced(
                    f,
                    class,
                    quote!(kryo.read_class_and_object_as_args::<#ty, _>(input, #args).map(|l| l.map(|l| l.0))),
                ),
                *optional,
            )
        }
    };
    let value = if wrap {
        quote!(::core::option::Option::Some(v))
    } else {
        quote!(v)
    };
    quote!(if let ::core::option::Option::Some(v) = #read { self.#m = #value; })
}

/// Checks a record's components and marks them raw: `RecordSerializer`
/// knows no field annotations (only `rename`, and `open` for components
/// declared with a non-final type, make sense), no superclass and passes no
/// type arguments.
fn record_fields(fields: &mut Fields) -> Result<()> {
    if let Some((m, _)) = &fields.parent {
        return Err(syn::Error::new_spanned(
            m,
            "a Java record has no superclass: `extends` does not apply",
        ));
    }
    for f in &mut fields.fields {
        // No generic information reaches components.
        f.attrs.raw = true;
        let a = &f.attrs;
        if a.not_null
            || a.var_int.is_some()
            || a.value_class
            || a.tag.is_some()
            || a.since.is_some()
        {
            return Err(syn::Error::new(
                f.span,
                "RecordSerializer ignores field annotations: a record component takes only \
                 `rename` and `open`",
            ));
        }
    }
    Ok(())
}

/// The struct built from `locals` (one per member in `members`), skipped
/// members as `Default`.
pub(crate) fn construct(
    named: bool,
    members: &[syn::Member],
    locals: &[Ident],
    skipped: &[syn::Member],
) -> TokenStream {
    if named {
        quote!(Self { #(#members: #locals,)* #(#skipped: ::core::default::Default::default(),)* })
    } else {
        let mut slots: Vec<(usize, TokenStream)> = members
            .iter()
            .zip(locals)
            .map(|(m, l)| (member_index(m), quote!(#l)))
            .chain(
                skipped
                    .iter()
                    .map(|m| (member_index(m), quote!(::core::default::Default::default()))),
            )
            .collect();
        slots.sort_by_key(|(i, _)| *i);
        let values = slots.into_iter().map(|(_, v)| v);
        quote!(Self( #(#values,)* ))
    }
}

fn member_index(m: &syn::Member) -> usize {
    match m {
        syn::Member::Unnamed(i) => i.index as usize,
        syn::Member::Named(_) => 0,
    }
}

/// Adds the field to an error's trace.
pub(crate) fn traced(f: &Field, class: &str, expr: TokenStream) -> TokenStream {
    let name = &f.java_name;
    quote!((#expr).map_err(|e| ::kryo5::Error::from(e).in_field(#name, #class))?)
}

/// The expression writing a primitive field's value (a `kryo5::io`
/// result); `quote!()` for other kinds.
fn write_value(f: &Field) -> TokenStream {
    let m = &f.member;
    let var = f.attrs.var_int.unwrap_or(true);
    let Kind::Prim(p) = f.kind else {
        return quote!();
    };
    match p {
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
    }
}

pub(crate) fn write_field(f: &Field, class: &str) -> TokenStream {
    let m = &f.member;
    let expr = match &f.kind {
        Kind::Prim(_) => write_value(f),
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
pub(crate) fn read_value(f: &Field) -> TokenStream {
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
