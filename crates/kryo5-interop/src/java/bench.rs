//! Timing Java Kryo itself: the driver's `BENCH` command, for kryo5's
//! benchmark suite (`cargo bench -p kryo5-benches --bench java`).
//!
//! [`Jvm::bench`] writes the values to a temporary file, starts one JVM for
//! the one benchmark (as JMH forks: call sites see one class, so the JIT
//! compiles each case as it would in an application that only does that),
//! with the full tiered JIT, a 1 GiB pre-touched heap and the serial
//! collector, and parses the driver's `BENCH` line into a [`JavaTiming`].
//! The timing loop runs inside the JVM (see the `BENCH` section of
//! `java/KryoDriver.java`): warm-up for [`JavaBench::warm_up`], then
//! [`JavaBench::reps`] timed batches, each at least [`JavaBench::min_rep`]
//! long; the median batch gives ns per op.
//!
//! ```no_run
//! use kryo5_interop::java::{JavaBench, ints_le, fnv1a};
//! let values: Vec<i32> = (0..1000).collect();
//! let data = ints_le(&values);
//! let t = kryo5_interop::jvm().bench(&JavaBench::new("readVarInt", "Input", &data));
//! assert_eq!(t.check, fnv1a(&data)); // Java read back exactly these values
//! println!("{:.2} ns per 1000 values", t.median_ns);
//! ```

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use super::{Jvm, tail, timeout};

/// One benchmark of Java Kryo: an op of the driver's `BENCH` command over
/// the values in `data`.
#[derive(Clone, Debug)]
pub struct JavaBench<'a> {
    /// The op: `writeVarInt`, `readVarInt`, `writeVarInts` (Kryo's
    /// `writeInts(a, 0, n, true)`), `readVarInts` (`readInts(n, true)`), the
    /// `Long` forms of those four, `writeInts`/`readInts`,
    /// `writeLongs`/`readLongs`, `writeDoubles`/`readDoubles` (fixed
    /// width), `writeString`/`readString`, `writeObject`/`readObject` (a
    /// graph case's value with its Kryo, see [`crate::graph`]).
    pub op: &'a str,
    /// `Output`, `UnsafeOutput`, `ByteBufferOutput`, `UnsafeByteBufferOutput`
    /// for write ops; the `Input` classes for read ops.
    pub class: &'a str,
    /// The values, little-endian ([`ints_le`], [`longs_le`],
    /// [`doubles_le`]), one string's UTF-16 units ([`utf16_le`]), or a
    /// graph case's name (`b"refs.media"`, the object ops).
    pub data: &'a [u8],
    /// How long to run the op before timing it (JIT compilation).
    pub warm_up: Duration,
    /// Timed repetitions; the result is their median.
    pub reps: usize,
    /// The shortest a repetition may be: the driver batches ops to reach it.
    pub min_rep: Duration,
}

impl<'a> JavaBench<'a> {
    /// `op` on `class` over `data` with the defaults: 3 s of warm-up, 21
    /// repetitions of at least 50 ms.
    #[must_use]
    pub fn new(op: &'a str, class: &'a str, data: &'a [u8]) -> Self {
        JavaBench {
            op,
            class,
            data,
            warm_up: Duration::from_secs(3),
            reps: 21,
            min_rep: Duration::from_millis(50),
        }
    }
}

/// What one [`Jvm::bench`] measured.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct JavaTiming {
    /// Median over the repetitions of the mean ns per op in each.
    pub median_ns: f64,
    /// The fastest repetition's ns per op.
    pub min_ns: f64,
    /// The slowest repetition's ns per op.
    pub max_ns: f64,
    /// Ops per repetition.
    pub batch: u64,
    /// Wire bytes one op writes or reads.
    pub wire_bytes: usize,
    /// [`fnv1a`](super::fnv1a) of the bytes one op writes (write ops) or of the values one
    /// op reads, little-endian (read ops: equal to `fnv1a(data)`;
    /// `readObject`: of the bytes `writeObject` gives for the value read).
    pub check: u64,
}

