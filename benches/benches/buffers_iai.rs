//! iai-callgrind (instruction count) benchmarks of the buffer layer: the
//! cases of the criterion suite (`buffers.rs`), same code
//! (`kryo5_benches::cases`) and same baselines, at sizes small enough to run
//! under Callgrind: 10k varints, 64 KiB arrays, one string per call.
//!
//! Instruction counts do not depend on the machine's load, so they can be
//! compared across runs and machines (of the same architecture and build).
//! Every setup (data, pre-sized buffers) runs outside the measured function,
//! and every measured function hands its buffers back, so neither
//! allocation nor freeing is counted. Each benchmark is named
//! `buffers_iai::<group>::<function> <id>`:
//!
//! | group | functions | ids |
//! |---|---|---|
//! | `varint_single` | `write_var_int_{safe,native}`, `read_var_int_{safe,native}`, `leb128_{write,read}` | `mix10k` |
//! | `varint_array` | `{write,read}_{ints,longs}_var_{safe,native}`, `leb128_{write,read}_{ints,longs}` | `mix10k` |
//! | `fixed_array` | `{write,read}_{ints,longs,doubles,shorts}_{safe,native}`, `memcpy_{ints,...}` | `kib64` |
//! | `string` | `write_string_*`, `read_string_into_*`, `read_str_*`, `cesu8_{write,read}` | `ascii15`, `mostly_ascii100`, `cjk100`, `emoji100` |
//!
//! ```text
//! scripts/install-tools.sh          # iai-callgrind-runner, same version as the library
//! cargo bench -p kryo5-benches --bench buffers_iai
//! cargo bench -p kryo5-benches --bench buffers_iai -- string   # by name
//! ```

// iai-callgrind's macros generate public modules, functions and constants
// that cannot carry doc comments; everything written here is private.
#![allow(missing_docs)]

use std::hint::black_box;

use iai_callgrind::{library_benchmark, library_benchmark_group, main};
use kryo5::io::{Native, Safe};
use kryo5_benches::cases::{self, Buffers, In, Out};
use kryo5_benches::{IAI_ARRAY_BYTES, IAI_VARINT_COUNT, data};

/// Spare output capacity beyond the bytes a case writes.
const SLACK: usize = 16;

// ----- setups: run before measuring -------------------------------------------

/// A kryo5 write case's state: a pre-sized output and the values.
struct Write<F: Buffers, V> {
    out: Out<F>,
    values: V,
}

/// A kryo5 read case's state: the input, the bytes it reads, a destination.
struct Read<F: Buffers, D> {
    input: In<'static, F>,
    bytes: &'static [u8],
    dst: D,
}

/// A baseline's state: its reused byte buffer and the values or bytes.
struct Plain<V, D> {
    buf: Vec<u8>,
    values: V,
    dst: D,
}

/// `bytes` for the life of the process. Each benchmark runs in a process of
/// its own, so this leaks nothing that outlives it; it lets the input be
/// built in the setup instead of in the measured function.
fn leak(bytes: Vec<u8>) -> &'static [u8] {
    bytes.leak()
}

fn write<F: Buffers, V>(capacity: usize, values: V) -> Write<F, V> {
    Write {
        out: F::output(capacity + SLACK),
        values,
    }
}

fn read<F: Buffers, D>(bytes: Vec<u8>, dst: D) -> Read<F, D> {
    let bytes = leak(bytes);
    Read {
        input: F::input(bytes),
        bytes,
        dst,
    }
}

fn var_ints_write<F: Buffers>() -> Write<F, Vec<i32>> {
    // The array writer reserves 5 bytes per value up front.
    write(5 * IAI_VARINT_COUNT, data::var_ints(IAI_VARINT_COUNT))
}

fn var_ints_read<F: Buffers>() -> Read<F, Vec<i32>> {
    let values = data::var_ints(IAI_VARINT_COUNT);
    read(data::var_int_bytes(&values), vec![0; values.len()])
}

fn var_longs_write<F: Buffers>() -> Write<F, Vec<i64>> {
    write(9 * IAI_VARINT_COUNT, data::var_longs(IAI_VARINT_COUNT))
}

fn var_longs_read<F: Buffers>() -> Read<F, Vec<i64>> {
    let values = data::var_longs(IAI_VARINT_COUNT);
    read(data::var_long_bytes(&values), vec![0; values.len()])
}

