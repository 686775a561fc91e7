//! Every baseline of the kernel suites against kryo5, on the benchmark
//! data itself: a baseline that produced other bytes or values than Kryo's
//! would be measuring a different job. Plain loops are checked against
//! every supported kernel; the crates.io baselines against kryo5's bytes
//! and values.

#[path = "../benches/support/crates_io.rs"]
mod crates_io;

use kryo5_arch::Kernel;
use kryo5_arch::order::Order;
use kryo5_arch::text::{Scan, Text};
use kryo5_arch::varint::Varint;
use kryo5_benches::{ARRAY_BYTES, VARINT_COUNT, baseline, cases, data, kernels};

/// The criterion suite's varint run (1M values), its wire image, and the
/// image with `varint-simd`'s padding.
fn var_int_run() -> (Vec<i32>, Vec<u8>) {
    let values = data::var_ints(VARINT_COUNT);
    let bytes = data::var_int_bytes(&values);
    (values, bytes)
}

#[test]
fn crates_io_varint_writers_write_kryo_bytes() {
    let (values, kryo) = var_int_run();
    let mut dst = vec![0u8; 5 * values.len() + crates_io::VARINT_SIMD_SLACK];

    let n = crates_io::integer_encoding_write_u32s(&mut dst, &values);
    assert_eq!(&dst[..n], kryo, "integer-encoding");
    dst.fill(0);
    let n = crates_io::leb128_write_u32s(&mut dst, &values);
    assert_eq!(&dst[..n], kryo, "leb128");
    dst.fill(0);
    #[cfg(target_arch = "x86_64")]
    {
        let n = crates_io::varint_simd_write_u32s(&mut dst, &values);
        assert_eq!(&dst[..n], kryo, "varint-simd");
    }
    // And on the edge values of the format (both signs, every length).
    let edge = kryo5_testdata::edge_i32();
    let kryo = data::var_int_bytes(&edge);
    let n = crates_io::integer_encoding_write_u32s(&mut dst, &edge);
    assert_eq!(&dst[..n], kryo, "integer-encoding, edge values");
    let n = crates_io::leb128_write_u32s(&mut dst, &edge);
    assert_eq!(&dst[..n], kryo, "leb128, edge values");
    #[cfg(target_arch = "x86_64")]
    {
        let n = crates_io::varint_simd_write_u32s(&mut dst, &edge);
        assert_eq!(&dst[..n], kryo, "varint-simd, edge values");
    }
}

#[test]
fn crates_io_varint_readers_read_kryo_values() {
    let (values, kryo) = var_int_run();
    let mut got = vec![0; values.len()];
    assert_eq!(
        crates_io::integer_encoding_read_u32s(&kryo, &mut got),
        Some(kryo.len())
    );
    assert_eq!(got, values, "integer-encoding");
    got.fill(0);
    assert_eq!(
        crates_io::leb128_read_u32s(&kryo, &mut got),
        Some(kryo.len())
    );
    assert_eq!(got, values, "leb128");
    #[cfg(target_arch = "x86_64")]
    {
        got.fill(0);
        let mut padded = kryo.clone();
        padded.resize(kryo.len() + crates_io::VARINT_SIMD_SLACK, 0);
        assert_eq!(
            crates_io::varint_simd_read_u32s(&padded, &mut got),
            Some(kryo.len())
        );
        assert_eq!(got, values, "varint-simd (padded, unsafe path)");
        got.fill(0);
        assert_eq!(
            crates_io::varint_simd_read_u32s(&kryo, &mut got),
            Some(kryo.len())
        );
        assert_eq!(got, values, "varint-simd (unpadded: safe tail)");
    }
}

#[test]
fn leb128_is_not_kryo_varlong_for_values_from_2_pow_63() {
    // Why the i64 groups have no crates.io baseline: below 2^63 LEB128 and
    // Kryo's varlong agree, from 2^63 up LEB128 takes 10 bytes, Kryo 9.
    let longs = data::var_longs(VARINT_COUNT);
    let high = longs.iter().filter(|&&v| v < 0).count();
    assert!(high > VARINT_COUNT / 20, "{high} values >= 2^63");
    let mut buf = Vec::new();
    for (v, expect_same) in [(i64::MAX, true), (1 << 56, true), (-1, false)] {
        let kryo = data::var_long_bytes(&[v]);
        buf.clear();
        leb128::write::unsigned(&mut buf, v as u64).unwrap();
        assert_eq!(buf == kryo, expect_same, "{v:#x}");
    }
}

