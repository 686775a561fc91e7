//! Real Java Kryo: finding it, compiling the driver, running scripts.
//!
//! [`jvm`] locates the Kryo jar and a JDK once per process and compiles
//! every `.java` file under this crate's `java/` directory (the driver
//! `KryoDriver.java`, the graph commands and the graph cases, read at run
//! time) into `target/kryo5-java/driver-<hash of all sources>/`, compiling into a temporary
//! directory first and renaming it into place, so concurrent test binaries
//! never see half a build. [`Jvm::run`] feeds a [`Script`] to one JVM and
//! parses what it prints into [`Results`].
//!
//! Nothing here is skipped quietly: without a JDK or the jar every test
//! that needs them fails with instructions.
//!
//! # The driver protocol
//!
//! Line-based, ISO-8859-1, one JVM for a whole [`Script`]; the full
//! reference is the header comment of `java/KryoDriver.java`. For buffer
//! scripts Java is a dumb executor: every decision (which values, what they
//! mean, what must match) is made on the Rust side. Object graphs are
//! defined on both sides (`GRAPH` commands, see [`crate::graph`] and
//! `java/Graphs.java`).
//!
//! ```text
//! WRITE <class> <varlen 0|1> mem:<bufferSize>:<max|-1> | stream:<bufferSize>
//! <one write op per line: WriteOp::java(), e.g. "writeVarInt 300 true">
//! END
//!   -> OK x<bytes> <total()> [<returned lengths>]
//!   -> ERR <op index> <total() before it> x<bytes so far> [<lengths>] <exception> <message>
//!
//! READ <class> <varlen 0|1> array | stream:<bufferSize> x<bytes>
//! <one read op per line: ReadOp::java(), e.g. "readVarInt false">
//! END
//!   -> per op: V <total() after> <value>  or  E <exception> <message> (then stop)
//!   -> POS <total()>
//! ```
//!
//! Values use [`Value`](crate::Value)'s text form in both directions
//! (`-5`, `true`, `f7fc00001`, `S0061`, `N`, `x0a0b`, `[1,2]`, `-`), so
//! floats travel as raw bits and strings as UTF-16 units (lone surrogates
//! survive). The JVM runs with `--add-exports java.base/sun.nio.ch=ALL-UNNAMED`
//! (the UnsafeByteBuffer classes) and a 64 MB heap: Kryo allocates declared
//! lengths before reading, and a small heap makes absurd ones fail at once
//! (reported as `OutOfMemoryError`, classified [`Failure::BadLength`](crate::Failure::BadLength)).
//!
//! # Benchmark mode
//!
//! The same driver times Java Kryo itself, so kryo5's benchmark suite can
//! put Java beside kryo5 in one session on one machine
//! (`cargo bench -p kryo5-benches --bench java`, run by `scripts/bench.sh`):
//!
//! ```text
//! BENCH <op> <class> <data file> <warm-up ms> <reps> <min rep ms>
//!   -> BENCH <median ns/op> <min ns/op> <max ns/op> <ops per rep> <wire bytes per op> <check>
//! ```
//!
//! The data file holds the values little-endian (or a string's UTF-16
//! units); `check` is the FNV-1a hash of what one op wrote, or of the values
//! it read, so the caller can prove Java worked on the same data and wrote
//! the same bytes as kryo5. [`Jvm::bench`] runs one benchmark per JVM with
//! the full JIT (the interop runs above stop at C1) and returns a
//! [`JavaTiming`]; see [`bench`](mod@self::bench) for the options.

pub mod bench;
mod script;

pub use bench::{JavaBench, JavaTiming, doubles_le, ints_le, longs_le, utf16_le};
pub use script::{Results, Script};

