//! The wrapping serializers (format spec 11): a class's bytes deflated
//! (`DeflateSerializer`) or encrypted (`BlowfishSerializer`), through the
//! same kryo5-core functions as the typed serializers.

use kryo5_core::{In, Out, Result};
use kryo5_io::Input;

use crate::codec::Codec;
use crate::serializer::Wrapper;

impl Codec {
    /// Writes what `body` writes, transformed by `wrap`.
    #[cfg_attr(
        not(any(feature = "deflate", feature = "blowfish")),
        allow(unused_variables)
    )]
    pub(crate) fn write_wrapped(
        &mut self,
        out: &mut dyn Out,
        wrap: &Wrapper,
        body: impl FnOnce(&mut Codec, &mut dyn Out) -> Result<()>,
    ) -> Result<()> {
        match *wrap {
            #[cfg(feature = "deflate")]
            Wrapper::Deflate(ref c) => {
                kryo5_core::serializers::deflate::write_deflated(c, out, |o| body(self, o))
            }
            #[cfg(feature = "blowfish")]
            Wrapper::Blowfish(ref key) => {
                kryo5_core::serializers::blowfish::write_encrypted(key, out, |o| body(self, o))
            }
        }
    }

    /// Undoes `wrap` and reads the bytes with `body` (Java reads them with
    /// a fresh `Input`, variable-length encoding on).
    pub(crate) fn read_wrapped<T>(
        &mut self,
        input: &mut dyn In<'_>,
        wrap: &Wrapper,
        body: impl FnOnce(&mut Codec, &mut dyn In<'_>) -> Result<T>,
    ) -> Result<T> {
        let bytes = unwrapped(wrap, input)?;
        body(self, &mut Input::new(&bytes))
    }
}

/// The wrapped serializer's bytes.
#[cfg_attr(
    not(any(feature = "deflate", feature = "blowfish")),
    allow(unused_variables)
)]
fn unwrapped(wrap: &Wrapper, input: &mut dyn In<'_>) -> Result<Vec<u8>> {
    match *wrap {
        #[cfg(feature = "deflate")]
        Wrapper::Deflate(ref c) => kryo5_core::serializers::deflate::read_inflated(c, input),
        #[cfg(feature = "blowfish")]
        Wrapper::Blowfish(ref key) => kryo5_core::serializers::blowfish::read_decrypted(key, input),
    }
}
