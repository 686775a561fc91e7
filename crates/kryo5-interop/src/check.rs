//! Comparing runs, with messages that point at the op that differs.

use std::fmt::Display;

use crate::config::{InputClass, InputSource, ReadConfig};
use crate::ops::{ReadOp, StrApi, WriteOp};
use crate::oracle::{Verdict, declared_past_end, has_lone_surrogate, string_verdict};
use crate::outcome::{ReadRun, Step, WriteRun};
use crate::value::{Failure, Value, hex};

/// Longest value text quoted in a message.
const QUOTE: usize = 160;

/// `v` as text, cut to a readable length.
fn quote(v: impl Display) -> String {
    let s = v.to_string();
    match s.char_indices().nth(QUOTE) {
        Some((cut, _)) => format!("{}...({} chars)", &s[..cut], s.len()),
        None => s,
    }
}

/// The script line of write op `i`, or a placeholder past the end.
fn write_line(ops: &[WriteOp], i: usize) -> String {
    ops.get(i)
        .map_or_else(|| "(end of case)".to_owned(), |op| quote(op.java()))
}

/// Checks that kryo5 wrote what Java wrote for the same ops: the same
/// bytes, `total()` and returned lengths, or a failure at the same op for
/// the same reason with the same bytes before it.
///
/// # Errors
/// A description of the first difference.
pub fn compare_writes(ops: &[WriteOp], java: &WriteRun, kryo5: &WriteRun) -> Result<(), String> {
    match (&java.failure, &kryo5.failure) {
        (None, None) => {
            if java.bytes != kryo5.bytes {
                return Err(describe_byte_diff(ops, java, kryo5));
            }
            if java.total != kryo5.total {
                return Err(format!(
                    "total(): Java {}, kryo5 {}",
                    java.total, kryo5.total
                ));
            }
        }
        (Some(j), Some(k)) => {
            if (j.op, &j.failure, j.total_before) != (k.op, &k.failure, k.total_before) {
                return Err(format!(
                    "Java failed at op {} `{}` ({}, total {}); kryo5 at op {} `{}` ({}, total {})",
                    j.op,
                    write_line(ops, j.op),
                    j.failure,
                    j.total_before,
                    k.op,
                    write_line(ops, k.op),
                    k.failure,
                    k.total_before
                ));
            }
            // kryo5 keeps what preceded the failing op (and, in memory,
            // nothing of it); Java may keep part of it.
            let kept = kryo5.bytes.len() as u64 >= j.total_before
                && java.bytes.get(..kryo5.bytes.len()) == Some(&kryo5.bytes[..]);
            if !kept {
                return Err(format!(
                    "after the failure at op {} `{}`: Java has x{}, kryo5 x{}",
                    j.op,
                    write_line(ops, j.op),
                    quote(hex(&java.bytes)),
                    quote(hex(&kryo5.bytes))
                ));
            }
        }
        (Some(j), None) => {
            return Err(format!(
                "Java failed at op {} `{}` ({}); kryo5 did not",
                j.op,
                write_line(ops, j.op),
                j.failure
            ));
        }
        (None, Some(k)) => {
            return Err(format!(
                "kryo5 failed at op {} `{}` ({}); Java did not",
                k.op,
                write_line(ops, k.op),
                k.failure
            ));
        }
    }
    compare_lengths(ops, java, kryo5)
}

/// The byte counts returned by the var-length writes must agree.
fn compare_lengths(ops: &[WriteOp], java: &WriteRun, kryo5: &WriteRun) -> Result<(), String> {
    if java.lengths == kryo5.lengths {
        return Ok(());
    }
    let k = java
        .lengths
        .iter()
        .zip(&kryo5.lengths)
        .position(|(a, b)| a != b)
        .unwrap_or(java.lengths.len().min(kryo5.lengths.len()));
    let op = ops.iter().filter(|op| op.returns_length()).nth(k);
    Err(format!(
        "returned length of `{}`: Java {:?}, kryo5 {:?}",
        op.map_or_else(|| "?".to_owned(), |op| quote(op.java())),
        java.lengths.get(k),
        kryo5.lengths.get(k)
    ))
}