use std::ffi::OsString;
use std::io::{Read, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// File name of the jar `scripts/fetch-kryo.sh` produces.
const JAR_NAME: &str = "kryo-5.6.2.jar";

/// How to get what is missing.
const HOWTO: &str = "the Java interop tests need real Kryo 5.6.2 and a JDK 17: \
     run `bash scripts/fetch-kryo.sh` from the workspace root (it writes \
     target/kryo5-java/kryo-5.6.2.jar; or point KRYO5_JAR at a Kryo 5.6.2 jar) \
     and install a JDK 17 (`java` and `javac` on PATH, or JAVA_HOME set)";

/// A located JDK with the compiled driver on its class path.
#[derive(Debug)]
pub struct Jvm {
    java: PathBuf,
    classpath: OsString,
}

/// The JVM for this process: located and compiled on first call.
///
/// # Panics
/// If the Kryo jar or the JDK is missing, or the driver does not compile;
/// the message says how to install what is missing.
pub fn jvm() -> &'static Jvm {
    static JVM: OnceLock<Jvm> = OnceLock::new();
    JVM.get_or_init(Jvm::locate)
}

impl Jvm {
    fn locate() -> Jvm {
        Self::locate_at(
            &jar_path(),
            &java_dir(),
            &jdk_tool("javac"),
            jdk_tool("java"),
        )
    }

    fn locate_at(jar: &Path, dir: &Path, javac: &Path, java: PathBuf) -> Jvm {
        assert!(
            jar.is_file(),
            "Kryo jar not found at {}; {HOWTO}",
            jar.display()
        );
        let driver = compile_driver(jar, dir, javac);
        let classpath = std::env::join_paths([jar, driver.as_path()])
            .expect("class path entries contain no separator");
        Jvm { java, classpath }
    }

    /// Runs `script` in one JVM and parses its results.
    ///
    /// # Panics
    /// If the JVM cannot start, fails, runs longer than the timeout
    /// (`KRYO5_JAVA_TIMEOUT_SECS`, default 120: Kryo has input-dependent
    /// infinite loops), or prints output that does not follow the protocol.
    ///
    /// With `KRYO5_INTEROP_DUMP=<dir>` each script is also saved there, to
    /// replay by hand (`java -cp <jar>:<driver dir> KryoDriver < script`).
    #[must_use]
    pub fn run(&self, script: &Script) -> Results {
        script.parse(&self.run_text(script.text()))
    }

    /// Runs the driver on `input` (driver lines, see the protocol above) in
    /// one JVM and returns what it printed.
    ///
    /// # Panics
    /// As [`Jvm::run`], except that the output is not parsed.
    #[must_use]
    pub fn run_text(&self, input: &str) -> String {
        dump(input);
        let (status, stdout, stderr) = self.exec(
            &[
                "-XX:+UseSerialGC",
                // Small, so Kryo's unchecked allocations of declared lengths
                // fail fast (reported as BadLength) instead of paging.
                "-Xmx64m",
                "-XX:TieredStopAtLevel=1",
            ],
            input,
        );
        let Some(status) = status else {
            panic!(
                "the Java driver did not finish within {:?} and was killed \
                 (an infinite loop inside Kryo?); last output:\n{}\n{stderr}",
                timeout(),
                tail(&stdout)
            );
        };
        assert!(
            status.success(),
            "the Java driver failed ({status}):\n{}\n{stderr}",
            tail(&stdout)
        );
        stdout
    }

    /// Starts the driver in a JVM with `jvm_args`, feeds it `stdin` and
    /// collects its output; `None` as the status means it outlived
    /// [`timeout`] and was killed.
    fn exec(&self, jvm_args: &[&str], stdin_text: &str) -> (Option<ExitStatus>, String, String) {
        let mut child = Command::new(&self.java)
            .args(jvm_args)
            .args(["--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED", "-cp"])
            .arg(&self.classpath)
            .arg("KryoDriver")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}; {HOWTO}", self.java.display()));
        let mut stdin = child.stdin.take().expect("stdin is piped");
        let mut stdout = child.stdout.take().expect("stdout is piped");
        let mut stderr = child.stderr.take().expect("stderr is piped");
        std::thread::scope(|s| {
            s.spawn(move || {
                // A failed write means the JVM died; its stderr says why.
                let _ = stdin.write_all(stdin_text.as_bytes());
            });
            let out = s.spawn(move || read_all(&mut stdout));
            let err = s.spawn(move || read_all(&mut stderr));
            let status = wait_or_kill(&mut child, timeout());
            let join = |h: std::thread::ScopedJoinHandle<'_, String>| {
                h.join().expect("pipe reader does not panic")
            };
            (status, join(out), join(err))
        })
    }
}

