//! The demo: one built-in sample through every buffer flavour.

use std::hint::black_box;
use std::time::{Duration, Instant};

use kryo5::io::sink::{Sink, Writer};
use kryo5::io::source::{Reader, Source};
use kryo5::io::{
    Error, Flavour, Input, InputBuffer, NativeInput, NativeOutput, Output, OutputBuffer,
};

/// The built-in sample: records of typical service data.
struct Sample {
    ids: Vec<i32>,
    stamps: Vec<i64>,
    ratios: Vec<f64>,
    names: Vec<String>,
    flags: Vec<bool>,
}

impl Sample {
    fn new(records: usize) -> Sample {
        const NAMES: [&str; 6] = [
            "kryo",
            "média",
            "日本語のテキスト",
            "emoji 😀 inside",
            "a much longer ascii name of a record",
            "x",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut s = Sample {
            ids: vec![],
            stamps: vec![],
            ratios: vec![],
            names: vec![],
            flags: vec![],
        };
        for i in 0..records {
            let r = next();
            s.ids.push((r >> (r % 32)) as i32);
            s.stamps
                .push(1_700_000_000_000 + (r % 1_000_000) as i64 - 500_000);
            s.ratios.push((r % 10_000) as f64 / 7.0);
            s.names.push(format!("{} #{i}", NAMES[i % NAMES.len()]));
            s.flags.push(r & 1 == 1);
        }
        s
    }

    fn write<S: Sink, F: Flavour>(&self, out: &mut OutputBuffer<S, F>) -> Result<(), Error> {
        out.write_var_int(self.ids.len() as i32, true)?;
        for i in 0..self.ids.len() {
            out.write_var_int(self.ids[i], false)?;
            out.write_var_long(self.stamps[i], true)?;
            out.write_double(self.ratios[i])?;
            out.write_string(Some(&self.names[i]))?;
            out.write_boolean(self.flags[i])?;
        }
        out.write_ints_var_or_fixed(&self.ids, false)?;
        out.write_doubles(&self.ratios)
    }

    /// Reads the sample back, checking every value.
    fn check<S: Source, F: Flavour>(
        &self,
        input: &mut InputBuffer<'_, S, F>,
    ) -> Result<bool, Error> {
        let n = input.read_var_int(true)? as usize;
        let mut ok = n == self.ids.len();
        let mut name = String::new();
        for i in 0..n.min(self.ids.len()) {
            ok &= input.read_var_int(false)? == self.ids[i];
            ok &= input.read_var_long(true)? == self.stamps[i];
            ok &= input.read_double()? == self.ratios[i];
            ok &= input.read_string_into(&mut name)? && name == self.names[i];
            ok &= input.read_boolean()? == self.flags[i];
        }
        ok &= input.read_ints_var_or_fixed(n, false)? == self.ids;
        ok &= input.read_doubles(n)? == self.ratios;
        Ok(ok)
    }
}

/// Runs `f` repeatedly for about `seconds`; returns the time per run.
fn time(seconds: f64, mut f: impl FnMut() -> Result<(), Error>) -> Result<Duration, Error> {
    let budget = Duration::from_secs_f64(seconds);
    let start = Instant::now();
    let mut runs = 0u32;
    while runs == 0 || start.elapsed() < budget {
        f()?;
        runs += 1;
    }
    Ok(start.elapsed() / runs)
}

fn hex(bytes: &[u8], max: usize) -> String {
    let mut s: Vec<String> = bytes.iter().take(max).map(|b| format!("{b:02x}")).collect();
    if bytes.len() > max {
        s.push("…".into());
    }
    s.join(" ")
}

fn mb_per_s(bytes: usize, per_run: Duration) -> f64 {
    bytes as f64 / per_run.as_secs_f64() / 1e6
}

struct Row {
    name: &'static str,
    bytes: Vec<u8>,
    write: Duration,
    read: Duration,
    ok: bool,
}

/// Writes and reads the sample through every flavour and prints a table.
pub(crate) fn run(records: usize, seconds: f64) -> Result<(), Error> {
    let sample = Sample::new(records);
    let mut rows = Vec::new();

    let mut out = Output::with_capacity(1 << 16);
    let write = time(seconds, || {
        out.reset();
        sample.write(&mut out)
    })?;
    let bytes = out.to_vec();
    let ok = sample.check(&mut Input::new(&bytes))?;
    let read = time(seconds, || {
        sample.check(&mut Input::new(black_box(&bytes))).map(drop)
    })?;
    rows.push(Row {
        name: "Output / Input (memory)",
        bytes,
        write,
        read,
        ok,
    });

    let write = time(seconds, || {
        let mut out = Output::with_writer(Vec::with_capacity(1 << 16));
        sample.write(&mut out)?;
        black_box(out.into_writer()?);
        Ok(())
    })?;
    let mut out = Output::with_writer(Vec::new());
    sample.write(&mut out)?;
    let bytes = out.into_writer()?;
    let ok = sample.check(&mut Input::from_reader(&bytes[..]))?;
    let read = time(seconds, || {
        sample
            .check(&mut Input::from_reader(black_box(&bytes[..])))
            .map(drop)
    })?;
    rows.push(Row {
        name: "Output / Input over std::io (4 KiB)",
        bytes,
        write,
        read,
        ok,
    });

    let mut out = NativeOutput::with_capacity(1 << 16);
    let write = time(seconds, || {
        out.reset();
        sample.write(&mut out)
    })?;
    let bytes = out.to_vec();
    let ok = sample.check(&mut NativeInput::new(&bytes))?;
    let read = time(seconds, || {
        sample
            .check(&mut NativeInput::new(black_box(&bytes)))
            .map(drop)
    })?;
    rows.push(Row {
        name: "NativeOutput / NativeInput (Unsafe*)",
        bytes,
        write,
        read,
        ok,
    });

    let chunked = || -> Result<Vec<u8>, Error> {
        let mut out = Output::chunked(Writer::new(Vec::with_capacity(1 << 16)), 1024);
        sample.write(&mut out)?;
        out.end_chunk()?;
        Ok(out.into_sink()?.into_inner().into_inner())
    };
    let write = time(seconds, || chunked().map(|b| drop(black_box(b))))?;
    let bytes = chunked()?;
    let ok = sample.check(&mut Input::chunked(Reader::new(&bytes[..]), 1024))?;
    let read = time(seconds, || {
        sample
            .check(&mut Input::chunked(
                Reader::new(black_box(&bytes[..])),
                1024,
            ))
            .map(drop)
    })?;
    rows.push(Row {
        name: "OutputChunked / InputChunked (1 KiB)",
        bytes,
        write,
        read,
        ok,
    });

    println!(
        "kryo5 demo: {records} records (varint, varlong, double, string, boolean each) + int[] + double[]\n"
    );
    for r in &rows {
        println!("{}", r.name);
        println!("  {} bytes: {}", r.bytes.len(), hex(&r.bytes, 24));
        println!(
            "  write {:8.1} µs  {:7.0} MB/s    read {:8.1} µs  {:7.0} MB/s    read back: {}",
            r.write.as_secs_f64() * 1e6,
            mb_per_s(r.bytes.len(), r.write),
            r.read.as_secs_f64() * 1e6,
            mb_per_s(r.bytes.len(), r.read),
            if r.ok { "identical" } else { "MISMATCH" },
        );
    }
    if rows.iter().all(|r| r.ok) {
        Ok(())
    } else {
        Err(Error::new(
            kryo5::io::ErrorKind::InvalidArgument("a flavour did not read back its own sample"),
            0,
        ))
    }
}