/// Where the bytes first differ, the op kryo5 was writing there, and both
/// sides' bytes around it.
fn describe_byte_diff(ops: &[WriteOp], java: &WriteRun, kryo5: &WriteRun) -> String {
    let (j, k) = (&java.bytes, &kryo5.bytes);
    let at = j
        .iter()
        .zip(k)
        .position(|(a, b)| a != b)
        .unwrap_or(j.len().min(k.len()));
    let window = |b: &[u8]| hex(&b[at.saturating_sub(12).min(b.len())..(at + 12).min(b.len())]);
    // For chunked output op totals exclude chunk headers: an estimate.
    let op = kryo5.op_totals.iter().position(|&t| t > at as u64);
    format!(
        "bytes differ at offset {at} (Java {} bytes, kryo5 {}), near op {} `{}`:\n  Java  ..{}..\n  kryo5 ..{}..",
        j.len(),
        k.len(),
        op.map_or_else(|| "?".to_owned(), |i| i.to_string()),
        op.map_or_else(|| "?".to_owned(), |i| write_line(ops, i)),
        window(j),
        window(k)
    )
}

/// Checks that every op of `run` returned the value in `expected`.
///
/// # Errors
/// A description of the first op that did not.
pub fn expect_values(ops: &[ReadOp], expected: &[Value], run: &ReadRun) -> Result<(), String> {
    for (i, (op, want)) in ops.iter().zip(expected).enumerate() {
        match run.steps.get(i) {
            Some(Step::Value { value, .. }) if value == want => {}
            Some(Step::Value { value, .. }) => {
                return Err(format!(
                    "op {i} `{}`: expected {}, read {}",
                    op.java(),
                    quote(want),
                    quote(value)
                ));
            }
            Some(Step::Error(f)) => {
                return Err(format!(
                    "op {i} `{}`: expected {}, got {f}",
                    op.java(),
                    quote(want)
                ));
            }
            None => return Err(format!("op {i} `{}`: no result", op.java())),
        }
    }
    Ok(())
}