#[test]
fn plain_varint_loops_match_every_kernel() {
    let (values, kryo) = var_int_run();
    let longs = data::var_longs(VARINT_COUNT);
    let long_bytes = data::var_long_bytes(&longs);
    let mut out = vec![0u8; 9 * VARINT_COUNT + 16];
    let mut ints = vec![0; values.len()];
    let mut back = vec![0i64; longs.len()];
    let mut plain = Vec::new();
    assert_eq!(cases::leb128_write_u32s(&mut plain, &values), kryo.len());
    assert_eq!(plain, kryo);
    assert_eq!(
        cases::leb128_write_u64s(&mut plain, &longs),
        long_bytes.len()
    );
    assert_eq!(plain, long_bytes);
    assert_eq!(
        kernels::plain_skip_u32s(&kryo, values.len()),
        Some(kryo.len())
    );
    assert_eq!(
        kernels::plain_skip_u64s(&long_bytes, longs.len()),
        Some(long_bytes.len())
    );
    for kernel in Kernel::supported() {
        let v = Varint::new(kernel).unwrap();
        let n = kernels::encode_i32s(v, &values, &mut out);
        assert_eq!(&out[..n], kryo, "{kernel}");
        assert_eq!(kernels::decode_i32s(v, &kryo, &mut ints), kryo.len());
        assert_eq!(ints, values, "{kernel}");
        assert_eq!(kernels::skip_i32s(v, &kryo, values.len()), kryo.len());
        let n = kernels::encode_i64s(v, &longs, &mut out);
        assert_eq!(&out[..n], long_bytes, "{kernel}");
        assert_eq!(
            kernels::decode_i64s(v, &long_bytes, &mut back),
            long_bytes.len()
        );
        assert_eq!(back, longs, "{kernel}");
        assert_eq!(
            kernels::skip_i64s(v, &long_bytes, longs.len()),
            long_bytes.len()
        );
    }
}

