//! `kryo5 bench`: the embedded sample data through the engine, a table of
//! sizes and throughput. MediaContent (jvm-serializers' graph, as Java
//! registers it) and the arrays go through the object layer (`Kryo`); the
//! primitive and string families through the buffers (`Output`/`Input`).

use std::hint::black_box;
use std::time::{Duration, Instant};

use kryo5::io::{Input, Output};
use kryo5::{Kryo, KryoType, Result};
use kryo5_interop::media;
use kryo5_testdata::{Rng, TextMix, varint_mix_u32, varint_mix_u64};

/// Values per batch of a primitive or string family.
const BATCH: usize = 1000;
/// Elements of each array.
const ARRAY: usize = 1000;

type Write = Box<dyn FnMut(&mut Output) -> Result<()>>;
type Read = Box<dyn for<'a> FnMut(&mut Input<'a>) -> Result<bool>>;

/// A family of data: a batch of `items` written and read at a time; `read`
/// says whether it read back what `write` wrote.
struct Case {
    name: &'static str,
    items: usize,
    write: Write,
    read: Read,
}

/// `data`, one value at a time through `w` and `r` (generic, so that each
/// call is inlined into the loop as in a program's own code).
fn each<T, W, R>(name: &'static str, data: Vec<T>, w: W, r: R) -> Case
where
    T: PartialEq + Copy + 'static,
    W: Fn(&mut Output, T) -> kryo5::io::Result<()> + 'static,
    R: for<'a> Fn(&mut Input<'a>) -> kryo5::io::Result<T> + 'static,
{
    let expect = data.clone();
    Case {
        name,
        items: data.len(),
        write: Box::new(move |out| {
            for &v in &data {
                w(out, v)?;
            }
            Ok(())
        }),
        read: Box::new(move |input| {
            let mut ok = true;
            for &v in &expect {
                ok &= r(input)? == v;
            }
            Ok(ok)
        }),
    }
}

fn strings(name: &'static str, mix: TextMix) -> Case {
    let mut rng = Rng::new(7);
    let data: Vec<String> = (0..BATCH)
        .map(|_| {
            let n = 4 + rng.below(40) as usize;
            rng.string(n, mix)
        })
        .collect();
    let expect = data.clone();
    let mut s = String::new();
    Case {
        name,
        items: BATCH,
        write: Box::new(move |out| {
            for v in &data {
                out.write_string(Some(v))?;
            }
            Ok(())
        }),
        read: Box::new(move |input| {
            let mut ok = true;
            for v in &expect {
                ok &= input.read_string_into(&mut s)? && s == *v;
            }
            Ok(ok)
        }),
    }
}

/// `value` by `writeObject`/`readObject` of Kryos that `kryo` makes.
fn object<T: KryoType + PartialEq + Clone + 'static>(
    name: &'static str,
    kryo: fn() -> Kryo,
    value: T,
) -> Case {
    let (mut wk, mut rk) = (kryo(), kryo());
    let expect = value.clone();
    Case {
        name,
        items: 1,
        write: Box::new(move |out| wk.write_object(out, &value)),
        read: Box::new(move |input| Ok(rk.read_object::<T, _>(input)? == expect)),
    }
}

fn arrays() -> Kryo {
    let mut k = Kryo::new();
    k.register::<Vec<i32>>();
    k.register::<Vec<f64>>();
    k.register::<Vec<u8>>();
    k
}

fn cases() -> Vec<Case> {
    let mut rng = Rng::new(11);
    let fixed: Vec<i32> = (0..BATCH).map(|_| rng.spread_i32()).collect();
    let doubles: Vec<f64> = (0..ARRAY)
        .map(|_| rng.below(1 << 40) as f64 / 7.0)
        .collect();
    vec![
        object("MediaContent (writeObject)", media::kryo, media::standard()),
        each(
            "int, fixed 4 bytes",
            fixed,
            Output::write_int,
            #[allow(clippy::redundant_closure_for_method_calls)] // a fn for every input lifetime
            |i| i.read_int(),
        ),
        each(
            "int, varint (zigzag)",
            varint_mix_u32(BATCH, 1),
            |o, v| o.write_var_int(v, false).map(drop),
            |i| i.read_var_int(false),
        ),
        each(
            "long, varint (zigzag)",
            varint_mix_u64(BATCH, 2),
            |o, v| o.write_var_long(v, false).map(drop),
            |i| i.read_var_long(false),
        ),
        strings("String, ASCII", TextMix::Ascii),
        strings("String, non-ASCII (CJK)", TextMix::Cjk),
        object("int[1000]", arrays, varint_mix_u32(ARRAY, 3)),
        object("double[1000]", arrays, doubles),
        object("byte[4096]", arrays, Rng::new(5).bytes(4096)),
    ]
}

/// Runs `f` repeatedly for about `budget`; returns the time per run.
fn time(budget: Duration, mut f: impl FnMut() -> Result<()>) -> Result<Duration> {
    let start = Instant::now();
    let mut runs = 0u32;
    while runs == 0 || start.elapsed() < budget {
        f()?;
        runs += 1;
    }
    Ok(start.elapsed() / runs)
}

/// One row of the table.
struct Row {
    name: &'static str,
    items: usize,
    bytes: usize,
    write: Duration,
    read: Duration,
}

impl Row {
    fn line(&self) -> String {
        let per = |d: Duration| d.as_secs_f64() * 1e9 / self.items as f64;
        let mbs = |d: Duration| self.bytes as f64 / d.as_secs_f64() / 1e6;
        format!(
            "{:<28} {:>10.1} {:>12.1} {:>10.0} {:>12.1} {:>10.0}",
            self.name,
            self.bytes as f64 / self.items as f64,
            per(self.write),
            mbs(self.write),
            per(self.read),
            mbs(self.read),
        )
    }
}

/// Runs every case for about `seconds` in all and prints the table.
pub(crate) fn run(seconds: f64) -> std::result::Result<(), String> {
    let mut cases = cases();
    let budget = Duration::from_secs_f64(seconds.max(0.0) / (2 * cases.len()) as f64);
    println!("kryo5 bench: Kryo 5.6 bytes written and read in memory, {seconds} s in all");
    println!(
        "{:<28} {:>10} {:>12} {:>10} {:>12} {:>10}",
        "case", "bytes/item", "write ns/op", "write MB/s", "read ns/op", "read MB/s"
    );
    let mut out = Output::with_capacity(1 << 16);
    for case in &mut cases {
        let name = case.name;
        let err = |e: kryo5::Error| format!("{name}: {e}");
        let write = time(budget, || {
            out.reset();
            (case.write)(&mut out)
        })
        .map_err(err)?;
        let bytes = out.to_vec();
        if !(case.read)(&mut Input::new(&bytes)).map_err(err)? {
            return Err(format!("{name}: read back a different value"));
        }
        let read = time(budget, || {
            (case.read)(&mut Input::new(black_box(&bytes))).map(drop)
        })
        .map_err(err)?;
        let row = Row {
            name,
            items: case.items,
            bytes: bytes.len(),
            write,
            read,
        };
        println!("{}", row.line());
    }
    println!("(ns/op per value, per array or per graph; every case read back and compared)");
    Ok(())
}
