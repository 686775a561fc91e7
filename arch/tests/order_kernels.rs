//! Every array-conversion kernel against the portable one, at every length
//! up to 600 and every destination offset modulo 64 (the bytes around the
//! destination must stay as they were), sources at varying element offsets.

use kryo5_arch::Kernel;
use kryo5_arch::order::Order;
use kryo5_testdata::{Rng, edge_f32_bits, edge_f64_bits};

/// Bytes around every destination that no kernel may touch.
const GUARD: usize = 64;

/// Runs `convert` on `n` elements' worth of destination placed at byte
/// `off` of a guarded buffer; returns the whole buffer.
fn placed(n_bytes: usize, off: usize, convert: impl FnOnce(&mut [u8])) -> Vec<u8> {
    let mut buf = vec![0xa5u8; off + n_bytes + GUARD];
    convert(&mut buf[off..off + n_bytes]);
    buf
}

#[test]
fn every_kernel_matches_portable() {
    let portable = Order::new(Kernel::Portable).unwrap();
    let mut rng = Rng::new(21);
    let f32_edges = edge_f32_bits();
    let f64_edges = edge_f64_bits();
    for kernel in Kernel::supported() {
        let k = Order::new(kernel).unwrap();
        for n in 0..600 {
            let off = (n * 13 + usize::from(kernel == Kernel::Avx512)) % 64;
            let skip = n % 7;
            let floats: Vec<f32> = (0..n + skip)
                .map(|i| {
                    f32::from_bits(if i % 3 == 0 {
                        f32_edges[i % f32_edges.len()]
                    } else {
                        rng.next_u32()
                    })
                })
                .collect();
            let floats = &floats[skip..];
            let want = placed(4 * n, off, |d| portable.f32_to_le_canonical(floats, d));
            let got = placed(4 * n, off, |d| k.f32_to_le_canonical(floats, d));
            assert_eq!(got, want, "{kernel} f32 n={n} off={off}");
            let doubles: Vec<f64> = (0..n + skip)
                .map(|i| {
                    f64::from_bits(if i % 3 == 0 {
                        f64_edges[i % f64_edges.len()]
                    } else {
                        rng.next_u64()
                    })
                })
                .collect();
            let doubles = &doubles[skip..];
            let want = placed(8 * n, off, |d| portable.f64_to_le_canonical(doubles, d));
            let got = placed(8 * n, off, |d| k.f64_to_le_canonical(doubles, d));
            assert_eq!(got, want, "{kernel} f64 n={n} off={off}");
            let bytes = rng.bytes(n + skip);
            let bytes = &bytes[skip..];
            let mut bools = vec![true; n + off + GUARD];
            let mut want = vec![false; n];
            portable.bools_from_bytes(bytes, &mut want);
            k.bools_from_bytes(bytes, &mut bools[off..off + n]);
            assert_eq!(bools[off..off + n], want, "{kernel} bools n={n} off={off}");
            assert!(
                bools[..off].iter().chain(&bools[off + n..]).all(|&b| b),
                "{kernel} bools n={n} off={off}: wrote outside"
            );
        }
    }
}
