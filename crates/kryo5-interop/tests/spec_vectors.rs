//! The test vectors of the format spec (sections 1 to 5 and 13), checked
//! against real Java Kryo and against kryo5: the spec, Java and kryo5 must
//! all say the same. Also: the section 2.3 strings Java misreads, which
//! kryo5 must refuse, and the Java behaviours kryo5 deliberately does not
//! copy (they depend on Java's buffer state, not on the bytes), pinned so
//! that a change on either side is noticed.

mod common;

use std::time::Instant;

use common::summary;
use kryo5_interop::check::Report;
use kryo5_interop::ops::ArrayKind;
use kryo5_interop::value::{hex, unhex};
use kryo5_interop::{
    ArrayApi, Failure, InputClass, InputSource, OutputClass, OutputSink, ReadConfig, ReadOp,
    ReadRun, Script, Step, StrApi, Value, WriteConfig, WriteOp, jvm, kryo5_read, kryo5_write,
};

/// Bytes from the spec's notation: `80 01` (a token may hold several
/// bytes: `8001`), with `ff*9` for repeats.
fn bytes(s: &str) -> Vec<u8> {
    s.split_whitespace()
        .flat_map(|t| match t.split_once('*') {
            Some((b, n)) => {
                let b = u8::from_str_radix(b, 16).expect("hex byte");
                vec![b; n.parse().expect("repeat count")]
            }
            None => unhex(t).expect("hex bytes"),
        })
        .collect()
}

fn out(class: OutputClass, var_len: bool) -> WriteConfig {
    let sink = match class {
        OutputClass::OutputChunked => OutputSink::Stream { buffer_size: 1024 },
        _ => OutputSink::Memory {
            buffer_size: 16,
            max: None,
        },
    };
    WriteConfig {
        class,
        var_len,
        sink,
    }
}

fn text(s: &str) -> WriteOp {
    WriteOp::StringUtf8(Some(s.to_owned()))
}

fn alphabet(n: usize) -> String {
    "abcdefghijklmnopqrstuvwxyz"
        .chars()
        .cycle()
        .take(n)
        .collect()
}

