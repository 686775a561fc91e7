//! Object graphs through real Java Kryo and kryo5, both directions, bytes
//! compared exactly.
//!
//! A graph case exists twice, under one name:
//!
//! - in Java, in a `Cases*` class under `crates/kryo5-interop/java/`
//!   (`CasesBasic.java`, ...): `value_<name>()` builds the value,
//!   `kryo_<name>()` (or `kryo_<prefix>()`, or `kryo()`) the Kryo
//!   configuration; model classes are nested static classes of that file,
//!   so their Java names are `CasesBasic$Inner`, ... (see `java/Graphs.java`);
//! - in Rust, as a [`Case`]: the name, a function building the same Kryo
//!   configuration (same settings, same registrations in the same order),
//!   and the same value built from `#[derive(Kryo)]` types mirroring the
//!   Java classes.
//!
//! [`Graphs::run`] runs every case through one JVM and checks, per case:
//!
//! 1. kryo5's bytes equal Java's bytes;
//! 2. Java reads kryo5's bytes to a value that deep-equals its own (a
//!    reflective comparison that, with references on, also requires the same
//!    sharing: `java/GraphEquals.java`) and writes that value back to the
//!    same bytes (or to the bytes of Java's own round trip of the case:
//!    Java reads every empty string as the one interned `""`, so with
//!    references on, equal empty strings come back shared);
//! 3. kryo5 reads Java's bytes, to the end, into a value whose `Debug` text
//!    equals the expected value's (this compares floats by value, `NaN`
//!    included, and reaches into `Box<dyn Object>` and `Arc<Mutex<T>>`), the
//!    case's own checks pass ([`Case::check`], e.g. `Arc::ptr_eq`), and
//!    writing it again gives Java's bytes (with references on this proves
//!    the same sharing and cycles came back);
//! 4. every truncation of Java's bytes fails with a typed
//!    `UnexpectedEnd` error, and bytes changed one at a time never panic;
//!    the same `Kryo` then still reads the whole bytes (no state left behind
//!    by errors).
//!
//! ```no_run
//! use kryo5::Kryo;
//! use kryo5_interop::graph::{Case, Graphs};
//!
//! #[derive(Kryo, Clone, Debug)]
//! #[kryo(class = "CasesBasic$FinalInner", final)]
//! struct FinalInner {
//!     y: i64,
//! }
//!
//! fn kryo() -> Kryo {
//!     let mut k = Kryo::new();
//!     k.register::<FinalInner>();
//!     k
//! }
//!
//! let mut graphs = Graphs::new();
//! graphs.add(Case::new("my_case", kryo, FinalInner { y: 1 << 40 }));
//! graphs.run().assert_ok();
//! ```
//!
//! A failure names the case and the check, with both hex dumps around the
//! first differing byte (see [`hex_diff`]); all failures of a run are
//! reported together.

mod diff;

use std::fmt::{self, Debug};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Instant;

use kryo5::io::{Input, Output};
use kryo5::{ErrorKind, Kryo, KryoType};

pub use diff::{first_difference, hex_diff, text_diff};

use crate::java::jvm;
use crate::value::{hex, unhex};

/// The Kryo entry point a case is written and read with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// `writeClassAndObject` / `readClassAndObject` (the default).
    ClassAndObject,
    /// `writeObject` / `readObject(class of the value)`.
    Object,
}

impl Entry {
    fn java(self) -> &'static str {
        match self {
            Entry::ClassAndObject => "cao",
            Entry::Object => "obj",
        }
    }
}

/// A check of a value read back, beyond `Debug` equality.
type ValueCheck<T> = Box<dyn Fn(&T) -> Result<(), String>>;

/// One graph case on the Rust side; see the [module docs](self).
///
/// ```
/// use std::sync::Arc;
/// use kryo5::Kryo;
/// use kryo5_interop::graph::{Case, Entry};
///
/// fn kryo_refs() -> Kryo {
///     let mut k = Kryo::new();
///     k.set_references(true);
///     k
/// }
///
/// // Java: value_top_string() built with kryo_refs(), written with writeObject.
/// let case = Case::new("refs.top_string", kryo_refs, Arc::new(String::from("héllo 😀")))
///     .entry(Entry::Object)
///     .check(|s| if s.ends_with('😀') { Ok(()) } else { Err(format!("read {s:?}")) });
/// # let _ = case;
/// ```
pub struct Case<T> {
    name: String,
    kryo: Box<dyn Fn() -> Kryo>,
    value: T,
    expected: Option<T>,
    entry: Entry,
    checks: Vec<ValueCheck<T>>,
    sweep: bool,
}

