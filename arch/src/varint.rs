//! Runs of Kryo varints: encode a slice, decode a known count, skip.
//!
//! Kryo's `writeInts(int[], off, n, optimizePositive)` with variable-length
//! encoding writes one varint per element (zigzag first unless
//! `optimize_positive`); `writeLongs` likewise with varlongs. Decoding follows
//! Java's reader exactly: overlong forms are accepted, the fifth byte of a
//! varint and the ninth of a varlong always end the value.
//!
//! Every function processes whole values only and reports how far it got as
//! `(values, bytes)`, so a caller whose buffer ran out can flush or refill
//! and continue from there.

use crate::dispatch::{self, Kernel};
use crate::portable;

/// Runs shorter than this go straight to the portable kernel: dispatch and
/// vector setup would cost more than they save.
const SHORT: usize = 16;

/// An encoder: values, `optimize_positive`, output; `(values, bytes)` done.
type Encode<T> = fn(&[T], bool, &mut [u8]) -> (usize, usize);
/// A decoder: input, `optimize_positive`, values; `(values, bytes)` done.
type Decode<T> = fn(&[u8], bool, &mut [T]) -> (usize, usize);
/// A skipper: input, count; `(values, bytes)` done.
type Skip = fn(&[u8], usize) -> (usize, usize);

/// The function table of one implementation.
pub(crate) struct Fns {
    pub(crate) encode_i32s: Encode<i32>,
    pub(crate) encode_i64s: Encode<i64>,
    pub(crate) decode_i32s: Decode<i32>,
    pub(crate) decode_i64s: Decode<i64>,
    pub(crate) skip_i32s: Skip,
    pub(crate) skip_i64s: Skip,
}

static PORTABLE: Fns = Fns {
    encode_i32s: portable::varint::encode_i32s,
    encode_i64s: portable::varint::encode_i64s,
    decode_i32s: portable::varint::decode_i32s,
    decode_i64s: portable::varint::decode_i64s,
    skip_i32s: portable::varint::skip_i32s,
    skip_i64s: portable::varint::skip_i64s,
};

/// The table of a kernel the CPU supports (callers check support first:
/// the x86 tables call `#[target_feature]` code).
fn table(kernel: Kernel) -> &'static Fns {
    match kernel {
        #[cfg(target_arch = "x86_64")]
        Kernel::Avx512 => &crate::x86_64::avx512::VARINT,
        #[cfg(target_arch = "x86_64")]
        Kernel::Avx2 => &crate::x86_64::avx2::VARINT,
        _ => &PORTABLE,
    }
}

/// The varint kernels of one implementation, for callers (tests,
/// benchmarks) that pick the kernel themselves; the free functions of this
/// module use the [active](dispatch::active) one.
///
/// ```
/// use kryo5_arch::{Kernel, varint::Varint};
/// for kernel in Kernel::supported() {
///     let v = Varint::new(kernel).unwrap();
///     let mut buf = [0u8; 64];
///     assert_eq!(v.encode_i32s(&[300], true, &mut buf), (1, 2));
/// }
/// ```
#[derive(Clone, Copy)]
pub struct Varint {
    kernel: Kernel,
    fns: &'static Fns,
}

impl std::fmt::Debug for Varint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Varint").field(&self.kernel).finish()
    }
}

impl Varint {
    /// The implementation of `kernel`, if this CPU can run it.
    #[must_use]
    pub fn new(kernel: Kernel) -> Option<Varint> {
        kernel.is_supported().then(|| Varint {
            kernel,
            fns: table(kernel),
        })
    }

    /// The implementation of the active kernel.
    #[must_use]
    pub fn active() -> Varint {
        let kernel = dispatch::active();
        Varint {
            kernel,
            fns: table(kernel),
        }
    }

    /// Which kernel this is.
    #[must_use]
    pub fn kernel(self) -> Kernel {
        self.kernel
    }

    /// See [`encode_i32s`].
    #[inline]
    pub fn encode_i32s(
        self,
        src: &[i32],
        optimize_positive: bool,
        dst: &mut [u8],
    ) -> (usize, usize) {
        (self.fns.encode_i32s)(src, optimize_positive, dst)
    }

    /// See [`encode_i64s`].
    #[inline]
    pub fn encode_i64s(
        self,
        src: &[i64],
        optimize_positive: bool,
        dst: &mut [u8],
    ) -> (usize, usize) {
        (self.fns.encode_i64s)(src, optimize_positive, dst)
    }

    /// See [`decode_i32s`].
    #[inline]
    pub fn decode_i32s(
        self,
        src: &[u8],
        optimize_positive: bool,
        dst: &mut [i32],
    ) -> (usize, usize) {
        (self.fns.decode_i32s)(src, optimize_positive, dst)
    }

    /// See [`decode_i64s`].
    #[inline]
    pub fn decode_i64s(
        self,
        src: &[u8],
        optimize_positive: bool,
        dst: &mut [i64],
    ) -> (usize, usize) {
        (self.fns.decode_i64s)(src, optimize_positive, dst)
    }

