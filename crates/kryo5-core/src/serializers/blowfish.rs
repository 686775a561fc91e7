//! `BlowfishSerializer` (format spec 11.2): another serializer's bytes,
//! encrypted with Blowfish/ECB/PKCS5Padding (what Java's
//! `Cipher.getInstance("Blowfish")` is), with no length and no framing.
//!
//! Byte-identical with Java, flushes included: the nested serializer
//! writes through a 256-byte buffer whose every flush passes whole
//! encrypted blocks to the outer output and flushes it (so chunk
//! boundaries match when the outer output is chunked), and the padded
//! last block follows the payload.
//!
//! **It must be the last thing in its input.** Nothing says where the
//! ciphertext ends, so the reader decrypts the rest of the input (or of
//! the enclosing run of chunks). Memory is bounded by the input itself:
//! the ciphertext is the bytes the input holds, and the plaintext is
//! shorter than it.
//!
//! Java keeps the key in a static field, so every `BlowfishSerializer` in
//! a JVM uses the key given to the most recently constructed one. kryo5
//! does not copy that: each instance uses its own key. Data written by a
//! JVM with several keys used the last one for all of them.
//!
//! ```
//! use kryo5::serializers::blowfish::BlowfishSerializer;
//! use kryo5::io::{Input, Output};
//! use kryo5::Kryo;
//!
//! let mut kryo = Kryo::new();
//! kryo.set_serializer::<String, _>(BlowfishSerializer::new(b"0123456789abcdef")?);
//! let mut out = Output::new();
//! kryo.write_object(&mut out, &String::from("hello"))?;
//! // One block: the string's 5 bytes and 3 bytes of padding, encrypted.
//! assert_eq!(out.as_slice(), [0xc6, 0x32, 0x8c, 0xb4, 0x3e, 0x5a, 0xfb, 0x7f]);
//! let back: String = kryo.read_object(&mut Input::new(out.as_slice()))?;
//! assert_eq!(back, "hello");
//! # Ok::<(), kryo5::Error>(())
//! ```

use blowfish::Blowfish;
use blowfish::cipher::{Block, BlockCipherDecrypt, BlockCipherEncrypt, KeyInit};
use kryo5_io::sink::Sink;
use kryo5_io::{Input, OutputBuffer, Safe};

use crate::error::{Error, ErrorKind, Result};
use crate::io::{In, Out};
use crate::kryo::Kryo;
use crate::serializer::Serializer;
use crate::serializers::nested::Nested;
use crate::types::KryoType;

/// Blowfish's block size in bytes.
const BLOCK: usize = 8;
/// Java's buffer size for the nested serializer's output.
const BUFFER: usize = 256;

/// Java's `BlowfishSerializer` around `T`'s own serializer, or around
/// another one ([`BlowfishSerializer::wrapping`]). Register it for `T`
/// with [`Kryo::register_with_serializer`] or [`Kryo::set_serializer`].
///
/// ```
/// use kryo5_core::serializers::blowfish::BlowfishSerializer;
/// // Java accepts keys of 4 to 56 bytes.
/// assert!(BlowfishSerializer::<String>::new(b"abc").is_err());
/// assert!(BlowfishSerializer::<String>::new(b"abcd").is_ok());
/// ```
pub struct BlowfishSerializer<T> {
    cipher: Blowfish,
    inner: Nested<T>,
}

impl<T: KryoType> BlowfishSerializer<T> {
    /// Encrypts what `T`'s own [`KryoType`] implementation writes, with
    /// `key` (4 to 56 bytes, as Java's `SecretKeySpec(key, "Blowfish")`).
    ///
    /// # Errors
    /// [`ErrorKind::InvalidArgument`] for a key of another length.
    pub fn new(key: &[u8]) -> Result<Self> {
        Ok(BlowfishSerializer {
            cipher: cipher(key)?,
            inner: Nested::own(),
        })
    }