impl<T: KryoType + Debug> Case<T> {
    /// A case named as in Java, `[<config>.]<value>[:<seed>]` (the Java
    /// side builds `value_<value>()`, or `value_<value>(seed)`, with
    /// `kryo_<config>()`, or `kryo()`), configured on the Rust side by
    /// `kryo`, holding `value`.
    pub fn new(name: impl Into<String>, kryo: impl Fn() -> Kryo + 'static, value: T) -> Self {
        Case {
            name: name.into(),
            kryo: Box::new(kryo),
            value,
            expected: None,
            entry: Entry::ClassAndObject,
            checks: Vec::new(),
            sweep: true,
        }
    }

    /// Writes and reads with `entry` instead of class-and-object.
    #[must_use]
    pub fn entry(mut self, entry: Entry) -> Self {
        self.entry = entry;
        self
    }

    /// The value reading gives when it differs from the value written
    /// (transient fields come back as `Default`).
    #[must_use]
    pub fn reads_as(mut self, expected: T) -> Self {
        self.expected = Some(expected);
        self
    }

    /// A check of the value kryo5 reads from Java's bytes (sharing:
    /// `Arc::ptr_eq`; cycles).
    #[must_use]
    pub fn check(mut self, check: impl Fn(&T) -> Result<(), String> + 'static) -> Self {
        self.checks.push(Box::new(check));
        self
    }

    /// Whether to run the truncation and corruption sweeps over Java's
    /// bytes (default on; seeded families may run them for some seeds only).
    #[must_use]
    pub fn sweep(mut self, on: bool) -> Self {
        self.sweep = on;
        self
    }

    fn write(&self) -> kryo5::Result<Vec<u8>> {
        write_with(&mut (self.kryo)(), self.entry, &self.value)
    }

    /// Reads `bytes` with `kryo`; returns the value and the bytes consumed.
    fn read(&self, kryo: &mut Kryo, bytes: &[u8]) -> kryo5::Result<(T, u64)> {
        let mut input = Input::new(bytes);
        let value = match self.entry {
            Entry::ClassAndObject => kryo
                .read_class_and_object_as::<T, _>(&mut input)?
                .ok_or_else(|| {
                    kryo5::Error::new(ErrorKind::UnexpectedNull("the top-level object"))
                })?,
            Entry::Object => kryo.read_object::<T, _>(&mut input)?,
        };
        Ok((value, input.total()))
    }

    fn expected(&self) -> &T {
        self.expected.as_ref().unwrap_or(&self.value)
    }
}

fn write_with<T: KryoType>(kryo: &mut Kryo, entry: Entry, value: &T) -> kryo5::Result<Vec<u8>> {
    let mut out = Output::new();
    match entry {
        Entry::ClassAndObject => kryo.write_class_and_object(&mut out, Some(value))?,
        Entry::Object => kryo.write_object(&mut out, value)?,
    }
    Ok(out.into_vec())
}

/// A case with its type erased, as [`Graphs`] keeps it.
trait Check {
    fn name(&self) -> &str;
    fn entry(&self) -> Entry;
    /// The Java class of the value written.
    fn class(&self) -> String;
    /// Whether the sweeps run on this case.
    fn sweeps(&self) -> bool;
    fn write(&self) -> Result<Vec<u8>, String>;
    /// Check 3 of the module docs, on Java's bytes; `false` if kryo5
    /// could not read them at all.
    fn read_java(&self, java: &[u8], failures: &mut Vec<String>) -> bool;
    /// Check 4 of the module docs, on Java's bytes; returns the reads made.
    fn sweep(&self, java: &[u8], failures: &mut Vec<String>) -> usize;
}

impl<T: KryoType + Debug> Check for Case<T> {
    fn name(&self) -> &str {
        &self.name
    }

    fn entry(&self) -> Entry {
        self.entry
    }

    fn class(&self) -> String {
        self.value.class_name().into_owned()
    }

    fn sweeps(&self) -> bool {
        self.sweep
    }

    fn write(&self) -> Result<Vec<u8>, String> {
        Case::write(self).map_err(|e| e.to_string())
    }

