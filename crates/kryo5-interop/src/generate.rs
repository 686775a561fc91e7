//! Seeded op and data generators for the interop tests.
//!
//! Values come from [`kryo5_testdata`]: random draws ([`Rng`] with
//! `spread_*` so every varint length is likely, `string` with every
//! [`TextMix`]) mixed with the format's edge values (`edge_i32`, `edge_i64`,
//! `edge_f32_bits`, `edge_f64_bits`, `edge_strings`; spec section 13).

use kryo5::io::Output;
use kryo5_testdata::{
    Rng, TextMix, edge_f32_bits, edge_f64_bits, edge_i32, edge_i64, edge_strings,
};

use crate::ops::{ArrayApi, ArrayKind, ReadOp, StrApi, WriteOp};
use crate::oracle::has_lone_surrogate;
use crate::value::Value;

/// Precisions for `writeVarFloat`/`readVarFloat` (never 0 or NaN: 0/0 has
/// no single NaN bit pattern across platforms).
const F32_PRECISIONS: [f32; 9] = [1.0, 10.0, 100.0, 1000.0, 0.5, 3.0, -2.0, 1e-3, 1e6];
/// Precisions for `writeVarDouble`/`readVarDouble`.
const F64_PRECISIONS: [f64; 9] = [1.0, 10.0, 100.0, 1000.0, 0.5, 3.0, -2.0, 1e-3, 1e9];

/// Java strings worth writing that a Rust `String` cannot hold.
const LONE_SURROGATES: [&[u16]; 7] = [
    &[0xd800],
    &[0xdc00],
    &[0xdbff, 0xdbff],
    &[0x61, 0xd800],
    &[0xdfff, 0xd800, 0x62],
    &[0xd83d, 0x61, 0xde00],
    &[0xde00, 0xd83d],
];

/// A seeded generator with the edge-value pools loaded once.
#[derive(Clone, Debug)]
pub struct Gen {
    /// The random source; use it directly for ad-hoc draws.
    pub rng: Rng,
    i32s: Vec<i32>,
    i64s: Vec<i64>,
    f32s: Vec<u32>,
    f64s: Vec<u64>,
    strings: Vec<String>,
}

