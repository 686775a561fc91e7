//! Every text kernel against the portable one: the same results (the same
//! `Scan`, the same `TextError`), the same bytes written (including what a
//! failing decode appended before the error), on valid, truncated and
//! malformed input, at every length up to 600 and every alignment.

use std::panic::{AssertUnwindSafe, catch_unwind};

use kryo5_arch::Kernel;
use kryo5_arch::text::{self, Text};
use kryo5_testdata::{Rng, TextMix};

const MIXES: [TextMix; 4] = [
    TextMix::Ascii,
    TextMix::MostlyAscii,
    TextMix::Cjk,
    TextMix::Any,
];

/// The kernels under test (every supported one but portable).
fn kernels() -> Vec<Text> {
    Kernel::supported()
        .filter(|&k| k != Kernel::Portable)
        .map(|k| Text::new(k).unwrap())
        .collect()
}

fn portable() -> Text {
    Text::new(Kernel::Portable).unwrap()
}

/// A copy of `bytes` starting `align` bytes into a buffer that ends where
/// it ends: under AddressSanitizer, a kernel reading or writing past the
/// slice (or before it, at alignment 0) is caught even where the result
/// would not show it.
struct Placed {
    buf: Vec<u8>,
    align: usize,
}

impl Placed {
    fn new(bytes: &[u8], align: usize) -> Placed {
        let mut buf = Vec::with_capacity(align + bytes.len());
        buf.resize(align, 0xe2);
        buf.extend_from_slice(bytes);
        Placed { buf, align }
    }

    fn bytes(&self) -> &[u8] {
        &self.buf[self.align..]
    }
}

/// Unit counts worth asking `cesu8_scan` for, given the input.
fn unit_counts(bytes: &[u8], rng: &mut Rng) -> Vec<usize> {
    let total = match portable().cesu8_scan(bytes, usize::MAX) {
        text::Scan::Truncated { units, .. } => units,
        text::Scan::Invalid { .. } => bytes.len(),
        text::Scan::Complete { .. } => unreachable!(),
    };
    let mut counts = vec![0, 1, 2, 7, 8, 9, 31, 32, 33, 63, 64, 65, 100, usize::MAX];
    counts.extend([
        total / 2,
        total.saturating_sub(1),
        total,
        total + 1,
        total + 64,
    ]);
    counts.push(rng.below(total as u64 + 2) as usize);
    counts
}

/// Every byte-level kernel on `bytes` (at alignment `align`).
fn check_bytes(bytes: &[u8], align: usize, rng: &mut Rng, what: &str) {
    let placed = Placed::new(bytes, align);
    let b = placed.bytes();
    let p = portable();
    let counts = unit_counts(b, rng);
    check_portable_utf8(b, &format!("{what} align={align}"));
    for k in Kernel::supported().map(|k| Text::new(k).unwrap()) {
        check_to_string(k, b, &format!("{what} align={align}"));
    }
    for k in kernels() {
        let ctx = || {
            format!(
                "{k:?} {what} align={align} len={} bytes={:02x?}",
                b.len(),
                &b[..b.len().min(200)]
            )
        };
        assert_eq!(
            k.first_non_ascii(b),
            p.first_non_ascii(b),
            "first_non_ascii {}",
            ctx()
        );
        for &units in &counts {
            assert_eq!(
                k.cesu8_scan(b, units),
                p.cesu8_scan(b, units),
                "cesu8_scan units={units} {}",
                ctx()
            );
        }
        // Decoders append: start from a non-empty vector.
        let (mut want, mut got) = (vec![7u8, 7], vec![7u8, 7]);
        let (rw, rg) = (p.cesu8_to_utf8(b, &mut want), k.cesu8_to_utf8(b, &mut got));
        assert_eq!(rg, rw, "cesu8_to_utf8 {}", ctx());
        assert_eq!(got, want, "cesu8_to_utf8 output {}", ctx());
        let (mut want, mut got) = (vec![7u16], vec![7u16]);
        let (rw, rg) = (
            p.cesu8_to_utf16(b, &mut want),
            k.cesu8_to_utf16(b, &mut got),
        );
        assert_eq!(rg, rw, "cesu8_to_utf16 {}", ctx());
        assert_eq!(got, want, "cesu8_to_utf16 output {}", ctx());
        let (uw, ug) = (p.utf8(b), k.utf8(b));
        assert_eq!(ug, uw, "utf8 {}", ctx());
        assert!(
            ug.is_none_or(|s| s.as_ptr() == b.as_ptr() && s.len() == b.len()),
            "utf8 borrows {}",
            ctx()
        );
    }
    if let Ok(s) = std::str::from_utf8(b) {
        check_str(s, align, what);
    }
}