    fn read_java(&self, java: &[u8], failures: &mut Vec<String>) -> bool {
        let (value, used) = match self.read(&mut (self.kryo)(), java) {
            Ok(read) => read,
            Err(e) => {
                failures.push(format!("kryo5 cannot read Java's bytes: {e}"));
                return false;
            }
        };
        if used != java.len() as u64 {
            failures.push(format!("kryo5 read {used} of Java's {} bytes", java.len()));
        }
        let (want, got) = (format!("{:?}", self.expected()), format!("{value:?}"));
        if let Some(d) = text_diff(&want, &got) {
            failures.push(format!("kryo5 read Java's bytes to another value, {d}"));
        }
        for check in &self.checks {
            if let Err(e) = check(&value) {
                failures.push(format!("the value kryo5 read from Java's bytes: {e}"));
            }
        }
        match write_with(&mut (self.kryo)(), self.entry, &value) {
            Ok(again) => {
                if let Some(d) = hex_diff("java", java, "kryo5 rewrite", &again) {
                    failures.push(format!(
                        "kryo5 read Java's bytes and wrote them back differently, {d}"
                    ));
                }
            }
            Err(e) => failures.push(format!("kryo5 cannot write back what it read: {e}")),
        }
        true
    }

    fn sweep(&self, java: &[u8], failures: &mut Vec<String>) -> usize {
        if !self.sweep {
            return 0;
        }
        let mut kryo = (self.kryo)();
        let mut reads = 0;
        for len in 0..java.len() {
            reads += 1;
            match self.read(&mut kryo, &java[..len]) {
                Ok(_) => failures.push(format!("truncated to {len} bytes, kryo5 read a value")),
                Err(e) => {
                    let typed = matches!(
                        e.kind(),
                        ErrorKind::Buffer(kryo5::io::ErrorKind::UnexpectedEnd { .. })
                    );
                    if !typed || e.offset().is_none_or(|at| at > len as u64) {
                        failures.push(format!(
                            "truncated to {len} bytes: expected an UnexpectedEnd error at or \
                             before byte {len}, got: {e}"
                        ));
                    }
                }
            }
        }
        let mut bytes = java.to_vec();
        for i in 0..java.len() {
            for b in corruptions(java[i]) {
                bytes[i] = b;
                reads += 1;
                // Any result but a panic is fine: many changes are valid data.
                let _ = self.read(&mut kryo, &bytes);
            }
            bytes[i] = java[i];
        }
        reads += 1;
        match self.read(&mut kryo, java) {
            Ok((v, _)) if format!("{v:?}") == format!("{:?}", self.expected()) => {}
            Ok(_) => failures.push(
                "after the sweep's errors, the same Kryo read Java's bytes to another value".into(),
            ),
            Err(e) => failures.push(format!(
                "after the sweep's errors, the same Kryo cannot read Java's bytes: {e}"
            )),
        }
        reads
    }
}

/// The bytes a sweep puts in place of `b`: markers and boundaries of the
/// format (null, by-name, new object, varint continuation) and one bit off.
fn corruptions(b: u8) -> impl Iterator<Item = u8> {
    [0x00, 0x01, 0x02, 0x03, 0x7f, 0x80, 0xff, b ^ 0x01, b ^ 0x80]
        .into_iter()
        .filter(move |&c| c != b)
}

/// A Kryo for a case's configuration, as `Graphs.kryo` builds it in Java:
/// references on or off (set before registering, so `String` fields are not
/// direct: format spec 7.5), then `register_all`'s registrations.
///
/// ```
/// use kryo5::Kryo;
/// let kryo = kryo5_interop::graph::kryo_with(true, |k: &mut Kryo| {
///     k.register::<i64>();
/// });
/// assert!(kryo.references());
/// ```
pub fn kryo_with(references: bool, register_all: impl FnOnce(&mut Kryo)) -> Kryo {
    let mut k = Kryo::new();
    k.set_references(references);
    register_all(&mut k);
    k
}

/// A set of graph cases run through one JVM; see the [module docs](self).
#[derive(Default)]
pub struct Graphs {
    cases: Vec<Box<dyn Check>>,
}

