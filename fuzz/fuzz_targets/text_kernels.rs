//! Every text kernel this CPU supports against the portable one on the
//! fuzz input: the same results, the same errors, the same bytes written.
//!
//! Byte 0 picks the alignment (low 6 bits) and whether the rest is taken as
//! raw bytes or as UTF-16 units encoded to CESU-8 (lone surrogates
//! included), so both malformed input and the deep paths of well-formed
//! CESU-8 are reached; bytes 1..3 pick a unit count for `cesu8_scan`.
#![no_main]

use kryo5_arch::Kernel;
use kryo5_arch::text::{self, Text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&[mode, u0, u1], rest)) = data.split_first_chunk::<3>() else {
        return;
    };
    let bytes = if mode & 0x40 != 0 {
        // UTF-16 units, two bytes each, encoded as Kryo writes them.
        let mut out = Vec::new();
        let mut buf = [0u8; 3];
        for unit in rest.chunks_exact(2) {
            let n = text::encode_unit(u16::from_le_bytes([unit[0], unit[1]]), &mut buf);
            out.extend_from_slice(&buf[..n]);
        }
        out
    } else {
        rest.to_vec()
    };
    let align = usize::from(mode & 0x3f);
    let mut holder = vec![0xa5u8; align + bytes.len() + 64];
    holder[align..align + bytes.len()].copy_from_slice(&bytes);
    let b = &holder[align..align + bytes.len()];
    let units = usize::from(u16::from_le_bytes([u0, u1]));

    let p = Text::new(Kernel::Portable).unwrap();
    // `cesu8_to_string` appends what `cesu8_to_utf8` does, or nothing.
    for k in Kernel::supported().map(|k| Text::new(k).unwrap()) {
        let (mut bytes, mut s) = (b"x".to_vec(), String::from("x"));
        let r = k.cesu8_to_utf8(b, &mut bytes);
        assert_eq!(k.cesu8_to_string(b, &mut s), r, "{k:?} cesu8_to_string");
        assert_eq!(s.as_bytes(), if r.is_ok() { &bytes[..] } else { b"x" }, "{k:?} cesu8_to_string output");
    }
    for k in Kernel::supported().filter(|&k| k != Kernel::Portable) {
        let k = Text::new(k).unwrap();
        assert_eq!(k.first_non_ascii(b), p.first_non_ascii(b), "{k:?} first_non_ascii");
        for n in [units, usize::MAX] {
            assert_eq!(k.cesu8_scan(b, n), p.cesu8_scan(b, n), "{k:?} cesu8_scan {n}");
        }
        let (mut want, mut got) = (vec![1u8], vec![1u8]);
        assert_eq!(k.cesu8_to_utf8(b, &mut got), p.cesu8_to_utf8(b, &mut want), "{k:?} cesu8_to_utf8");
        assert_eq!(got, want, "{k:?} cesu8_to_utf8 output");
        let (mut want, mut got) = (vec![1u16], vec![1u16]);
        assert_eq!(k.cesu8_to_utf16(b, &mut got), p.cesu8_to_utf16(b, &mut want), "{k:?} cesu8_to_utf16");
        assert_eq!(got, want, "{k:?} cesu8_to_utf16 output");
        assert_eq!(k.utf8(b), p.utf8(b), "{k:?} utf8");
        if let Ok(s) = std::str::from_utf8(b) {
            assert_eq!(k.utf16_len(s), p.utf16_len(s), "{k:?} utf16_len");
            let need = p.cesu8_len(s);
            assert_eq!(k.cesu8_len(s), need, "{k:?} cesu8_len");
            for room in [need, need + 67] {
                let (mut want, mut got) = (vec![0x5au8; room], vec![0x5au8; room]);
                let n = p.utf8_to_cesu8(s, &mut want);
                assert_eq!(k.utf8_to_cesu8(s, &mut got), n, "{k:?} utf8_to_cesu8");
                assert_eq!(got, want, "{k:?} utf8_to_cesu8 output");
            }
        }
    }
});