    /// Encrypts what `inner` writes, with `key` (4 to 56 bytes).
    ///
    /// ```
    /// use kryo5::serializers::blowfish::BlowfishSerializer;
    /// use kryo5::serializers::deflate::{DeflateConfig, DeflateSerializer};
    /// use kryo5::io::{Input, Output};
    /// use kryo5::Kryo;
    ///
    /// // Compress, then encrypt.
    /// let deflate = DeflateSerializer::new(DeflateConfig::default());
    /// let mut kryo = Kryo::new();
    /// kryo.set_serializer::<String, _>(BlowfishSerializer::wrapping(b"secret key", deflate)?);
    /// let text = "abc".repeat(100);
    /// let mut out = Output::new();
    /// kryo.write_object(&mut out, &text)?;
    /// assert_eq!(out.as_slice().len() % 8, 0);
    /// let back: String = kryo.read_object(&mut Input::new(out.as_slice()))?;
    /// assert_eq!(back, text);
    /// # Ok::<(), kryo5::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::InvalidArgument`] for a key of another length.
    pub fn wrapping(key: &[u8], inner: impl Serializer<T>) -> Result<Self> {
        let mut s = Self::new(key)?;
        s.inner = Nested::with(inner);
        Ok(s)
    }
}

impl<T: KryoType> Serializer<T> for BlowfishSerializer<T> {
    fn write(&self, kryo: &mut Kryo, out: &mut dyn Out, value: &T) -> Result<()> {
        encrypt_into(&self.cipher, out, |payload| {
            self.inner.write(kryo, payload, value)
        })
    }

    fn read<'de>(&self, kryo: &mut Kryo, input: &mut dyn In<'de>) -> Result<T> {
        let data = decrypt_from(&self.cipher, input)?;
        self.inner.read(kryo, &mut Input::new(&data))
    }

    fn copy(&self, kryo: &mut Kryo, value: &T) -> Result<T> {
        self.inner.copy(kryo, value)
    }
}

/// The cipher for `key` (4 to 56 bytes).
fn cipher(key: &[u8]) -> Result<Blowfish> {
    Blowfish::new_from_slice(key).map_err(|_| {
        Error::new(ErrorKind::InvalidArgument(format!(
            "a Blowfish key has 4 to 56 bytes, not {}",
            key.len()
        )))
    })
}

/// Writes what `body` writes, encrypted (Java's
/// `new Output(new CipherOutputStream(output, cipher), 256)`).
fn encrypt_into(
    cipher: &Blowfish,
    out: &mut dyn Out,
    body: impl FnOnce(&mut dyn Out) -> Result<()>,
) -> Result<()> {
    let stage = Encrypting {
        cipher,
        out,
        pending: [0; BLOCK],
        len: 0,
    };
    let mut payload: OutputBuffer<_, Safe> = OutputBuffer::with_sink(stage, BUFFER);
    body(&mut payload)?;
    payload.flush()?;
    Ok(payload.into_sink()?.finish()?)
}

/// The rest of the input, decrypted and unpadded.
fn decrypt_from(cipher: &Blowfish, input: &mut dyn In<'_>) -> Result<Vec<u8>> {
    let at = input.total();
    let mut data = read_rest(input)?;
    let len = decrypt(cipher, &mut data).map_err(|e| e.at(at))?;
    data.truncate(len);
    Ok(data)
}

/// [`BlowfishSerializer`]'s write with `key` around what `body` writes.
/// Public (hidden) for the dynamic codec.
///
/// # Errors
/// A key of the wrong length; as `body`; write errors.
#[doc(hidden)]
pub fn write_encrypted(
    key: &[u8],
    out: &mut dyn Out,
    body: impl FnOnce(&mut dyn Out) -> Result<()>,
) -> Result<()> {
    encrypt_into(&cipher(key)?, out, body)
}

/// [`BlowfishSerializer`]'s read with `key`: the nested serializer's
/// bytes. Public (hidden) for the dynamic codec.
///
/// # Errors
/// A key of the wrong length; ciphertext not a whole number of blocks;
/// bad padding.
#[doc(hidden)]
pub fn read_decrypted(key: &[u8], input: &mut dyn In<'_>) -> Result<Vec<u8>> {
    decrypt_from(&cipher(key)?, input)
}

