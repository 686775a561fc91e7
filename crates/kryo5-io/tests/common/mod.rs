//! A small model of buffer operations for the robustness tests: random op
//! sequences, written with kryo5's `Output`, read back through any input.

#![allow(dead_code, unreachable_pub, missing_docs)]

use kryo5_io::sink::Sink;
use kryo5_io::source::Source;
use kryo5_io::{Flavour, InputBuffer, OutputBuffer, Result};
use kryo5_testdata::{Rng, TextMix};

/// One value written and read back by the matching method pair.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    Byte(u8),
    Bool(bool),
    Short(i16),
    Char(u16),
    Int(i32),
    Long(i64),
    Float(u32),
    Double(u64),
    VarInt(i32, bool),
    VarLong(i64, bool),
    VarFlag(bool, i32, bool),
    IntCount(i32, usize),
    LongCount(i64, usize),
    Str(Option<String>),
    Utf16(Option<Vec<u16>>),
    Ascii(String),
    Bytes(Vec<u8>),
    Ints(Vec<i32>),
    VarInts(Vec<i32>, bool),
    Longs(Vec<i64>),
    VarLongs(Vec<i64>, bool),
    Doubles(Vec<u64>),
    Shorts(Vec<i16>),
    Bools(Vec<bool>),
}

impl Op {
    /// A random op.
    pub fn random(rng: &mut Rng) -> Op {
        let n = rng.below(12) as usize;
        match rng.below(24) {
            0 => Op::Byte(rng.next_u32() as u8),
            1 => Op::Bool(rng.bool()),
            2 => Op::Short(rng.next_u32() as i16),
            3 => Op::Char(rng.next_u32() as u16),
            4 => Op::Int(rng.spread_i32()),
            5 => Op::Long(rng.spread_i64()),
            6 => Op::Float(rng.next_u32()),
            7 => Op::Double(rng.next_u64()),
            8 => Op::VarInt(rng.spread_i32(), rng.bool()),
            9 => Op::VarLong(rng.spread_i64(), rng.bool()),
            10 => Op::VarFlag(rng.bool(), rng.spread_i32(), rng.bool()),
            11 => {
                let c = 1 + rng.below(4) as usize;
                let shift = 32 - 8 * c as u32;
                Op::IntCount((rng.spread_i32() << shift) >> shift, c)
            }
            12 => {
                let c = 1 + rng.below(8) as usize;
                let shift = 64 - 8 * c as u32;
                Op::LongCount((rng.spread_i64() << shift) >> shift, c)
            }
            13 => {
                let mix = [
                    TextMix::Ascii,
                    TextMix::MostlyAscii,
                    TextMix::Cjk,
                    TextMix::Any,
                ][rng.below(4) as usize];
                let len = [0, 1, 2, 31, 32, 33, 70][rng.below(7) as usize];
                Op::Str(if rng.below(8) == 0 {
                    None
                } else {
                    Some(rng.string(len, mix))
                })
            }
            14 => Op::Utf16(Some((0..n).map(|_| rng.next_u32() as u16).collect())),
            15 => Op::Ascii(rng.string(2 + n * 4, TextMix::Ascii)),
            16 => Op::Bytes(rng.bytes(n * 7)),
            17 => Op::Ints((0..n).map(|_| rng.spread_i32()).collect()),
            18 => Op::VarInts((0..n).map(|_| rng.spread_i32()).collect(), rng.bool()),
            19 => Op::Longs((0..n).map(|_| rng.spread_i64()).collect()),
            20 => Op::VarLongs((0..n).map(|_| rng.spread_i64()).collect(), rng.bool()),
            21 => Op::Doubles((0..n).map(|_| rng.next_u64()).collect()),
            22 => Op::Shorts((0..n).map(|_| rng.next_u32() as i16).collect()),
            _ => Op::Bools((0..n).map(|_| rng.bool()).collect()),
        }
    }

    /// A random sequence of `n` ops.
    pub fn sequence(rng: &mut Rng, n: usize) -> Vec<Op> {
        (0..n).map(|_| Op::random(rng)).collect()
    }

