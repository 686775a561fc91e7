//! What the AVX2 and AVX-512 text kernels share: the decisions taken on
//! byte-class bit masks (one bit per input byte, bit `i` for byte `i` of a
//! block of up to 64), the scalar pieces, and the hand-offs to the portable
//! kernels with offsets translated back.
//!
//! No intrinsics here except `pdep` (BMI2, present at both levels); the
//! vector code only computes the masks.

use core::arch::x86_64::_pdep_u64;

use crate::portable::text as portable;
use crate::text::{Scan, TextError};

/// The lowest `n` bits set (`n` in `0..=64`).
#[inline(always)]
pub(super) const fn low(n: u32) -> u64 {
    if n >= 64 { u64::MAX } else { (1u64 << n) - 1 }
}

/// Byte classes of a block of CESU-8 (or UTF-8), one bit per byte.
#[derive(Clone, Copy, Debug)]
pub(super) struct Classes {
    /// Continuation bytes, `80..=bf`.
    pub(super) cont: u64,
    /// Two-byte leads, `c0..=df`.
    pub(super) lead2: u64,
    /// Three-byte leads, `e0..=ef`.
    pub(super) lead3: u64,
    /// Bytes that start no unit Kryo writes, `f0..=ff`.
    pub(super) bad: u64,
}

impl Classes {
    /// Positions that must hold continuation bytes after the leads in
    /// `window` (bits past 63 are lost: see [`Classes::spills`]).
    #[inline(always)]
    fn expected(self, window: u64) -> u64 {
        (((self.lead2 | self.lead3) & window) << 1) | ((self.lead3 & window) << 2)
    }

    /// Whether a lead near bit 63 expects continuation bytes past the block.
    #[inline(always)]
    fn spills(self) -> bool {
        ((self.lead2 | self.lead3) >> 63) | (self.lead3 >> 62) != 0
    }

    /// How many continuation bytes the leads in the lowest `width`
    /// positions (`1..=64`) expect past them: 0, 1 or 2.
    #[inline(always)]
    fn spill(self, width: u32) -> u32 {
        let w = low(width);
        let (leads, lead3) = (
            u128::from((self.lead2 | self.lead3) & w),
            u128::from(self.lead3 & w),
        );
        ((leads << 1 | lead3 << 2) >> width).count_ones()
    }
}

/// One block of [`crate::text::cesu8_scan`], as relative offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ScanBlock {
    /// The `need` units end `bytes` into the block.
    Done {
        /// Bytes of the block the units take.
        bytes: u32,
    },
    /// `units` whole units in the first `bytes` bytes; the walk goes on
    /// from there (the next lead byte, or the end of the block).
    Advance {
        /// Bytes consumed.
        bytes: u32,
        /// Units found in them.
        units: u32,
    },
    /// Something the lead-byte walk would treat differently from a
    /// well-formed block (a byte `f0..=ff`, a stray or missing continuation
    /// byte): the portable walk takes over from the start of the block.
    Irregular,
}

/// Where the lead-byte walk leaves a block of `n` bytes (`1..=64`) that
/// passed [`scan_block`]'s checks: in front of a lead whose continuation
/// bytes lie past the block (or the input), else at the end of the block.
#[target_feature(enable = "lzcnt")]
#[inline]
pub(super) fn walk_end(c: Classes, n: u32) -> u32 {
    let valid = low(n);
    let straddles = c.spills() || c.expected(valid) & !valid != 0;
    // The straddling lead is the last lead of the block.
    if straddles {
        63 - (!c.cont & valid).leading_zeros()
    } else {
        n
    }
}

/// The portable lead-byte walk over a block of `n` bytes (`1..=64`) that
/// starts at a unit boundary, needing `need` (> 0) more units, decided from
/// the class masks: when every lead is followed by exactly the continuation
/// bytes it announces, the walk steps on exactly the non-continuation bytes,
/// so counting those is the walk.
#[target_feature(enable = "bmi1,bmi2,popcnt,lzcnt")]
#[inline]
pub(super) fn scan_block(c: Classes, n: u32, need: usize) -> ScanBlock {
    let valid = low(n);
    if c.bad & valid != 0 || (c.cont ^ c.expected(valid)) & valid != 0 {
        return ScanBlock::Irregular;
    }
    let end = walk_end(c, n);
    let leads = !c.cont & valid;
    let found = (leads & low(end)).count_ones();
    if need < found as usize {
        // The lead that starts unit number `need` (counting from 0).
        let at = _pdep_u64(1u64 << need, leads).trailing_zeros();
        ScanBlock::Done { bytes: at }
    } else if need == found as usize {
        ScanBlock::Done { bytes: end }
    } else {
        ScanBlock::Advance {
            bytes: end,
            units: found,
        }
    }
}