/// (setup, ops, the spec's bytes)
fn write_vectors() -> Vec<(WriteConfig, Vec<WriteOp>, Vec<u8>)> {
    let safe = out(OutputClass::Output, true);
    let one = |op: WriteOp, b: &str| (safe, vec![op], bytes(b));
    let mut v = Vec::new();
    // 13.1 varint: value, optimizePositive = true, = false.
    for (x, t, f) in [
        (0, "00", "00"),
        (1, "01", "02"),
        (63, "3f", "7e"),
        (64, "40", "80 01"),
        (127, "7f", "fe 01"),
        (128, "80 01", "80 02"),
        (8191, "ff 3f", "fe 7f"),
        (8192, "80 40", "80 80 01"),
        (16383, "ff 7f", "fe ff 01"),
        (16384, "80 80 01", "80 80 02"),
        (2_097_151, "ff ff 7f", "fe ff ff 01"),
        (2_097_152, "80 80 80 01", "80 80 80 02"),
        (268_435_455, "ff ff ff 7f", "fe ff ff ff 01"),
        (268_435_456, "80 80 80 80 01", "80 80 80 80 02"),
        (i32::MAX, "ff ff ff ff 07", "fe ff ff ff 0f"),
        (-1, "ff ff ff ff 0f", "01"),
        (-64, "c0 ff ff ff 0f", "7f"),
        (-65, "bf ff ff ff 0f", "81 01"),
        (i32::MIN, "80 80 80 80 08", "ff ff ff ff 0f"),
    ] {
        v.push(one(WriteOp::VarInt(x, true), t));
        v.push(one(WriteOp::VarInt(x, false), f));
    }
    // 13.2 varlong.
    for (x, t, f) in [
        (0, "00", "00"),
        (1, "01", "02"),
        (127, "7f", "fe 01"),
        (128, "80 01", "80 02"),
        ((1 << 28) - 1, "ff*3 7f", "fe ff*3 01"),
        ((1 << 31) - 1, "ff*4 07", "fe ff*3 0f"),
        ((1 << 35) - 1, "ff*4 7f", "fe ff*4 01"),
        (1 << 35, "80*5 01", "80*5 02"),
        ((1 << 42) - 1, "ff*5 7f", "fe ff*5 01"),
        ((1 << 49) - 1, "ff*6 7f", "fe ff*6 01"),
        (1 << 49, "80*7 01", "80*7 02"),
        ((1 << 56) - 1, "ff*7 7f", "fe ff*7 01"),
        (1 << 56, "80*8 01", "80*8 02"),
        (i64::MAX, "ff*8 7f", "fe ff*8"),
        (-1, "ff*9", "01"),
        (i64::MIN, "80*9", "ff*9"),
    ] {
        v.push(one(WriteOp::VarLong(x, true), t));
        v.push(one(WriteOp::VarLong(x, false), f));
    }
    // 13.3 varint-flag, optimizePositive = true: flag true, flag false.
    for (x, t, f) in [
        (0, "80", "00"),
        (1, "81", "01"),
        (63, "bf", "3f"),
        (64, "c0 01", "40 01"),
        (8191, "ff 7f", "7f 7f"),
        (8192, "c0 80 01", "40 80 01"),
        ((1 << 20) - 1, "ff ff 7f", "7f ff 7f"),
        (1 << 20, "c0 80 80 01", "40 80 80 01"),
        ((1 << 27) - 1, "ff ff ff 7f", "7f ff ff 7f"),
        (1 << 27, "c0 80 80 80 01", "40 80 80 80 01"),
        (i32::MAX, "ff ff ff ff 0f", "7f ff ff ff 0f"),
        (-1, "ff ff ff ff 1f", "7f ff ff ff 1f"),
    ] {
        v.push(one(WriteOp::VarIntFlag(true, x, true), t));
        v.push(one(WriteOp::VarIntFlag(false, x, true), f));
    }
    v.push(one(WriteOp::VarIntFlag(true, 40, false), "d0 01"));
    v.push(one(WriteOp::VarIntFlag(false, -1, false), "01"));
    // 13.4 and 1.3, 1.4: fixed width.
    for (op, b) in [
        (WriteOp::Int(1), "01 00 00 00"),
        (WriteOp::Int(-1), "ff ff ff ff"),
        (WriteOp::Int(0x1234_5678), "78 56 34 12"),
        (
            WriteOp::Long(0x0102_0304_0506_0708),
            "08 07 06 05 04 03 02 01",
        ),
        (WriteOp::Long(-2), "fe ff*7"),
        (WriteOp::Short(-2), "fe ff"),
        (WriteOp::Short(0x1234), "34 12"),
        (WriteOp::Char(0x20ac), "ac 20"),
        (WriteOp::Char(0x41), "41 00"),
        (WriteOp::Byte(0x7f), "7f"),
        (WriteOp::Byte(-1), "ff"),
        (WriteOp::Boolean(true), "01"),
        (WriteOp::Boolean(false), "00"),
        (WriteOp::Float(0), "00 00 00 00"),
        (WriteOp::Float(0x8000_0000), "00 00 00 80"),
        (WriteOp::Float(0x3f80_0000), "00 00 80 3f"),
        (WriteOp::Float((-2.5f32).to_bits()), "00 00 20 c0"),
        (WriteOp::Float(0x7fc0_0000), "00 00 c0 7f"),
        (WriteOp::Float(0x7fc0_0001), "00 00 c0 7f"),
        (WriteOp::Float(0xffc0_0000), "00 00 c0 7f"),
        (WriteOp::Float(0x7f80_0000), "00 00 80 7f"),
        (WriteOp::Float(0xff80_0000), "00 00 80 ff"),
        (WriteOp::Float(0x7f7f_ffff), "ff ff 7f 7f"),
        (WriteOp::Float(1), "01 00 00 00"),
        (WriteOp::Double(0), "00*8"),
        (WriteOp::Double(0x8000_0000_0000_0000), "00*7 80"),
        (WriteOp::Double(1f64.to_bits()), "00*6 f0 3f"),
        (WriteOp::Double(0.1f64.to_bits()), "9a 99 99 99 99 99 b9 3f"),
        (WriteOp::Double(0x7ff8_0000_0000_0000), "00*6 f8 7f"),
        (WriteOp::Double(0x7ff8_0000_0000_0001), "00*6 f8 7f"),
        (WriteOp::Double(0x7ff0_0000_0000_0000), "00*6 f0 7f"),
        (WriteOp::Double(0xfff0_0000_0000_0000), "00*6 f0 ff"),
        (WriteOp::Double(1), "01 00*7"),
        // 1.5 count forms (big-endian).
        (WriteOp::IntCount(0x0001_0203, 3), "01 02 03"),
        (WriteOp::IntCount(0x0102_0304, 4), "01 02 03 04"),
        (WriteOp::IntCount(0x0102_0304, 3), "02 03 04"),
        (WriteOp::LongCount(0x01_0203_0405, 5), "01 02 03 04 05"),
        (
            WriteOp::LongCount(0x0102_0304_0506_0708, 6),
            "03 04 05 06 07 08",
        ),
        (WriteOp::LongCount(-1, 2), "ff ff"),
        // 1.10 reduced precision.
        (
            WriteOp::VarFloat(1.5f32.to_bits(), 100f32.to_bits(), true),
            "96 01",
        ),
        (
            WriteOp::VarFloat((-1.5f32).to_bits(), 100f32.to_bits(), false),
            "ab 02",
        ),
        (
            WriteOp::VarFloat(f32::NAN.to_bits(), 100f32.to_bits(), true),
            "00",
        ),
        (
            WriteOp::VarFloat(1e30f32.to_bits(), 1f32.to_bits(), true),
            "ff ff ff ff 07",
        ),
        (
            WriteOp::VarDouble(1.5f64.to_bits(), 1000f64.to_bits(), true),
            "dc 0b",
        ),
        (
            WriteOp::VarDouble((-2.5f64).to_bits(), 10f64.to_bits(), false),
            "31",
        ),
    ] {
        v.push(one(op, b));
    }
    // 13.5, 2.2 strings; 2.5 writeAscii.
    let utf16 = |u: &[u16]| WriteOp::StringUtf16(Some(u.to_vec()));
    for (op, b) in [
        (WriteOp::StringUtf8(None), "80".to_owned()),
        (text(""), "81".to_owned()),
        (text("a"), "82 61".to_owned()),
        (text("ab"), "61 e2".to_owned()),
        (text("abc"), "61 62 e3".to_owned()),
        (text("\u{0}"), "82 00".to_owned()),
        (text("\u{0}\u{0}"), "00 80".to_owned()),
        (text("a\u{0}b"), "61 00 e2".to_owned()),
        (text("\u{7f}\u{7f}"), "7f ff".to_owned()),
        (text("é"), "82 c3 a9".to_owned()),
        (text("éa"), "83 c3 a9 61".to_owned()),
        (text("café"), "85 63 61 66 c3 a9".to_owned()),
        (text("hé"), "83 68 c3 a9".to_owned()),
        (text("日本"), "83 e6 97 a5 e6 9c ac".to_owned()),
        (text("😀"), "83 ed a0 bd ed b8 80".to_owned()),
        (text("a😀"), "84 61 ed a0 bd ed b8 80".to_owned()),
        (text("a€"), "83 61 e2 82 ac".to_owned()),
        (text("\u{0}é"), "83 00 c3 a9".to_owned()),
        (text("\u{80}"), "82 c2 80".to_owned()),
        (text("\u{7ff}"), "82 df bf".to_owned()),
        (text("\u{800}"), "82 e0 a0 80".to_owned()),
        (text("\u{ffff}"), "82 ef bf bf".to_owned()),
        (utf16(&[0xd800]), "82 ed a0 80".to_owned()),
        (
            utf16(&[0xd83d, 0xde00, 0]),
            "84 ed a0 bd ed b8 80 00".to_owned(),
        ),
        (
            text(&alphabet(32)),
            format!("{} e6", hex(&alphabet(31).into_bytes())),
        ),
        (
            text(&alphabet(33)),
            format!("a2 {}", hex(&alphabet(33).into_bytes())),
        ),
        (text(&"x".repeat(63)), "c0 01 78*63".to_owned()),
        (text(&"x".repeat(64)), "c1 01 78*64".to_owned()),
        (text(&"x".repeat(8191)), "c0 80 01 78*8191".to_owned()),
        (WriteOp::Ascii(None), "80".to_owned()),
        (WriteOp::Ascii(Some(String::new())), "81".to_owned()),
        (WriteOp::Ascii(Some("a".into())), "82 61".to_owned()),
        (WriteOp::Ascii(Some("ab".into())), "61 e2".to_owned()),
        (
            WriteOp::Ascii(Some(alphabet(40))),
            format!("{} ee", hex(&alphabet(39).into_bytes())),
        ),
    ] {
        v.push(one(op, &b));
    }
    // 1.8 the variable-length switch.
    let off = out(OutputClass::Output, false);
    for (cfg, op, b) in [
        (safe, WriteOp::IntOpt(1, true), "01"),
        (safe, WriteOp::IntOpt(1, false), "02"),
        (safe, WriteOp::IntOpt(-1, true), "ff ff ff ff 0f"),
        (safe, WriteOp::IntOpt(-1, false), "01"),
        (off, WriteOp::IntOpt(1, true), "01 00 00 00"),
        (off, WriteOp::IntOpt(-1, false), "ff ff ff ff"),
        (safe, WriteOp::LongOpt(1, true), "01"),
        (off, WriteOp::LongOpt(1, true), "01 00*7"),
        (off, WriteOp::VarInt(1, true), "01"),
    ] {
        v.push((cfg, vec![op], bytes(b)));
    }
    // 3 bulk arrays.
    let ints = |k, x: &[i64]| WriteOp::array(k, x.iter().map(|&i| Value::Int(i)).collect());
    let arr = [1, -1, 300];
    for (cfg, op, b) in [
        (
            safe,
            ints(ArrayKind::Ints, &arr),
            "01 00 00 00 ff ff ff ff 2c 01 00 00",
        ),
        (
            safe,
            ints(ArrayKind::IntsOpt(true), &arr),
            "01 ff ff ff ff 0f ac 02",
        ),
        (safe, ints(ArrayKind::IntsOpt(false), &arr), "02 01 d8 04"),
        (
            off,
            ints(ArrayKind::IntsOpt(false), &arr),
            "01 00 00 00 ff ff ff ff 2c 01 00 00",
        ),
        (safe, ints(ArrayKind::Longs, &[1, -1]), "01 00*7 ff*8"),
        (safe, ints(ArrayKind::LongsOpt(false), &[1, -1]), "02 01"),
        (safe, ints(ArrayKind::LongsOpt(true), &[1, -1]), "01 ff*9"),
        (
            safe,
            WriteOp::array(
                ArrayKind::Floats,
                vec![Value::F32(0x3f80_0000), Value::F32(0x8000_0000)],
            ),
            "00 00 80 3f 00 00 00 80",
        ),
        (
            safe,
            WriteOp::array(ArrayKind::Doubles, vec![Value::F64(1f64.to_bits())]),
            "00*6 f0 3f",
        ),
        (safe, ints(ArrayKind::Shorts, &[1, -2]), "01 00 fe ff"),
        (safe, ints(ArrayKind::Chars, &[0x41, 0x20ac]), "41 00 ac 20"),
        (
            safe,
            WriteOp::array(
                ArrayKind::Booleans,
                vec![Value::Bool(true), Value::Bool(false)],
            ),
            "01 00",
        ),
    ] {
        v.push((cfg, vec![op], bytes(b)));
    }
    // 4 the Unsafe classes (on a little-endian host).
    for class in [
        OutputClass::UnsafeOutput,
        OutputClass::UnsafeByteBufferOutput,
    ] {
        let cfg = out(class, true);
        for (op, b) in [
            (WriteOp::Int(0x1234_5678), "78 56 34 12"),
            (
                WriteOp::Long(0x0102_0304_0506_0708),
                "08 07 06 05 04 03 02 01",
            ),
            (WriteOp::Char(0x20ac), "ac 20"),
            (WriteOp::Float(0x7fc0_0001), "01 00 c0 7f"),
            (WriteOp::Double(0x7ff8_0000_0000_0001), "01 00*5 f8 7f"),
            (
                ints(ArrayKind::IntsOpt(true), &arr),
                "01 ff ff ff ff 0f ac 02",
            ),
            (text("hé"), "83 68 c3 a9"),
        ] {
            v.push((cfg, vec![op], bytes(b)));
        }
    }
    // 5 chunked encoding.
    let chunked = out(OutputClass::OutputChunked, true);
    let raw = |b: Vec<u8>| {
        WriteOp::array(
            ArrayKind::Bytes,
            b.into_iter().map(|x| Value::Int(x.into())).collect(),
        )
    };
    v.push((
        chunked,
        vec![
            WriteOp::Int(1),
            text("ab"),
            WriteOp::EndChunk,
            WriteOp::Byte(7),
            WriteOp::EndChunk,
        ],
        bytes("06 01 00 00 00 61 e2 00 01 07 00"),
    ));
    v.push((
        WriteConfig {
            sink: OutputSink::Stream { buffer_size: 4 },
            ..chunked
        },
        vec![raw((1..=10).collect()), WriteOp::EndChunk],
        bytes("04 01 02 03 04 04 05 06 07 08 02 09 0a 00"),
    ));
    v.push((
        chunked,
        vec![raw(vec![0x55; 200]), WriteOp::EndChunk],
        bytes("c8 01 55*200 00"),
    ));
    v.push((
        chunked,
        vec![WriteOp::EndChunk, WriteOp::EndChunk],
        bytes("00 00"),
    ));
    v
}