/// Checks that Java and kryo5 agree reading the same bytes: the same value
/// and `total()` after every op, an error on the same op for the same
/// reason, and the same final `total()`.
///
/// When `total()` is an offset into `input` (array and plain stream
/// sources, not chunked ones), strings are also judged by
/// [`string_verdict`]: a string both sides accept must be exactly one Kryo
/// writes; kryo5 must refuse bytes Kryo never writes (where Java returns
/// garbage), and may refuse a lone surrogate only through an API returning
/// a Rust `String`. Two Java behaviours that depend on its buffer rather
/// than on the data are accepted where the data proves kryo5 right (see
/// [`buffering_false_negative`]).
///
/// Returns what the case exercised.
///
/// # Errors
/// A description of the first disagreement.
pub fn compare_reads(
    cfg: &ReadConfig,
    input: &[u8],
    ops: &[ReadOp],
    java: &ReadRun,
    kryo5: &ReadRun,
) -> Result<Tally, String> {
    let offsets = cfg.class != InputClass::InputChunked;
    let mut tally = Tally::default();
    let mut start = 0u64;
    for (i, op) in ops.iter().enumerate() {
        let here = |what: String| format!("op {i} `{}` at offset {start}: {what}", op.java());
        let rest = || {
            &input[usize::try_from(start)
                .unwrap_or(usize::MAX)
                .min(input.len())..]
        };
        match (java.steps.get(i), kryo5.steps.get(i)) {
            (
                Some(Step::Value {
                    value: jv,
                    total: jt,
                }),
                Some(Step::Value {
                    value: kv,
                    total: kt,
                }),
            ) => {
                let quirk =
                    offsets && jt == kt && buffering_false_negative(cfg, op, rest(), jv, kv);
                tally.values += usize::from(!quirk);
                tally.buffering += usize::from(quirk);
                if (jv, jt) != (kv, kt) && !quirk {
                    return Err(here(format!(
                        "Java {} (total {jt}), kryo5 {} (total {kt})",
                        quote(jv),
                        quote(kv)
                    )));
                }
                if offsets && op.is_string() {
                    check_accepted_string(rest(), *jt - start, jv).map_err(here)?;
                    tally.strings += 1;
                }
                start = *jt;
            }
            (Some(Step::Error(jf)), Some(Step::Error(kf))) if jf == kf => {
                tally.same_errors += 1;
                return Ok(tally);
            }
            (Some(js), Some(Step::Error(kf))) if offsets && op.is_string() => {
                judge_string_error(op, rest(), js, kf).map_err(here)?;
                match kf {
                    Failure::MalformedString => tally.refused_garbage += 1,
                    Failure::LoneSurrogate => tally.lone_surrogates += 1,
                    _ => tally.bad_lengths += 1,
                }
                return Ok(tally);
            }
            (js, ks) => {
                let show = |s: Option<&Step>| match s {
                    Some(Step::Value { value, total }) => {
                        format!("{} (total {total})", quote(value))
                    }
                    Some(Step::Error(f)) => f.to_string(),
                    None => "nothing".to_owned(),
                };
                return Err(here(format!("Java {}, kryo5 {}", show(js), show(ks))));
            }
        }
    }
    if java.end_total != kryo5.end_total {
        return Err(format!(
            "final total(): Java {}, kryo5 {}",
            java.end_total, kryo5.end_total
        ));
    }
    Ok(tally)
}

/// What [`compare_reads`] saw, summed over cases to show a test reached
/// every kind of outcome.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Ops where both sides returned the same value and `total()`.
    pub values: usize,
    /// Of those, strings the oracle confirmed as Kryo's own bytes.
    pub strings: usize,
    /// Cases ending with both sides failing for the same reason.
    pub same_errors: usize,
    /// Strings Java decoded as garbage and kryo5 refused.
    pub refused_garbage: usize,
    /// Lone surrogates kryo5 refused to put in a Rust `String`.
    pub lone_surrogates: usize,
    /// Declared string lengths Java failed to allocate; kryo5 underflowed.
    pub bad_lengths: usize,
    /// Java `canReadVarLong` false negatives from its buffering.
    pub buffering: usize,
}

impl std::ops::AddAssign for Tally {
    fn add_assign(&mut self, o: Tally) {
        self.values += o.values;
        self.strings += o.strings;
        self.same_errors += o.same_errors;
        self.refused_garbage += o.refused_garbage;
        self.lone_surrogates += o.lone_surrogates;
        self.bad_lengths += o.bad_lengths;
        self.buffering += o.buffering;
    }
}

/// Java's `canReadVarLong()` (and `canReadLong()` with variable-length
/// encoding) checks `optional(5)` rather than 9 bytes, so over a stream it
/// answers `false` when a varlong of 6 to 9 bytes is complete in the data
/// but not yet all in Java's buffer, which depends on how the stream's
/// `read` calls split the data. kryo5 answers from the data. Accepted when
/// Java says `false`, kryo5 `true`, and the data at `rest` does hold a
/// whole varlong.
#[must_use]
pub fn buffering_false_negative(
    cfg: &ReadConfig,
    op: &ReadOp,
    rest: &[u8],
    java: &Value,
    kryo5: &Value,
) -> bool {
    let var_long =
        matches!(op, ReadOp::CanReadVarLong) || (matches!(op, ReadOp::CanReadLong) && cfg.var_len);
    let whole = rest.len() >= 9 || rest.iter().take(8).any(|&b| b < 0x80);
    matches!(cfg.source, InputSource::Stream { .. })
        && var_long
        && whole
        && *java == Value::Bool(false)
        && *kryo5 == Value::Bool(true)
}

