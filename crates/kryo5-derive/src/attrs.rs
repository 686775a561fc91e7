//! `#[kryo(...)]` attributes, parsed in one place.

use syn::{Attribute, LitBool, LitInt, LitStr, Result};

/// Attributes of the type.
#[derive(Default)]
pub(crate) struct TypeAttrs {
    /// `class = "com.example.Media"`: the Java class name.
    pub(crate) class: Option<LitStr>,
    /// `final` / `final = bool`: the Java class is final.
    pub(crate) is_final: Option<bool>,
    /// `record`: a Java record (`RecordSerializer`, format spec 8.21).
    pub(crate) record: bool,
}

/// Attributes of a field.
#[derive(Default)]
pub(crate) struct FieldAttrs {
    /// `rename = "hasBitrate"`: the Java field name.
    pub(crate) rename: Option<LitStr>,
    /// `not_null`: Java's `@NotNull` (`canBeNull = false`).
    pub(crate) not_null: bool,
    /// `var_int = false`: `@Bind(variableLengthEncoding = false)`.
    pub(crate) var_int: Option<bool>,
    /// `transient` / `skip`: not serialized (read as `Default`).
    pub(crate) skip: bool,
    /// `value_class`: `@Bind(valueClass)`, the concrete type is known.
    pub(crate) value_class: bool,
    /// `declared_object` / `open`: the declared Java type is not final
    /// (for example `Object` or an interface): a class descriptor is
    /// written even for a final Rust type.
    pub(crate) open: bool,
    /// `raw`: the declared Java type has no type arguments.
    pub(crate) raw: bool,
    /// `list`: a `Vec<T>` field declared `java.util.List<T>` (or
    /// `ArrayList<T>`), written as a `java.util.ArrayList`.
    pub(crate) list: bool,
    /// `ordinal = n` on an enum variant: its Java ordinal.
    pub(crate) ordinal: Option<u32>,
    /// `extends`: the field holds the superclass's part (a derived
    /// struct); its fields are interleaved with this struct's.
    pub(crate) extends: bool,
    /// `tag = n`: `@Tag(n)` (TaggedFieldSerializer).
    pub(crate) tag: Option<u32>,
    /// `deprecated`: `@Deprecated` (TaggedFieldSerializer reads, never writes).
    pub(crate) deprecated: bool,
    /// `since = n`: `@Since(n)` (VersionFieldSerializer).
    pub(crate) since: Option<u32>,
}

fn each_kryo_attr(
    attrs: &[Attribute],
    mut f: impl FnMut(syn::meta::ParseNestedMeta<'_>) -> Result<()>,
) -> Result<()> {
    for attr in attrs {
        if attr.path().is_ident("kryo") {
            attr.parse_nested_meta(&mut f)?;
        }
    }
    Ok(())
}

fn flag(meta: &syn::meta::ParseNestedMeta<'_>) -> Result<bool> {
    if meta.input.peek(syn::Token![=]) {
        Ok(meta.value()?.parse::<LitBool>()?.value)
    } else {
        Ok(true)
    }
}

/// Parses the type's `#[kryo(...)]`.
pub(crate) fn type_attrs(attrs: &[Attribute]) -> Result<TypeAttrs> {
    let mut out = TypeAttrs::default();
    each_kryo_attr(attrs, |meta| {
        if meta.path.is_ident("class") {
            out.class = Some(meta.value()?.parse()?);
        } else if meta.path.is_ident("final") {
            out.is_final = Some(flag(&meta)?);
        } else if meta.path.is_ident("record") {
            out.record = flag(&meta)?;
        } else {
            return Err(meta.error(
                "unknown kryo attribute on a type; expected `class = \"...\"`, `final` or `record`",
            ));
        }
        Ok(())
    })?;
    Ok(out)
}

/// Parses a field's (or enum variant's) `#[kryo(...)]`.
pub(crate) fn field_attrs(attrs: &[Attribute]) -> Result<FieldAttrs> {
    let mut out = FieldAttrs::default();
    each_kryo_attr(attrs, |meta| {
        let p = &meta.path;
        if p.is_ident("rename") {
            out.rename = Some(meta.value()?.parse()?);
        } else if p.is_ident("not_null") {
            out.not_null = flag(&meta)?;
        } else if p.is_ident("var_int") {
            out.var_int = Some(flag(&meta)?);
        } else if p.is_ident("transient") || p.is_ident("skip") {
            out.skip = flag(&meta)?;
        } else if p.is_ident("value_class") {
            out.value_class = flag(&meta)?;
        } else if p.is_ident("open") || p.is_ident("declared_object") {
            out.open = flag(&meta)?;
        } else if p.is_ident("raw") {
            out.raw = flag(&meta)?;
        } else if p.is_ident("list") {
            out.list = flag(&meta)?;
        } else if p.is_ident("extends") {
            out.extends = flag(&meta)?;
        } else if p.is_ident("tag") {
            out.tag = Some(meta.value()?.parse::<LitInt>()?.base10_parse()?);
        } else if p.is_ident("deprecated") {
            out.deprecated = flag(&meta)?;
        } else if p.is_ident("since") {
            out.since = Some(meta.value()?.parse::<LitInt>()?.base10_parse()?);
        } else if p.is_ident("ordinal") {
            out.ordinal = Some(meta.value()?.parse::<LitInt>()?.base10_parse()?);
        } else {
            return Err(meta.error(
                "unknown kryo attribute on a field; expected one of `rename`, `not_null`, `var_int`, \
                 `transient`, `skip`, `value_class`, `open`, `raw`, `list`, `extends`, `tag`, `deprecated`, `since`, `ordinal`",
            ));
        }
        Ok(())
    })?;
    Ok(out)
}
