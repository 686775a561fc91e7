//! The portable kernels: plain Rust (scalar and SWAR), every architecture.
//!
//! Each function here is the reference its vectorized twins are tested
//! against, and the fallback on hosts without them.

pub mod order;
pub mod text;
pub mod varint;
