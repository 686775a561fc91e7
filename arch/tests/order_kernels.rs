//! Every array-conversion kernel against the portable one, at every length.

use kryo5_arch::Kernel;
use kryo5_arch::order::Order;
use kryo5_testdata::{Rng, edge_f32_bits, edge_f64_bits};

#[test]
fn every_kernel_matches_portable() {
    let portable = Order::new(Kernel::Portable).unwrap();
    let mut rng = Rng::new(21);
    let f32_edges = edge_f32_bits();
    let f64_edges = edge_f64_bits();
    for kernel in Kernel::supported() {
        let k = Order::new(kernel).unwrap();
        for n in 0..300 {
            let floats: Vec<f32> = (0..n)
                .map(|i| {
                    f32::from_bits(if i % 3 == 0 {
                        f32_edges[i % f32_edges.len()]
                    } else {
                        rng.next_u32()
                    })
                })
                .collect();
            let (mut a, mut b) = (vec![0u8; 4 * n], vec![0u8; 4 * n]);
            portable.f32_to_le_canonical(&floats, &mut a);
            k.f32_to_le_canonical(&floats, &mut b);
            assert_eq!(a, b, "{kernel} f32 n={n}");
            let doubles: Vec<f64> = (0..n)
                .map(|i| {
                    f64::from_bits(if i % 3 == 0 {
                        f64_edges[i % f64_edges.len()]
                    } else {
                        rng.next_u64()
                    })
                })
                .collect();
            let (mut a, mut b) = (vec![0u8; 8 * n], vec![0u8; 8 * n]);
            portable.f64_to_le_canonical(&doubles, &mut a);
            k.f64_to_le_canonical(&doubles, &mut b);
            assert_eq!(a, b, "{kernel} f64 n={n}");
            let bytes = rng.bytes(n);
            let (mut a, mut b) = (vec![false; n], vec![true; n]);
            portable.bools_from_bytes(&bytes, &mut a);
            k.bools_from_bytes(&bytes, &mut b);
            assert_eq!(a, b, "{kernel} bools n={n}");
        }
    }
}