fn leb128_ints() -> Plain<Vec<i32>, Vec<i32>> {
    let values = data::var_ints(IAI_VARINT_COUNT);
    Plain {
        buf: data::var_int_bytes(&values),
        dst: vec![0; values.len()],
        values,
    }
}

fn leb128_longs() -> Plain<Vec<i64>, Vec<i64>> {
    let values = data::var_longs(IAI_VARINT_COUNT);
    Plain {
        buf: data::var_long_bytes(&values),
        dst: vec![0; values.len()],
        values,
    }
}

fn ints_write<F: Buffers>() -> Write<F, Vec<i32>> {
    write(IAI_ARRAY_BYTES, data::ints(IAI_ARRAY_BYTES))
}

fn ints_read<F: Buffers>() -> Read<F, Vec<i32>> {
    let values = data::ints(IAI_ARRAY_BYTES);
    read(data::int_bytes(&values), vec![0; values.len()])
}

fn longs_write<F: Buffers>() -> Write<F, Vec<i64>> {
    write(IAI_ARRAY_BYTES, data::longs(IAI_ARRAY_BYTES))
}

fn longs_read<F: Buffers>() -> Read<F, Vec<i64>> {
    let values = data::longs(IAI_ARRAY_BYTES);
    read(data::long_bytes(&values), vec![0; values.len()])
}

fn doubles_write<F: Buffers>() -> Write<F, Vec<f64>> {
    write(IAI_ARRAY_BYTES, data::doubles(IAI_ARRAY_BYTES))
}

fn doubles_read<F: Buffers>() -> Read<F, Vec<f64>> {
    let values = data::doubles(IAI_ARRAY_BYTES);
    read(data::double_bytes(&values), vec![0.0; values.len()])
}

fn shorts_write<F: Buffers>() -> Write<F, Vec<i16>> {
    write(IAI_ARRAY_BYTES, data::shorts(IAI_ARRAY_BYTES))
}

fn shorts_read<F: Buffers>() -> Read<F, Vec<i16>> {
    let values = data::shorts(IAI_ARRAY_BYTES);
    read(data::short_bytes(&values), vec![0; values.len()])
}

/// The `memcpy` baseline: the wire image and a destination of its size.
fn image(wire: Vec<u8>) -> Plain<Vec<u8>, ()> {
    Plain {
        buf: vec![0; wire.len()],
        values: wire,
        dst: (),
    }
}

fn ints_image() -> Plain<Vec<u8>, ()> {
    image(data::int_bytes(&data::ints(IAI_ARRAY_BYTES)))
}

fn longs_image() -> Plain<Vec<u8>, ()> {
    image(data::long_bytes(&data::longs(IAI_ARRAY_BYTES)))
}

fn doubles_image() -> Plain<Vec<u8>, ()> {
    image(data::double_bytes(&data::doubles(IAI_ARRAY_BYTES)))
}

fn shorts_image() -> Plain<Vec<u8>, ()> {
    image(data::short_bytes(&data::shorts(IAI_ARRAY_BYTES)))
}

fn string_write<F: Buffers>(name: &str) -> Write<F, String> {
    let text = data::string(name);
    write(data::string_bytes(&text).len(), text)
}

fn string_read<F: Buffers>(name: &str) -> Read<F, String> {
    read(
        data::string_in_message(&data::string(name)),
        String::with_capacity(1024),
    )
}

fn string_read_str<F: Buffers>(name: &str) -> Read<F, ()> {
    read(data::string_in_message(&data::string(name)), ())
}

fn cesu8(name: &str) -> Plain<String, String> {
    let text = data::string(name);
    Plain {
        buf: data::string_bytes(&text),
        values: text,
        dst: String::with_capacity(1024),
    }
}

// ----- measured functions --------------------------------------------------

