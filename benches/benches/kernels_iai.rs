//! iai-callgrind (instruction count) benchmarks of the kryo5-arch kernels
//! and the buffer methods built on them: the cases of the criterion kernel
//! suite (`kernels.rs`), same code (`kryo5_benches::kernels`, `cases`,
//! `support/crates_io.rs`), at sizes Callgrind runs quickly: 10k varints,
//! 64 KiB arrays, the same 1 KiB and 64 KiB texts.
//!
//! **No AVX-512 here.** Valgrind (3.19 on this machine, and every release so
//! far) implements no AVX-512 instruction and hides the feature from CPUID,
//! so under Callgrind `Kernel::supported()` is portable and AVX2 only; the
//! AVX-512 kernels are measured by the criterion suite alone. The AVX2
//! setups fail with a message on a CPU without AVX2 and BMI2.
//!
//! Each benchmark is `kernels_iai::<group>::<function> <id>`:
//!
//! | group | functions | ids |
//! |---|---|---|
//! | `varint` | `{encode,decode,skip}_{i32,i64}`; `plain_*`, and for i32 `integer_encoding_*`, `leb128_*`, `varint_simd_*` | `portable`, `avx2`; baselines `mix10k` |
//! | `text` | `utf16_len`, `cesu8_len`, `utf8_to_cesu8`, `cesu8_scan`, `cesu8_to_utf8`, `cesu8_to_utf16`, `utf8`; `plain_*`, `std_*`, `simd_cesu8_*`, `simdutf8_*`, `memcpy_*` | `<text>_<kernel>`; baselines `<text>` |
//! | `order` | `f32_canonical`, `f64_canonical`, `bools_from_bytes`; `plain_*`, `memcpy_*` | `portable`, `avx2`; baselines `kib64` |
//! | `buffer_by_kernel` | `write_ints_var`, `read_ints_var`, `write_longs_var`, `read_longs_var`, `write_doubles`, `read_booleans`, `write_string_*`, `read_string_into_*` | `portable`, `avx2` (forced with `dispatch::force`) |
//!
//! ```text
//! scripts/install-tools.sh     # iai-callgrind-runner, same version as the library
//! cargo bench -p kryo5-benches --bench kernels_iai -- --save-summary=json
//! ```

// iai-callgrind's macros generate public modules, functions and constants
// that cannot carry doc comments; everything written here is private.
#![allow(missing_docs)]

#[path = "support/crates_io.rs"]
mod crates_io;

use std::hint::black_box;

use iai_callgrind::{library_benchmark, library_benchmark_group, main};
use kryo5::io::{Input, Output};
use kryo5_arch::order::Order;
use kryo5_arch::text::Text;
use kryo5_arch::varint::Varint;
use kryo5_arch::{Kernel, dispatch};
use kryo5_benches::data::{self, KernelText};
use kryo5_benches::{IAI_ARRAY_BYTES, IAI_VARINT_COUNT, cases, kernels};

/// Spare bytes after every destination.
const SLACK: usize = 64;

/// The handle's kernel must run here: say so if it cannot.
fn need(kernel: Kernel) -> Kernel {
    assert!(
        kernel.is_supported(),
        "the {kernel} kernel cannot run on this CPU (under Valgrind: AVX2 and BMI2 \
         are needed for the avx2 benchmarks)"
    );
    kernel
}

// ----- varint -------------------------------------------------------------------

/// A varint case: the handle, the values, their wire image (padded for
/// `varint-simd`) and destinations.
struct VarState<T> {
    k: Varint,
    values: Vec<T>,
    bytes: Vec<u8>,
    len: usize,
    out: Vec<u8>,
    vec_out: Vec<u8>,
    dst: Vec<T>,
}

fn var_state<T: Copy + Default>(kernel: Kernel, values: Vec<T>, bytes: Vec<u8>) -> VarState<T> {
    let len = bytes.len();
    let mut bytes = bytes;
    bytes.resize(len + crates_io::VARINT_SIMD_SLACK, 0);
    VarState {
        k: Varint::new(need(kernel)).expect("supported"),
        dst: vec![T::default(); values.len()],
        out: vec![0; 9 * values.len() + SLACK],
        vec_out: Vec::with_capacity(9 * values.len() + SLACK),
        values,
        bytes,
        len,
    }
}