/// The portable `cesu8_to_utf8` (the reference for the other kernels)
/// against a decoder written from the definition: the units
/// `cesu8_to_utf16` finds, surrogate pairs joined, anything else a lone
/// surrogate at its first byte; what comes before an error is appended.
fn check_portable_utf8(b: &[u8], what: &str) {
    let p = portable();
    let mut units = Vec::new();
    let units_end = p.cesu8_to_utf16(b, &mut units);
    let (mut want, mut at) = (vec![7u8], 0);
    let mut want_result = units_end;
    let mut i = 0;
    while i < units.len() {
        let unit_len = |u: u16| match u {
            0..=0x7f => 1,
            0x80..=0x7ff => 2,
            _ => 3,
        };
        let (u, next) = (units[i], units.get(i + 1).copied());
        let c = match (u, next) {
            (0xd800..=0xdbff, Some(lo @ 0xdc00..=0xdfff)) => {
                at += unit_len(lo);
                i += 1;
                char::from_u32(
                    0x1_0000 + ((u32::from(u) - 0xd800) << 10) + (u32::from(lo) - 0xdc00),
                )
            }
            (0xd800..=0xdfff, _) => None,
            _ => char::from_u32(u32::from(u)),
        };
        let Some(c) = c else {
            want_result = Err(text::TextError {
                at,
                kind: text::TextErrorKind::LoneSurrogate,
            });
            break;
        };
        want.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        at += unit_len(u);
        i += 1;
    }
    let mut got = vec![7u8];
    assert_eq!(
        p.cesu8_to_utf8(b, &mut got),
        want_result,
        "portable cesu8_to_utf8 {what} {b:02x?}"
    );
    assert_eq!(got, want, "portable cesu8_to_utf8 output {what} {b:02x?}");
}

/// `cesu8_to_string` appends what `cesu8_to_utf8` does, or nothing on error.
fn check_to_string(k: Text, b: &[u8], what: &str) {
    let mut bytes = "é".as_bytes().to_vec();
    let want = k.cesu8_to_utf8(b, &mut bytes);
    let mut s = String::from("é");
    assert_eq!(
        k.cesu8_to_string(b, &mut s),
        want,
        "{k:?} cesu8_to_string {what}"
    );
    if want.is_err() {
        bytes.truncate("é".len());
    }
    assert_eq!(s.as_bytes(), bytes, "{k:?} cesu8_to_string output {what}");
}

/// Every string-level kernel on `s`, copied to alignment `align`.
fn check_str(s: &str, align: usize, what: &str) {
    let placed = Placed::new(s.as_bytes(), align);
    let s = std::str::from_utf8(placed.bytes()).unwrap();
    let p = portable();
    let need = p.cesu8_len(s);
    for k in kernels() {
        let ctx = || {
            format!(
                "{k:?} {what} align={align} len={} s={:?}",
                s.len(),
                s.chars().take(80).collect::<String>()
            )
        };
        assert_eq!(k.utf16_len(s), p.utf16_len(s), "utf16_len {}", ctx());
        assert_eq!(k.cesu8_len(s), need, "cesu8_len {}", ctx());
        // Exact room and spare room: the bytes past the output stay as
        // they were.
        for room in [need, need + 1, need + 70] {
            let (mut want, mut got) = (vec![0x5a; room + align], exact(room + align, 0x5a));
            let nw = p.utf8_to_cesu8(s, &mut want[align..]);
            let ng = k.utf8_to_cesu8(s, &mut got[align..]);
            assert_eq!(ng, nw, "utf8_to_cesu8 room={room} {}", ctx());
            assert_eq!(got, want, "utf8_to_cesu8 output room={room} {}", ctx());
        }
    }
}

/// `n` copies of `x` in an allocation of exactly `n` bytes.
fn exact(n: usize, x: u8) -> Vec<u8> {
    let mut v = Vec::with_capacity(n);
    v.resize(n, x);
    v
}

