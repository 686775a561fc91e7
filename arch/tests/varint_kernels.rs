//! Every varint kernel against the portable one: same values, same bytes,
//! same stopping points, on valid, truncated and malformed input, at every
//! length and alignment.

use kryo5_arch::Kernel;
use kryo5_arch::varint::Varint;
use kryo5_testdata::{Rng, edge_i32, edge_i64, varint_mix_u32, varint_mix_u64};

fn kernels() -> Vec<Varint> {
    Kernel::supported()
        .filter(|&k| k != Kernel::Portable)
        .map(|k| Varint::new(k).unwrap())
        .collect()
}

fn portable() -> Varint {
    Varint::new(Kernel::Portable).unwrap()
}

fn values32(rng: &mut Rng, n: usize) -> Vec<i32> {
    let edges = edge_i32();
    (0..n)
        .map(|i| match i % 3 {
            0 => edges[rng.below(edges.len() as u64) as usize],
            _ => rng.spread_i32(),
        })
        .collect()
}

fn values64(rng: &mut Rng, n: usize) -> Vec<i64> {
    let edges = edge_i64();
    (0..n)
        .map(|i| match i % 3 {
            0 => edges[rng.below(edges.len() as u64) as usize],
            _ => rng.spread_i64(),
        })
        .collect()
}

#[test]
fn encode_matches_portable_at_every_length_and_room() {
    let mut rng = Rng::new(11);
    for k in kernels() {
        for n in 0..600 {
            let v = values32(&mut rng, n);
            let v64 = values64(&mut rng, n);
            for opt in [true, false] {
                let mut want = vec![0u8; n * 5 + 64];
                let full = portable().encode_i32s(&v, opt, &mut want);
                // Room for everything, and cut rooms around the end.
                for room in [
                    want.len(),
                    full.1,
                    full.1.saturating_sub(1),
                    full.1 / 2,
                    63,
                    64,
                    65,
                    0,
                ] {
                    let mut a = vec![0xaa; room];
                    let mut b = vec![0xaa; room];
                    let ra = portable().encode_i32s(&v, opt, &mut a);
                    let rb = k.encode_i32s(&v, opt, &mut b);
                    assert_eq!(ra, rb, "{k:?} n={n} room={room}");
                    assert_eq!(a[..ra.1], b[..rb.1], "{k:?} n={n} room={room}");
                }
                let mut want = vec![0u8; n * 9 + 64];
                let full = portable().encode_i64s(&v64, opt, &mut want);
                for room in [want.len(), full.1, full.1.saturating_sub(1), 64, 0] {
                    let mut a = vec![0; room];
                    let mut b = vec![0; room];
                    let ra = portable().encode_i64s(&v64, opt, &mut a);
                    let rb = k.encode_i64s(&v64, opt, &mut b);
                    assert_eq!(ra, rb, "{k:?} i64 n={n} room={room}");
                    assert_eq!(a[..ra.1], b[..rb.1], "{k:?} i64 n={n}");
                }
            }
        }
    }
}

/// Decodes `src` with every kernel (asking for `want` values) and checks
/// each against portable, from every alignment of a larger buffer.
fn check_decode(src: &[u8], want: usize, what: &str) {
    let mut holder = vec![0u8; src.len() + 64];
    for align in [0, 1, 7, 31, 63] {
        holder[align..align + src.len()].copy_from_slice(src);
        let src = &holder[align..align + src.len()];
        for opt in [true, false] {
            let mut a = vec![0i32; want];
            let ra = portable().decode_i32s(src, opt, &mut a);
            let mut a64 = vec![0i64; want];
            let ra64 = portable().decode_i64s(src, opt, &mut a64);
            let sa = portable().skip_i32s(src, want);
            let sa64 = portable().skip_i64s(src, want);
            for k in kernels() {
                let mut b = vec![0i32; want];
                let rb = k.decode_i32s(src, opt, &mut b);
                assert_eq!(ra, rb, "{k:?} decode_i32s {what} align {align}");
                assert_eq!(a[..ra.0], b[..rb.0], "{k:?} decode_i32s values {what}");
                let mut b64 = vec![0i64; want];
                let rb64 = k.decode_i64s(src, opt, &mut b64);
                assert_eq!(ra64, rb64, "{k:?} decode_i64s {what} align {align}");
                assert_eq!(
                    a64[..ra64.0],
                    b64[..rb64.0],
                    "{k:?} decode_i64s values {what}"
                );
                assert_eq!(sa, k.skip_i32s(src, want), "{k:?} skip_i32s {what}");
                assert_eq!(sa64, k.skip_i64s(src, want), "{k:?} skip_i64s {what}");
            }
        }
    }
}

#[test]
fn decode_matches_portable_on_valid_streams() {
    let mut rng = Rng::new(12);
    for n in (0..600).step_by(7) {
        let v = values32(&mut rng, n);
        let mut buf = vec![0u8; n * 5];
        let (_, len) = portable().encode_i32s(&v, rng.bool(), &mut buf);
        check_decode(&buf[..len], n, "valid i32");
        check_decode(&buf[..len], n + 3, "valid i32, more asked than present");
        check_decode(&buf[..len], n / 2, "valid i32, fewer asked");
        let v = values64(&mut rng, n);
        let mut buf = vec![0u8; n * 9];
        let (_, len) = portable().encode_i64s(&v, rng.bool(), &mut buf);
        check_decode(&buf[..len], n, "valid i64");
    }
    for seed in 0..4 {
        let v = varint_mix_u32(3000, seed);
        let mut buf = vec![0u8; 3000 * 5];
        let (_, len) = portable().encode_i32s(&v, true, &mut buf);
        check_decode(&buf[..len], 3000, "mix u32");
        let v = varint_mix_u64(1000, seed);
        let mut buf = vec![0u8; 1000 * 9];
        let (_, len) = portable().encode_i64s(&v, true, &mut buf);
        check_decode(&buf[..len], 1000, "mix u64");
    }
}

