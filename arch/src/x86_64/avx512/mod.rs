//! The `avx512` kernel level (see [`Kernel`](crate::Kernel)).

mod text;
mod varint;

use super::avx2;

/// Varint kernels of this level.
pub(crate) static VARINT: crate::varint::Fns = crate::varint::Fns {
    encode_i32s: varint::encode_i32s,
    encode_i64s: varint::encode_i64s,
    decode_i32s: varint::decode_i32s,
    decode_i64s: varint::decode_i64s,
    skip_i32s: varint::skip_i32s,
    skip_i64s: varint::skip_i64s,
};

/// Text kernels of this level.
pub(crate) static TEXT: crate::text::Fns = crate::text::Fns {
    first_non_ascii: text::first_non_ascii,
    utf16_len: text::utf16_len,
    supplementary_count: text::supplementary_count,
    utf8_to_cesu8: text::utf8_to_cesu8,
    cesu8_scan: text::cesu8_scan,
    cesu8_to_utf8: text::cesu8_to_utf8,
    cesu8_to_utf16: text::cesu8_to_utf16,
    utf8: text::utf8,
};

/// Array conversion kernels of this level: the AVX2 ones. 512-bit
/// versions (full-width steps, one masked tail) measured 2-6% slower on
/// NaN canonicalisation and no faster on booleans at every destination
/// alignment on Zen 4, which splits 512-bit operations in two: they only
/// add width here, no instruction AVX2 lacks. See `docs/kernels.md`.
pub(crate) static ORDER: crate::order::Fns = crate::order::Fns {
    f32_to_le_canonical: avx2::order::f32_to_le_canonical,
    f64_to_le_canonical: avx2::order::f64_to_le_canonical,
    bools_from_bytes: avx2::order::bools_from_bytes,
};