/// `s` as CESU-8 (what Kryo writes).
fn cesu8(s: &str) -> Vec<u8> {
    let mut out = vec![0; portable().cesu8_len(s)];
    portable().utf8_to_cesu8(s, &mut out);
    out
}

/// CESU-8 of random UTF-16 units, lone surrogates included.
fn cesu8_units(rng: &mut Rng, n: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let mut buf = [0u8; 3];
    for _ in 0..n {
        let unit = match rng.below(8) {
            0..=2 => rng.below(0x80) as u16,
            3 => 0x80 + rng.below(0x780) as u16,
            4 => 0x800 + rng.below(0xd000) as u16,
            5 => 0xd800 + rng.below(0x400) as u16,
            6 => 0xdc00 + rng.below(0x400) as u16,
            _ => 0xe000 + rng.below(0x2000) as u16,
        };
        let len = text::encode_unit(unit, &mut buf);
        out.extend_from_slice(&buf[..len]);
        // Often follow a high surrogate with a low one: a valid pair.
        if (0xd800..0xdc00).contains(&unit) && rng.below(3) != 0 {
            let len = text::encode_unit(0xdc00 + rng.below(0x400) as u16, &mut buf);
            out.extend_from_slice(&buf[..len]);
        }
    }
    out
}

/// The first `len` bytes of `s`, cut back to a character boundary.
fn prefix(s: &str, mut len: usize) -> &str {
    len = len.min(s.len());
    while !s.is_char_boundary(len) {
        len -= 1;
    }
    &s[..len]
}

#[test]
fn random_text_at_every_length() {
    let mut rng = Rng::new(1);
    for (m, mix) in MIXES.into_iter().enumerate() {
        let long = rng.string(700, mix);
        let long_cesu = cesu8(&long);
        for len in 0..600 {
            let align = (len * 7 + m) % 64;
            let s = prefix(&long, len);
            check_str(s, align, &format!("{mix:?} str"));
            // The CESU-8 of the same text, cut at every byte (so sequences
            // are cut too).
            check_bytes(
                &long_cesu[..len.min(long_cesu.len())],
                align,
                &mut rng,
                &format!("{mix:?} cesu8"),
            );
            // And its UTF-8 (4-byte sequences: invalid as CESU-8).
            if mix == TextMix::Any {
                check_bytes(&long.as_bytes()[..len], align, &mut rng, "utf8 cut");
            }
        }
    }
}

#[test]
fn every_alignment() {
    let mut rng = Rng::new(2);
    for mix in MIXES {
        let long = rng.string(300, mix);
        let long_cesu = cesu8(&long);
        for len in [31, 64, 65, 97, 130, 257] {
            for align in 0..64 {
                check_str(prefix(&long, len), align, &format!("{mix:?} str"));
                check_bytes(
                    &long_cesu[..len.min(long_cesu.len())],
                    align,
                    &mut rng,
                    &format!("{mix:?} cesu8"),
                );
            }
        }
    }
}

#[test]
fn cesu8_from_utf16_with_lone_surrogates() {
    let mut rng = Rng::new(3);
    for n in 0..400 {
        let bytes = cesu8_units(&mut rng, n);
        check_bytes(&bytes, n % 64, &mut rng, "utf16 units");
    }
    // Long runs: mostly ASCII or CJK with a rare surrogate.
    for n in [100, 300, 700] {
        for rare in [0xd83d, 0xde00] {
            let mut s = "日本語テキスト and ASCII ".repeat(n / 20).into_bytes();
            let at = rng.below(s.len() as u64) as usize;
            let mut buf = [0u8; 3];
            let len = text::encode_unit(rare, &mut buf);
            // Insert at a unit boundary.
            let at = (at..s.len())
                .find(|&i| s[i] & 0xc0 != 0x80)
                .unwrap_or(s.len());
            s.splice(at..at, buf[..len].iter().copied());
            check_bytes(&s, n % 64, &mut rng, "rare surrogate");
        }
    }
}

