//! Java Kryo 5.6.2 timed on the buffer suite's data, in the same session as
//! kryo5's criterion suites: the Java column of `docs/benchmarks.md`.
//!
//! Each case runs in a JVM of its own through the interop rig's driver
//! (`kryo5_interop::Jvm::bench`, the driver's `BENCH` command): the values
//! go to Java in a file, Java warms up for 3 s (full JIT), then times 21
//! batches of at least 50 ms and reports the median ns per op. Every case
//! is checked: Java must write exactly kryo5's bytes, or read back exactly
//! the values given, or this program stops.
//!
//! | Java call (class) | data | kryo5 counterpart (criterion, `buffers`) |
//! |---|---|---|
//! | `writeVarInt(v, true)` / `readVarInt(true)` per value (`Output`/`Input`) | 1M `varint_mix_u32` | `varint_single/{write,read}` |
//! | `writeInts(a, 0, n, true)` / `readInts(n, true)` | same | `varint_array/{write,read}_ints` |
//! | `writeLongs(a, 0, n, true)` / `readLongs(n, true)` | 1M `varint_mix_u64` | `varint_array/{write,read}_longs` |
//! | `writeInts`/`readInts`, `writeLongs`/`readLongs`, `writeDoubles`/`readDoubles` (`Output`/`Input` and `UnsafeOutput`/`UnsafeInput`) | 1 MiB | `fixed_array/*` (safe / native) |
//! | `writeString` / `readString` | the four benchmark strings | `string/{write,read_string_into}` |
//! | `kryo.writeObject` / `kryo.readObject` (`Output`/`Input`) | MediaContent, graph cases `media`, `refs.media` and `compat.media` | `media/{write,read}` (`media` bench) |
//!
//! Results: a table on stdout and `target/java-bench/results.json`, which
//! `scripts/bench_report.py` puts beside the criterion figures.
//!
//! ```text
//! bash scripts/fetch-kryo.sh                     # Kryo 5.6.2 jar, once (a JDK 17 is needed too)
//! cargo bench -p kryo5-benches --bench java      # all 32 cases, about 3 minutes
//! cargo bench -p kryo5-benches --bench java -- string --warm-up 5 --reps 31
//! ```

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Duration;

use kryo5::io::NativeOutput;
use kryo5_benches::{ARRAY_BYTES, VARINT_COUNT, data};
use kryo5_interop::java::{JavaBench, doubles_le, fnv1a, ints_le, longs_le, utf16_le};
use kryo5_interop::media;