/// A string both sides read (`len` bytes, value `read`) must be one Kryo
/// writes: exactly those bytes, that value.
fn check_accepted_string(rest: &[u8], len: u64, read: &Value) -> Result<(), String> {
    match string_verdict(rest) {
        Verdict::Valid { len: l, units }
            if l as u64 == len && *read == Value::Str(units.clone()) =>
        {
            Ok(())
        }
        verdict => Err(format!(
            "both read {} from {len} bytes, but the bytes x{} are {}",
            quote(read),
            quote(hex(&rest[..rest.len().min(16)])),
            quote(format!("{verdict:?}"))
        )),
    }
}

/// kryo5 failed on a string where Java returned `java` (a value or another
/// error): right only if the bytes at `rest` are not a string Kryo writes.
fn judge_string_error(
    op: &ReadOp,
    rest: &[u8],
    java: &Step,
    kryo5: &Failure,
) -> Result<(), String> {
    let verdict = string_verdict(rest);
    let rust_string = matches!(op, ReadOp::String(api) if *api != StrApi::Utf16);
    let ok = match (&verdict, kryo5) {
        // Java returns garbage, or runs out when the data is cut short too.
        (Verdict::Malformed { .. }, Failure::MalformedString) => true,
        // A lone surrogate before any bad byte: kryo5 stops there first.
        (Verdict::Malformed { prefix: units }, Failure::LoneSurrogate)
        | (
            Verdict::Valid {
                units: Some(units), ..
            },
            Failure::LoneSurrogate,
        ) => rust_string && has_lone_surrogate(units),
        // A declared length past the input: Java fails allocating (or
        // indexing with) it, kryo5 reports the missing bytes.
        (_, Failure::Underflow) => {
            *java == Step::Error(Failure::BadLength) && declared_past_end(rest)
        }
        _ => false,
    };
    if ok {
        return Ok(());
    }
    Err(format!(
        "kryo5 {kryo5}, Java {java:?}; the bytes x{} are {}",
        quote(hex(&rest[..rest.len().min(16)])),
        quote(format!("{verdict:?}"))
    ))
}

/// Collects the failures of many cases and fails the test once, listing
/// the first few.
#[derive(Debug)]
pub struct Report {
    title: String,
    checked: usize,
    failures: Vec<String>,
}

impl Report {
    /// A report for the test `title`.
    #[must_use]
    pub fn new(title: impl Into<String>) -> Self {
        Report {
            title: title.into(),
            checked: 0,
            failures: Vec::new(),
        }
    }

    /// Records one check of the case `label`; returns what it passed with.
    pub fn check<T: Default>(&mut self, label: impl Display, result: Result<T, String>) -> T {
        self.checked += 1;
        result.unwrap_or_else(|e| {
            self.failures.push(format!("{label}: {e}"));
            T::default()
        })
    }

    /// Number of checks recorded.
    #[must_use]
    pub fn checked(&self) -> usize {
        self.checked
    }