/// A safe and a native benchmark function for one kryo5 case: `$setup` is
/// instantiated per flavour, `$body` runs on the setup's state `$s`, and the
/// state is returned so dropping it is not measured.
macro_rules! flavours {
    (
        $safe:ident, $native:ident: $state:ident<$v:ty>, $setup:ident,
        [$($id:ident $(($arg:tt))?),+], |$s:ident| $body:expr
    ) => {
        #[library_benchmark]
        $(#[bench::$id($(args = ($arg),)? setup = $setup::<Safe>)])+
        fn $safe(mut $s: $state<Safe, $v>) -> $state<Safe, $v> {
            black_box($body.expect("case succeeds"));
            $s
        }

        #[library_benchmark]
        $(#[bench::$id($(args = ($arg),)? setup = $setup::<Native>)])+
        fn $native(mut $s: $state<Native, $v>) -> $state<Native, $v> {
            black_box($body.expect("case succeeds"));
            $s
        }
    };
}

/// A baseline benchmark function, shaped like those of [`flavours`].
macro_rules! baseline {
    (
        $name:ident: $state:ty, $setup:ident,
        [$($id:ident $(($arg:tt))?),+], |$s:ident| $body:expr
    ) => {
        #[library_benchmark]
        $(#[bench::$id($(args = ($arg),)? setup = $setup)])+
        fn $name(mut $s: $state) -> $state {
            black_box($body);
            $s
        }
    };
}

// varints, one call per value

flavours!(write_var_int_safe, write_var_int_native: Write<Vec<i32>>, var_ints_write, [mix10k],
    |s| cases::write_var_int_each(&mut s.out, &s.values));
flavours!(read_var_int_safe, read_var_int_native: Read<Vec<i32>>, var_ints_read, [mix10k],
    |s| cases::read_var_int_each(&mut s.input, s.bytes, &mut s.dst));
baseline!(leb128_write: Plain<Vec<i32>, Vec<i32>>, leb128_ints, [mix10k],
    |s| cases::leb128_write_u32s(&mut s.buf, &s.values));
baseline!(leb128_read: Plain<Vec<i32>, Vec<i32>>, leb128_ints, [mix10k],
    |s| cases::leb128_read_u32s(&s.buf, &mut s.dst).expect("baseline succeeds"));

library_benchmark_group!(
    name = varint_single;
    benchmarks = write_var_int_safe, write_var_int_native, leb128_write,
        read_var_int_safe, read_var_int_native, leb128_read
);

// varint arrays

flavours!(write_ints_var_safe, write_ints_var_native: Write<Vec<i32>>, var_ints_write, [mix10k],
    |s| cases::write_var_ints(&mut s.out, &s.values));
flavours!(read_ints_var_safe, read_ints_var_native: Read<Vec<i32>>, var_ints_read, [mix10k],
    |s| cases::read_var_ints(&mut s.input, s.bytes, &mut s.dst));
flavours!(write_longs_var_safe, write_longs_var_native: Write<Vec<i64>>, var_longs_write, [mix10k],
    |s| cases::write_var_longs(&mut s.out, &s.values));
flavours!(read_longs_var_safe, read_longs_var_native: Read<Vec<i64>>, var_longs_read, [mix10k],
    |s| cases::read_var_longs(&mut s.input, s.bytes, &mut s.dst));
baseline!(leb128_write_ints: Plain<Vec<i32>, Vec<i32>>, leb128_ints, [mix10k],
    |s| cases::leb128_write_u32s(&mut s.buf, &s.values));
baseline!(leb128_read_ints: Plain<Vec<i32>, Vec<i32>>, leb128_ints, [mix10k],
    |s| cases::leb128_read_u32s(&s.buf, &mut s.dst).expect("baseline succeeds"));
baseline!(leb128_write_longs: Plain<Vec<i64>, Vec<i64>>, leb128_longs, [mix10k],
    |s| cases::leb128_write_u64s(&mut s.buf, &s.values));
baseline!(leb128_read_longs: Plain<Vec<i64>, Vec<i64>>, leb128_longs, [mix10k],
    |s| cases::leb128_read_u64s(&s.buf, &mut s.dst).expect("baseline succeeds"));

library_benchmark_group!(
    name = varint_array;
    benchmarks = write_ints_var_safe, write_ints_var_native, leb128_write_ints,
        read_ints_var_safe, read_ints_var_native, leb128_read_ints,
        write_longs_var_safe, write_longs_var_native, leb128_write_longs,
        read_longs_var_safe, read_longs_var_native, leb128_read_longs
);

// fixed-width arrays

flavours!(write_ints_safe, write_ints_native: Write<Vec<i32>>, ints_write, [kib64],
    |s| cases::write_ints(&mut s.out, &s.values));
flavours!(read_ints_safe, read_ints_native: Read<Vec<i32>>, ints_read, [kib64],
    |s| cases::read_ints(&mut s.input, s.bytes, &mut s.dst));
flavours!(write_longs_safe, write_longs_native: Write<Vec<i64>>, longs_write, [kib64],
    |s| cases::write_longs(&mut s.out, &s.values));
flavours!(read_longs_safe, read_longs_native: Read<Vec<i64>>, longs_read, [kib64],
    |s| cases::read_longs(&mut s.input, s.bytes, &mut s.dst));
flavours!(write_doubles_safe, write_doubles_native: Write<Vec<f64>>, doubles_write, [kib64],
    |s| cases::write_doubles(&mut s.out, &s.values));
flavours!(read_doubles_safe, read_doubles_native: Read<Vec<f64>>, doubles_read, [kib64],
    |s| cases::read_doubles(&mut s.input, s.bytes, &mut s.dst));
flavours!(write_shorts_safe, write_shorts_native: Write<Vec<i16>>, shorts_write, [kib64],
    |s| cases::write_shorts(&mut s.out, &s.values));
flavours!(read_shorts_safe, read_shorts_native: Read<Vec<i16>>, shorts_read, [kib64],
    |s| cases::read_shorts(&mut s.input, s.bytes, &mut s.dst));
baseline!(memcpy_ints: Plain<Vec<u8>, ()>, ints_image, [kib64],
    |s| cases::memcpy(&mut s.buf, &s.values));
baseline!(memcpy_longs: Plain<Vec<u8>, ()>, longs_image, [kib64],
    |s| cases::memcpy(&mut s.buf, &s.values));
baseline!(memcpy_doubles: Plain<Vec<u8>, ()>, doubles_image, [kib64],
    |s| cases::memcpy(&mut s.buf, &s.values));
baseline!(memcpy_shorts: Plain<Vec<u8>, ()>, shorts_image, [kib64],
    |s| cases::memcpy(&mut s.buf, &s.values));

library_benchmark_group!(
    name = fixed_array;
    benchmarks = write_ints_safe, write_ints_native, read_ints_safe, read_ints_native, memcpy_ints,
        write_longs_safe, write_longs_native, read_longs_safe, read_longs_native, memcpy_longs,
        write_doubles_safe, write_doubles_native, read_doubles_safe, read_doubles_native,
        memcpy_doubles,
        write_shorts_safe, write_shorts_native, read_shorts_safe, read_shorts_native, memcpy_shorts
);

// strings, one per call

flavours!(write_string_safe, write_string_native: Write<String>, string_write,
    [ascii15("ascii15"), mostly_ascii100("mostly_ascii100"), cjk100("cjk100"), emoji100("emoji100")],
    |s| cases::write_string(&mut s.out, &s.values));
flavours!(read_string_into_safe, read_string_into_native: Read<String>, string_read,
    [ascii15("ascii15"), mostly_ascii100("mostly_ascii100"), cjk100("cjk100"), emoji100("emoji100")],
    |s| cases::read_string_into(&mut s.input, s.bytes, &mut s.dst));
flavours!(read_str_safe, read_str_native: Read<()>, string_read_str,
    [ascii15("ascii15"), mostly_ascii100("mostly_ascii100"), cjk100("cjk100"), emoji100("emoji100")],
    |s| cases::read_str(&mut s.input, s.bytes));
baseline!(cesu8_write: Plain<String, String>, cesu8,
    [ascii15("ascii15"), mostly_ascii100("mostly_ascii100"), cjk100("cjk100"), emoji100("emoji100")],
    |s| cases::cesu8_write(&mut s.buf, &s.values));
baseline!(cesu8_read: Plain<String, String>, cesu8,
    [ascii15("ascii15"), mostly_ascii100("mostly_ascii100"), cjk100("cjk100"), emoji100("emoji100")],
    |s| cases::cesu8_read(&s.buf, &mut s.dst).expect("baseline succeeds"));

library_benchmark_group!(
    name = string;
    benchmarks = write_string_safe, write_string_native, cesu8_write,
        read_string_into_safe, read_string_into_native, read_str_safe, read_str_native, cesu8_read
);

main!(
    library_benchmark_groups = varint_single,
    varint_array,
    fixed_array,
    string
);