impl Graphs {
    /// No cases yet.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a case.
    ///
    /// With `KRYO5_GRAPH_CASES=<text>` in the environment, only cases whose
    /// name contains `<text>` are kept (to debug one case).
    pub fn add<T: KryoType + Debug + 'static>(&mut self, case: Case<T>) -> &mut Self {
        let keep =
            std::env::var("KRYO5_GRAPH_CASES").map_or(true, |only| case.name.contains(&only));
        if keep {
            self.cases.push(Box::new(case));
        }
        self
    }

    /// Number of cases.
    #[must_use]
    pub fn len(&self) -> usize {
        self.cases.len()
    }

    /// Whether there are no cases.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.cases.is_empty()
    }

    /// What kryo5 writes for every case (the typed Rust twins), without
    /// Java: for comparisons with other writers of the same graphs (the
    /// dynamic codec).
    ///
    /// ```
    /// use kryo5::Kryo;
    /// use kryo5_interop::graph::{Case, Entry, Graphs};
    ///
    /// let mut graphs = Graphs::new();
    /// graphs.add(Case::new("top_ascii", Kryo::new, String::from("a")).entry(Entry::Object));
    /// let written = graphs.typed_bytes();
    /// assert_eq!(written[0].class, "java.lang.String");
    /// assert_eq!(written[0].bytes, Ok(vec![0x82, b'a'])); // length 1 + 1, flagged UTF-8
    /// ```
    #[must_use]
    pub fn typed_bytes(&self) -> Vec<Written> {
        self.cases
            .iter()
            .map(|c| Written {
                name: c.name().to_owned(),
                entry: c.entry(),
                class: c.class(),
                sweep: c.sweeps(),
                bytes: guarded(|| c.write()),
            })
            .collect()
    }

    /// Runs every case: kryo5 writes, one JVM writes and reads, kryo5
    /// reads and sweeps. Never panics for a failing case: see
    /// [`Report::assert_ok`].
    ///
    /// # Panics
    /// If Java or the Kryo jar is missing (with instructions), or the driver
    /// breaks the protocol (for example: a case name Java does not define).
    #[must_use]
    pub fn run(&self) -> Report {
        let started = Instant::now();
        let mut reports: Vec<CaseReport> = self
            .cases
            .iter()
            .map(|c| CaseReport {
                name: match c.entry() {
                    Entry::ClassAndObject => c.name().to_owned(),
                    Entry::Object => format!("{} (writeObject)", c.name()),
                },
                java: None,
                kryo5: guarded(|| c.write()),
                failures: Vec::new(),
            })
            .collect();
        let mut script = String::new();
        for (c, r) in self.cases.iter().zip(&reports) {
            let (name, entry) = (c.name(), c.entry().java());
            script.push_str(&format!("GRAPH WRITE {name} {entry}\n"));
            if let Ok(bytes) = &r.kryo5 {
                script.push_str(&format!("GRAPH READ {name} {entry} x{}\n", hex(bytes)));
            }
        }
        let stdout = jvm().run_text(&script);
        let mut lines = stdout.lines();
        let mut next = |what: &str| -> &str {
            let line = lines
                .next()
                .unwrap_or_else(|| panic!("driver output ended; expected {what}"));
            assert!(!line.starts_with("FATAL"), "driver protocol error: {line}");
            line
        };
        let mut reads = 0;
        for (c, r) in self.cases.iter().zip(&mut reports) {
            let java = next("a GRAPH WRITE result");
            match java.strip_prefix("OK x").and_then(unhex) {
                Some(bytes) => r.java = Some(bytes),
                None => r
                    .failures
                    .push(format!("Java cannot write the value: {java}")),
            }
            match &r.kryo5 {
                Err(e) => r
                    .failures
                    .push(format!("kryo5 cannot write the value: {e}")),
                Ok(ours) => {
                    if let Some(java) = &r.java
                        && let Some(d) = hex_diff("java", java, "kryo5", ours)
                    {
                        r.failures
                            .push(format!("kryo5 wrote other bytes than Java, {d}"));
                    }
                    let read = next("a GRAPH READ result");
                    let rewrites = read.strip_prefix("OK x").and_then(|r| {
                        let (again, own) = r.split_once(" x")?;
                        Some((unhex(again)?, unhex(own)?))
                    });
                    match rewrites {
                        // Java's own round trip may differ from its bytes
                        // (see Graphs.java): kryo5's must then match it.
                        Some((again, own)) => {
                            if again != own
                                && let Some(d) = hex_diff("kryo5", ours, "java rewrite", &again)
                            {
                                r.failures.push(format!(
                                    "Java read kryo5's bytes and wrote them back differently, {d}"
                                ));
                            }
                        }
                        None => r
                            .failures
                            .push(format!("Java reading kryo5's bytes: {read}")),
                    }
                }
            }
            if let Some(java) = r.java.clone() {
                let mut failures = Vec::new();
                let result = catch_unwind(AssertUnwindSafe(|| {
                    // Sweeping bytes kryo5 cannot read at all says nothing new.
                    if c.read_java(&java, &mut failures) {
                        c.sweep(&java, &mut failures)
                    } else {
                        0
                    }
                }));
                match result {
                    Ok(n) => reads += n + 1,
                    Err(p) => failures.push(format!("kryo5 panicked: {}", panic_text(&*p))),
                }
                r.failures.extend(failures);
            }
        }
        let report = Report { cases: reports };
        eprintln!(
            "graphs: {} cases through Java, {reads} kryo5 reads of Java's bytes, {} failing, {:.1?}",
            report.cases.len(),
            report.failing().count(),
            started.elapsed()
        );
        report
    }
}