/// An array type: its name, data file, and the bytes of `Output` and of
/// `UnsafeOutput` (kryo5's safe and native flavours).
type ArrayCase = (&'static str, Vec<u8>, Vec<u8>, Vec<u8>);

/// One Java case and what it is compared with.
struct Case {
    /// Report name, e.g. `writeVarInt Output`.
    name: String,
    /// Driver op and class.
    op: &'static str,
    class: &'static str,
    /// The data file.
    data: Vec<u8>,
    /// The bytes kryo5 writes for the op (write ops), to check Java's.
    kryo5_bytes: Option<Vec<u8>>,
    /// Values (varints), bytes (arrays, strings) or objects (graphs) per
    /// op, for throughput.
    elements: u64,
    /// What `elements` counts: `values`, `bytes` or `objects`.
    unit: &'static str,
    /// Criterion group and id of the kryo5 counterpart.
    kryo5: (String, String),
}

impl Case {
    /// The data's name in the table: a graph case's name.
    fn data_name(&self) -> String {
        String::from_utf8_lossy(&self.data).into_owned()
    }
}

fn cases() -> Vec<Case> {
    let mut v = Vec::new();
    let ints = data::var_ints(VARINT_COUNT);
    let int_bytes = data::var_int_bytes(&ints);
    let longs = data::var_longs(VARINT_COUNT);
    let long_bytes = data::var_long_bytes(&longs);
    let var = |op: &'static str, class, values: &[u8], bytes: &[u8], n, group: &str| Case {
        name: format!("{op} {class}"),
        op,
        class,
        data: values.to_vec(),
        kryo5_bytes: op.starts_with("write").then(|| bytes.to_vec()),
        elements: n as u64,
        unit: "values",
        kryo5: (group.to_string(), "kryo5_safe".to_string()),
    };
    let int_file = ints_le(&ints);
    let long_file = longs_le(&longs);
    for (op, class, group) in [
        ("writeVarInt", "Output", "varint_single/write"),
        ("readVarInt", "Input", "varint_single/read"),
        ("writeVarInts", "Output", "varint_array/write_ints"),
        ("readVarInts", "Input", "varint_array/read_ints"),
    ] {
        v.push(var(op, class, &int_file, &int_bytes, ints.len(), group));
    }
    for (op, class, group) in [
        ("writeVarLongs", "Output", "varint_array/write_longs"),
        ("readVarLongs", "Input", "varint_array/read_longs"),
    ] {
        v.push(var(op, class, &long_file, &long_bytes, longs.len(), group));
    }

    let fixed_ints = data::ints(ARRAY_BYTES);
    let fixed_longs = data::longs(ARRAY_BYTES);
    let doubles = data::doubles(ARRAY_BYTES);
    let mut native = NativeOutput::with_capacity(ARRAY_BYTES);
    native.write_doubles(&doubles).expect("memory output grows");
    let native_doubles = native.as_slice().to_vec();
    let arrays: [ArrayCase; 3] = [
        (
            "Ints",
            ints_le(&fixed_ints),
            data::int_bytes(&fixed_ints),
            data::int_bytes(&fixed_ints),
        ),
        (
            "Longs",
            longs_le(&fixed_longs),
            data::long_bytes(&fixed_longs),
            data::long_bytes(&fixed_longs),
        ),
        (
            "Doubles",
            doubles_le(&doubles),
            data::double_bytes(&doubles),
            native_doubles,
        ),
    ];
    for (ty, file, safe, unsafe_bytes) in arrays {
        let lower = ty.to_lowercase();
        for (dir, class, bytes, id) in [
            ("write", "Output", &safe, "kryo5_safe"),
            ("read", "Input", &safe, "kryo5_safe"),
            ("write", "UnsafeOutput", &unsafe_bytes, "kryo5_native"),
            ("read", "UnsafeInput", &unsafe_bytes, "kryo5_native"),
        ] {
            let op: &'static str = Box::leak(format!("{dir}{ty}").into_boxed_str());
            v.push(Case {
                name: format!("{op} {class}"),
                op,
                class,
                data: file.clone(),
                kryo5_bytes: (dir == "write").then(|| bytes.clone()),
                elements: ARRAY_BYTES as u64,
                unit: "bytes",
                kryo5: (format!("fixed_array/{dir}_{lower}"), id.to_string()),
            });
        }
    }

    // jvm-serializers' MediaContent, the graph cases `media` (references
    // off), `refs.media` (on) and `compat.media` (compatible field
    // serializer) of `java/CasesMedia.java`.
    for (case, kryo, id) in [
        ("media", media::kryo as fn() -> kryo5::Kryo, "kryo5"),
        ("refs.media", media::kryo_refs, "kryo5_refs"),
        ("compat.media", media::kryo_compat, "kryo5_compat"),
    ] {
        let mut out = kryo5::io::Output::new();
        kryo()
            .write_object(&mut out, &media::standard())
            .expect("kryo5 writes MediaContent");
        for (op, class, group) in [
            ("writeObject", "Output", "media/write"),
            ("readObject", "Input", "media/read"),
        ] {
            v.push(Case {
                name: format!("{op} {case}"),
                op,
                class,
                data: case.as_bytes().to_vec(),
                kryo5_bytes: Some(out.as_slice().to_vec()),
                elements: 1,
                unit: "objects",
                kryo5: (group.to_string(), id.to_string()),
            });
        }
    }

    for t in data::strings() {
        let wire = data::string_bytes(&t.text);
        for (op, class, group) in [
            ("writeString", "Output", "string/write"),
            ("readString", "Input", "string/read_string_into"),
        ] {
            v.push(Case {
                name: format!("{op} {}", t.name),
                op,
                class,
                data: utf16_le(&t.text),
                kryo5_bytes: op.starts_with("write").then(|| wire.clone()),
                elements: wire.len() as u64,
                unit: "bytes",
                kryo5: (group.to_string(), format!("{}/kryo5_safe", t.name)),
            });
        }
    }
    v
}

