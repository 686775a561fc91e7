//! The buffer layer against itself and against bad input: every sink and
//! every source gives the same bytes and values; every proper prefix of a
//! valid stream and random bytes fail with a typed error, never a panic.
//!
//! Byte-exactness against Java lives in the kryo5-interop suite; these
//! tests pin the properties that must hold whatever Java does.

mod common;

use common::{Op, Trickle};
use kryo5_io::{ErrorKind, Input, NativeInput, NativeOutput, Output, sink::Writer};
use kryo5_testdata::Rng;

fn write_all(ops: &[Op]) -> Vec<u8> {
    let mut out = Output::new();
    for op in ops {
        op.write(&mut out).unwrap();
    }
    out.into_vec()
}

#[test]
fn every_sink_writes_the_same_bytes() {
    let mut rng = Rng::new(1);
    for _ in 0..200 {
        let ops = Op::sequence(&mut rng, 40);
        let expect = write_all(&ops);
        for cap in [16, 17, 64, 4096] {
            let mut out = Output::with_writer_capacity(Vec::new(), cap);
            for op in &ops {
                op.write(&mut out).unwrap();
            }
            assert_eq!(out.into_writer().unwrap(), expect, "writer buffer {cap}");
        }
        let mut small = Output::with_capacity(1);
        for op in &ops {
            op.write(&mut small).unwrap();
        }
        assert_eq!(small.as_slice(), &expect[..]);
    }
}

#[test]
fn every_source_reads_the_same_values() {
    let mut rng = Rng::new(2);
    for _ in 0..200 {
        let ops = Op::sequence(&mut rng, 40);
        let bytes = write_all(&ops);
        let mut slice = Input::new(&bytes);
        for step in [1, 3, 7, 4096] {
            let mut stream = Input::from_reader_capacity(Trickle { data: &bytes, step }, 16);
            for op in &ops {
                assert_eq!(
                    op.read(&mut stream).unwrap(),
                    op.canonical(),
                    "stream step {step}"
                );
            }
            assert!(stream.end().unwrap());
            assert_eq!(stream.total(), bytes.len() as u64);
        }
        for op in &ops {
            assert_eq!(op.read(&mut slice).unwrap(), op.canonical());
        }
        assert!(slice.end().unwrap());
    }
}

#[test]
fn native_flavour_round_trips_raw_float_bits() {
    let mut rng = Rng::new(3);
    for _ in 0..100 {
        let ops = Op::sequence(&mut rng, 30);
        let mut out = NativeOutput::new();
        for op in &ops {
            op.write(&mut out).unwrap();
        }
        let bytes = out.into_vec();
        let mut input = NativeInput::new(&bytes);
        for op in &ops {
            // Native keeps NaN payloads; booleans read as "non-zero".
            assert_eq!(op.read(&mut input).unwrap(), *op);
        }
    }
}

