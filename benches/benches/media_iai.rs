//! iai-callgrind (instruction count) benchmarks of jvm-serializers'
//! MediaContent: the cases of the criterion suite (`media.rs`), same
//! functions (`support/media.rs`), one value per call.
//!
//! Setups run outside the measured function: each kryo5 setup writes or
//! reads the value once first, so the Kryo's per-type caches are warm as in
//! a long-running process; read values are handed back, so freeing them is
//! not counted (building them is). Benchmarks are named
//! `media_iai::<group>::<function> <id>`:
//!
//! | group | functions | ids |
//! |---|---|---|
//! | `media_write` | `kryo5_write`, `bincode_write`, `speedy_write`, `postcard_write` | `flat`, `refs`, `compat` (kryo5); `standard` |
//! | `media_read` | `kryo5_read`, `kryo5_read_borrowed` (zero-copy twins; `flat`, `refs`), `bincode_read`, `speedy_read`, `postcard_read` | as above |
//!
//! ```text
//! scripts/install-tools.sh          # iai-callgrind-runner, same version as the library
//! cargo bench -p kryo5-benches --bench media_iai
//! ```

// iai-callgrind's macros generate public modules, functions and constants
// that cannot carry doc comments; everything written here is private.
#![allow(missing_docs)]

#[path = "support/media.rs"]
mod media;

use std::hint::black_box;

use iai_callgrind::{library_benchmark, library_benchmark_group, main};
use kryo5::Kryo;
use kryo5::io::Output;
use kryo5_interop::media::MediaContent;
use kryo5_interop::media_ref::MediaContentRef;

/// A kryo5 case's state: a Kryo of one setup, an output, the value, its
/// bytes, and where a read value goes.
struct Kryo5 {
    kryo: Kryo,
    out: Output,
    value: MediaContent,
    bytes: Vec<u8>,
    read: Option<MediaContent>,
}

/// A borrowed read's state: a Kryo of one setup, the value's bytes (kept
/// for the whole run, so the value read may borrow them) and where the
/// value read goes.
struct Borrowed {
    kryo: Kryo,
    bytes: &'static [u8],
    read: Option<MediaContentRef<'static>>,
}

/// Setup `index` of [`media::SETUPS`] for a borrowed read, warmed by one.
fn borrowed(index: usize) -> Borrowed {
    assert!(index < media::BORROWED_SETUPS, "no borrowed layout");
    let Kryo5 {
        mut kryo, bytes, ..
    } = kryo5(index);
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    media::kryo5_read_borrowed(&mut kryo, bytes).expect("kryo5 reads borrowed");
    Borrowed {
        kryo,
        bytes,
        read: None,
    }
}

/// A baseline's state: its reused buffer (holding the value's encoding),
/// the value, and where a read value goes.
struct Plain {
    buf: Vec<u8>,
    len: usize,
    value: media::Mirror,
    read: Option<media::Mirror>,
}

/// Setup `index` of [`media::SETUPS`], warmed by one write and one read.
fn kryo5(index: usize) -> Kryo5 {
    let mut kryo = (media::SETUPS[index].1)();
    let value = media::value();
    let mut out = Output::with_capacity(media::CAPACITY);
    let n = media::kryo5_write(&mut kryo, &mut out, &value).expect("kryo5 writes");
    let bytes = out.as_slice()[..n].to_vec();
    media::kryo5_read(&mut kryo, &bytes).expect("kryo5 reads");
    Kryo5 {
        kryo,
        out,
        value,
        bytes,
        read: None,
    }
}

/// A baseline's state with `name`'s encoding in the buffer.
fn plain(name: &str) -> Plain {
    let value = media::Mirror::from(&media::value());
    let encoded = media::encodings()
        .into_iter()
        .find(|(n, _)| *n == name)
        .expect("every baseline is encoded")
        .1;
    let mut buf = vec![0; media::CAPACITY];
    buf[..encoded.len()].copy_from_slice(&encoded);
    Plain {
        buf,
        len: encoded.len(),
        value,
        read: None,
    }
}

#[library_benchmark]
#[bench::flat(args = (0), setup = kryo5)]
#[bench::refs(args = (1), setup = kryo5)]
#[bench::compat(args = (2), setup = kryo5)]
fn kryo5_write(mut s: Kryo5) -> Kryo5 {
    black_box(media::kryo5_write(&mut s.kryo, &mut s.out, &s.value).expect("kryo5 writes"));
    s
}

#[library_benchmark]
#[bench::flat(args = (0), setup = kryo5)]
#[bench::refs(args = (1), setup = kryo5)]
#[bench::compat(args = (2), setup = kryo5)]
fn kryo5_read(mut s: Kryo5) -> Kryo5 {
    s.read = Some(black_box(
        media::kryo5_read(&mut s.kryo, &s.bytes).expect("kryo5 reads"),
    ));
    s
}

#[library_benchmark]
#[bench::flat(args = (0), setup = borrowed)]
#[bench::refs(args = (1), setup = borrowed)]
fn kryo5_read_borrowed(mut s: Borrowed) -> Borrowed {
    s.read = Some(black_box(
        media::kryo5_read_borrowed(&mut s.kryo, s.bytes).expect("kryo5 reads borrowed"),
    ));
    s
}

/// A write and a read benchmark function for one baseline.
macro_rules! baseline {
    ($write:ident, $read:ident, $name:literal) => {
        #[library_benchmark]
        #[bench::standard(args = ($name), setup = plain)]
        fn $write(mut s: Plain) -> Plain {
            black_box(media::$write(&mut s.buf, &s.value).expect("baseline writes"));
            s
        }

        #[library_benchmark]
        #[bench::standard(args = ($name), setup = plain)]
        fn $read(mut s: Plain) -> Plain {
            s.read = Some(black_box(
                media::$read(&s.buf[..s.len]).expect("baseline reads"),
            ));
            s
        }
    };
}

baseline!(bincode_write, bincode_read, "bincode");
baseline!(speedy_write, speedy_read, "speedy");
baseline!(postcard_write, postcard_read, "postcard");

library_benchmark_group!(
    name = media_write;
    benchmarks = kryo5_write, bincode_write, speedy_write, postcard_write
);

library_benchmark_group!(
    name = media_read;
    benchmarks = kryo5_read, kryo5_read_borrowed, bincode_read, speedy_read, postcard_read
);

main!(library_benchmark_groups = media_write, media_read);