/// Saves a driver script under `$KRYO5_INTEROP_DUMP`, if set.
fn dump(script: &str) {
    static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let Some(dir) = std::env::var_os("KRYO5_INTEROP_DUMP") else {
        return;
    };
    let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = Path::new(&dir).join(format!("script-{}-{n}.txt", std::process::id()));
    let saved = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, script));
    if let Err(e) = saved {
        eprintln!("cannot save the script to {}: {e}", path.display());
    } else {
        eprintln!("script saved to {}", path.display());
    }
}

/// The longest a driver run may take.
fn timeout() -> Duration {
    let secs = std::env::var("KRYO5_JAVA_TIMEOUT_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(120);
    Duration::from_secs(secs)
}

/// Waits for `child`; kills it after `limit` and returns `None`.
fn wait_or_kill(child: &mut Child, limit: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait().expect("the JVM can be waited for") {
            return Some(status);
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Everything a pipe yields, as text.
fn read_all(pipe: &mut impl Read) -> String {
    let mut bytes = Vec::new();
    let _ = pipe.read_to_end(&mut bytes);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The last lines of `s`, for error messages.
fn tail(s: &str) -> String {
    let lines: Vec<&str> = s.lines().collect();
    let from = lines.len().saturating_sub(5);
    lines[from..]
        .iter()
        .map(|l| l.chars().take(300).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The workspace root (this crate lives in `crates/kryo5-interop`).
fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Where the jar and compiled drivers live: `KRYO5_JAVA_DIR` (as for
/// `scripts/fetch-kryo.sh`) or `<workspace>/target/kryo5-java`.
fn java_dir() -> PathBuf {
    std::env::var_os("KRYO5_JAVA_DIR").map_or_else(
        || workspace().join("target").join("kryo5-java"),
        PathBuf::from,
    )
}

/// `KRYO5_JAR`, or the jar `scripts/fetch-kryo.sh` writes.
fn jar_path() -> PathBuf {
    std::env::var_os("KRYO5_JAR").map_or_else(|| java_dir().join(JAR_NAME), PathBuf::from)
}

/// `$JAVA_HOME/bin/<name>` if `JAVA_HOME` is set, else `<name>` from PATH.
fn jdk_tool(name: &str) -> PathBuf {
    match std::env::var_os("JAVA_HOME") {
        Some(home) if !home.is_empty() => Path::new(&home).join("bin").join(name),
        _ => PathBuf::from(name),
    }
}

/// FNV-1a (64-bit): a stable hash naming the compiled driver's directory,
/// and the check of the driver's `BENCH` command.
///
/// ```
/// assert_eq!(kryo5_interop::java::fnv1a(b""), 0xcbf2_9ce4_8422_2325);
/// ```
#[must_use]
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The driver's Java sources: every `.java` file under this crate's `java/`
/// directory (the driver, the graph commands, the graph cases), read at run
/// time, as (path relative to `java/`, text), sorted by path.
fn driver_sources() -> Vec<(PathBuf, String)> {
    fn walk(root: &Path, dir: &Path, found: &mut Vec<(PathBuf, String)>) {
        let entries = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("cannot list the driver sources in {}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                walk(root, &path, found);
            } else if path.extension().is_some_and(|x| x == "java") {
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
                let rel = path
                    .strip_prefix(root)
                    .expect("under the root")
                    .to_path_buf();
                found.push((rel, text));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("java");
    let mut found = Vec::new();
    walk(&root, &root, &mut found);
    found.sort();
    found
}

/// FNV-1a over every source's path and text: names the compiled driver.
fn sources_hash(sources: &[(PathBuf, String)]) -> u64 {
    let mut all = Vec::new();
    for (path, text) in sources {
        all.extend_from_slice(path.to_string_lossy().as_bytes());
        all.push(0);
        all.extend_from_slice(text.as_bytes());
        all.push(0);
    }
    fnv1a(&all)
}

/// Compiles the driver (every source of [`driver_sources`]) into
/// `<dir>/driver-<hash>/` unless it is there.
fn compile_driver(jar: &Path, dir: &Path, javac: &Path) -> PathBuf {
    let sources = driver_sources();
    let name = format!("driver-{:016x}", sources_hash(&sources));
    let done = dir.join(&name);
    if done.join("KryoDriver.class").is_file() {
        return done;
    }
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let tmp = dir.join(format!("{name}.tmp-{}-{nanos}", std::process::id()));
    let src = tmp.join("src");
    let mut files = Vec::new();
    for (rel, text) in &sources {
        let file = src.join(rel);
        let parent = file.parent().expect("a source file has a parent directory");
        std::fs::create_dir_all(parent)
            .unwrap_or_else(|e| panic!("cannot create {}: {e}", parent.display()));
        std::fs::write(&file, text).expect("temporary source is writable");
        files.push(file);
    }
    let out = Command::new(javac)
        .args(["-nowarn", "-encoding", "UTF-8", "-cp"])
        .arg(jar)
        .arg("-d")
        .arg(&tmp)
        .args(&files)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}; {HOWTO}", javac.display()));
    assert!(
        out.status.success(),
        "javac failed on the driver:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Another process may have won the race; its build is as good as ours.
    if std::fs::rename(&tmp, &done).is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
        assert!(
            done.join("KryoDriver.class").is_file(),
            "cannot move the compiled driver to {}",
            done.display()
        );
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    fn panic_message(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
        let e = std::panic::catch_unwind(f).expect_err("must fail");
        e.downcast_ref::<String>().cloned().unwrap_or_default()
    }

    #[test]
    fn a_missing_jar_fails_with_instructions() {
        let m = panic_message(|| {
            let _ = Jvm::locate_at(
                Path::new("/nonexistent/kryo-5.6.2.jar"),
                &std::env::temp_dir(),
                Path::new("javac"),
                PathBuf::from("java"),
            );
        });
        assert!(
            m.contains("bash scripts/fetch-kryo.sh") && m.contains("JDK 17"),
            "{m}"
        );
    }

    #[test]
    fn a_missing_jdk_fails_with_instructions() {
        let dir = std::env::temp_dir().join(format!("kryo5-interop-test-{}", std::process::id()));
        let jar = dir.join("fake.jar");
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::fs::write(&jar, b"").expect("fake jar");
        let m = panic_message(|| {
            let _ = compile_driver(&jar, &dir, Path::new("/nonexistent/bin/javac"));
        });
        let _ = std::fs::remove_dir_all(&dir);
        assert!(
            m.contains("cannot run") && m.contains("install a JDK 17"),
            "{m}"
        );
    }

    #[test]
    fn every_java_source_is_compiled_and_hashed() {
        let sources = driver_sources();
        let names: Vec<String> = sources
            .iter()
            .map(|(p, _)| p.to_string_lossy().into_owned())
            .collect();
        for needed in [
            "KryoDriver.java",
            "Graphs.java",
            "GraphEquals.java",
            "CasesBasic.java",
        ] {
            assert!(
                names.iter().any(|n| n == needed),
                "{needed} missing from {names:?}"
            );
        }
        let mut changed = sources.clone();
        changed[0].1.push(' ');
        assert_ne!(sources_hash(&sources), sources_hash(&changed));
    }

    #[test]
    fn the_driver_hash_is_stable() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