impl Gen {
    /// A generator seeded with `seed`.
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Gen {
            rng: Rng::new(seed),
            i32s: edge_i32(),
            i64s: edge_i64(),
            f32s: edge_f32_bits(),
            f64s: edge_f64_bits(),
            strings: edge_strings(),
        }
    }

    /// One of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.rng.below(items.len() as u64) as usize]
    }

    /// Shuffles `items` (Fisher-Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.rng.below(i as u64 + 1) as usize);
        }
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.rng.below(100) < percent
    }

    /// An int: an edge value a quarter of the time, else spread over all
    /// varint lengths.
    pub fn int(&mut self) -> i32 {
        if self.chance(25) {
            self.i32s[self.rng.below(self.i32s.len() as u64) as usize]
        } else {
            self.rng.spread_i32()
        }
    }

    /// A long, as [`Gen::int`].
    pub fn long(&mut self) -> i64 {
        if self.chance(25) {
            self.i64s[self.rng.below(self.i64s.len() as u64) as usize]
        } else {
            self.rng.spread_i64()
        }
    }

    /// Float bits: edge patterns, random bits (NaN payloads), ordinary values.
    pub fn f32_bits(&mut self) -> u32 {
        match self.rng.below(4) {
            0 => self.f32s[self.rng.below(self.f32s.len() as u64) as usize],
            1 => self.rng.next_u32(),
            _ => (self.rng.spread_i32() as f32 / 1000.0).to_bits(),
        }
    }

    /// Double bits, as [`Gen::f32_bits`].
    pub fn f64_bits(&mut self) -> u64 {
        match self.rng.below(4) {
            0 => self.f64s[self.rng.below(self.f64s.len() as u64) as usize],
            1 => self.rng.next_u64(),
            _ => (self.rng.spread_i64() as f64 / 1e6).to_bits(),
        }
    }

    /// An array or string length: mostly short, sometimes past a small
    /// stream buffer.
    pub fn length(&mut self) -> usize {
        if self.chance(12) {
            17 + self.rng.below(240) as usize
        } else {
            self.rng.below(17) as usize
        }
    }

    /// Rust text: an edge string, or random characters of any [`TextMix`].
    pub fn text(&mut self) -> String {
        if self.chance(20) {
            return self.strings[self.rng.below(self.strings.len() as u64) as usize].clone();
        }
        let mix = *self.pick(&[
            TextMix::Ascii,
            TextMix::MostlyAscii,
            TextMix::Cjk,
            TextMix::Any,
        ]);
        let n = if self.chance(30) {
            self.rng.below(40) as usize
        } else {
            self.length()
        };
        self.rng.string(n, mix)
    }

    /// A Java string as UTF-16 units, lone surrogates included.
    pub fn units(&mut self) -> Vec<u16> {
        let mut units: Vec<u16> = self.text().encode_utf16().collect();
        if self.chance(40) {
            let at = self.rng.below(units.len() as u64 + 1) as usize;
            let lone = *self.pick(&LONE_SURROGATES);
            units.splice(at..at, lone.iter().copied());
        }
        units
    }

    /// ASCII text for `writeAscii`, any length.
    pub fn ascii(&mut self) -> String {
        let n = match self.rng.below(4) {
            0 => self.rng.below(3) as usize,
            1 => 30 + self.rng.below(6) as usize,
            _ => self.length(),
        };
        self.rng.string(n, TextMix::Ascii)
    }

    /// `Some(value)`, or `None` (Java `null`) one time in twenty.
    fn maybe<T>(&mut self, value: impl FnOnce(&mut Self) -> T) -> Option<T> {
        if self.chance(5) {
            None
        } else {
            Some(value(self))
        }
    }

    /// The elements of a random array of `kind`.
    pub fn array_items(&mut self, kind: ArrayKind) -> Vec<Value> {
        let n = self.length();
        (0..n)
            .map(|_| match kind {
                ArrayKind::Bytes => Value::Int((self.rng.next_u32() as u8).into()),
                ArrayKind::Ints | ArrayKind::IntsOpt(_) | ArrayKind::VarInts(_) => {
                    Value::Int(self.int().into())
                }
                ArrayKind::Longs | ArrayKind::LongsOpt(_) | ArrayKind::VarLongs(_) => {
                    Value::Int(self.long())
                }
                ArrayKind::Floats => Value::F32(self.f32_bits()),
                ArrayKind::Doubles => Value::F64(self.f64_bits()),
                ArrayKind::Shorts => Value::Int((self.int() as i16).into()),
                ArrayKind::Chars => Value::Int((self.int() as u16).into()),
                ArrayKind::Booleans => Value::Bool(self.rng.bool()),
            })
            .collect()
    }

    /// One random write op of any method (no `Flush`, chunk or nesting ops).
    pub fn write_op(&mut self) -> WriteOp {
        let b = self.rng.bool();
        match self.rng.below(25) {
            0 => WriteOp::Byte(self.int() as i8),
            1 => WriteOp::Boolean(b),
            2 => WriteOp::Short(self.int() as i16),
            3 => WriteOp::Char(self.int() as u16),
            4 => WriteOp::Int(self.int()),
            5 => WriteOp::Long(self.long()),
            6 => WriteOp::Float(self.f32_bits()),
            7 => WriteOp::Double(self.f64_bits()),
            8 => WriteOp::IntCount(self.int(), self.rng.below(5) as u8),
            9 => WriteOp::LongCount(self.long(), self.rng.below(9) as u8),
            10 => WriteOp::VarInt(self.int(), b),
            11 => WriteOp::VarLong(self.long(), b),
            12 => WriteOp::VarIntFlag(self.rng.bool(), self.int(), b),
            13 => WriteOp::IntOpt(self.int(), b),
            14 => WriteOp::LongOpt(self.long(), b),
            15 => {
                let p = *self.pick(&F32_PRECISIONS);
                WriteOp::VarFloat(self.f32_bits(), p.to_bits(), b)
            }
            16 => {
                let p = *self.pick(&F64_PRECISIONS);
                WriteOp::VarDouble(self.f64_bits(), p.to_bits(), b)
            }
            17 | 18 => WriteOp::StringUtf8(self.maybe(Self::text)),
            19 => WriteOp::StringUtf16(self.maybe(Self::units)),
            20 => WriteOp::Ascii(self.maybe(Self::ascii)),
            21 => match self.rng.below(4) {
                0 => WriteOp::IntLength(self.int(), b),
                1 => WriteOp::LongLength(self.int(), b),
                2 => WriteOp::VarIntLength(self.int(), b),
                _ => WriteOp::VarLongLength(self.long(), b),
            },
            _ => {
                let kind = *self.pick(&ArrayKind::ALL);
                WriteOp::array(kind, self.array_items(kind))
            }
        }
    }

    /// A random write op whose widest `require` fits a `buffer` byte stream
    /// buffer (see [`WriteOp::widest_unit`]).
    pub fn write_op_fitting(&mut self, buffer: usize, var_len: bool) -> WriteOp {
        loop {
            let op = self.write_op();
            if op.widest_unit(var_len) <= buffer {
                return op;
            }
        }
    }

    /// `n` random write ops with an occasional `Flush`.
    pub fn write_ops(&mut self, n: usize) -> Vec<WriteOp> {
        (0..n)
            .map(|_| {
                if self.chance(3) {
                    WriteOp::Flush
                } else {
                    self.write_op()
                }
            })
            .collect()
    }

    /// A run of ops for a chunked output of `buffer` bytes: `EndChunk` at
    /// random points and at the end, occasional `Flush`, and when `nested`
    /// is `Some(inner)`, blocks written through a nested chunked output of
    /// `inner` bytes (`Push(inner)` .. `EndChunk` `Pop`).
    pub fn chunked_ops(
        &mut self,
        n: usize,
        buffer: usize,
        var_len: bool,
        nested: Option<usize>,
    ) -> Vec<WriteOp> {
        let mut ops = Vec::with_capacity(n + n / 4);
        while ops.len() < n {
            match (self.rng.below(100), nested) {
                (0..8, _) => ops.push(WriteOp::EndChunk),
                (8..10, _) => ops.push(WriteOp::Flush),
                (10..16, Some(inner)) => ops.extend(self.nested_block(inner)),
                _ => ops.push(self.write_op_fitting(buffer, var_len)),
            }
        }
        ops.push(WriteOp::EndChunk);
        ops
    }

    /// `Push(inner)`, random ops through the nested chunked output (which
    /// keeps Java's default, variable-length encoding on), `EndChunk`, `Pop`.
    fn nested_block(&mut self, inner: usize) -> Vec<WriteOp> {
        let mut ops = vec![WriteOp::Push(inner)];
        for _ in 0..self.rng.below(12) {
            ops.push(match self.rng.below(10) {
                0 => WriteOp::EndChunk,
                1 => WriteOp::Flush,
                _ => self.write_op_fitting(inner, true),
            });
        }
        ops.extend([WriteOp::EndChunk, WriteOp::Pop]);
        ops
    }

    /// Picks the kryo5 API of every string and array read at random (the
    /// Java call is the same), keeping the lossless string API where the
    /// expected string has a lone surrogate.
    pub fn vary_apis(&mut self, ops: &mut [ReadOp], expected: &[Value]) {
        for (op, want) in ops.iter_mut().zip(expected) {
            match op {
                ReadOp::String(api) => {
                    let lone = matches!(want, Value::Str(Some(u)) if has_lone_surrogate(u));
                    if !lone {
                        *api =
                            *self.pick(&[StrApi::Utf16, StrApi::Utf8, StrApi::Into, StrApi::View]);
                    }
                }
                ReadOp::Array(_, _, api) => {
                    *api = *self.pick(&[ArrayApi::Vec, ArrayApi::Into, ArrayApi::View]);
                }
                _ => {}
            }
        }
    }

    /// Drops the tail of random runs of a chunked read-back (as a reader
    /// skipping fields it does not know): from a random read on, every op
    /// up to that run's `NextChunk` goes, nested blocks within included.
    pub fn skip_ahead(&mut self, ops: &[ReadOp], expected: &[Value]) -> (Vec<ReadOp>, Vec<Value>) {
        let mut kept = (Vec::new(), Vec::new());
        let mut depth = 0usize;
        let mut skipping: Option<usize> = None;
        for (op, want) in ops.iter().zip(expected) {
            let level = depth;
            match op {
                ReadOp::Push(_) => depth += 1,
                ReadOp::Pop => depth -= 1,
                _ => {}
            }
            if let Some(d) = skipping {
                if matches!(op, ReadOp::NextChunk) && level == d {
                    skipping = None;
                    kept.0.push(op.clone());
                    kept.1.push(want.clone());
                }
                continue;
            }
            let plain = !matches!(
                op,
                ReadOp::NextChunk | ReadOp::Push(_) | ReadOp::Pop | ReadOp::End
            );
            if plain && self.chance(8) {
                skipping = Some(level);
                continue;
            }
            kept.0.push(op.clone());
            kept.1.push(want.clone());
        }
        kept
    }

    /// One random read op for arbitrary bytes: every numeric read, strings,
    /// short arrays, `canRead*`, `skip`, `end`.
    pub fn read_op(&mut self) -> ReadOp {
        let b = self.rng.bool();
        let n = self.rng.below(6) as usize;
        match self.rng.below(34) {
            0 => ReadOp::Byte,
            1 => ReadOp::ByteUnsigned,
            2 => ReadOp::Boolean,
            3 => ReadOp::Short,
            4 => ReadOp::ShortUnsigned,
            5 => ReadOp::Char,
            6 => ReadOp::Int,
            7 => ReadOp::Long,
            8 => ReadOp::Float,
            9 => ReadOp::Double,
            // Counts 0 and 5 (9) are invalid: Java throws, kryo5 refuses.
            10 => ReadOp::IntCount(self.rng.below(6) as u8),
            11 => ReadOp::LongCount(self.rng.below(10) as u8),
            12 | 13 => ReadOp::VarInt(b),
            14 | 15 => ReadOp::VarLong(b),
            16 => ReadOp::VarIntFlagPeek,
            17 => ReadOp::VarIntFlag(b),
            18 => ReadOp::IntOpt(b),
            19 => ReadOp::LongOpt(b),
            20 => ReadOp::VarFloat(self.pick(&F32_PRECISIONS).to_bits(), b),
            21 => ReadOp::VarDouble(self.pick(&F64_PRECISIONS).to_bits(), b),
            22..25 => ReadOp::String(*self.pick(&[
                StrApi::Utf16,
                StrApi::Utf8,
                StrApi::Into,
                StrApi::View,
            ])),
            25 | 26 => ReadOp::Array(
                *self.pick(&ArrayKind::ALL),
                n,
                *self.pick(&[ArrayApi::Vec, ArrayApi::Into, ArrayApi::View]),
            ),
            27 if b => ReadOp::SkipVarInts(n),
            27 => ReadOp::SkipVarLongs(n),
            28 => ReadOp::CanReadVarInt,
            29 => ReadOp::CanReadVarLong,
            30 => ReadOp::CanReadInt,
            31 => ReadOp::CanReadLong,
            32 => ReadOp::Skip(n),
            _ => ReadOp::End,
        }
    }

    /// Bytes for the random-bytes readers: junk biased towards varint and
    /// UTF-8 patterns (continuation bits, `ff`, `00`, lead bytes), mixed
    /// with pieces Kryo really writes (strings, varints), so both the
    /// error paths and the valid paths are reached.
    pub fn input(&mut self, len: usize) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(len + 16);
        while bytes.len() < len {
            if self.chance(30) {
                bytes.extend(self.encoded_piece());
                continue;
            }
            let r = self.rng.next_u32() as u8;
            bytes.push(match self.rng.below(10) {
                0..4 => r,
                4 | 5 => r | 0x80,
                6 => 0xff,
                7 => 0,
                8 => r & 0x0f,
                _ => *self.pick(&[0xc3, 0xe2, 0xed, 0xf0, 0xc0, 0xe0, 0x80, 0xbf]),
            });
        }
        bytes
    }

    /// A value as kryo5 writes it (checked against Java by the write tests).
    fn encoded_piece(&mut self) -> Vec<u8> {
        let mut out = Output::new();
        let result = match self.rng.below(4) {
            0 => {
                let units = self.maybe(Self::units);
                out.write_string_utf16(units.as_deref())
            }
            1 => out.write_var_int(self.int(), true).map(drop),
            2 => out.write_var_long(self.long(), false).map(drop),
            _ => out
                .write_var_int_flag(self.rng.bool(), self.int(), true)
                .map(drop),
        };
        result.expect("writing to memory cannot fail");
        out.into_vec()
    }
}