/// `values` as little-endian bytes: a `BENCH` data file of ints.
#[must_use]
pub fn ints_le(values: &[i32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// `values` as little-endian bytes: a `BENCH` data file of longs.
#[must_use]
pub fn longs_le(values: &[i64]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// `values` as little-endian IEEE bits: a `BENCH` data file of doubles.
#[must_use]
pub fn doubles_le(values: &[f64]) -> Vec<u8> {
    values
        .iter()
        .flat_map(|v| v.to_bits().to_le_bytes())
        .collect()
}

/// `s` as little-endian UTF-16 units: a `BENCH` data file of one string.
#[must_use]
pub fn utf16_le(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// JVM options of a benchmark run: the full JIT (unlike the interop runs,
/// which stop at C1 to start fast), a fixed pre-touched heap so no
/// repetition pays for growing it and the serial collector (2 cores).
const BENCH_JVM_ARGS: [&str; 4] = [
    "-XX:+UseSerialGC",
    "-Xms1g",
    "-Xmx1g",
    "-XX:+AlwaysPreTouch",
];

impl Jvm {
    /// Times Java Kryo on `bench` in a JVM of its own; see the module docs.
    ///
    /// # Panics
    /// If the JVM cannot start, fails, outlives the timeout
    /// (`KRYO5_JAVA_TIMEOUT_SECS`, default 120) or answers outside the
    /// protocol; the message says how to install what is missing.
    #[must_use]
    pub fn bench(&self, bench: &JavaBench<'_>) -> JavaTiming {
        let file = DataFile::new(bench.data);
        let line = format!(
            "BENCH {} {} {} {} {} {}\n",
            bench.op,
            bench.class,
            file.path.display(),
            bench.warm_up.as_millis(),
            bench.reps,
            bench.min_rep.as_millis().max(1),
        );
        let (status, stdout, stderr) = self.exec(&BENCH_JVM_ARGS, &line);
        let Some(status) = status else {
            panic!(
                "the Java benchmark {} {} did not finish within {:?} and was killed; \
                 raise KRYO5_JAVA_TIMEOUT_SECS or shorten the warm-up",
                bench.op,
                bench.class,
                timeout()
            );
        };
        assert!(
            status.success(),
            "the Java benchmark {} {} failed ({status}):\n{}\n{stderr}",
            bench.op,
            bench.class,
            tail(&stdout)
        );
        parse_timing(&stdout)
    }
}

/// `BENCH <median> <min> <max> <batch> <wire bytes> <check>`.
fn parse_timing(stdout: &str) -> JavaTiming {
    let line = stdout
        .lines()
        .find(|l| l.starts_with("BENCH ") || l.starts_with("FATAL"))
        .unwrap_or_else(|| panic!("the driver printed no BENCH line:\n{}", tail(stdout)));
    assert!(!line.starts_with("FATAL"), "driver protocol error: {line}");
    let f: Vec<&str> = line.split(' ').skip(1).collect();
    assert_eq!(f.len(), 6, "bad BENCH line {line:?}");
    let num = |s: &str| -> f64 {
        s.parse()
            .unwrap_or_else(|_| panic!("bad number {s:?} in {line:?}"))
    };
    JavaTiming {
        median_ns: num(f[0]),
        min_ns: num(f[1]),
        max_ns: num(f[2]),
        batch: f[3]
            .parse()
            .unwrap_or_else(|_| panic!("bad batch in {line:?}")),
        wire_bytes: f[4]
            .parse()
            .unwrap_or_else(|_| panic!("bad byte count in {line:?}")),
        check: u64::from_str_radix(f[5], 16).unwrap_or_else(|_| panic!("bad check in {line:?}")),
    }
}

/// A benchmark's data file in the temporary directory, removed on drop.
struct DataFile {
    path: PathBuf,
}

impl DataFile {
    fn new(data: &[u8]) -> DataFile {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("kryo5-java-bench-{}-{n}.bin", std::process::id()));
        std::fs::write(&path, data)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        DataFile { path }
    }
}

impl Drop for DataFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::super::fnv1a;
    use super::*;

    #[test]
    fn parses_a_bench_line() {
        let t = parse_timing("BENCH 12.5 11.0 20.25 1000 15 00000000000000ff\n");
        assert_eq!(
            t,
            JavaTiming {
                median_ns: 12.5,
                min_ns: 11.0,
                max_ns: 20.25,
                batch: 1000,
                wire_bytes: 15,
                check: 0xff
            }
        );
    }

    /// A benchmark shortened to one untimed-quality repetition: this checks
    /// the protocol and that Java worked on the data given, never a time.
    fn quick<'a>(op: &'a str, class: &'a str, data: &'a [u8]) -> JavaTiming {
        crate::jvm().bench(&JavaBench {
            warm_up: Duration::ZERO,
            reps: 1,
            min_rep: Duration::from_millis(1),
            ..JavaBench::new(op, class, data)
        })
    }

    #[test]
    fn java_benchmarks_work_on_the_data_given() {
        use kryo5::io::{NativeOutput, Output};
        let ints: Vec<i32> = kryo5_testdata::varint_mix_u32(1000, 1);
        let data = ints_le(&ints);
        let mut out = Output::new();
        for &v in &ints {
            out.write_var_int(v, true).unwrap();
        }
        let t = quick("writeVarInt", "Output", &data);
        assert_eq!(
            (t.check, t.wire_bytes),
            (fnv1a(out.as_slice()), out.position())
        );
        let t = quick("writeVarInts", "UnsafeOutput", &data);
        assert_eq!(t.check, fnv1a(out.as_slice()));
        for (op, class) in [("readVarInt", "Input"), ("readVarInts", "UnsafeInput")] {
            assert_eq!(quick(op, class, &data).check, fnv1a(&data), "{op} {class}");
        }

        let doubles: Vec<f64> = (0..512).map(|i| f64::from(i) * 0.5 - 7.0).collect();
        let data = doubles_le(&doubles);
        let mut out = NativeOutput::new();
        out.write_doubles(&doubles).unwrap();
        assert_eq!(
            quick("writeDoubles", "UnsafeOutput", &data).check,
            fnv1a(out.as_slice())
        );
        assert_eq!(quick("readDoubles", "Input", &data).check, fnv1a(&data));

        let text = "h\u{e9}llo \u{1f600} \u{65e5}\u{672c}";
        let data = utf16_le(text);
        let mut out = Output::new();
        out.write_string(Some(text)).unwrap();
        let t = quick("writeString", "Output", &data);
        assert_eq!(
            (t.check, t.wire_bytes),
            (fnv1a(out.as_slice()), out.position())
        );
        assert_eq!(quick("readString", "Input", &data).check, fnv1a(&data));
    }

    #[test]
    fn java_object_benchmarks_write_and_read_kryo5s_bytes() {
        use kryo5::io::Output;
        for case in ["media", "refs.media"] {
            let mut kryo = if case == "media" {
                crate::media::kryo()
            } else {
                crate::media::kryo_refs()
            };
            let mut out = Output::new();
            kryo.write_object(&mut out, &crate::media::standard())
                .unwrap();
            for op in ["writeObject", "readObject"] {
                let class = if op == "writeObject" {
                    "Output"
                } else {
                    "Input"
                };
                let t = quick(op, class, case.as_bytes());
                assert_eq!(
                    (t.check, t.wire_bytes),
                    (fnv1a(out.as_slice()), out.position()),
                    "{op} {case}"
                );
            }
        }
    }

    #[test]
    fn data_files_are_little_endian() {
        assert_eq!(ints_le(&[1, -1]), [1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]);
        assert_eq!(longs_le(&[2]), [2, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(doubles_le(&[1.0]), [0, 0, 0, 0, 0, 0, 0xf0, 0x3f]);
        assert_eq!(utf16_le("a😀"), [0x61, 0, 0x3d, 0xd8, 0x00, 0xde]);
    }
}
