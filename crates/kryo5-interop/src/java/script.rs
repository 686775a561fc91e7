//! [`Script`]: cases for the Java driver, and parsing what it prints.

use crate::config::{ReadConfig, WriteConfig};
use crate::ops::{ReadOp, WriteOp};
use crate::outcome::{ReadRun, Step, WriteFailure, WriteRun};
use crate::value::{Failure, Value, hex, unhex};

/// Cases for one JVM run, as driver text (protocol: see the header of
/// `java/KryoDriver.java`).
///
/// ```no_run
/// use kryo5_interop::{jvm, OutputClass, OutputSink, Script, WriteConfig, WriteOp};
/// let cfg = WriteConfig { class: OutputClass::Output, var_len: true, sink: OutputSink::Stream { buffer_size: 16 } };
/// let mut script = Script::new();
/// let case = script.write(&cfg, &[WriteOp::VarInt(300, true)]);
/// let results = jvm().run(&script);
/// assert_eq!(results.write(case).bytes, [0xac, 0x02]);
/// ```
#[derive(Debug, Default)]
pub struct Script {
    text: String,
    cases: Vec<CaseKind>,
    ops: usize,
}

#[derive(Clone, Copy, Debug)]
enum CaseKind {
    Write,
    Read { ops: usize },
}

/// What Java produced for each case of a [`Script`], by case index.
#[derive(Debug)]
pub struct Results {
    cases: Vec<JavaCase>,
}

#[derive(Debug)]
enum JavaCase {
    Write(WriteRun),
    Read(ReadRun),
}

impl Script {
    /// An empty script.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a write case; returns its index.
    pub fn write(&mut self, cfg: &WriteConfig, ops: &[WriteOp]) -> usize {
        self.line(&cfg.java_header());
        for op in ops {
            self.line(&op.java());
        }
        self.line("END");
        self.ops += ops.len();
        self.cases.push(CaseKind::Write);
        self.cases.len() - 1
    }

    /// Adds a read case over `bytes`; returns its index.
    pub fn read(&mut self, cfg: &ReadConfig, bytes: &[u8], ops: &[ReadOp]) -> usize {
        self.line(&format!("{} x{}", cfg.java_header(), hex(bytes)));
        for op in ops {
            self.line(&op.java());
        }
        self.line("END");
        self.ops += ops.len();
        self.cases.push(CaseKind::Read { ops: ops.len() });
        self.cases.len() - 1
    }

    /// Number of cases.
    #[must_use]
    pub fn cases(&self) -> usize {
        self.cases.len()
    }

    /// Number of ops over all cases.
    #[must_use]
    pub fn ops(&self) -> usize {
        self.ops
    }

    /// The driver's input.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    fn line(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push('\n');
    }

    /// Parses the driver's output for this script.
    ///
    /// # Panics
    /// If the output does not match the script (a bug in the rig).
    #[must_use]
    pub fn parse(&self, stdout: &str) -> Results {
        let mut lines = stdout.lines();
        let mut next = |what: &str| {
            let line = lines
                .next()
                .unwrap_or_else(|| panic!("driver output ended; expected {what}"));
            assert!(!line.starts_with("FATAL"), "driver protocol error: {line}");
            line
        };
        let cases = self
            .cases
            .iter()
            .enumerate()
            .map(|(i, kind)| match kind {
                CaseKind::Write => JavaCase::Write(parse_write(next("a write result"))),
                CaseKind::Read { ops } => {
                    let mut run = ReadRun::default();
                    loop {
                        let line = next("a read result");
                        if let Some(total) = line.strip_prefix("POS ") {
                            run.end_total = number(total);
                            break;
                        }
                        run.steps.push(parse_step(line));
                    }
                    assert!(run.steps.len() <= *ops, "case {i}: more results than ops");
                    JavaCase::Read(run)
                }
            })
            .collect();
        Results { cases }
    }
}