#[test]
fn text_baselines_match_every_kernel() {
    let mut texts = data::kernel_texts();
    assert_eq!(texts.len(), 6);
    // The buffer suite's strings too (below the kernels' short cut-off).
    texts.extend(data::strings().into_iter().map(|t| {
        let mut cesu8 = Vec::new();
        baseline::utf8_to_cesu8(&t.text, &mut cesu8);
        data::KernelText {
            name: t.name.to_string(),
            kind: data::TextKind::MostlyAscii,
            units: t.text.encode_utf16().count(),
            text: t.text,
            cesu8,
        }
    }));
    let mut bytes = Vec::new();
    let mut string = String::new();
    let mut units = Vec::new();
    for t in &texts {
        let name = &t.name;
        let s = t.text.as_str();
        // Plain loops against the standard library and the data's own forms.
        assert_eq!(baseline::utf16_len(s), s.encode_utf16().count(), "{name}");
        assert_eq!(kernels::std_utf16_len(s), t.units, "{name}");
        assert_eq!(kernels::plain_cesu8_len(s), t.cesu8.len(), "{name}");
        assert_eq!(kernels::plain_utf8_to_cesu8(s, &mut bytes), t.cesu8.len());
        assert_eq!(bytes, t.cesu8, "{name}");
        assert_eq!(
            kernels::plain_cesu8_scan(&t.cesu8, t.units),
            t.cesu8.len(),
            "{name}"
        );
        assert!(kernels::plain_cesu8_to_utf8(&t.cesu8, &mut string));
        assert_eq!(string, s, "{name}");
        assert!(kernels::plain_cesu8_to_utf16(&t.cesu8, &mut units));
        assert_eq!(units, s.encode_utf16().collect::<Vec<_>>(), "{name}");
        let first = s.bytes().position(|b| b >= 0x80).unwrap_or(s.len());
        assert_eq!(kernels::plain_first_non_ascii(s.as_bytes()), first);
        // crates.io: the same bytes and text as Kryo's CESU-8.
        assert_eq!(crates_io::simd_cesu8_encode(s, &mut bytes), t.cesu8.len());
        assert_eq!(bytes, t.cesu8, "simd_cesu8 encode, {name}");
        assert_eq!(
            crates_io::simd_cesu8_decoded(&t.cesu8).as_deref(),
            Some(s),
            "simd_cesu8 decode, {name}"
        );
        // Validators agree with std on the text and on its CESU-8 (invalid
        // UTF-8 wherever there is a surrogate pair).
        for input in [s.as_bytes(), &t.cesu8[..]] {
            let ok = kernels::std_from_utf8(input);
            assert_eq!(crates_io::simdutf8_basic(input), ok, "{name}");
            assert_eq!(crates_io::simdutf8_compat(input), ok, "{name}");
        }
        for kernel in Kernel::supported() {
            let k = Text::new(kernel).unwrap();
            assert_eq!(kernels::first_non_ascii(k, s.as_bytes()), first);
            assert_eq!(kernels::utf16_len(k, s), t.units, "{kernel} {name}");
            assert_eq!(kernels::cesu8_len(k, s), t.cesu8.len(), "{kernel} {name}");
            let mut out = vec![0u8; t.cesu8.len()];
            assert_eq!(kernels::utf8_to_cesu8(k, s, &mut out), t.cesu8.len());
            assert_eq!(out, t.cesu8, "{kernel} {name}");
            assert_eq!(
                k.cesu8_scan(&t.cesu8, t.units),
                Scan::Complete {
                    bytes: t.cesu8.len()
                }
            );
            assert!(kernels::cesu8_to_utf8(k, &t.cesu8, &mut bytes));
            assert_eq!(bytes, s.as_bytes(), "{kernel} {name}");
            assert!(kernels::cesu8_to_utf16(k, &t.cesu8, &mut units));
            assert_eq!(units, s.encode_utf16().collect::<Vec<_>>());
            for input in [s.as_bytes(), &t.cesu8[..]] {
                assert_eq!(
                    kernels::utf8(k, input),
                    kernels::std_from_utf8(input),
                    "{kernel} {name}"
                );
            }
        }
    }
    // The kinds are what their names say.
    let cjk = data::kernel_text(data::TextKind::Cjk, 64 << 10);
    assert_eq!(cjk.cesu8, cjk.text.as_bytes());
    let mostly = data::kernel_text(data::TextKind::MostlyAscii, 64 << 10);
    assert!(mostly.cesu8.len() > mostly.text.len());
}

#[test]
fn order_baselines_match_every_kernel() {
    let floats = data::canon_floats(ARRAY_BYTES);
    let doubles = data::canon_doubles(ARRAY_BYTES);
    let bools = data::bool_bytes(ARRAY_BYTES);
    assert!(
        floats
            .iter()
            .any(|f| f.is_nan() && f.to_bits() != 0x7fc0_0000)
    );
    assert!(doubles.iter().any(|d| d.is_nan()));
    let mut plain = Vec::new();
    let mut out = vec![0u8; ARRAY_BYTES];
    let mut flags = Vec::new();
    let mut got = vec![false; ARRAY_BYTES];
    for kernel in Kernel::supported() {
        let k = Order::new(kernel).unwrap();
        kernels::plain_f32_to_le_canonical(&floats, &mut plain);
        kernels::f32_to_le_canonical(k, &floats, &mut out);
        assert_eq!(out, plain, "{kernel}");
        kernels::plain_f64_to_le_canonical(&doubles, &mut plain);
        kernels::f64_to_le_canonical(k, &doubles, &mut out);
        assert_eq!(out, plain, "{kernel}");
        kernels::plain_bools_from_bytes(&bools, &mut flags);
        kernels::bools_from_bytes(k, &bools, &mut got);
        assert_eq!(got, flags, "{kernel}");
    }
    // The plain loop writes Java's canonical NaN, as kryo5's safe output.
    let mut out = kryo5::io::Output::new();
    out.write_doubles(&doubles).unwrap();
    kernels::plain_f64_to_le_canonical(&doubles, &mut plain);
    assert_eq!(out.as_slice(), plain);
}