#[test]
fn java_and_kryo5_write_the_spec_vectors() {
    let started = Instant::now();
    let vectors = write_vectors();
    let mut script = Script::new();
    let ids: Vec<usize> = vectors
        .iter()
        .map(|(cfg, ops, _)| script.write(cfg, ops))
        .collect();
    let java = jvm().run(&script);
    let mut report = Report::new("spec write vectors");
    for ((cfg, ops, want), id) in vectors.iter().zip(ids) {
        let label = format!(
            "{cfg}: {}",
            ops[0].java().chars().take(60).collect::<String>()
        );
        for (who, got) in [
            ("Java", &java.write(id).bytes),
            ("kryo5", &kryo5_write(cfg, ops).bytes),
        ] {
            let result = if got == want {
                Ok(())
            } else {
                Err(format!(
                    "{who} wrote x{}, the spec says x{}",
                    hex(got),
                    hex(want)
                ))
            };
            report.check(&label, result);
        }
    }
    let checks = report.finish();
    summary("spec_vectors/write", &script, checks, started);
}

/// A read vector: setup, data, ops, and what Java and kryo5 must return.
struct ReadVector {
    cfg: ReadConfig,
    data: Vec<u8>,
    ops: Vec<ReadOp>,
    java: Vec<Step>,
    kryo5: Vec<Step>,
}