/// Emoji among ASCII (surrogate pairs between short ASCII runs, often
/// back to back): every length up to 600, every alignment, and each with
/// bytes damaged (pair bytes swapped for others that break the pair in
/// every way) at every offset of a window.
#[test]
fn emoji_among_ascii() {
    let mut rng = Rng::new(9);
    let mut text = String::new();
    while text.len() < 700 {
        for _ in 0..rng.below(9) {
            text.push(char::from(b' ' + rng.below(95) as u8));
        }
        let c = char::from_u32(0x1_0000 + rng.below(0x10_0000) as u32).unwrap();
        text.push(c);
    }
    let long = cesu8(&text);
    for len in 0..600 {
        check_bytes(&long[..len], len % 64, &mut rng, "emoji");
    }
    let swaps = [
        0x00, 0x41, 0x80, 0x9f, 0xa0, 0xaf, 0xb0, 0xbf, 0xc3, 0xe0, 0xed, 0xee, 0xf0, 0xff,
    ];
    for at in 0..200 {
        for &b in &swaps {
            let mut bytes = long[..260].to_vec();
            bytes[at] = b;
            check_bytes(
                &bytes,
                at % 64,
                &mut rng,
                &format!("emoji, byte {at} = {b:02x}"),
            );
        }
    }
}

#[test]
fn random_bytes() {
    let mut rng = Rng::new(4);
    for len in 0..600 {
        let bytes = rng.bytes(len);
        check_bytes(&bytes, len % 64, &mut rng, "random");
        // Random bytes in a mostly-valid context.
        let mut text = cesu8(&rng.string(len / 2, TextMix::MostlyAscii));
        if !text.is_empty() {
            let at = rng.below(text.len() as u64) as usize;
            text[at] = rng.next_u32() as u8;
        }
        check_bytes(&text, (len + 17) % 64, &mut rng, "one random byte");
    }
}

/// Sequences that are malformed in CESU-8 or UTF-8 (or both), each put at
/// every offset of a block of ASCII and of CJK text.
#[test]
fn malformed_sequences_at_every_offset() {
    let mut rng = Rng::new(5);
    let bad: &[&[u8]] = &[
        &[0x80],                               // stray continuation
        &[0xbf],                               // stray continuation
        &[0xc0, 0x80],                         // overlong NUL (Java's modified UTF-8)
        &[0xc1, 0xbf],                         // overlong
        &[0xe0, 0x80, 0x80],                   // overlong 3-byte
        &[0xe0, 0x9f, 0xbf],                   // overlong 3-byte
        &[0xed, 0xa0, 0x80],                   // high surrogate (lone in UTF-8 terms)
        &[0xed, 0xbf, 0xbf],                   // low surrogate
        &[0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80], // surrogate pair (CESU-8)
        &[0xf0, 0x9f, 0x98, 0x80],             // 4-byte lead (UTF-8 emoji)
        &[0xf0, 0x80, 0x80, 0x80],             // overlong 4-byte
        &[0xf4, 0x90, 0x80, 0x80],             // above U+10FFFF
        &[0xf8, 0x88, 0x80, 0x80],             // 5-byte lead
        &[0xff],
        &[0xc3],             // truncated 2-byte
        &[0xe6, 0x97],       // truncated 3-byte
        &[0xe6],             // truncated 3-byte
        &[0xf0, 0x9f, 0x98], // truncated 4-byte
        &[0xc3, 0xc3],       // lead followed by lead
        &[0xe6, 0x41, 0x41], // lead followed by ASCII
    ];
    let ascii = "The quick brown fox jumps over the lazy dog. ".repeat(4);
    let cjk = "日本語のテキストと漢字、ひらがな、カタカナ。".repeat(3);
    for (base, name) in [(ascii.as_bytes(), "ascii"), (cjk.as_bytes(), "cjk")] {
        for seq in bad {
            for at in 0..130.min(base.len()) {
                let mut b = base[..at].to_vec();
                b.extend_from_slice(seq);
                b.extend_from_slice(&base[at..]);
                check_bytes(
                    &b,
                    at % 64,
                    &mut rng,
                    &format!("{name} + {seq:02x?} at {at}"),
                );
                // At the very end too (a sequence cut by the end of input).
                check_bytes(
                    &b[..at + seq.len()],
                    (at * 3) % 64,
                    &mut rng,
                    &format!("{name} + {seq:02x?} ends at {at}"),
                );
            }
        }
    }
}