fn ints(kernel: Kernel) -> VarState<i32> {
    let values = data::var_ints(IAI_VARINT_COUNT);
    let bytes = data::var_int_bytes(&values);
    var_state(kernel, values, bytes)
}

fn longs(kernel: Kernel) -> VarState<i64> {
    let values = data::var_longs(IAI_VARINT_COUNT);
    let bytes = data::var_long_bytes(&values);
    var_state(kernel, values, bytes)
}

/// A benchmark function over `$setup(kernel)` for the portable and AVX2
/// kernels (ids `portable`, `avx2`); `$body` runs on the state `$s`, which
/// is handed back so dropping it is not measured.
macro_rules! per_kernel {
    ($name:ident: $state:ty, $setup:ident, |$s:ident| $body:expr) => {
        #[library_benchmark]
        #[bench::portable(args = (Kernel::Portable), setup = $setup)]
        #[bench::avx2(args = (Kernel::Avx2), setup = $setup)]
        fn $name(mut $s: $state) -> $state {
            {
                let $s = &mut $s;
                black_box($body);
            }
            $s
        }
    };
}

/// A baseline function over `$setup(Kernel::Portable)` (the handle is
/// unused), id `$id`.
macro_rules! plain {
    ($name:ident: $state:ty, $setup:ident, $id:ident, |$s:ident| $body:expr) => {
        #[library_benchmark]
        #[bench::$id(args = (Kernel::Portable), setup = $setup)]
        fn $name(mut $s: $state) -> $state {
            {
                let $s = &mut $s;
                black_box($body);
            }
            $s
        }
    };
}

per_kernel!(encode_i32: VarState<i32>, ints, |s| kernels::encode_i32s(s.k, &s.values, &mut s.out));
per_kernel!(decode_i32: VarState<i32>, ints, |s| kernels::decode_i32s(s.k, &s.bytes[..s.len], &mut s.dst));
per_kernel!(skip_i32: VarState<i32>, ints, |s| kernels::skip_i32s(s.k, &s.bytes[..s.len], s.values.len()));
per_kernel!(encode_i64: VarState<i64>, longs, |s| kernels::encode_i64s(s.k, &s.values, &mut s.out));
per_kernel!(decode_i64: VarState<i64>, longs, |s| kernels::decode_i64s(s.k, &s.bytes[..s.len], &mut s.dst));
per_kernel!(skip_i64: VarState<i64>, longs, |s| kernels::skip_i64s(s.k, &s.bytes[..s.len], s.values.len()));
plain!(plain_encode_i32: VarState<i32>, ints, mix10k,
    |s| cases::leb128_write_u32s(&mut s.vec_out, &s.values));
plain!(plain_decode_i32: VarState<i32>, ints, mix10k,
    |s| cases::leb128_read_u32s(&s.bytes[..s.len], &mut s.dst));
plain!(plain_skip_i32: VarState<i32>, ints, mix10k,
    |s| kernels::plain_skip_u32s(&s.bytes[..s.len], s.values.len()));
plain!(plain_encode_i64: VarState<i64>, longs, mix10k,
    |s| cases::leb128_write_u64s(&mut s.vec_out, &s.values));
plain!(plain_decode_i64: VarState<i64>, longs, mix10k,
    |s| cases::leb128_read_u64s(&s.bytes[..s.len], &mut s.dst));
plain!(plain_skip_i64: VarState<i64>, longs, mix10k,
    |s| kernels::plain_skip_u64s(&s.bytes[..s.len], s.values.len()));
plain!(integer_encoding_encode_i32: VarState<i32>, ints, mix10k,
    |s| crates_io::integer_encoding_write_u32s(&mut s.out, &s.values));
plain!(integer_encoding_decode_i32: VarState<i32>, ints, mix10k,
    |s| crates_io::integer_encoding_read_u32s(&s.bytes[..s.len], &mut s.dst));
plain!(leb128_encode_i32: VarState<i32>, ints, mix10k,
    |s| crates_io::leb128_write_u32s(&mut s.out, &s.values));