fn input(class: InputClass, var_len: bool) -> ReadConfig {
    ReadConfig {
        class,
        var_len,
        source: InputSource::Array,
    }
}

fn val(value: Value, total: u64) -> Step {
    Step::Value { value, total }
}

fn int(v: i64, total: u64) -> Step {
    val(Value::Int(v), total)
}

fn flag(v: bool, total: u64) -> Step {
    val(Value::Bool(v), total)
}

fn string(s: &str, total: u64) -> Step {
    val(Value::str(Some(s)), total)
}

/// A vector where Java and kryo5 must agree.
fn same(cfg: ReadConfig, data: &str, ops: Vec<ReadOp>, steps: Vec<Step>) -> ReadVector {
    ReadVector {
        cfg,
        data: bytes(data),
        ops,
        java: steps.clone(),
        kryo5: steps,
    }
}

fn read_vectors() -> Vec<ReadVector> {
    let safe = input(InputClass::Input, true);
    let native = input(InputClass::UnsafeInput, true);
    let underflow = Step::Error(Failure::Underflow);
    let malformed = Step::Error(Failure::MalformedString);
    let mut v = Vec::new();
    // 1.6 varint decoding, 1.7 varlong decoding.
    for (data, opt, value, total) in [
        ("80 01", true, 128, 2),
        ("ff ff ff ff 7f", true, -1, 5),
        ("ff ff ff ff ff 01", true, -1, 5),
        ("80 80 80 80 80 01", true, 0, 5),
        ("81 80 80 80 00", true, 1, 5),
        ("80 00", true, 0, 2),
        ("ff ff ff ff 0f", false, i64::from(i32::MIN), 5),
        ("fe ff ff ff 0f", false, i64::from(i32::MAX), 5),
    ] {
        v.push(same(
            safe,
            data,
            vec![ReadOp::VarInt(opt)],
            vec![int(value, total)],
        ));
    }
    for (data, value, total) in [
        ("ff*9", -1, 9),
        ("ff*8 7f", i64::MAX, 9),
        ("ff*8 80", -9_151_314_442_816_847_873, 9),
        ("80*8 01", 1 << 56, 9),
        ("ff*9 01", -1, 9),
    ] {
        v.push(same(
            safe,
            data,
            vec![ReadOp::VarLong(true)],
            vec![int(value, total)],
        ));
    }
    // 1.9 varint-flag: the peek does not consume.
    let peek = vec![ReadOp::VarIntFlagPeek, ReadOp::VarIntFlag(true)];
    v.push(same(
        safe,
        "c0 81 01",
        peek.clone(),
        vec![flag(true, 0), int(8256, 3)],
    ));
    v.push(same(
        safe,
        "7f ff ff ff ff",
        peek,
        vec![flag(false, 0), int(-1, 5)],
    ));
    // 1.5 count forms.
    for (data, op, value) in [
        ("ff fe", ReadOp::IntCount(2), -2),
        ("80 01", ReadOp::IntCount(2), -32767),
        ("ff 00 01", ReadOp::IntCount(3), -65535),
        ("ff ff ff ff fe", ReadOp::LongCount(5), -2),
        ("80 00 00", ReadOp::LongCount(3), -8_388_608),
        ("80 00 00 00 01", ReadOp::LongCount(5), -549_755_813_887),
    ] {
        let total = bytes(data).len() as u64;
        v.push(same(safe, data, vec![op], vec![int(value, total)]));
    }
    // 1.11 canRead*, truncation.
    for (cfg, data, op, answer) in [
        (safe, "80", ReadOp::CanReadVarInt, false),
        (safe, "ff ff", ReadOp::CanReadVarInt, false),
        (safe, "01", ReadOp::CanReadVarInt, true),
        (safe, "80 80 80 80", ReadOp::CanReadVarInt, false),
        (safe, "80 80 80 80 80", ReadOp::CanReadVarInt, true),
        (safe, "80 80 80 80", ReadOp::CanReadVarLong, false),
        (safe, "ff*8", ReadOp::CanReadVarLong, false),
        (
            input(InputClass::Input, false),
            "01 02 03",
            ReadOp::CanReadInt,
            false,
        ),
    ] {
        v.push(same(cfg, data, vec![op], vec![flag(answer, 0)]));
    }
    v.push(same(
        safe,
        "80",
        vec![ReadOp::VarInt(true)],
        vec![underflow.clone()],
    ));
    // 1.2 booleans: readBoolean is "== 1" for the safe classes, "!= 0" for
    // the Unsafe ones; readBooleans is "!= 0" everywhere.
    let each = vec![ReadOp::Boolean; 4];
    v.push(same(
        safe,
        "00 01 02 ff",
        each.clone(),
        [false, true, false, false]
            .iter()
            .zip(1..)
            .map(|(&b, t)| flag(b, t))
            .collect(),
    ));
    v.push(same(
        native,
        "00 01 02 ff",
        each,
        [false, true, true, true]
            .iter()
            .zip(1..)
            .map(|(&b, t)| flag(b, t))
            .collect(),
    ));
    let bulk = vec![ReadOp::Array(ArrayKind::Booleans, 4, ArrayApi::Vec)];
    let all = val(
        Value::List([false, true, true, true].map(Value::Bool).to_vec()),
        4,
    );
    v.push(same(safe, "00 01 02 ff", bulk.clone(), vec![all.clone()]));
    v.push(same(native, "00 01 02 ff", bulk, vec![all]));
    // 2.3 and 2.5: what readString accepts.
    let read = ReadOp::String(StrApi::Utf16);
    v.push(same(
        safe,
        "80 81",
        vec![read.clone(), read.clone()],
        vec![val(Value::Str(None), 1), string("", 2)],
    ));
    v.push(same(
        safe,
        "84 78 79 7a",
        vec![read.clone()],
        vec![string("xyz", 4)],
    ));
    let forty = alphabet(40);
    let ascii = format!("{} ee", hex(&alphabet(39).into_bytes()));
    v.push(same(
        safe,
        &ascii,
        vec![read.clone()],
        vec![string(&forty, 40)],
    ));
    // 2.3: bytes Kryo never writes. Java reads garbage (characters from a
    // stale buffer, overlong forms, unchecked continuations); kryo5 refuses.
    for (data, java) in [
        ("83 f0 9f 98 80", string("\u{0}\u{0}", 3)),
        ("82 c3 29", string("é", 3)),
        ("82 c0 80", string("\u{0}", 3)),
        ("82 e0 80 80", string("\u{0}", 4)),
        ("83 80 bf", string("\u{0}\u{0}", 3)),
    ] {
        v.push(ReadVector {
            cfg: safe,
            data: bytes(data),
            ops: vec![read.clone()],
            java: vec![java],
            kryo5: vec![malformed.clone()],
        });
    }
    v.push(ReadVector {
        cfg: safe,
        data: bytes("84 78 79 7a 83 80 bf"),
        ops: vec![read.clone(), read.clone()],
        java: vec![string("xyz", 4), string("xy", 7)],
        kryo5: vec![string("xyz", 4), malformed],
    });
    // 5 InputChunked and nextChunk.
    let chunked = ReadConfig {
        class: InputClass::InputChunked,
        var_len: true,
        source: InputSource::Stream { buffer_size: 1024 },
    };
    let runs = "02 0a 0b 00 01 0c 00 03 0d 0e 0f 00";
    v.push(same(
        chunked,
        runs,
        vec![ReadOp::Byte, ReadOp::NextChunk, ReadOp::Byte, ReadOp::Byte],
        vec![int(10, 1), val(Value::Unit, 2), int(12, 3), underflow],
    ));
    v.push(same(
        chunked,
        runs,
        vec![
            ReadOp::Byte,
            ReadOp::NextChunk,
            ReadOp::Byte,
            ReadOp::NextChunk,
            ReadOp::Byte,
        ],
        vec![
            int(10, 1),
            val(Value::Unit, 2),
            int(12, 3),
            val(Value::Unit, 3),
            int(13, 4),
        ],
    ));
    v.push(same(
        chunked,
        "03 01 02 03 02 04 05 00 01 09 00",
        vec![ReadOp::Byte, ReadOp::NextChunk, ReadOp::Byte],
        vec![int(1, 1), val(Value::Unit, 5), int(9, 6)],
    ));
    v
}

