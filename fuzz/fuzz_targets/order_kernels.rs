//! Every array-conversion kernel against the portable one on arbitrary bits.
#![no_main]

use kryo5_arch::Kernel;
use kryo5_arch::order::Order;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let portable = Order::new(Kernel::Portable).unwrap();
    let floats: Vec<f32> = data.chunks_exact(4).map(|c| f32::from_le_bytes(c.try_into().unwrap())).collect();
    let doubles: Vec<f64> = data.chunks_exact(8).map(|c| f64::from_le_bytes(c.try_into().unwrap())).collect();
    for kernel in Kernel::supported() {
        let k = Order::new(kernel).unwrap();
        let (mut a, mut b) = (vec![0u8; floats.len() * 4], vec![0u8; floats.len() * 4]);
        portable.f32_to_le_canonical(&floats, &mut a);
        k.f32_to_le_canonical(&floats, &mut b);
        assert_eq!(a, b, "{kernel} f32");
        let (mut a, mut b) = (vec![0u8; doubles.len() * 8], vec![0u8; doubles.len() * 8]);
        portable.f64_to_le_canonical(&doubles, &mut a);
        k.f64_to_le_canonical(&doubles, &mut b);
        assert_eq!(a, b, "{kernel} f64");
        let (mut a, mut b) = (vec![false; data.len()], vec![false; data.len()]);
        portable.bools_from_bytes(data, &mut a);
        k.bools_from_bytes(data, &mut b);
        assert_eq!(a, b, "{kernel} bools");
    }
});