plain!(leb128_decode_i32: VarState<i32>, ints, mix10k,
    |s| crates_io::leb128_read_u32s(&s.bytes[..s.len], &mut s.dst));
plain!(varint_simd_encode_i32: VarState<i32>, ints, mix10k,
    |s| crates_io::varint_simd_write_u32s(&mut s.out, &s.values));
plain!(varint_simd_decode_i32: VarState<i32>, ints, mix10k,
    |s| crates_io::varint_simd_read_u32s(&s.bytes, &mut s.dst));

library_benchmark_group!(
    name = varint;
    benchmarks = encode_i32, decode_i32, skip_i32, encode_i64, decode_i64, skip_i64,
        plain_encode_i32, plain_decode_i32, plain_skip_i32,
        plain_encode_i64, plain_decode_i64, plain_skip_i64,
        integer_encoding_encode_i32, integer_encoding_decode_i32,
        leb128_encode_i32, leb128_decode_i32,
        varint_simd_encode_i32, varint_simd_decode_i32
);

// ----- text ----------------------------------------------------------------------

/// A text case: the handle, the text and reused destinations.
struct TextState {
    k: Text,
    t: KernelText,
    bytes: Vec<u8>,
    fixed: Vec<u8>,
    string: String,
    units: Vec<u16>,
}

fn text(name: &str, kernel: Kernel) -> TextState {
    let t = data::kernel_text_named(name);
    let cap = 2 * t.cesu8.len() + SLACK;
    TextState {
        k: Text::new(need(kernel)).expect("supported"),
        bytes: Vec::with_capacity(cap),
        fixed: vec![0; cap],
        string: String::with_capacity(cap),
        units: Vec::with_capacity(cap),
        t,
    }
}

/// A text op for every kernel text and both kernels: ids `<text>_<kernel>`.
macro_rules! text_kernels {
    ($name:ident, |$s:ident| $body:expr) => {
        #[library_benchmark]
        #[bench::mostly_ascii_1k_portable(args = ("mostly_ascii_1k", Kernel::Portable), setup = text)]
        #[bench::mostly_ascii_1k_avx2(args = ("mostly_ascii_1k", Kernel::Avx2), setup = text)]
        #[bench::cjk_1k_portable(args = ("cjk_1k", Kernel::Portable), setup = text)]
        #[bench::cjk_1k_avx2(args = ("cjk_1k", Kernel::Avx2), setup = text)]
        #[bench::emoji_1k_portable(args = ("emoji_1k", Kernel::Portable), setup = text)]
        #[bench::emoji_1k_avx2(args = ("emoji_1k", Kernel::Avx2), setup = text)]
        #[bench::mostly_ascii_64k_portable(args = ("mostly_ascii_64k", Kernel::Portable), setup = text)]
        #[bench::mostly_ascii_64k_avx2(args = ("mostly_ascii_64k", Kernel::Avx2), setup = text)]
        #[bench::cjk_64k_portable(args = ("cjk_64k", Kernel::Portable), setup = text)]
        #[bench::cjk_64k_avx2(args = ("cjk_64k", Kernel::Avx2), setup = text)]
        #[bench::emoji_64k_portable(args = ("emoji_64k", Kernel::Portable), setup = text)]
        #[bench::emoji_64k_avx2(args = ("emoji_64k", Kernel::Avx2), setup = text)]
        fn $name(mut $s: TextState) -> TextState {
            {
                let $s = &mut $s;
                black_box($body);
            }
            $s
        }
    };
}

/// A text baseline for every kernel text: ids `<text>`.
macro_rules! text_plain {
    ($name:ident, |$s:ident| $body:expr) => {
        #[library_benchmark]
        #[bench::mostly_ascii_1k(args = ("mostly_ascii_1k", Kernel::Portable), setup = text)]
        #[bench::cjk_1k(args = ("cjk_1k", Kernel::Portable), setup = text)]
        #[bench::emoji_1k(args = ("emoji_1k", Kernel::Portable), setup = text)]
        #[bench::mostly_ascii_64k(args = ("mostly_ascii_64k", Kernel::Portable), setup = text)]
        #[bench::cjk_64k(args = ("cjk_64k", Kernel::Portable), setup = text)]
        #[bench::emoji_64k(args = ("emoji_64k", Kernel::Portable), setup = text)]
        fn $name(mut $s: TextState) -> TextState {
            {
                let $s = &mut $s;
                black_box($body);
            }
            $s
        }
    };
}