fn check_steps(who: &str, want: &[Step], got: &ReadRun) -> Result<(), String> {
    if got.steps == want {
        Ok(())
    } else {
        Err(format!("{who} returned {:?}, expected {want:?}", got.steps))
    }
}

#[test]
fn java_and_kryo5_read_the_spec_vectors() {
    let started = Instant::now();
    let vectors = read_vectors();
    let mut script = Script::new();
    let ids: Vec<usize> = vectors
        .iter()
        .map(|r| script.read(&r.cfg, &r.data, &r.ops))
        .collect();
    let java = jvm().run(&script);
    let mut report = Report::new("spec read vectors");
    for (r, id) in vectors.iter().zip(ids) {
        let label = format!("{} over x{}", r.cfg, hex(&r.data));
        report.check(&label, check_steps("Java", &r.java, java.read(id)));
        report.check(
            &label,
            check_steps("kryo5", &r.kryo5, &kryo5_read(&r.cfg, &r.data, &r.ops)),
        );
    }
    let checks = report.finish();
    summary("spec_vectors/read", &script, checks, started);
}

/// Where Java writes bytes it cannot read back or throws on bad arguments,
/// kryo5 refuses up front (`InvalidArgument`), writing nothing.
#[test]
fn kryo5_refuses_arguments_java_rejects_or_corrupts() {
    let safe = out(OutputClass::Output, true);
    let cases = [
        // 2.5: Java keeps the low 8 bits of each char.
        (WriteOp::Ascii(Some("éa".into())), Ok(bytes("e9 e1"))),
        (WriteOp::IntCount(1, 5), Err(Failure::InvalidArgument)),
        (WriteOp::LongCount(1, 9), Err(Failure::InvalidArgument)),
    ];
    let mut script = Script::new();
    let ids: Vec<usize> = cases
        .iter()
        .map(|(op, _)| script.write(&safe, std::slice::from_ref(op)))
        .collect();
    let java = jvm().run(&script);
    for ((op, java_result), id) in cases.iter().zip(ids) {
        let theirs = java.write(id);
        match java_result {
            Ok(b) => assert_eq!(&theirs.bytes, b, "Java {}", op.java()),
            Err(f) => assert_eq!(
                theirs.failure.as_ref().map(|e| &e.failure),
                Some(f),
                "Java {}",
                op.java()
            ),
        }
        let ours = kryo5_write(&safe, std::slice::from_ref(op));
        assert_eq!(
            ours.failure.map(|e| e.failure),
            Some(Failure::InvalidArgument),
            "kryo5 {}",
            op.java()
        );
        assert!(
            ours.bytes.is_empty(),
            "kryo5 wrote x{} for {}",
            hex(&ours.bytes),
            op.java()
        );
    }
}