#[test]
fn decode_matches_portable_when_truncated_anywhere() {
    let mut rng = Rng::new(13);
    let v = values32(&mut rng, 60);
    let mut buf = vec![0u8; 60 * 5];
    let (_, len) = portable().encode_i32s(&v, true, &mut buf);
    for cut in 0..=len {
        check_decode(&buf[..cut], 60, "truncated");
    }
}

#[test]
fn decode_matches_portable_on_malformed_and_random_bytes() {
    let mut rng = Rng::new(14);
    // Long continuation runs, as Java reads them (fifth/ninth byte terminal).
    for run in 1..40 {
        let mut bytes = vec![0x81u8; run];
        bytes.extend_from_slice(&[0x01; 70]);
        check_decode(&bytes, 40, "continuation run");
        let mut bytes = vec![0xffu8; run * 3];
        bytes.extend_from_slice(&[0x7f; 70]);
        check_decode(&bytes, 64, "0xff run");
    }
    for _ in 0..300 {
        let len = rng.below(300) as usize;
        let mut bytes = rng.bytes(len);
        // Mostly valid-looking bytes with odd spots.
        if rng.bool() {
            for b in &mut bytes {
                if rng.below(8) != 0 {
                    *b &= 0x7f;
                }
            }
        }
        check_decode(&bytes, rng.below(120) as usize, "random");
    }
}

/// Varlongs of 2^63 and up: 9 bytes whose ninth has bit 7 set, so runs of
/// continuation bytes are valid and value ends must be found inside them
/// (every negative long with `optimize_positive`, all of them in a row).
fn ninth_high_streams(rng: &mut Rng) -> Vec<(Vec<u8>, usize, &'static str)> {
    let mut out = Vec::new();
    for n in [1, 2, 7, 8, 9, 15, 16, 17, 63, 64, 65, 200, 1000] {
        let all: Vec<i64> = (0..n).map(|_| (rng.next_u64() | 1 << 63) as i64).collect();
        // Negative values mixed with every other length, in runs.
        let mixed: Vec<i64> = (0..n)
            .map(|i| match (i / 3) % 4 {
                0 | 1 => (rng.next_u64() | 1 << 63) as i64,
                2 => rng.spread_i64(),
                _ => (rng.next_u64() >> (rng.below(64) as u32)) as i64,
            })
            .collect();
        // The ninth byte with bit 7 set followed by bytes of every kind.
        let mut edges: Vec<i64> = Vec::new();
        for i in 0..n {
            edges.push(match i % 5 {
                0 => -1,
                1 => i64::MIN,
                2 => (0x80u64 << 56) as i64,
                3 => 1,
                _ => 1 << 56,
            });
        }
        for (v, what) in [
            (all, "all negative"),
            (mixed, "negative runs"),
            (edges, "ninth-byte edges"),
        ] {
            let mut buf = vec![0u8; v.len() * 9];
            let (_, len) = portable().encode_i64s(&v, true, &mut buf);
            buf.truncate(len);
            out.push((buf, n, what));
        }
    }
    out
}

#[test]
fn decode_i64_matches_portable_on_ninth_bytes_with_bit_7() {
    let mut rng = Rng::new(15);
    for (bytes, n, what) in ninth_high_streams(&mut rng) {
        for opt in [true, false] {
            // Every kernel decodes the whole stream to the values portable gives.
            let mut want = vec![0i64; n];
            assert_eq!(
                portable().decode_i64s(&bytes, opt, &mut want),
                (n, bytes.len())
            );
            for k in kernels() {
                let mut got = vec![0i64; n];
                assert_eq!(k.decode_i64s(&bytes, opt, &mut got), (n, bytes.len()));
                assert_eq!(got, want, "{k:?} {what} n={n} opt={opt}");
            }
        }
        check_decode(&bytes, n, what);
        check_decode(&bytes, n + 2, what);
        check_decode(&bytes, n / 2, what);
        check_decode(&bytes, n.saturating_sub(1), what);
    }
}

#[test]
fn decode_i64_matches_portable_when_ninth_byte_streams_are_cut() {
    let mut rng = Rng::new(16);
    for (bytes, n, what) in ninth_high_streams(&mut rng) {
        if n > 65 {
            continue;
        }
        for cut in 0..=bytes.len() {
            check_decode(&bytes[..cut], n, what);
        }
    }
    // A long stream cut anywhere near a block boundary.
    let v: Vec<i64> = (0..400)
        .map(|_| (rng.next_u64() | 1 << 63) as i64)
        .collect();
    let mut buf = vec![0u8; 400 * 9];
    let (_, len) = portable().encode_i64s(&v, true, &mut buf);
    for cut in (0..len).step_by(61).chain([len - 1, len]) {
        check_decode(&buf[..cut], 400, "all negative, cut");
    }
}