/// A `memcpy` baseline for the CJK texts (their CESU-8 is their UTF-8).
macro_rules! text_memcpy {
    ($name:ident, |$s:ident| $body:expr) => {
        #[library_benchmark]
        #[bench::cjk_1k(args = ("cjk_1k", Kernel::Portable), setup = text)]
        #[bench::cjk_64k(args = ("cjk_64k", Kernel::Portable), setup = text)]
        fn $name(mut $s: TextState) -> TextState {
            {
                let $s = &mut $s;
                black_box($body);
            }
            $s
        }
    };
}

text_kernels!(utf16_len, |s| kernels::utf16_len(s.k, &s.t.text));
text_kernels!(cesu8_len, |s| kernels::cesu8_len(s.k, &s.t.text));
text_kernels!(utf8_to_cesu8, |s| kernels::utf8_to_cesu8(
    s.k,
    &s.t.text,
    &mut s.fixed
));
text_kernels!(cesu8_scan, |s| kernels::cesu8_scan(
    s.k, &s.t.cesu8, s.t.units
));
text_kernels!(cesu8_to_utf8, |s| kernels::cesu8_to_utf8(
    s.k,
    &s.t.cesu8,
    &mut s.bytes
));
text_kernels!(cesu8_to_utf16, |s| kernels::cesu8_to_utf16(
    s.k,
    &s.t.cesu8,
    &mut s.units
));
text_kernels!(utf8, |s| kernels::utf8(s.k, s.t.text.as_bytes()));
text_plain!(plain_utf16_len, |s| kernels::plain_utf16_len(&s.t.text));
text_plain!(std_utf16_len, |s| kernels::std_utf16_len(&s.t.text));
text_plain!(plain_cesu8_len, |s| kernels::plain_cesu8_len(&s.t.text));
text_plain!(plain_utf8_to_cesu8, |s| kernels::plain_utf8_to_cesu8(
    &s.t.text,
    &mut s.bytes
));
text_plain!(simd_cesu8_utf8_to_cesu8, |s| crates_io::simd_cesu8_encode(
    &s.t.text,
    &mut s.bytes
));
text_plain!(plain_cesu8_scan, |s| kernels::plain_cesu8_scan(
    &s.t.cesu8, s.t.units
));
text_plain!(plain_cesu8_to_utf8, |s| kernels::plain_cesu8_to_utf8(
    &s.t.cesu8,
    &mut s.string
));
text_plain!(simd_cesu8_cesu8_to_utf8, |s| crates_io::simd_cesu8_decode(
    &s.t.cesu8
));
text_plain!(plain_cesu8_to_utf16, |s| kernels::plain_cesu8_to_utf16(
    &s.t.cesu8,
    &mut s.units
));
text_plain!(std_utf8, |s| kernels::std_from_utf8(s.t.text.as_bytes()));
text_plain!(simdutf8_basic_utf8, |s| crates_io::simdutf8_basic(
    s.t.text.as_bytes()
));
text_plain!(simdutf8_compat_utf8, |s| crates_io::simdutf8_compat(
    s.t.text.as_bytes()
));
text_memcpy!(memcpy_utf8_to_cesu8, |s| {
    let n = s.t.text.len();
    cases::memcpy(&mut s.fixed[..n], s.t.text.as_bytes())
});
text_memcpy!(memcpy_cesu8_to_utf8, |s| {
    let n = s.t.cesu8.len();
    cases::memcpy(&mut s.fixed[..n], &s.t.cesu8)
});