/// One block of the fixed-stride scan: a full 64-byte block whose first
/// `carry` bytes continue the last unit of the block before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum FixedScan {
    /// The `need` units end `bytes` into the block.
    Done {
        /// Bytes of the block up to the end of the units.
        bytes: u32,
    },
    /// All `units` leads of the block are counted (the last unit may run
    /// `carry` bytes into the next block; it starts at `last_lead`).
    Next {
        /// Leads in the block.
        units: u32,
        /// Continuation bytes of the last unit in the next block.
        carry: u32,
        /// Offset of the last lead in the block.
        last_lead: u32,
    },
    /// As [`ScanBlock::Irregular`].
    Irregular,
}

/// [`scan_block`] for the fast loop, which steps by whole blocks so that
/// no block's address waits for the work on the block before: units are
/// counted at their lead, and a unit running past the block is carried
/// into the next one as `carry` expected continuation bytes.
#[target_feature(enable = "bmi1,bmi2,popcnt,lzcnt")]
#[inline]
pub(super) fn scan_fixed(c: Classes, carry: u32, need: usize) -> FixedScan {
    if c.bad != 0 || c.cont != c.expected(u64::MAX) | low(carry) {
        return FixedScan::Irregular;
    }
    let leads = !c.cont;
    let found = leads.count_ones();
    if need < found as usize {
        let at = _pdep_u64(1u64 << need, leads).trailing_zeros();
        return FixedScan::Done { bytes: at };
    }
    FixedScan::Next {
        units: found,
        carry: c.spill(64),
        last_lead: 63 - leads.leading_zeros(),
    }
}

/// The structure of one window of strict CESU-8 decoding: `window`
/// (`1..=62`) positions whose first `carry` bytes continue a unit of the
/// window before, and whose other non-continuation bytes must start units
/// with exactly the continuation bytes they announce (which may run up to
/// 2 bytes past the window). Bits past the bytes actually present must be
/// clear in every mask.
///
/// Returns the lead positions and how many continuation bytes the last
/// unit has past the window, or `None` if the structure is broken. The
/// caller still checks the values: a unit from a 2-byte lead must be at
/// least `0x80` (`c0`, `c1` are not leads) and one from a 3-byte lead at
/// least `0x800` (no overlongs); with both checks, `None` or a failed value
/// check means exactly that [`crate::portable::text::cesu8_to_utf16`]
/// reports an error starting in this window or in the unit carried into it.
#[inline(always)]
pub(super) fn decode_window(c: Classes, window: u32, carry: u32) -> Option<(u64, u32)> {
    let w = low(window);
    let expect = c.expected(w) | low(carry);
    if c.bad & w != 0 || (c.cont ^ expect) & (w | expect) != 0 {
        return None;
    }
    Some((!c.cont & w, (expect >> window).count_ones()))
}

/// UTF-16 output gathered in a local buffer, so that vector stores go to
/// an index kept in a register rather than through the vector's length, and
/// appended to the destination in batches.
pub(super) struct Staging {
    buf: [u16; STAGE],
    len: usize,
}

/// Units a [`Staging`] buffer holds.
const STAGE: usize = 512;

impl Staging {
    pub(super) fn new() -> Staging {
        Staging {
            buf: [0; STAGE],
            len: 0,
        }
    }

    /// Room for a store of up to 64 units at the end of what is staged
    /// (flushing to `dst` first if needed); [`Staging::commit`] then keeps
    /// the first units stored.
    #[inline(always)]
    pub(super) fn room(&mut self, dst: &mut Vec<u16>) -> &mut [u16; 64] {
        if self.len > STAGE - 64 {
            self.flush(dst);
        }
        self.buf[self.len..]
            .first_chunk_mut()
            .expect("len <= STAGE - 64")
    }

    /// Keeps `n` more units (at most the 64 of the last [`Staging::room`]).
    #[inline(always)]
    pub(super) fn commit(&mut self, n: usize) {
        self.len += n;
    }

    /// Takes back the last unit kept, right after the [`Staging::commit`]
    /// that kept it (which follows a [`Staging::room`], after any flush).
    pub(super) fn unpush(&mut self) {
        self.len -= 1;
    }

    /// Appends what is staged to `dst` (inlined, so that the length can
    /// stay in a register in the kernels' loops).
    #[inline(always)]
    pub(super) fn flush(&mut self, dst: &mut Vec<u16>) {
        dst.extend_from_slice(&self.buf[..self.len]);
        self.len = 0;
    }
}

/// The rest of a scan, from the unit boundary `pos` with `done` units found,
/// by the portable walk.
pub(super) fn scan_rest(src: &[u8], pos: usize, done: usize, units: usize) -> Scan {
    match portable::cesu8_scan(&src[pos..], units - done) {
        Scan::Complete { bytes } => Scan::Complete { bytes: pos + bytes },
        Scan::Truncated { units, bytes } => Scan::Truncated {
            units: done + units,
            bytes: pos + bytes,
        },
        Scan::Invalid { at } => Scan::Invalid { at: pos + at },
    }
}

/// The rest of a UTF-16 decode, from the unit boundary `pos`, by the
/// portable kernel.
pub(super) fn utf16_rest(src: &[u8], pos: usize, dst: &mut Vec<u16>) -> Result<(), TextError> {
    portable::cesu8_to_utf16(&src[pos..], dst).map_err(|e| TextError {
        at: pos + e.at,
        ..e
    })
}