#[test]
fn every_proper_prefix_fails_cleanly() {
    let mut rng = Rng::new(4);
    for _ in 0..60 {
        let ops = Op::sequence(&mut rng, 12);
        let bytes = write_all(&ops);
        for cut in 0..bytes.len() {
            let prefix = &bytes[..cut];
            let mut slice = Input::new(prefix);
            let mut stream = Input::from_reader_capacity(
                Trickle {
                    data: prefix,
                    step: 5,
                },
                16,
            );
            let mut failed = false;
            for op in &ops {
                let (a, b) = (op.read(&mut slice), op.read(&mut stream));
                match (a, b) {
                    (Ok(x), Ok(y)) => {
                        assert_eq!(x, op.canonical());
                        assert_eq!(y, op.canonical());
                    }
                    (Err(e), Err(f)) => {
                        assert!(matches!(e.kind(), ErrorKind::UnexpectedEnd { .. }), "{e}");
                        assert!(matches!(f.kind(), ErrorKind::UnexpectedEnd { .. }), "{f}");
                        assert!(e.offset() <= cut as u64 && f.offset() <= cut as u64);
                        failed = true;
                        break;
                    }
                    (a, b) => panic!("slice and stream disagree at cut {cut}: {a:?} vs {b:?}"),
                }
            }
            assert!(
                failed,
                "a proper prefix ({cut} of {}) read completely",
                bytes.len()
            );
        }
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng::new(5);
    for _ in 0..3000 {
        let len = rng.below(64) as usize;
        let data = rng.bytes(len);
        let ops = Op::sequence(&mut rng, 8);
        let mut slice = Input::new(&data);
        let mut stream = Input::from_reader_capacity(
            Trickle {
                data: &data,
                step: 3,
            },
            16,
        );
        for op in &ops {
            let a = op.read(&mut slice);
            let b = op.read(&mut stream);
            assert_eq!(a.is_ok(), b.is_ok(), "{op:?} on {data:02x?}");
            if let (Ok(x), Ok(y)) = (&a, &b) {
                assert_eq!(x, y);
            }
            if a.is_err() {
                break;
            }
        }
    }
}

#[test]
fn malformed_strings_are_errors_not_garbage() {
    let cases: &[(&[u8], ErrorKind)] = &[
        // Standard 4-byte UTF-8 is not what Kryo writes (Java misreads it).
        (&[0x83, 0xf0, 0x9f, 0x98, 0x80], ErrorKind::MalformedString),
        // A continuation byte as lead byte (Java: a stale character).
        (&[0x83, 0x80, 0xbf], ErrorKind::MalformedString),
        // A bad continuation byte (Java ignores the top bits).
        (&[0x82, 0xc3, 0x29], ErrorKind::MalformedString),
        // A lone surrogate cannot be a Rust String.
        (&[0x82, 0xed, 0xa0, 0x80], ErrorKind::LoneSurrogate),
        // The ASCII form without its terminator.
        (
            &[0x61, 0x62],
            ErrorKind::UnexpectedEnd {
                requested: 1,
                available: 0,
            },
        ),
    ];
    for (bytes, want) in cases {
        let err = Input::new(bytes).read_string().unwrap_err();
        assert_eq!(
            std::mem::discriminant(err.kind()),
            std::mem::discriminant(want),
            "{bytes:02x?}: {err}"
        );
        let err = Input::from_reader_capacity(
            Trickle {
                data: bytes,
                step: 1,
            },
            16,
        )
        .read_string()
        .unwrap_err();
        assert_eq!(
            std::mem::discriminant(err.kind()),
            std::mem::discriminant(want),
            "stream {bytes:02x?}: {err}"
        );
    }
    // The lossless reader keeps the lone surrogate.
    let units = Input::new(&[0x82, 0xed, 0xa0, 0x80])
        .read_string_utf16()
        .unwrap()
        .unwrap();
    assert_eq!(units.units(), &[0xd800]);
}

#[test]
fn declared_lengths_beyond_the_input_fail_before_allocating() {
    // A 5-byte varint claiming ~2^31 elements, and nothing behind it.
    let huge: &[u8] = &[0xfe, 0xff, 0xff, 0xff, 0x07];
    let mut input = Input::new(huge);
    let n = input.read_var_int(true).unwrap() as usize;
    assert!(input.read_bytes(n).unwrap_err().is_unexpected_end());
    assert!(input.read_ints(n).unwrap_err().is_unexpected_end());
    assert!(
        input
            .read_ints_var_or_fixed(n, true)
            .unwrap_err()
            .is_unexpected_end()
    );
    assert!(input.read_doubles(n).unwrap_err().is_unexpected_end());
    let mut stream = Input::from_reader(Trickle {
        data: &[1, 2, 3],
        step: 1,
    });
    assert!(stream.read_bytes(1 << 40).unwrap_err().is_unexpected_end());
    let mut stream = Input::from_reader(Trickle {
        data: &[1, 2, 3],
        step: 1,
    });
    assert!(stream.read_longs(1 << 40).unwrap_err().is_unexpected_end());
    // A string header claiming 2^30 UTF-16 units.
    let header: &[u8] = &[0xc1, 0x80, 0x80, 0x80, 0x04, b'a'];
    assert!(
        Input::new(header)
            .read_string()
            .unwrap_err()
            .is_unexpected_end()
    );
    let mut stream = Input::from_reader(Trickle {
        data: header,
        step: 2,
    });
    assert!(stream.read_string().unwrap_err().is_unexpected_end());
}

#[test]
fn overflow_keeps_what_was_written_before() {
    let mut out = Output::bounded(4, 10);
    out.write_int(1).unwrap();
    out.write_int(2).unwrap();
    let err = out.write_string(Some("hello world, too long")).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::BufferOverflow { max: 10, .. }),
        "{err}"
    );
    assert_eq!(err.offset(), 8);
    assert_eq!(out.as_slice(), &[1, 0, 0, 0, 2, 0, 0, 0]);
    assert!(out.write_ints(&[1, 2]).is_err());
    assert!(out.write_var_longs(&[-1], true).is_err());
    assert_eq!(out.position(), 8);
    out.write_short(3).unwrap();
    assert_eq!(out.position(), 10);
}

#[test]
fn chunked_round_trip_with_next_chunk() {
    let mut rng = Rng::new(6);
    // A chunk buffer must hold the widest single value (9 bytes), as in Java.
    for size in [9, 10, 16, 1024] {
        let runs: Vec<Vec<Op>> = (0..5).map(|_| Op::sequence(&mut rng, 6)).collect();
        let mut out = Output::chunked(Writer::new(Vec::new()), size);
        for run in &runs {
            for op in run {
                op.write(&mut out).unwrap();
            }
            out.end_chunk().unwrap();
        }
        let bytes = out.into_sink().unwrap().into_inner().into_inner();
        let mut input = Input::chunked(kryo5_io::source::Reader::new(&bytes[..]), 64);
        for (i, run) in runs.iter().enumerate() {
            // Read only half of every other run: next_chunk skips the rest.
            let take = if i % 2 == 0 { run.len() } else { run.len() / 2 };
            for op in &run[..take] {
                assert_eq!(op.read(&mut input).unwrap(), op.canonical(), "size {size}");
            }
            if take == run.len() {
                assert!(input.end().unwrap(), "run {i} has trailing data");
            }
            input.next_chunk().unwrap();
        }
        assert!(input.end().unwrap());
    }
}

#[test]
fn malformed_chunk_header_is_an_error() {
    let bytes = [0xff, 0xff, 0xff, 0xff, 0xff, 0x01];
    let mut input = Input::chunked(kryo5_io::source::Reader::new(&bytes[..]), 64);
    let err = input.read_byte().unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::MalformedChunkSize), "{err}");
}