library_benchmark_group!(
    name = text_group;
    benchmarks = utf16_len, plain_utf16_len, std_utf16_len,
        cesu8_len, plain_cesu8_len,
        utf8_to_cesu8, plain_utf8_to_cesu8, simd_cesu8_utf8_to_cesu8, memcpy_utf8_to_cesu8,
        cesu8_scan, plain_cesu8_scan,
        cesu8_to_utf8, plain_cesu8_to_utf8, simd_cesu8_cesu8_to_utf8, memcpy_cesu8_to_utf8,
        cesu8_to_utf16, plain_cesu8_to_utf16,
        utf8, std_utf8, simdutf8_basic_utf8, simdutf8_compat_utf8
);

// ----- order ---------------------------------------------------------------------

/// An order case over 64 KiB: the handle, inputs and destinations.
struct OrderState {
    k: Order,
    floats: Vec<f32>,
    doubles: Vec<f64>,
    bools: Vec<u8>,
    float_wire: Vec<u8>,
    double_wire: Vec<u8>,
    out: Vec<u8>,
    vec_out: Vec<u8>,
    flags: Vec<bool>,
    flag_vec: Vec<bool>,
}

fn order(kernel: Kernel) -> OrderState {
    let floats = data::canon_floats(IAI_ARRAY_BYTES);
    let doubles = data::canon_doubles(IAI_ARRAY_BYTES);
    OrderState {
        k: Order::new(need(kernel)).expect("supported"),
        float_wire: floats.iter().flat_map(|f| f.to_le_bytes()).collect(),
        double_wire: data::double_bytes(&doubles),
        bools: data::bool_bytes(IAI_ARRAY_BYTES),
        out: vec![0; IAI_ARRAY_BYTES],
        vec_out: Vec::with_capacity(IAI_ARRAY_BYTES),
        flags: vec![false; IAI_ARRAY_BYTES],
        flag_vec: Vec::with_capacity(IAI_ARRAY_BYTES),
        floats,
        doubles,
    }
}

per_kernel!(f32_canonical: OrderState, order,
    |s| kernels::f32_to_le_canonical(s.k, &s.floats, &mut s.out));
per_kernel!(f64_canonical: OrderState, order,
    |s| kernels::f64_to_le_canonical(s.k, &s.doubles, &mut s.out));
per_kernel!(bools_from_bytes: OrderState, order,
    |s| kernels::bools_from_bytes(s.k, &s.bools, &mut s.flags));
plain!(plain_f32_canonical: OrderState, order, kib64,
    |s| kernels::plain_f32_to_le_canonical(&s.floats, &mut s.vec_out));
plain!(plain_f64_canonical: OrderState, order, kib64,
    |s| kernels::plain_f64_to_le_canonical(&s.doubles, &mut s.vec_out));
plain!(plain_bools_from_bytes: OrderState, order, kib64,
    |s| kernels::plain_bools_from_bytes(&s.bools, &mut s.flag_vec));
plain!(memcpy_f32_canonical: OrderState, order, kib64,
    |s| cases::memcpy(&mut s.out, &s.float_wire));
plain!(memcpy_f64_canonical: OrderState, order, kib64,
    |s| cases::memcpy(&mut s.out, &s.double_wire));
plain!(memcpy_bools_from_bytes: OrderState, order, kib64,
    |s| cases::memcpy(&mut s.out, &s.bools));

library_benchmark_group!(
    name = order_group;
    benchmarks = f32_canonical, plain_f32_canonical, memcpy_f32_canonical,
        f64_canonical, plain_f64_canonical, memcpy_f64_canonical,
        bools_from_bytes, plain_bools_from_bytes, memcpy_bools_from_bytes
);

// ----- buffer methods, kernel forced ------------------------------------------

/// A buffer case with `kernel` forced for the (single-benchmark) process.
struct BufState {
    out: Output,
    input: Input<'static>,
    bytes: &'static [u8],
    ints: Vec<i32>,
    longs: Vec<i64>,
    doubles: Vec<f64>,
    text: String,
    int_dst: Vec<i32>,
    long_dst: Vec<i64>,
    flags: Vec<bool>,
    string: String,
}