/// The ops of every method with every edge value (spec section 13 and
/// `kryo5_testdata`'s edge pools), each in every mode it has.
#[must_use]
pub fn edge_write_ops() -> Vec<WriteOp> {
    let mut ops = Vec::new();
    for v in edge_i32() {
        ops.extend([
            WriteOp::Int(v),
            WriteOp::Byte(v as i8),
            WriteOp::Short(v as i16),
            WriteOp::Char(v as u16),
        ]);
        for o in [true, false] {
            ops.extend([
                WriteOp::VarInt(v, o),
                WriteOp::IntOpt(v, o),
                WriteOp::VarIntFlag(true, v, o),
                WriteOp::VarIntFlag(false, v, o),
                WriteOp::IntLength(v, o),
                WriteOp::LongLength(v, o),
                WriteOp::VarIntLength(v, o),
            ]);
        }
        ops.extend((0..=4).map(|c| WriteOp::IntCount(v, c)));
    }
    for v in edge_i64() {
        ops.push(WriteOp::Long(v));
        for o in [true, false] {
            ops.extend([
                WriteOp::VarLong(v, o),
                WriteOp::LongOpt(v, o),
                WriteOp::VarLongLength(v, o),
            ]);
        }
        ops.extend((0..=8).map(|c| WriteOp::LongCount(v, c)));
    }
    ops.extend([WriteOp::Boolean(true), WriteOp::Boolean(false)]);
    for b in edge_f32_bits() {
        ops.push(WriteOp::Float(b));
        for p in F32_PRECISIONS {
            ops.push(WriteOp::VarFloat(b, p.to_bits(), true));
            ops.push(WriteOp::VarFloat(b, p.to_bits(), false));
        }
    }
    for b in edge_f64_bits() {
        ops.push(WriteOp::Double(b));
        for p in F64_PRECISIONS {
            ops.push(WriteOp::VarDouble(b, p.to_bits(), true));
            ops.push(WriteOp::VarDouble(b, p.to_bits(), false));
        }
    }
    ops.extend([
        WriteOp::StringUtf8(None),
        WriteOp::StringUtf16(None),
        WriteOp::Ascii(None),
    ]);
    for s in edge_strings() {
        ops.push(WriteOp::StringUtf16(Some(s.encode_utf16().collect())));
        if s.is_ascii() {
            ops.push(WriteOp::Ascii(Some(s.clone())));
        }
        ops.push(WriteOp::StringUtf8(Some(s)));
    }
    ops.extend(
        LONE_SURROGATES
            .iter()
            .map(|u| WriteOp::StringUtf16(Some(u.to_vec()))),
    );
    ops.extend(edge_arrays());
    ops
}