/// Valid text with one byte removed, or cut short, at every position.
#[test]
fn truncated_and_damaged_at_every_position() {
    let mut rng = Rng::new(6);
    for mix in [TextMix::MostlyAscii, TextMix::Cjk, TextMix::Any] {
        let s = rng.string(120, mix);
        for bytes in [s.as_bytes().to_vec(), cesu8(&s)] {
            for at in 0..bytes.len() {
                let mut cut = bytes.clone();
                cut.remove(at);
                check_bytes(&cut, at % 64, &mut rng, &format!("{mix:?} minus byte {at}"));
                check_bytes(
                    &bytes[..at],
                    (at + 5) % 64,
                    &mut rng,
                    &format!("{mix:?} cut at {at}"),
                );
            }
        }
    }
}

/// A short destination makes every kernel panic, as the portable one does.
#[test]
fn utf8_to_cesu8_short_destination_panics() {
    let mut rng = Rng::new(7);
    let quiet = std::thread::current().name().map(str::to_owned);
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name().map(str::to_owned) != quiet {
            default(info);
        }
    }));
    for mix in MIXES {
        for chars in [10, 40, 100, 300] {
            let s = rng.string(chars, mix);
            let need = portable().cesu8_len(&s);
            for room in [0, need / 2, need.saturating_sub(6), need.saturating_sub(1)] {
                if room >= need {
                    continue;
                }
                for k in Kernel::supported().map(|k| Text::new(k).unwrap()) {
                    let mut dst = vec![0u8; room];
                    let r = catch_unwind(AssertUnwindSafe(|| k.utf8_to_cesu8(&s, &mut dst)));
                    assert!(
                        r.is_err(),
                        "{k:?} {mix:?} room={room} need={need}: no panic"
                    );
                }
            }
        }
    }
}

/// The free functions (short-input bypass plus the active kernel) agree
/// with the portable kernel whichever kernel is forced.
#[test]
fn free_functions_under_every_forced_kernel() {
    let mut rng = Rng::new(8);
    let s = rng.string(200, TextMix::Any);
    let c = cesu8(&s);
    let p = portable();
    for kernel in Kernel::supported() {
        kryo5_arch::dispatch::force(kernel).unwrap();
        for len in [0, 5, 31, 32, 33, 100, c.len()] {
            let b = &c[..len.min(c.len())];
            assert_eq!(text::first_non_ascii(b), p.first_non_ascii(b));
            assert_eq!(text::cesu8_scan(b, 40), p.cesu8_scan(b, 40));
            let (mut x, mut y) = (Vec::new(), Vec::new());
            assert_eq!(text::cesu8_to_utf8(b, &mut x), p.cesu8_to_utf8(b, &mut y));
            assert_eq!(x, y);
            let mut z = String::new();
            let r = text::cesu8_to_string(b, &mut z);
            assert_eq!(r, p.cesu8_to_utf8(b, &mut Vec::new()));
            assert_eq!(z.as_bytes(), if r.is_ok() { &y[..] } else { &[] });
            let s = prefix(&s, len);
            assert_eq!(text::utf16_len(s), p.utf16_len(s));
            assert_eq!(text::cesu8_len(s), p.cesu8_len(s));
            assert_eq!(text::utf8(s.as_bytes()), Some(s));
        }
    }
    kryo5_arch::dispatch::force(Kernel::best()).unwrap();
}

/// `Ascii32::from_window` (SSE2 on x86-64) against the portable decoder of
/// Kryo's ASCII form, on windows with the terminator at every position and
/// with random bytes around it.
#[test]
fn ascii_window_matches_portable() {
    use kryo5_arch::portable::text::ascii_window;
    use kryo5_arch::text::Ascii32;
    let mut rng = kryo5_testdata::Rng::new(77);
    for round in 0..2000 {
        let mut w = [0u8; 32];
        for b in &mut w {
            *b = rng.next_u32() as u8;
        }
        if round % 2 == 0 {
            // Mostly ASCII with a terminator somewhere (or none).
            let end = rng.below(40) as usize;
            for (i, b) in w.iter_mut().enumerate() {
                if i < end {
                    *b &= 0x7f;
                } else if i == end {
                    *b |= 0x80;
                }
            }
        }
        let want = ascii_window(&w);
        let got = Ascii32::from_window(&w);
        assert_eq!(
            want.map(|(b, n)| (String::from_utf8(b[..n].to_vec()).unwrap(), n)),
            got.map(|a| (a.as_str().to_owned(), a.len())),
            "{w:02x?}"
        );
        if let Some(a) = got {
            assert!(a.padded().bytes().skip(a.len()).all(|b| b == 0));
        }
    }
}
