//! Every varint kernel against the portable one on arbitrary bytes (decode,
//! skip) and arbitrary values (encode into arbitrary room).
#![no_main]

use kryo5_arch::Kernel;
use kryo5_arch::varint::Varint;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&ctl, bytes)) = data.split_first() else {
        return;
    };
    let opt = ctl & 1 == 1;
    let want = usize::from(ctl >> 1);
    let portable = Varint::new(Kernel::Portable).unwrap();
    let ints: Vec<i32> = bytes.chunks_exact(4).map(|c| i32::from_le_bytes(c.try_into().unwrap())).collect();
    let longs: Vec<i64> = bytes.chunks_exact(8).map(|c| i64::from_le_bytes(c.try_into().unwrap())).collect();
    let room = bytes.len() * 2 % 700;
    for kernel in Kernel::supported() {
        let k = Varint::new(kernel).unwrap();
        // Decode and skip arbitrary bytes.
        let (mut a, mut b) = (vec![0i32; want], vec![0i32; want]);
        let ra = portable.decode_i32s(bytes, opt, &mut a);
        assert_eq!(ra, k.decode_i32s(bytes, opt, &mut b), "{kernel} decode_i32s");
        assert_eq!(a[..ra.0], b[..ra.0], "{kernel} decode_i32s values");
        let (mut a, mut b) = (vec![0i64; want], vec![0i64; want]);
        let ra = portable.decode_i64s(bytes, opt, &mut a);
        assert_eq!(ra, k.decode_i64s(bytes, opt, &mut b), "{kernel} decode_i64s");
        assert_eq!(a[..ra.0], b[..ra.0], "{kernel} decode_i64s values");
        assert_eq!(portable.skip_i32s(bytes, want), k.skip_i32s(bytes, want), "{kernel} skip_i32s");
        assert_eq!(portable.skip_i64s(bytes, want), k.skip_i64s(bytes, want), "{kernel} skip_i64s");
        // Encode arbitrary values into arbitrary room.
        let (mut a, mut b) = (vec![0u8; room], vec![0u8; room]);
        let ra = portable.encode_i32s(&ints, opt, &mut a);
        assert_eq!(ra, k.encode_i32s(&ints, opt, &mut b), "{kernel} encode_i32s");
        assert_eq!(a[..ra.1], b[..ra.1], "{kernel} encode_i32s bytes");
        let ra = portable.encode_i64s(&longs, opt, &mut a);
        assert_eq!(ra, k.encode_i64s(&longs, opt, &mut b), "{kernel} encode_i64s");
        assert_eq!(a[..ra.1], b[..ra.1], "{kernel} encode_i64s bytes");
    }
});
