//! What the serializers of the `FieldSerializer` family share (format spec
//! 10): the choice among them as Kryo's default serializer for derived
//! structs, and the per-field framing of the compatible and tagged
//! serializers (class before value, chunked runs, unknown fields).

use crate::error::{Error, ErrorKind, Result};
use crate::inherit::Fields;
use crate::io::{In, Out};
use crate::kryo::{DefaultSerializer, Kryo};
use crate::types::NullForm;
use crate::{chunked, serializers};

/// A fresh value to read fields into: Java's no-argument constructor.
pub(crate) fn fresh<T: Fields>() -> Result<T> {
    T::fresh().ok_or_else(|| {
        Error::new(ErrorKind::Unsupported(format!(
            "{} must implement Default to be read field by field (compatible, tagged and \
             version serializers, class hierarchies)",
            T::java_class()
        )))
    })
}

/// `value`, or the error for `null` where a value is required.
pub(crate) fn required<T>(value: Option<T>, at: u64) -> Result<T> {
    value.ok_or_else(|| Error::new(ErrorKind::UnexpectedNull("a non-null object")).at(at))
}

/// `impl Serializer<T>` for a serializer of this family that writes `null`
/// itself as `00` (tagged, version), from its module's
/// `write(config, Option<&T>, ..)` and `read(config, ..) -> Option<T>`.
macro_rules! null_writing_serializer {
    ($serializer:ident) => {
        impl<T: Fields + 'static> Serializer<T> for $serializer<T> {
            fn write(&self, kryo: &mut Kryo, out: &mut dyn Out, value: &T) -> Result<()> {
                write(&self.config, Some(value), kryo, out)
            }

            fn read<'de>(&self, kryo: &mut Kryo, input: &mut dyn In<'de>) -> Result<T> {
                let at = input.total();
                crate::serializers::field_family::required(read(&self.config, kryo, input)?, at)
            }

            fn null_form(&self) -> Option<NullForm> {
                Some(NullForm::Zero)
            }

            fn read_nullable<'de>(
                &self,
                kryo: &mut Kryo,
                input: &mut dyn In<'de>,
            ) -> Result<Option<T>> {
                read(&self.config, kryo, input)
            }
        }
    };
}
pub(crate) use null_writing_serializer;

/// How a field's value is framed (spec 10.1, 10.2). Public (hidden) for
/// the dynamic codec, which frames its fields with the same runs.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct Framing {
    /// `readUnknownFieldData` / `readUnknownTagData`: the value's class
    /// before it.
    pub with_class: bool,
    /// `chunkedEncoding`: each field in its own run of chunks.
    pub chunked: bool,
    /// `chunkSize`.
    pub chunk_size: usize,
}

impl Framing {
    /// Writes one field through `body`, in its own run of chunks when
    /// chunked (an inner flush ends an outer chunk, as in Java).
    ///
    /// # Errors
    /// As `body`; write errors of the run.
    pub fn write_run(
        self,
        out: &mut dyn Out,
        body: impl FnOnce(&mut dyn Out) -> Result<()>,
    ) -> Result<()> {
        if !self.chunked {
            return body(out);
        }
        let mut run = chunked::output(out, self.chunk_size);
        body(&mut run)?;
        Ok(run.end_chunk()?)
    }