/// Java behaviours that depend on its buffer rather than on the bytes, and
/// which kryo5 does not copy (it answers from the data). Pinned so that a
/// change on either side is noticed; see the crate report.
#[test]
fn java_buffer_dependent_answers_are_pinned() {
    let stream = |class| ReadConfig {
        class,
        var_len: true,
        source: InputSource::Stream { buffer_size: 16 },
    };
    let cases = [
        // canReadVarLong asks optional(5), not 9: after readBytes(10) Java
        // holds 6 of the varlong's 9 bytes and answers false; the varlong
        // is there and reads fine.
        (
            stream(InputClass::Input),
            bytes("00*10 80*8 01"),
            vec![
                ReadOp::Array(ArrayKind::Bytes, 10, ArrayApi::Vec),
                ReadOp::CanReadVarLong,
                ReadOp::VarLong(true),
            ],
            [false, true],
        ),
        // readBooleans(n) with n above the buffer size falls back to
        // readBoolean ("== 1"): byte 2 reads false; kryo5 reads "!= 0".
        (
            stream(InputClass::Input),
            bytes("02*20"),
            vec![ReadOp::Array(ArrayKind::Booleans, 20, ArrayApi::Vec)],
            [false, true],
        ),
    ];
    let mut script = Script::new();
    let ids: Vec<usize> = cases
        .iter()
        .map(|(cfg, data, ops, _)| script.read(cfg, data, ops))
        .collect();
    let java = jvm().run(&script);
    let answer = |run: &ReadRun, op: usize| match &run.steps[op] {
        Step::Value {
            value: Value::Bool(b),
            ..
        } => *b,
        Step::Value {
            value: Value::List(items),
            ..
        } => items.iter().all(|v| *v == Value::Bool(true)),
        other => panic!("unexpected {other:?}"),
    };
    for ((cfg, data, ops, [java_says, kryo5_says]), id) in cases.iter().zip(ids) {
        let (theirs, ours) = (java.read(id), kryo5_read(cfg, data, ops));
        let at = ops.len().min(2) - 1;
        assert_eq!(answer(theirs, at), *java_says, "Java {}", ops[at].java());
        assert_eq!(answer(&ours, at), *kryo5_says, "kryo5 {}", ops[at].java());
        // Everything else about the case agrees.
        assert_eq!(theirs.steps.len(), ours.steps.len());
        assert_eq!(theirs.end_total, ours.end_total);
    }
}