/// The sink under the nested serializer's buffer: Java's
/// `CipherOutputStream` over the outer output. Whole blocks are encrypted
/// as they come; the rest waits in `pending`.
struct Encrypting<'a, 'o> {
    cipher: &'a Blowfish,
    out: &'o mut dyn Out,
    pending: [u8; BLOCK],
    len: usize,
}

impl Encrypting<'_, '_> {
    /// Pads the pending bytes (PKCS #5: `n` bytes of value `n`, 1 to 8),
    /// writes the last block and flushes (Java's `CipherOutputStream.close`).
    fn finish(mut self) -> kryo5_io::Result<()> {
        let pad = BLOCK - self.len;
        self.pending[self.len..].fill(pad as u8);
        let mut block = self.pending;
        encrypt(self.cipher, &mut block);
        self.out.write_bytes(&block)?;
        self.out.flush()
    }
}

impl Sink for Encrypting<'_, '_> {
    const STREAM: bool = true;

    fn write(&mut self, mut bytes: &[u8]) -> kryo5_io::Result<()> {
        let mut buf = [0u8; BUFFER];
        while !bytes.is_empty() {
            let mut n = self.len;
            buf[..n].copy_from_slice(&self.pending[..n]);
            let take = bytes.len().min(BUFFER - n);
            buf[n..n + take].copy_from_slice(&bytes[..take]);
            bytes = &bytes[take..];
            n += take;
            let whole = n - n % BLOCK;
            self.len = n - whole;
            self.pending[..self.len].copy_from_slice(&buf[whole..n]);
            encrypt(self.cipher, &mut buf[..whole]);
            self.out.write_bytes(&buf[..whole])?;
        }
        Ok(())
    }

    /// `CipherOutputStream.flush()`: the outer output is flushed (the
    /// encrypted blocks went to it already).
    fn flush(&mut self) -> kryo5_io::Result<()> {
        self.out.flush()
    }

    fn offset(&self) -> u64 {
        self.out.total()
    }
}

/// Encrypts `data`, a whole number of blocks, in place.
fn encrypt(cipher: &Blowfish, data: &mut [u8]) {
    let (blocks, _) = Block::<Blowfish>::slice_as_chunks_mut(data);
    cipher.encrypt_blocks(blocks);
}

/// Decrypts `data` in place and checks its padding: the length of the
/// plaintext. A ciphertext that is not a whole number of blocks (at least
/// one) is truncated: [`kryo5_io::ErrorKind::UnexpectedEnd`]. Padding
/// that is not PKCS #5, which is what a wrong key gives, is
/// [`ErrorKind::InvalidData`].
fn decrypt(cipher: &Blowfish, data: &mut [u8]) -> Result<usize> {
    let whole = data.len().div_ceil(BLOCK).max(1) * BLOCK;
    if whole != data.len() {
        let kind = kryo5_io::ErrorKind::UnexpectedEnd {
            requested: whole,
            available: data.len(),
        };
        return Err(Error::new(ErrorKind::Buffer(kind)));
    }
    let (blocks, _) = Block::<Blowfish>::slice_as_chunks_mut(data);
    cipher.decrypt_blocks(blocks);
    let last = data[data.len() - 1];
    let pad = usize::from(last);
    if !(1..=BLOCK).contains(&pad) || data[data.len() - pad..].iter().any(|&b| b != last) {
        return Err(Error::new(ErrorKind::InvalidData(
            "Blowfish padding is not PKCS #5 (wrong key or corrupt ciphertext)".into(),
        )));
    }
    Ok(data.len() - pad)
}

/// The rest of `input` (up to the end of the data or of the enclosing run
/// of chunks): only bytes the input holds, so no allocation beyond it.
fn read_rest(input: &mut dyn In<'_>) -> Result<Vec<u8>> {
    let mut data = Vec::new();
    loop {
        let n = input.available();
        if n > 0 {
            data.extend_from_slice(&input.read_bytes(n)?);
            continue;
        }
        // Nothing buffered: a stream may hold more.
        match input.peek_byte() {
            Ok(_) => {}
            Err(e) if matches!(e.kind(), kryo5_io::ErrorKind::UnexpectedEnd { .. }) => {
                return Ok(data);
            }
            Err(e) => return Err(e.into()),
        }
    }
}
