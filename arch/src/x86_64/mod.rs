//! x86-64 kernels, one module per instruction-set level. The only place in
//! kryo5 with `core::arch` intrinsics (with `portable`'s safe code as their
//! reference).

pub(crate) mod avx2;
pub(crate) mod avx512;
pub(crate) mod sse2;
mod text_shared;
mod varint_shared;
