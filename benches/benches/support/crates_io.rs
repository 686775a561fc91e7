//! The crates.io baselines: the best published crates for each kernel's
//! job, one `#[inline(never)]` function per measured call, shared by the
//! criterion and iai-callgrind kernel suites and by `tests/baselines.rs`
//! (which checks each against kryo5 on the benchmark data). The crates are
//! dev-dependencies of kryo5-benches only, hence this file is included with
//! `#[path]` rather than being part of the library.
//!
//! Where a crate does the same job with the same bytes:
//!
//! | crate | used for | same bytes as Kryo? |
//! |---|---|---|
//! | `integer-encoding` | `u32` `encode_var`/`decode_var` | yes for 32-bit values (LEB128 = Kryo's varint) |
//! | `leb128` | `write::unsigned`/`read::unsigned` | yes for 32-bit values |
//! | `varint-simd` | `encode_unsafe`/`decode_unsafe::<u32>` | yes for 32-bit values |
//! | `simdutf8` | `basic::from_utf8`, `compat::from_utf8` | validation only: same verdict as `std` |
//! | `simd_cesu8` | `encode_into`, `decode_strict` | yes: standard CESU-8 is Kryo's string body |
//!
//! None applies to Kryo's varlongs: LEB128 writes values of 2^63 and up in
//! 10 bytes where Kryo's ninth byte carries 8 bits (9 bytes), so about 5.6%
//! of `varint_mix_u64` would differ; the i64 groups have only kryo5's
//! kernels and the plain loop.

#![allow(dead_code)] // each including target uses a subset

use integer_encoding::VarInt;

/// Bytes `varint-simd`'s unsafe API may touch past a value: it loads and
/// stores 16 bytes at a time.
pub(crate) const VARINT_SIMD_SLACK: usize = 16;

/// `integer-encoding`: `(v as u32).encode_var(&mut dst[pos..])` per value
/// (bounds-checked, `dst` at least 5 bytes per value); returns the bytes
/// written.
#[inline(never)]
pub(crate) fn integer_encoding_write_u32s(dst: &mut [u8], values: &[i32]) -> usize {
    let mut pos = 0;
    for &v in values {
        pos += (v as u32).encode_var(&mut dst[pos..]);
    }
    pos
}

/// `integer-encoding`: `u32::decode_var` per value; `None` if the input
/// ends first or a value overflows.
#[inline(never)]
pub(crate) fn integer_encoding_read_u32s(bytes: &[u8], dst: &mut [i32]) -> Option<usize> {
    let mut pos = 0;
    for d in dst {
        let (v, len) = u32::decode_var(bytes.get(pos..)?)?;
        *d = v as i32;
        pos += len;
    }
    Some(pos)
}

/// `leb128`: `write::unsigned` per value into a `&mut [u8]` writer;
/// returns the bytes written.
///
/// # Panics
/// If `dst` is too short (a caller bug).
#[inline(never)]
pub(crate) fn leb128_write_u32s(dst: &mut [u8], values: &[i32]) -> usize {
    let total = dst.len();
    let mut w: &mut [u8] = dst;
    for &v in values {
        leb128::write::unsigned(&mut w, u64::from(v as u32)).expect("dst holds every value");
    }
    total - w.len()
}

/// `leb128`: `read::unsigned` per value from a `&[u8]` reader; `None` if
/// the input ends first or a value does not fit 64 bits.
#[inline(never)]
pub(crate) fn leb128_read_u32s(bytes: &[u8], dst: &mut [i32]) -> Option<usize> {
    let mut r: &[u8] = bytes;
    for d in dst {
        *d = leb128::read::unsigned(&mut r).ok()? as u32 as i32;
    }
    Some(bytes.len() - r.len())
}

/// `varint-simd`'s unsafe single-value encoder (`encode_unsafe::<u32>`,
/// compiled for the default x86-64 target: SSE2, no BMI2/pdep, which the
/// crate only uses when built with `-C target-feature=+bmi2`), storing all
/// 16 bytes it returns and advancing by the length. `dst` needs
/// [`VARINT_SIMD_SLACK`] bytes past the last value; returns the bytes
/// written.
///
/// # Panics
/// If `dst` is too short (a caller bug).
#[cfg(target_arch = "x86_64")]
#[inline(never)]
pub(crate) fn varint_simd_write_u32s(dst: &mut [u8], values: &[i32]) -> usize {
    let mut pos = 0;
    for &v in values {
        // SAFETY: `encode_unsafe` has no precondition for `u32` (the crate
        // marks it unsafe only because it is built from intrinsics); SSE2 is
        // part of the x86-64 baseline.
        let (bytes, len) = unsafe { varint_simd::encode_unsafe(v as u32) };
        dst[pos..pos + VARINT_SIMD_SLACK].copy_from_slice(&bytes);
        pos += usize::from(len);
    }
    pos
}

/// `varint-simd`'s unsafe single-value decoder (`decode_unsafe::<u32>`)
/// while at least 16 bytes remain, then its safe `decode` for the tail.
/// `bytes` should carry [`VARINT_SIMD_SLACK`] bytes of padding after the
/// varints (the benchmarks pass it so) for the fast path to cover them all;
/// returns the bytes read, `None` if the input ends first.
#[cfg(target_arch = "x86_64")]
#[inline(never)]
pub(crate) fn varint_simd_read_u32s(bytes: &[u8], dst: &mut [i32]) -> Option<usize> {
    let mut pos = 0;
    for d in dst {
        let (v, len) = if pos + VARINT_SIMD_SLACK <= bytes.len() {
            let at = bytes[pos..].as_ptr();
            // SAFETY: 16 bytes from `at` are inside `bytes` (checked just
            // above), all `decode_unsafe` reads.
            unsafe { varint_simd::decode_unsafe::<u32>(at) }
        } else {
            varint_simd::decode::<u32>(&bytes[pos..]).ok()?
        };
        *d = v as i32;
        pos += len;
    }
    (pos <= bytes.len()).then_some(pos)
}

/// `simdutf8::basic::from_utf8` (runtime-dispatched AVX2/SSE4.2 validator).
#[inline(never)]
pub(crate) fn simdutf8_basic(bytes: &[u8]) -> bool {
    simdutf8::basic::from_utf8(bytes).is_ok()
}

/// `simdutf8::compat::from_utf8` (std-compatible errors, slightly slower).
#[inline(never)]
pub(crate) fn simdutf8_compat(bytes: &[u8]) -> bool {
    simdutf8::compat::from_utf8(bytes).is_ok()
}

/// `simd_cesu8::encode_into` into `buf` (cleared first, capacity reused);
/// returns the bytes written.
#[inline(never)]
pub(crate) fn simd_cesu8_encode(s: &str, buf: &mut Vec<u8>) -> usize {
    buf.clear();
    simd_cesu8::encode_into(s, buf);
    buf.len()
}

/// `simd_cesu8::decode_strict`: borrows valid UTF-8, allocates a `String`
/// otherwise (its API has no decode-into); returns the UTF-8 length.
#[inline(never)]
pub(crate) fn simd_cesu8_decode(bytes: &[u8]) -> Option<usize> {
    simd_cesu8::decode_strict(bytes).ok().map(|s| s.len())
}

/// `simd_cesu8::decode_strict`, the decoded text itself (for the tests).
pub(crate) fn simd_cesu8_decoded(bytes: &[u8]) -> Option<String> {
    simd_cesu8::decode_strict(bytes)
        .ok()
        .map(std::borrow::Cow::into_owned)
}