    /// Writes the op with the matching kryo5 method.
    pub fn write<S: Sink, F: Flavour>(&self, out: &mut OutputBuffer<S, F>) -> Result<()> {
        match self {
            Op::Byte(v) => out.write_byte(*v),
            Op::Bool(v) => out.write_boolean(*v),
            Op::Short(v) => out.write_short(*v),
            Op::Char(v) => out.write_char(*v),
            Op::Int(v) => out.write_int(*v),
            Op::Long(v) => out.write_long(*v),
            Op::Float(v) => out.write_float(f32::from_bits(*v)),
            Op::Double(v) => out.write_double(f64::from_bits(*v)),
            Op::VarInt(v, p) => out.write_var_int(*v, *p).map(drop),
            Op::VarLong(v, p) => out.write_var_long(*v, *p).map(drop),
            Op::VarFlag(f, v, p) => out.write_var_int_flag(*f, *v, *p).map(drop),
            Op::IntCount(v, c) => out.write_int_count(*v, *c),
            Op::LongCount(v, c) => out.write_long_count(*v, *c),
            Op::Str(s) => out.write_string(s.as_deref()),
            Op::Utf16(u) => out.write_string_utf16(u.as_deref()),
            Op::Ascii(s) => out.write_ascii(Some(s)),
            Op::Bytes(b) => out.write_bytes(b),
            Op::Ints(v) => out.write_ints(v),
            Op::VarInts(v, p) => out.write_var_ints(v, *p),
            Op::Longs(v) => out.write_longs(v),
            Op::VarLongs(v, p) => out.write_var_longs(v, *p),
            Op::Doubles(v) => {
                out.write_doubles(&v.iter().map(|&b| f64::from_bits(b)).collect::<Vec<_>>())
            }
            Op::Shorts(v) => out.write_shorts(v),
            Op::Bools(v) => out.write_booleans(v),
        }
    }

    /// Reads the value back with the matching kryo5 method, returning it as
    /// an op so it can be compared with what was written.
    pub fn read<S: Source, F: Flavour>(&self, input: &mut InputBuffer<'_, S, F>) -> Result<Op> {
        Ok(match self {
            Op::Byte(_) => Op::Byte(input.read_byte()?),
            Op::Bool(_) => Op::Bool(input.read_boolean()?),
            Op::Short(_) => Op::Short(input.read_short()?),
            Op::Char(_) => Op::Char(input.read_char()?),
            Op::Int(_) => Op::Int(input.read_int()?),
            Op::Long(_) => Op::Long(input.read_long()?),
            Op::Float(_) => Op::Float(input.read_float()?.to_bits()),
            Op::Double(_) => Op::Double(input.read_double()?.to_bits()),
            Op::VarInt(_, p) => Op::VarInt(input.read_var_int(*p)?, *p),
            Op::VarLong(_, p) => Op::VarLong(input.read_var_long(*p)?, *p),
            Op::VarFlag(_, _, p) => {
                let f = input.peek_var_int_flag()?;
                Op::VarFlag(f, input.read_var_int_flag(*p)?, *p)
            }
            Op::IntCount(_, c) => Op::IntCount(input.read_int_count(*c)?, *c),
            Op::LongCount(_, c) => Op::LongCount(input.read_long_count(*c)?, *c),
            Op::Str(_) => Op::Str(input.read_string()?),
            Op::Utf16(_) => Op::Utf16(
                input
                    .read_string_utf16()?
                    .map(kryo5_io::JavaString::into_units),
            ),
            Op::Ascii(_) => Op::Ascii(input.read_string()?.unwrap_or_default()),
            Op::Bytes(b) => Op::Bytes(input.read_bytes(b.len())?),
            Op::Ints(v) => Op::Ints(input.read_ints(v.len())?),
            Op::VarInts(v, p) => {
                let mut out = vec![0; v.len()];
                input.read_var_ints_into(&mut out, *p)?;
                Op::VarInts(out, *p)
            }
            Op::Longs(v) => Op::Longs(input.read_longs(v.len())?),
            Op::VarLongs(v, p) => {
                let mut out = vec![0; v.len()];
                input.read_var_longs_into(&mut out, *p)?;
                Op::VarLongs(out, *p)
            }
            Op::Doubles(v) => Op::Doubles(
                input
                    .read_doubles(v.len())?
                    .iter()
                    .map(|d| d.to_bits())
                    .collect(),
            ),
            Op::Shorts(v) => Op::Shorts(input.read_shorts(v.len())?),
            Op::Bools(v) => Op::Bools(input.read_booleans(v.len())?),
        })
    }

    /// The op as it reads back: the safe flavour canonicalises NaN.
    pub fn canonical(&self) -> Op {
        fn f(bits: u32) -> u32 {
            if f32::from_bits(bits).is_nan() {
                0x7fc0_0000
            } else {
                bits
            }
        }
        fn d(bits: u64) -> u64 {
            if f64::from_bits(bits).is_nan() {
                0x7ff8_0000_0000_0000
            } else {
                bits
            }
        }
        match self {
            Op::Float(b) => Op::Float(f(*b)),
            Op::Double(b) => Op::Double(d(*b)),
            Op::Doubles(v) => Op::Doubles(v.iter().map(|&b| d(b)).collect()),
            other => other.clone(),
        }
    }
}

/// A reader handing out at most `step` bytes per call: exercises every
/// refill path of a stream input.
pub struct Trickle<'a> {
    pub data: &'a [u8],
    pub step: usize,
}

impl std::io::Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.data.len().min(buf.len()).min(self.step);
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}