/// Every array kind empty, with one element, and with each edge pool whole.
fn edge_arrays() -> Vec<WriteOp> {
    let ints = || Value::ints(edge_i32());
    let longs = || Value::ints(edge_i64());
    let items = |v: Value| match v {
        Value::List(items) => items,
        _ => unreachable!(),
    };
    let mut ops = Vec::new();
    for kind in ArrayKind::ALL {
        ops.push(WriteOp::array(kind, Vec::new()));
        let full = match kind {
            ArrayKind::Bytes => (0..=255).map(Value::Int).collect(),
            ArrayKind::Ints | ArrayKind::IntsOpt(_) | ArrayKind::VarInts(_) => items(ints()),
            ArrayKind::Longs | ArrayKind::LongsOpt(_) | ArrayKind::VarLongs(_) => items(longs()),
            ArrayKind::Floats => edge_f32_bits().into_iter().map(Value::F32).collect(),
            ArrayKind::Doubles => edge_f64_bits().into_iter().map(Value::F64).collect(),
            ArrayKind::Shorts => edge_i32()
                .into_iter()
                .map(|v| Value::Int((v as i16).into()))
                .collect(),
            ArrayKind::Chars => edge_i32()
                .into_iter()
                .map(|v| Value::Int((v as u16).into()))
                .collect(),
            ArrayKind::Booleans => [true, false, false, true].map(Value::Bool).to_vec(),
        };
        ops.push(WriteOp::array(kind, full[..1].to_vec()));
        ops.push(WriteOp::array(kind, full));
    }
    ops
}

/// The read ops that read `ops` back, with the values they must return,
/// followed by `end()` returning `true`.
#[must_use]
pub fn read_back(ops: &[WriteOp], native: bool) -> (Vec<ReadOp>, Vec<Value>) {
    ops.iter()
        .flat_map(|op| op.read_back(native))
        .chain([(ReadOp::End, Value::Bool(true))])
        .unzip()
}
