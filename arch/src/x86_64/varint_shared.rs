//! What the AVX2 and AVX-512 varint decoders share: where varlongs end in a
//! window of continuation bits (including 9-byte values whose ninth byte
//! has bit 7 set), and the hand-off to the portable kernel where a vector
//! loop stops.
//!
//! No intrinsics here: the vector code only computes the masks.

/// Bits 8, 17, 26, ...: the ends of back-to-back 9-byte values starting
/// at bit 0.
const NINTHS: u128 = {
    let mut m = 0u128;
    let mut i = 8;
    while i < 128 {
        m |= 1 << i;
        i += 9;
    }
    m
};

/// The value ends of varlongs in a window of up to 128 bytes: `cont` has
/// bit `i` set where byte `i` has bit 7 set, and the first value starts at
/// bit `first` (`< 128`; bits below it are ignored, and no end is reported
/// there).
///
/// Java's `readVarLong` ends a value at its first byte without bit 7, or at
/// its ninth byte whatever that holds. So every byte without bit 7 ends a
/// value (a value that reached it either stops there or has it as its
/// ninth byte), and a run of continuation bytes that starts a value splits
/// into 9-byte values, the rest of it starting the value that ends at the
/// next byte without bit 7. A run is only long enough for that at a
/// 9-byte value whose ninth byte has bit 7 set: every negative `long`
/// written with `optimize_positive`, or any value of 2^63 and up.
///
/// ```text
/// cont   1111111111111111111 0 1 0    (bit 0 on the left)
/// ends           ^        ^  ^   ^    bits 8, 17, 19, 21
/// ```
#[inline(always)]
pub(super) fn varlong_ends(cont: u128, first: u32) -> u128 {
    let from = !0u128 << first;
    let c = cont & from;
    let ends = !cont & from;
    // Bit r: 9 continuation bytes from r on.
    let r2 = c & (c >> 1);
    let r4 = r2 & (r2 >> 2);
    let r9 = r4 & (r4 >> 4) & (c >> 8);
    if r9 == 0 {
        return ends;
    }
    ends | long_run_ends(c, r9)
}

/// The ends inside runs of 9 or more continuation bytes that start values
/// (`c`: continuation bits from the first value's start on; `r9`: where 9
/// of them start).
#[inline]
fn long_run_ends(c: u128, r9: u128) -> u128 {
    // A run starts a value: it follows a byte without bit 7 (which ends a
    // value) or is the first value's start.
    let mut starts = c & !(c << 1) & r9;
    let mut ends = 0;
    while starts != 0 {
        let r = starts.trailing_zeros();
        // `c >> r` has zeros shifted in, so this is at most `128 - r`.
        let len = (!(c >> r)).trailing_zeros();
        let run = if len >= 128 {
            u128::MAX
        } else {
            (1u128 << len) - 1
        };
        ends |= (NINTHS & run) << r;
        starts &= starts - 1;
    }
    ends
}

/// Values the portable kernel decodes where a vector loop meets input it
/// leaves to it (malformed runs of varints, which Java reads its own way).
pub(super) const FALLBACK: usize = 4;

/// Runs a vector decoder, and wherever it stops before the end (input it
/// leaves to the portable rules, or fewer than `need` bytes left) lets
/// `scalar` decode a few values (the rest, near the end) before resuming:
/// the result is exactly `scalar`'s.
#[inline(always)]
pub(super) fn resume<T>(
    src: &[u8],
    dst: &mut [T],
    need: usize,
    vector: impl Fn(&[u8], &mut [T]) -> (usize, usize),
    scalar: impl Fn(&[u8], &mut [T]) -> (usize, usize),
) -> (usize, usize) {
    let (mut n, mut b) = (0, 0);
    loop {
        let (n1, b1) = vector(&src[b..], &mut dst[n..]);
        n += n1;
        b += b1;
        if n == dst.len() {
            return (n, b);
        }
        let near_end = src.len() - b < need;
        let stop = if near_end {
            dst.len()
        } else {
            (n + FALLBACK).min(dst.len())
        };
        let want = stop - n;
        let (n2, b2) = scalar(&src[b..], &mut dst[n..stop]);
        n += n2;
        b += b2;
        if near_end || n2 < want || n == dst.len() {
            return (n, b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ends by Java's sequential walk.
    fn walk(cont: u128, first: u32) -> u128 {
        let (mut ends, mut len) = (0u128, 0);
        for i in first..128 {
            len += 1;
            if cont >> i & 1 == 0 || len == 9 {
                ends |= 1 << i;
                len = 0;
            }
        }
        ends
    }

    #[test]
    fn ends_match_the_sequential_walk() {
        let mut x = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..20_000 {
            // Mostly continuation bits, so that long runs are common.
            let a = u128::from(next() | next() | next());
            let b = u128::from(next() | next());
            let cont = a << 64 | b;
            for first in [0, 1, 5, 56, 60, 63, 64, 100, 127] {
                assert_eq!(
                    varlong_ends(cont, first),
                    walk(cont, first),
                    "{cont:x} {first}"
                );
            }
        }
        for first in 0..128 {
            assert_eq!(varlong_ends(u128::MAX, first), walk(u128::MAX, first));
            assert_eq!(varlong_ends(0, first), walk(0, first));
        }
    }
}
