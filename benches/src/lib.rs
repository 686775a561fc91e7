//! Shared pieces of kryo5's benchmarks: seeded inputs, plain-loop
//! baselines, and the measured loops themselves.
//!
//! The criterion suites (`benches/buffers.rs`, `benches/kernels.rs`: time)
//! and the iai-callgrind suites (`benches/buffers_iai.rs`,
//! `benches/kernels_iai.rs`: instruction counts) call the same functions of
//! this crate, so both measure exactly the same code and differ only in
//! sizes; `benches/java.rs` times Java Kryo on the same data
//! (`docs/benchmarks.md` has the results):
//!
//! - [`data`] builds every input from one seed ([`SEED`]) with
//!   `kryo5_testdata`, so runs and machines see the same values;
//! - [`baseline`] holds the plain loops kryo5 is compared against: a
//!   byte-at-a-time LEB128 codec over a `Vec<u8>`, a per-UTF-16-unit
//!   CESU-8 string codec, and the per-character/per-element loops for each
//!   kernel, all producing exactly Kryo's bytes (the tests below and
//!   `tests/baselines.rs` check that against kryo5);
//! - [`cases`] holds one `#[inline(never)]` function per measured buffer
//!   case, kryo5's (generic over the buffer flavour) and the baseline's,
//!   each reusing its buffers so allocation is not measured;
//! - [`kernels`] does the same for the kryo5-arch kernels, called through
//!   their per-kernel handles so every implementation is measured by the
//!   same function.
//!
//! The crates.io baselines (dev-dependencies) live in
//! `benches/support/crates_io.rs`, included by the bench targets and the
//! test that checks them.

pub mod baseline;
pub mod cases;
pub mod data;
pub mod kernels;

/// Seed of every benchmark input ("kryo5 be" in ASCII).
pub const SEED: u64 = 0x6b72_796f_3520_6265;

/// Values per varint case in the criterion suite.
pub const VARINT_COUNT: usize = 1_000_000;

/// Values per varint case in the iai-callgrind suite.
pub const IAI_VARINT_COUNT: usize = 10_000;

/// Bytes per fixed-width array case in the criterion suite (1 MiB).
pub const ARRAY_BYTES: usize = 1 << 20;

/// Bytes per fixed-width array case in the iai-callgrind suite (64 KiB).
pub const IAI_ARRAY_BYTES: usize = 64 << 10;

#[cfg(test)]
mod tests {
    use super::*;
    use kryo5::io::{Input, NativeInput, NativeOutput, Output};

    fn all_strings() -> Vec<String> {
        let mut v: Vec<String> = data::strings().into_iter().map(|t| t.text).collect();
        v.extend(kryo5_testdata::edge_strings());
        v
    }

    #[test]
    fn leb128_baseline_writes_kryo_bytes() {
        let ints = data::var_ints(20_000);
        let mut out = Output::new();
        cases::write_var_int_each(&mut out, &ints).unwrap();
        let mut buf = Vec::new();
        cases::leb128_write_u32s(&mut buf, &ints);
        assert_eq!(buf, out.as_slice());
        cases::write_var_ints(&mut out, &ints).unwrap();
        assert_eq!(buf, out.as_slice());

        let mut edge = kryo5_testdata::edge_i32();
        edge.extend(ints.iter().map(|v| v.wrapping_neg()));
        cases::write_var_int_each(&mut out, &edge).unwrap();
        cases::leb128_write_u32s(&mut buf, &edge);
        assert_eq!(buf, out.as_slice());

        let mut longs = data::var_longs(20_000);
        longs.extend(kryo5_testdata::edge_i64());
        cases::write_var_longs(&mut out, &longs).unwrap();
        cases::leb128_write_u64s(&mut buf, &longs);
        assert_eq!(buf, out.as_slice());
    }

    #[test]
    fn leb128_baseline_reads_kryo_bytes() {
        let mut ints = data::var_ints(20_000);
        ints.extend(kryo5_testdata::edge_i32());
        let bytes = data::var_int_bytes(&ints);
        let mut got = vec![0; ints.len()];
        cases::leb128_read_u32s(&bytes, &mut got).unwrap();
        assert_eq!(got, ints);
        got.fill(0);
        cases::read_var_int_each(&mut Input::new(&[]), &bytes, &mut got).unwrap();
        assert_eq!(got, ints);
        got.fill(0);
        cases::read_var_ints(&mut NativeInput::new(&[]), &bytes, &mut got).unwrap();
        assert_eq!(got, ints);
        // A value cut off by the end is an error, not a panic.
        assert!(cases::leb128_read_u32s(&[0x80], &mut [0]).is_none());

        let mut longs = data::var_longs(20_000);
        longs.extend(kryo5_testdata::edge_i64());
        let bytes = data::var_long_bytes(&longs);
        let mut got = vec![0; longs.len()];
        cases::leb128_read_u64s(&bytes, &mut got).unwrap();
        assert_eq!(got, longs);
        got.fill(0);
        cases::read_var_longs(&mut Input::new(&[]), &bytes, &mut got).unwrap();
        assert_eq!(got, longs);
    }