    /// Panics if any check failed, listing up to ten; returns the number of
    /// checks otherwise.
    ///
    /// # Panics
    /// If any check failed.
    pub fn finish(self) -> usize {
        assert!(self.checked > 0, "{}: nothing was checked", self.title);
        if self.failures.is_empty() {
            return self.checked;
        }
        let shown: Vec<&str> = self.failures.iter().take(10).map(String::as_str).collect();
        panic!(
            "{}: {} of {} checks failed:\n- {}",
            self.title,
            self.failures.len(),
            self.checked,
            shown.join("\n- ")
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{OutputClass, OutputSink, WriteConfig};
    use crate::kryo5_side::{kryo5_read, kryo5_write};
    use crate::outcome::WriteFailure;

    fn written(ops: &[WriteOp]) -> WriteRun {
        let cfg = WriteConfig {
            class: OutputClass::Output,
            var_len: true,
            sink: OutputSink::Memory {
                buffer_size: 16,
                max: None,
            },
        };
        kryo5_write(&cfg, ops)
    }

    #[test]
    fn compare_writes_catches_every_kind_of_difference() {
        let ops = [WriteOp::VarInt(300, true), WriteOp::Int(1)];
        let run = written(&ops);
        assert_eq!(compare_writes(&ops, &run, &run.clone()), Ok(()));
        let mut byte = run.clone();
        byte.bytes[3] ^= 1;
        let err = compare_writes(&ops, &byte, &run).unwrap_err();
        assert!(
            err.contains("offset 3") && err.contains("writeInt 1"),
            "{err}"
        );
        let mut length = run.clone();
        length.lengths = vec![3];
        assert!(
            compare_writes(&ops, &length, &run)
                .unwrap_err()
                .contains("writeVarInt")
        );
        let mut total = run.clone();
        total.total += 1;
        assert!(compare_writes(&ops, &total, &run).is_err());
        let mut failed = run.clone();
        failed.failure = Some(WriteFailure {
            op: 1,
            total_before: 2,
            failure: Failure::Overflow,
        });
        assert!(compare_writes(&ops, &failed, &run).is_err());
        assert!(compare_writes(&ops, &run, &failed).is_err());
    }

    #[test]
    fn compare_reads_catches_values_totals_and_errors() {
        let cfg = ReadConfig {
            class: InputClass::Input,
            var_len: true,
            source: InputSource::Array,
        };
        let data = [0xac, 0x02, 0x61, 0xe2];
        let ops = [ReadOp::VarInt(true), ReadOp::String(StrApi::Utf16)];
        let run = kryo5_read(&cfg, &data, &ops);
        let tally = compare_reads(&cfg, &data, &ops, &run, &run.clone()).unwrap();
        assert_eq!((tally.values, tally.strings), (2, 1));
        let expected = [Value::Int(300), Value::str(Some("ab"))];
        assert_eq!(expect_values(&ops, &expected, &run), Ok(()));
        assert!(expect_values(&ops, &[Value::Int(301), expected[1].clone()], &run).is_err());
        let mut value = run.clone();
        value.steps[0] = Step::Value {
            value: Value::Int(301),
            total: 2,
        };
        assert!(compare_reads(&cfg, &data, &ops, &value, &run).is_err());
        let mut total = run.clone();
        total.steps[1] = Step::Value {
            value: expected[1].clone(),
            total: 3,
        };
        assert!(compare_reads(&cfg, &data, &ops, &total, &run).is_err());
        let mut error = run.clone();
        error.steps.truncate(1);
        error.steps.push(Step::Error(Failure::Underflow));
        assert!(compare_reads(&cfg, &data, &ops, &error, &run).is_err());
        // A string both accept must be one Kryo writes: here it is not (an
        // overlong NUL), so agreeing on it is still a failure.
        let overlong = [0x82, 0xc0, 0x80];
        let read = [ReadOp::String(StrApi::Utf16)];
        let both = ReadRun {
            steps: vec![Step::Value {
                value: Value::str(Some("\u{0}")),
                total: 3,
            }],
            end_total: 3,
        };
        assert!(compare_reads(&cfg, &overlong, &read, &both, &both).is_err());
    }

    #[test]
    fn report_fails_when_a_check_fails() {
        let mut report = Report::new("t");
        report.check("ok", Ok::<(), String>(()));
        assert_eq!(report.checked(), 1);
        report.check("bad", Err::<(), String>("boom".into()));
        let panic = std::panic::catch_unwind(move || report.finish()).unwrap_err();
        let message = panic.downcast_ref::<String>().cloned().unwrap_or_default();
        assert!(
            message.contains("1 of 2 checks failed") && message.contains("bad: boom"),
            "{message}"
        );
    }
}