impl Results {
    /// The result of write case `case`.
    ///
    /// # Panics
    /// If that case is not a write case.
    #[must_use]
    pub fn write(&self, case: usize) -> &WriteRun {
        match &self.cases[case] {
            JavaCase::Write(run) => run,
            JavaCase::Read(_) => panic!("case {case} is a read case"),
        }
    }

    /// The result of read case `case`.
    ///
    /// # Panics
    /// If that case is not a read case.
    #[must_use]
    pub fn read(&self, case: usize) -> &ReadRun {
        match &self.cases[case] {
            JavaCase::Read(run) => run,
            JavaCase::Write(_) => panic!("case {case} is a write case"),
        }
    }
}

fn number<T: std::str::FromStr>(s: &str) -> T {
    s.parse()
        .unwrap_or_else(|_| panic!("driver printed {s:?} for a number"))
}

fn bytes(s: &str) -> Vec<u8> {
    s.strip_prefix('x')
        .and_then(unhex)
        .unwrap_or_else(|| panic!("driver printed {s:?} for bytes"))
}

/// `[1,2]`: the byte counts returned by the var-length writes.
fn lengths(s: &str) -> Vec<i64> {
    match s.parse::<Value>() {
        Ok(Value::List(items)) => items
            .into_iter()
            .map(|v| match v {
                Value::Int(n) => n,
                other => panic!("driver printed {other} for a length"),
            })
            .collect(),
        _ => panic!("driver printed {s:?} for lengths"),
    }
}

/// `OK x<bytes> <total> [<lengths>]` or
/// `ERR <op> <total before> x<bytes> [<lengths>] <class> <message>`.
fn parse_write(line: &str) -> WriteRun {
    if let Some(rest) = line.strip_prefix("OK ") {
        let f: Vec<&str> = rest.split(' ').collect();
        assert_eq!(f.len(), 3, "bad write result {line:?}");
        return WriteRun {
            bytes: bytes(f[0]),
            total: number(f[1]),
            lengths: lengths(f[2]),
            ..WriteRun::default()
        };
    }
    let rest = line
        .strip_prefix("ERR ")
        .unwrap_or_else(|| panic!("expected a write result, got {line:?}"));
    let f: Vec<&str> = rest.splitn(6, ' ').collect();
    assert!(f.len() >= 5, "bad write failure {line:?}");
    WriteRun {
        bytes: bytes(f[2]),
        lengths: lengths(f[3]),
        failure: Some(WriteFailure {
            op: number(f[0]),
            total_before: number(f[1]),
            failure: Failure::from_java(f[4], f.get(5).unwrap_or(&"")),
        }),
        ..WriteRun::default()
    }
}

/// `V <total> <value>` or `E <class> <message>`.
fn parse_step(line: &str) -> Step {
    if let Some(rest) = line.strip_prefix("V ") {
        let (total, value) = rest
            .split_once(' ')
            .unwrap_or_else(|| panic!("bad read result {line:?}"));
        return Step::Value {
            value: value
                .parse()
                .unwrap_or_else(|e| panic!("bad value in {line:?}: {e}")),
            total: number(total),
        };
    }
    let rest = line
        .strip_prefix("E ")
        .unwrap_or_else(|| panic!("expected a read result, got {line:?}"));
    let (class, message) = rest.split_once(' ').unwrap_or((rest, ""));
    Step::Error(Failure::from_java(class, message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_line_kind() {
        let ok = parse_write("OK x0102 2 [1,5]");
        assert_eq!(
            (ok.bytes, ok.total, ok.lengths),
            (vec![1, 2], 2, vec![1, 5])
        );
        let err =
            parse_write("ERR 3 4 x01 [2] KryoBufferOverflowException Buffer overflow. Max: 4");
        assert_eq!(
            err.failure,
            Some(WriteFailure {
                op: 3,
                total_before: 4,
                failure: Failure::Overflow
            })
        );
        assert_eq!(
            parse_step("V 7 S0061"),
            Step::Value {
                value: Value::Str(Some(vec![0x61])),
                total: 7
            }
        );
        assert_eq!(
            parse_step("E KryoBufferUnderflowException Buffer underflow."),
            Step::Error(Failure::Underflow)
        );
    }
}