/// Runs `f`, turning a panic into an error message.
fn guarded<R>(f: impl FnOnce() -> Result<R, String>) -> Result<R, String> {
    catch_unwind(AssertUnwindSafe(f))
        .unwrap_or_else(|p| Err(format!("panicked: {}", panic_text(&*p))))
}

fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<String>()
        .cloned()
        .or_else(|| p.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_else(|| "(no message)".into())
}

/// A case as kryo5 writes it ([`Graphs::typed_bytes`]).
#[derive(Debug)]
pub struct Written {
    /// The case name.
    pub name: String,
    /// The entry point.
    pub entry: Entry,
    /// The Java class of the top-level value (`Class.getName()`).
    pub class: String,
    /// Whether the case runs the truncation and corruption sweeps
    /// ([`Case::sweep`]).
    pub sweep: bool,
    /// kryo5's bytes, or why it could not write them.
    pub bytes: Result<Vec<u8>, String>,
}

/// What one case gave.
#[derive(Debug)]
pub struct CaseReport {
    /// The case name, followed by ` (writeObject)` for [`Entry::Object`].
    pub name: String,
    /// Java's bytes, if Java could write the value.
    pub java: Option<Vec<u8>>,
    /// kryo5's bytes, or why it could not write them.
    pub kryo5: Result<Vec<u8>, String>,
    /// Every failed check, described.
    pub failures: Vec<String>,
}

/// The outcome of [`Graphs::run`].
#[derive(Debug)]
pub struct Report {
    cases: Vec<CaseReport>,
}

/// Failing cases shown in full by [`Report::assert_ok`]; the rest are named.
const SHOWN_FAILURES: usize = 15;

impl Report {
    /// Every case, in the order added.
    #[must_use]
    pub fn cases(&self) -> &[CaseReport] {
        &self.cases
    }

    /// The cases with failures.
    pub fn failing(&self) -> impl Iterator<Item = &CaseReport> {
        self.cases.iter().filter(|c| !c.failures.is_empty())
    }

    /// Java's bytes for case `name`.
    ///
    /// # Panics
    /// If there is no such case or Java could not write it.
    #[must_use]
    pub fn java_bytes(&self, name: &str) -> &[u8] {
        let case = self
            .cases
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("no graph case {name}"));
        case.java
            .as_deref()
            .unwrap_or_else(|| panic!("Java could not write graph case {name}"))
    }

    /// Panics, describing every failure, if any case failed.
    ///
    /// # Panics
    /// If a case failed.
    pub fn assert_ok(&self) {
        let failing: Vec<&CaseReport> = self.failing().collect();
        assert!(failing.is_empty(), "{self}");
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let failing: Vec<&CaseReport> = self.failing().collect();
        writeln!(
            f,
            "{} of {} graph cases failed",
            failing.len(),
            self.cases.len()
        )?;
        for c in failing.iter().take(SHOWN_FAILURES) {
            writeln!(f, "\n=== {} ({} failures)", c.name, c.failures.len())?;
            for failure in c.failures.iter().take(SHOWN_FAILURES) {
                writeln!(f, "- {failure}")?;
            }
        }
        if failing.len() > SHOWN_FAILURES {
            let rest: Vec<&str> = failing[SHOWN_FAILURES..]
                .iter()
                .map(|c| c.name.as_str())
                .collect();
            writeln!(f, "\nalso failing: {}", rest.join(", "))?;
        }
        Ok(())
    }
}