/// Length of an unfinished sequence at the end of `done`, a prefix that has
/// passed a UTF-8 check except for sequences running past its end.
#[inline]
pub(super) fn unfinished(done: &[u8]) -> usize {
    match *done {
        [.., b] if b >= 0xc0 => 1,
        [.., b, _] if b >= 0xe0 => 2,
        [.., b, _, _] if b >= 0xf0 => 3,
        _ => 0,
    }
}

/// Writes the 4-byte UTF-8 sequence `b` (a supplementary character) as its
/// CESU-8 surrogate pair; exactly what the portable kernel writes.
#[inline]
pub(super) fn put_pair(b: &[u8; 4], out: &mut [u8; 6]) {
    let cp = (u32::from(b[0] & 0x07) << 18)
        | (u32::from(b[1] & 0x3f) << 12)
        | (u32::from(b[2] & 0x3f) << 6)
        | u32::from(b[3] & 0x3f);
    let u = cp - 0x1_0000;
    let hi = 0xd800 | (u >> 10);
    let lo = 0xdc00 | (u & 0x3ff);
    *out = [
        0xe0 | (hi >> 12) as u8,
        0x80 | ((hi >> 6) & 0x3f) as u8,
        0x80 | (hi & 0x3f) as u8,
        0xe0 | (lo >> 12) as u8,
        0x80 | ((lo >> 6) & 0x3f) as u8,
        0x80 | (lo & 0x3f) as u8,
    ];
}

/// Backs `(i, o)` up to the start of the character containing source byte
/// `i`, for handing the rest of a `&str` to the portable kernel after a
/// block copy that may have ended inside a 2- or 3-byte character (the
/// bytes stepped back over were copied verbatim, and are copied again).
#[inline]
pub(super) fn char_boundary(s: &str, mut i: usize, mut o: usize) -> (usize, usize) {
    while !s.is_char_boundary(i) {
        i -= 1;
        o -= 1;
    }
    (i, o)
}

// ----- UTF-8 check tables ----------------------------------------------------
//
// The lookup-table UTF-8 check of Keiser and Lemire ("Validating UTF-8 in
// less than one instruction per byte", Software: Practice and Experience,
// 2021). Each byte is classified by the high nibble of the byte before it,
// the low nibble of the byte before it and its own high nibble; the three
// 16-entry lookups are ANDed, and a bit that survives names an error.

const TOO_SHORT: u8 = 1 << 0;
const TOO_LONG: u8 = 1 << 1;
const OVERLONG_3: u8 = 1 << 2;
const TOO_LARGE: u8 = 1 << 3;
const SURROGATE: u8 = 1 << 4;
const OVERLONG_2: u8 = 1 << 5;
const TOO_LARGE_1000: u8 = 1 << 6;
const OVERLONG_4: u8 = 1 << 6;
const TWO_CONTS: u8 = 1 << 7;
const CARRY: u8 = TOO_SHORT | TOO_LONG | TWO_CONTS;

/// By the high nibble of the previous byte.
pub(super) const KL_BYTE_1_HIGH: [u8; 16] = [
    TOO_LONG,
    TOO_LONG,
    TOO_LONG,
    TOO_LONG,
    TOO_LONG,
    TOO_LONG,
    TOO_LONG,
    TOO_LONG,
    TWO_CONTS,
    TWO_CONTS,
    TWO_CONTS,
    TWO_CONTS,
    TOO_SHORT | OVERLONG_2,
    TOO_SHORT,
    TOO_SHORT | OVERLONG_3 | SURROGATE,
    TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4,
];

/// By the low nibble of the previous byte.
pub(super) const KL_BYTE_1_LOW: [u8; 16] = [
    CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4,
    CARRY | OVERLONG_2,
    CARRY,
    CARRY,
    CARRY | TOO_LARGE,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
];

/// By the high nibble of the byte itself.
pub(super) const KL_BYTE_2_HIGH: [u8; 16] = [
    TOO_SHORT,
    TOO_SHORT,
    TOO_SHORT,
    TOO_SHORT,
    TOO_SHORT,
    TOO_SHORT,
    TOO_SHORT,
    TOO_SHORT,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
    TOO_SHORT,
    TOO_SHORT,
    TOO_SHORT,
    TOO_SHORT,
];

/// Saturating-subtract limits that leave a non-zero byte where one of the
/// last 3 bytes of an `N`-byte block opens a sequence longer than what is
/// left of the block (`f0..` 3 from the end, `e0..` 2, `c0..` 1).
const fn unfinished_limits<const N: usize>() -> [u8; N] {
    let mut t = [0xff; N];
    t[N - 3] = 0xf0 - 1;
    t[N - 2] = 0xe0 - 1;
    t[N - 1] = 0xc0 - 1;
    t
}

/// [`unfinished_limits`] for 32-byte blocks.
pub(super) static KL_UNFINISHED_32: [u8; 32] = unfinished_limits();
/// [`unfinished_limits`] for 64-byte blocks.
pub(super) static KL_UNFINISHED_64: [u8; 64] = unfinished_limits();