    /// See [`skip_i32s`].
    #[inline]
    pub fn skip_i32s(self, src: &[u8], count: usize) -> (usize, usize) {
        (self.fns.skip_i32s)(src, count)
    }

    /// See [`skip_i64s`].
    #[inline]
    pub fn skip_i64s(self, src: &[u8], count: usize) -> (usize, usize) {
        (self.fns.skip_i64s)(src, count)
    }
}

/// Encodes as many values of `src` as fit entirely in `dst`.
///
/// Returns `(values_written, bytes_written)`; stops before the first value
/// whose encoding does not fit.
///
/// ```
/// let mut buf = [0u8; 16];
/// let (n, len) = kryo5_arch::varint::encode_i32s(&[1, -1, 300], false, &mut buf);
/// assert_eq!((n, &buf[..len]), (3, &[0x02, 0x01, 0xd8, 0x04][..]));
/// ```
#[inline]
pub fn encode_i32s(src: &[i32], optimize_positive: bool, dst: &mut [u8]) -> (usize, usize) {
    if src.len() < SHORT {
        return portable::varint::encode_i32s(src, optimize_positive, dst);
    }
    Varint::active().encode_i32s(src, optimize_positive, dst)
}

/// Encodes as many values of `src` as varlongs as fit entirely in `dst`.
///
/// ```
/// let mut buf = [0u8; 16];
/// let (n, len) = kryo5_arch::varint::encode_i64s(&[1, -1], false, &mut buf);
/// assert_eq!((n, &buf[..len]), (2, &[0x02, 0x01][..]));
/// ```
#[inline]
pub fn encode_i64s(src: &[i64], optimize_positive: bool, dst: &mut [u8]) -> (usize, usize) {
    if src.len() < SHORT {
        return portable::varint::encode_i64s(src, optimize_positive, dst);
    }
    Varint::active().encode_i64s(src, optimize_positive, dst)
}

/// Decodes up to `dst.len()` varints from `src`.
///
/// Returns `(values_decoded, bytes_consumed)`; fewer values than asked means
/// the next varint is cut off by the end of `src`.
///
/// ```
/// let mut out = [0i32; 3];
/// let got = kryo5_arch::varint::decode_i32s(&[0x02, 0x01, 0xd8, 0x04], false, &mut out);
/// assert_eq!((got, out), ((3, 4), [1, -1, 300]));
/// ```
#[inline]
pub fn decode_i32s(src: &[u8], optimize_positive: bool, dst: &mut [i32]) -> (usize, usize) {
    if dst.len() < SHORT {
        return portable::varint::decode_i32s(src, optimize_positive, dst);
    }
    Varint::active().decode_i32s(src, optimize_positive, dst)
}

/// Decodes up to `dst.len()` varlongs from `src`; see [`decode_i32s`].
///
/// ```
/// let mut out = [0i64; 1];
/// let got = kryo5_arch::varint::decode_i64s(&[0xff; 9], true, &mut out);
/// assert_eq!((got, out), ((1, 9), [-1]));
/// ```
#[inline]
pub fn decode_i64s(src: &[u8], optimize_positive: bool, dst: &mut [i64]) -> (usize, usize) {
    if dst.len() < SHORT {
        return portable::varint::decode_i64s(src, optimize_positive, dst);
    }
    Varint::active().decode_i64s(src, optimize_positive, dst)
}

/// Skips up to `count` varints without decoding them: `(skipped, bytes)`.
///
/// ```
/// assert_eq!(kryo5_arch::varint::skip_i32s(&[0x80, 0x01, 0x05], 2), (2, 3));
/// ```
#[inline]
pub fn skip_i32s(src: &[u8], count: usize) -> (usize, usize) {
    if count < SHORT {
        return portable::varint::skip_i32s(src, count);
    }
    Varint::active().skip_i32s(src, count)
}

/// Skips up to `count` varlongs without decoding them: `(skipped, bytes)`.
///
/// ```
/// assert_eq!(kryo5_arch::varint::skip_i64s(&[0xff; 10], 2), (1, 9));
/// ```
#[inline]
pub fn skip_i64s(src: &[u8], count: usize) -> (usize, usize) {
    if count < SHORT {
        return portable::varint::skip_i64s(src, count);
    }
    Varint::active().skip_i64s(src, count)
}

/// Total bytes `src` takes as varints.
///
/// ```
/// assert_eq!(kryo5_arch::varint::encoded_len_i32s(&[1, -1, 300], true), 1 + 5 + 2);
/// ```
#[inline]
pub fn encoded_len_i32s(src: &[i32], optimize_positive: bool) -> usize {
    portable::varint::encoded_len_i32s(src, optimize_positive)
}

/// Total bytes `src` takes as varlongs.
///
/// ```
/// assert_eq!(kryo5_arch::varint::encoded_len_i64s(&[1, -1], true), 1 + 9);
/// ```
#[inline]
pub fn encoded_len_i64s(src: &[i64], optimize_positive: bool) -> usize {
    portable::varint::encoded_len_i64s(src, optimize_positive)
}