/// Command line: name filters, `--warm-up <s>`, `--reps <n>`,
/// `--min-rep-ms <ms>`; `--bench` (added by cargo) is ignored.
struct Args {
    filters: Vec<String>,
    warm_up: Duration,
    reps: usize,
    min_rep: Duration,
}

fn args() -> Args {
    let mut a = Args {
        filters: Vec::new(),
        warm_up: Duration::from_secs(3),
        reps: 21,
        min_rep: Duration::from_millis(50),
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |what: &str| -> f64 {
            it.next()
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("{arg} needs a number ({what})"))
        };
        match arg.as_str() {
            "--bench" => {}
            "--warm-up" => a.warm_up = Duration::from_secs_f64(value("seconds")),
            "--reps" => a.reps = value("repetitions") as usize,
            "--min-rep-ms" => a.min_rep = Duration::from_secs_f64(value("ms") / 1000.0),
            s if s.starts_with('-') => panic!("unknown option {s}"),
            s => a.filters.push(s.to_string()),
        }
    }
    a
}

/// `<workspace>/target`, or `CARGO_TARGET_DIR`.
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"),
        PathBuf::from,
    )
}

fn main() {
    let args = args();
    let jvm = kryo5_interop::jvm();
    let cases: Vec<Case> = cases()
        .into_iter()
        .filter(|c| args.filters.is_empty() || args.filters.iter().any(|f| c.name.contains(f)))
        .collect();
    println!(
        "Java Kryo 5.6.2: {} cases, {:?} warm-up, {} repetitions of >= {:?} each (median)\n",
        cases.len(),
        args.warm_up,
        args.reps,
        args.min_rep
    );
    println!(
        "| Java call | data | ns/op (median) | min | max | throughput |\n|---|---|---:|---:|---:|---:|"
    );
    let mut json = String::from("[\n");
    for (i, c) in cases.iter().enumerate() {
        let t = jvm.bench(&JavaBench {
            op: c.op,
            class: c.class,
            data: &c.data,
            warm_up: args.warm_up,
            reps: args.reps,
            min_rep: args.min_rep,
        });
        let expected = c
            .kryo5_bytes
            .as_deref()
            .map_or_else(|| fnv1a(&c.data), fnv1a);
        assert_eq!(
            t.check, expected,
            "{}: Java did not write kryo5's bytes / read back the values given",
            c.name
        );
        let per_ns = c.elements as f64 / t.median_ns;
        let (throughput, data_label) = match c.unit {
            "values" => (
                format!("{per_ns:.3} values/ns"),
                format!("{} values", c.elements),
            ),
            "objects" => (
                format!("{:.3} objects/µs", per_ns * 1000.0),
                format!("{} ({} bytes)", c.data_name(), t.wire_bytes),
            ),
            _ => (format!("{per_ns:.3} GB/s"), format!("{} bytes", c.elements)),
        };
        println!(
            "| {} | {data_label} | {:.1} | {:.1} | {:.1} | {throughput} |",
            c.name, t.median_ns, t.min_ns, t.max_ns
        );
        let _ = writeln!(
            json,
            "  {{\"name\": \"{}\", \"op\": \"{}\", \"class\": \"{}\", \"median_ns\": {}, \
             \"min_ns\": {}, \"max_ns\": {}, \"batch\": {}, \"wire_bytes\": {}, \
             \"elements\": {}, \"unit\": \"{}\", \"kryo5_group\": \"{}\", \"kryo5_id\": \"{}\"}}{}",
            c.name,
            c.op,
            c.class,
            t.median_ns,
            t.min_ns,
            t.max_ns,
            t.batch,
            t.wire_bytes,
            c.elements,
            c.unit,
            c.kryo5.0,
            c.kryo5.1,
            if i + 1 < cases.len() { "," } else { "" }
        );
    }
    json.push_str("]\n");
    let dir = target_dir().join("java-bench");
    std::fs::create_dir_all(&dir).expect("target directory is writable");
    let path = dir.join("results.json");
    std::fs::write(&path, json).expect("target directory is writable");
    println!("\nresults: {}", path.display());
}