/// The state for one buffer method: `what` picks the wire image `bytes`
/// (`ints`, `longs`, `bools`, a string's message, or nothing).
fn buffer(what: &str, kernel: Kernel) -> BufState {
    dispatch::force(need(kernel)).expect("supported");
    let ints = data::var_ints(IAI_VARINT_COUNT);
    let longs = data::var_longs(IAI_VARINT_COUNT);
    let text = data::strings()
        .into_iter()
        .find(|t| t.name == what)
        .map(|t| t.text)
        .unwrap_or_default();
    let bytes: Vec<u8> = match what {
        "ints" => data::var_int_bytes(&ints),
        "longs" => data::var_long_bytes(&longs),
        "bools" => data::bool_bytes(IAI_ARRAY_BYTES),
        _ if !text.is_empty() => data::string_in_message(&text),
        _ => Vec::new(),
    };
    // Each benchmark runs in a process of its own: leaking the input for
    // its lifetime frees nothing that would otherwise be freed in time.
    let bytes: &'static [u8] = bytes.leak();
    BufState {
        out: Output::with_capacity(9 * IAI_VARINT_COUNT + IAI_ARRAY_BYTES + SLACK),
        input: Input::new(bytes),
        bytes,
        int_dst: vec![0; ints.len()],
        long_dst: vec![0; longs.len()],
        flags: vec![false; IAI_ARRAY_BYTES],
        string: String::with_capacity(1024),
        doubles: data::doubles(IAI_ARRAY_BYTES),
        ints,
        longs,
        text,
    }
}

/// A buffer method for both kernels, with `$what` selecting the input.
macro_rules! buffer_kernels {
    ($name:ident, $what:literal, |$s:ident| $body:expr) => {
        #[library_benchmark]
        #[bench::portable(args = ($what, Kernel::Portable), setup = buffer)]
        #[bench::avx2(args = ($what, Kernel::Avx2), setup = buffer)]
        fn $name(mut $s: BufState) -> BufState {
            {
                let $s = &mut $s;
                black_box($body.expect("case succeeds"));
            }
            $s
        }
    };
}

buffer_kernels!(write_ints_var, "ints", |s| cases::write_var_ints(
    &mut s.out, &s.ints
));
buffer_kernels!(read_ints_var, "ints", |s| cases::read_var_ints(
    &mut s.input,
    s.bytes,
    &mut s.int_dst
));
buffer_kernels!(write_longs_var, "longs", |s| cases::write_var_longs(
    &mut s.out, &s.longs
));
buffer_kernels!(read_longs_var, "longs", |s| cases::read_var_longs(
    &mut s.input,
    s.bytes,
    &mut s.long_dst
));
buffer_kernels!(write_doubles, "none", |s| cases::write_doubles(
    &mut s.out, &s.doubles
));
buffer_kernels!(read_booleans, "bools", |s| {
    s.input.set_buffer(s.bytes);
    s.input.read_booleans_into(&mut s.flags)
});
buffer_kernels!(write_string_mostly_ascii100, "mostly_ascii100", |s| {
    cases::write_string(&mut s.out, &s.text)
});
buffer_kernels!(write_string_cjk100, "cjk100", |s| cases::write_string(
    &mut s.out, &s.text
));
buffer_kernels!(write_string_emoji100, "emoji100", |s| cases::write_string(
    &mut s.out, &s.text
));
buffer_kernels!(read_string_into_mostly_ascii100, "mostly_ascii100", |s| {
    cases::read_string_into(&mut s.input, s.bytes, &mut s.string)
});
buffer_kernels!(read_string_into_cjk100, "cjk100", |s| {
    cases::read_string_into(&mut s.input, s.bytes, &mut s.string)
});
buffer_kernels!(read_string_into_emoji100, "emoji100", |s| {
    cases::read_string_into(&mut s.input, s.bytes, &mut s.string)
});

library_benchmark_group!(
    name = buffer_by_kernel;
    benchmarks = write_ints_var, read_ints_var, write_longs_var, read_longs_var,
        write_doubles, read_booleans,
        write_string_mostly_ascii100, write_string_cjk100, write_string_emoji100,
        read_string_into_mostly_ascii100, read_string_into_cjk100, read_string_into_emoji100
);

main!(
    library_benchmark_groups = varint,
    text_group,
    order_group,
    buffer_by_kernel
);