    /// Reads one field through `body`; when chunked, from its run of
    /// chunks, skipping with the rest of the run what `body` could not
    /// read for a class it does not know or cannot hold.
    ///
    /// # Errors
    /// As `body` (the skippable ones aside when chunked); truncated runs.
    pub fn read_run(
        self,
        input: &mut dyn In<'_>,
        body: impl FnOnce(&mut dyn In<'_>) -> Result<()>,
    ) -> Result<()> {
        if !self.chunked {
            return body(input);
        }
        let mut run = chunked::input(input, self.chunk_size);
        match body(&mut run) {
            // What cannot be read is skipped with the rest of the run.
            Err(e) if skippable(&e) => {}
            r => r?,
        }
        Ok(run.next_chunk()?)
    }

    /// Writes field `i` of `value`, framed.
    pub(crate) fn write<T: Fields>(
        self,
        value: &T,
        i: usize,
        kryo: &mut Kryo,
        out: &mut dyn Out,
        direct: bool,
    ) -> Result<()> {
        self.write_run(out, |out| {
            if self.with_class {
                value.write_field_with_class(i, kryo, out, false)
            } else {
                value.write_field(i, kryo, out, false, direct)
            }
        })
    }

    /// Reads a framed field into field `slot` of `value`, or skips it
    /// (`slot` is `None`: a field this struct does not have; `unknown`
    /// is the error when it cannot be skipped).
    pub(crate) fn read<T: Fields>(
        self,
        value: &mut T,
        slot: Option<usize>,
        kryo: &mut Kryo,
        input: &mut dyn In<'_>,
        direct: bool,
        unknown: impl FnOnce() -> Error,
    ) -> Result<()> {
        self.read_run(input, |input| match (slot, self.with_class) {
            (Some(i), true) => value.read_field_with_class(i, kryo, input, false),
            (Some(i), false) => value.read_field(i, kryo, input, false, direct),
            // Read and dropped: it may hold objects referenced later.
            (None, true) => kryo.read_class_and_object(input).map(drop),
            (None, false) => self.unknown(input, unknown),
        })
    }

    /// A field the reader does not have, without its class before it:
    /// skipped with its run when chunked, else `unknown()` (Java's
    /// "Unknown field"), at the input's offset.
    ///
    /// # Errors
    /// `unknown()` when not chunked.
    pub fn unknown(self, input: &dyn In<'_>, unknown: impl FnOnce() -> Error) -> Result<()> {
        if self.chunked {
            Ok(())
        } else {
            Err(unknown().at(input.total()))
        }
    }
}

/// Errors a chunked field skips (Java catches these around the class and
/// the value of a field when chunked): classes it does not know or cannot
/// hold in the field.
fn skippable(e: &Error) -> bool {
    matches!(
        e.kind(),
        ErrorKind::UnknownClassId(_)
            | ErrorKind::UnknownClassName(_)
            | ErrorKind::NotRegistered(_)
            | ErrorKind::WrongType { .. }
    )
}

impl DefaultSerializer {
    /// How this serializer writes Java `null` for a derived struct: the
    /// tagged and version serializers write `00` themselves.
    #[must_use]
    pub fn null_form(&self) -> Option<NullForm> {
        match self {
            DefaultSerializer::Field | DefaultSerializer::Compatible(_) => None,
            DefaultSerializer::Tagged(_) | DefaultSerializer::Version(_) => Some(NullForm::Zero),
        }
    }
}

/// Writes a derived struct with Kryo's default serializer when it is not
/// `FieldSerializer`. Called by `#[derive(Kryo)]`.
///
/// # Errors
/// As the chosen serializer's write.
#[doc(hidden)]
#[inline(never)]
pub fn write_with_default<T: Fields>(value: &T, kryo: &mut Kryo, out: &mut dyn Out) -> Result<()> {
    match kryo.default_serializer() {
        DefaultSerializer::Field => {
            let direct = kryo.strings_direct::<T>();
            (0..T::FIELDS.len()).try_for_each(|i| value.write_field(i, kryo, out, false, direct))
        }
        DefaultSerializer::Compatible(c) => serializers::compatible::write(&c, value, kryo, out),
        DefaultSerializer::Tagged(c) => serializers::tagged::write(&c, Some(value), kryo, out),
        DefaultSerializer::Version(c) => serializers::version::write(&c, Some(value), kryo, out),
    }
}

/// [`read_with_default`] where `null` is an error. Not inlined: it keeps
/// the derived `read`, which recurses with the graph, small.
///
/// # Errors
/// As [`read_with_default`]; [`ErrorKind::UnexpectedNull`].
#[doc(hidden)]
#[inline(never)]
pub fn read_required_with_default<T: Fields>(kryo: &mut Kryo, input: &mut dyn In<'_>) -> Result<T> {
    let at = input.total();
    required(read_with_default(kryo, input)?, at)
}

/// Reads a derived struct with Kryo's default serializer (see
/// [`write_with_default`]); `None` for the serializer's own `null`.
///
/// # Errors
/// As the chosen serializer's read.
#[doc(hidden)]
#[inline(never)]
pub fn read_with_default<T: Fields>(kryo: &mut Kryo, input: &mut dyn In<'_>) -> Result<Option<T>> {
    match kryo.default_serializer() {
        DefaultSerializer::Field => {
            let direct = kryo.strings_direct::<T>();
            let mut value = fresh::<T>()?;
            for i in 0..T::FIELDS.len() {
                value.read_field(i, kryo, input, false, direct)?;
            }
            Ok(Some(value))
        }
        DefaultSerializer::Compatible(c) => {
            serializers::compatible::read(&c, kryo, input).map(Some)
        }
        DefaultSerializer::Tagged(c) => serializers::tagged::read(&c, kryo, input),
        DefaultSerializer::Version(c) => serializers::version::read(&c, kryo, input),
    }
}