    #[test]
    fn cesu8_baseline_matches_kryo5_both_ways() {
        let mut out = Output::new();
        let mut native = NativeOutput::new();
        let mut buf = Vec::new();
        let mut s = String::new();
        for text in all_strings() {
            cases::write_string(&mut out, &text).unwrap();
            cases::write_string(&mut native, &text).unwrap();
            cases::cesu8_write(&mut buf, &text);
            assert_eq!(buf, out.as_slice(), "{text:?}");
            assert_eq!(buf, native.as_slice(), "{text:?}");

            assert!(cases::cesu8_read(&buf, &mut s).unwrap());
            assert_eq!(s, text);
            assert!(cases::read_string_into(&mut Input::new(&[]), &buf, &mut s).unwrap());
            assert_eq!(s, text);
            let len = cases::read_str(&mut Input::new(&[]), &buf).unwrap();
            assert_eq!(len, text.len());
        }
        // Java's null.
        cases::cesu8_write(&mut Vec::new(), "");
        assert_eq!(cases::cesu8_read(&[0x80], &mut s), Some(false));
        // Malformed input is rejected, as kryo5 does.
        assert_eq!(cases::cesu8_read(&[0x82, 0xc0, 0x80], &mut s), None);
        assert_eq!(cases::cesu8_read(&[0x82, 0xed, 0xa0, 0x80], &mut s), None);
        assert_eq!(cases::cesu8_read(&[0x83, 0xe2, 0x82], &mut s), None);
    }

    #[test]
    fn fixed_cases_round_trip() {
        let ints = data::ints(4096);
        let longs = data::longs(4096);
        let shorts = data::shorts(4096);
        let doubles = data::doubles(4096);
        assert_eq!((ints.len(), longs.len(), shorts.len()), (1024, 512, 2048));
        assert!(doubles.iter().all(|d| d.is_finite()));

        let mut out = NativeOutput::with_capacity(4096);
        let mut image = vec![0; 4096];
        cases::write_ints(&mut out, &ints).unwrap();
        assert_eq!(out.as_slice(), data::int_bytes(&ints));
        cases::write_longs(&mut out, &longs).unwrap();
        assert_eq!(out.as_slice(), data::long_bytes(&longs));
        cases::write_shorts(&mut out, &shorts).unwrap();
        assert_eq!(out.as_slice(), data::short_bytes(&shorts));
        cases::write_doubles(&mut out, &doubles).unwrap();
        let bytes = data::double_bytes(&doubles);
        assert_eq!(out.as_slice(), bytes);
        assert_eq!(cases::memcpy(&mut image, &bytes), 4096);
        assert_eq!(image, bytes);

        let mut back = vec![0.0; doubles.len()];
        cases::read_doubles(&mut Input::new(&[]), &bytes, &mut back).unwrap();
        assert_eq!(back, doubles);
        let mut back = vec![0; ints.len()];
        cases::read_ints(
            &mut NativeInput::new(&[]),
            &data::int_bytes(&ints),
            &mut back,
        )
        .unwrap();
        assert_eq!(back, ints);
        let mut back = vec![0; longs.len()];
        cases::read_longs(&mut Input::new(&[]), &data::long_bytes(&longs), &mut back).unwrap();
        assert_eq!(back, longs);
        let mut back = vec![0; shorts.len()];
        cases::read_shorts(&mut Input::new(&[]), &data::short_bytes(&shorts), &mut back).unwrap();
        assert_eq!(back, shorts);
    }

    #[test]
    fn data_is_deterministic_and_sized() {
        assert_eq!(data::var_ints(100), data::var_ints(100));
        let texts = data::strings();
        let names: Vec<_> = texts.iter().map(|t| t.name).collect();
        assert_eq!(names, ["ascii15", "mostly_ascii100", "cjk100", "emoji100"]);
        for t in &texts {
            let chars = t.text.chars().count();
            assert_eq!(chars, if t.name == "ascii15" { 15 } else { 100 });
        }
        assert!(texts[0].text.is_ascii());
        assert!(texts[3].text.chars().any(|c| c >= '\u{1f600}'));
    }
}
