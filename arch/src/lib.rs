//! Kernels behind the kryo5 buffer layer.
//!
//! `kryo5-io` keeps the wire rules; this crate keeps the loops that move many
//! bytes at once: runs of varints ([`varint`]), fixed-width arrays between
//! wire and native order ([`order`]), and the text work of Kryo strings
//! ([`text`]). Every operation has a portable implementation in
//! [`portable`], the reference all faster kernels are tested against.
//!
//! [`scalar`] holds the single-value varint codecs that everything shares.

pub mod dispatch;
pub mod order;
pub mod portable;
pub mod scalar;
pub mod text;
pub mod varint;
#[cfg(target_arch = "x86_64")]
mod x86_64;

pub use dispatch::Kernel;
