//! Arbitrary bytes through every read method of the buffer layer, over a
//! slice and over a stream: no panic, and both sources agree.
#![no_main]

use kryo5_io::{Flavour, Input, InputBuffer, Result, source::Source};
use libfuzzer_sys::fuzz_target;

/// A reader that hands out 3 bytes at a time, to exercise refills.
struct Trickle<'a>(&'a [u8]);

impl std::io::Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.0.len().min(buf.len()).min(3);
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

/// Runs read op `op` and renders the outcome for comparison.
fn step<S: Source, F: Flavour>(
    input: &mut InputBuffer<'_, S, F>,
    op: u8,
    arg: u8,
) -> Result<String> {
    let n = usize::from(arg % 40);
    let opt = arg & 1 == 1;
    Ok(match op % 16 {
        0 => format!("{}", input.read_var_int(opt)?),
        1 => format!("{}", input.read_var_long(opt)?),
        2 => format!(
            "{} {}",
            input.peek_var_int_flag()?,
            input.read_var_int_flag(opt)?
        ),
        3 => format!("{:?}", input.read_string()?),
        4 => format!("{:?}", input.read_string_utf16()?),
        5 => format!("{}", input.read_int()?),
        6 => format!("{}", input.read_long_count(1 + usize::from(arg % 8))?),
        7 => format!("{:?}", input.read_bytes(n)?),
        8 => format!("{:?}", input.read_ints_var_or_fixed(n, opt)?),
        9 => format!("{:?}", input.read_longs_var_or_fixed(n, opt)?),
        10 => format!(
            "{:?}",
            input
                .read_doubles(n)?
                .iter()
                .map(|d| d.to_bits())
                .collect::<Vec<_>>()
        ),
        11 => format!("{:?}", input.read_booleans(n)?),
        12 => format!("{}", input.can_read_var_long()?),
        13 => {
            input.skip_var_ints(n)?;
            String::new()
        }
        14 => format!("{:?}", input.read_chars(n)?),
        _ => format!("{}", input.read_boolean()?),
    })
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 8 {
        return;
    }
    let (ops, bytes) = data.split_at(8);
    let mut slice = Input::new(bytes);
    let mut stream = Input::from_reader_capacity(Trickle(bytes), 16);
    for pair in ops.chunks_exact(2) {
        let a = step(&mut slice, pair[0], pair[1]);
        let b = step(&mut stream, pair[0], pair[1]);
        match (a, b) {
            (Ok(x), Ok(y)) => assert_eq!(x, y),
            (Err(_), Err(_)) => break,
            (a, b) => panic!("slice and stream disagree: {a:?} vs {b:?}"),
        }
    }
});
