//! Readable differences: hex dumps of two byte strings around their first
//! difference, and of two `Debug` renderings.

use std::fmt::Write as _;

/// Rows of context shown before and after the first differing row.
const CONTEXT_ROWS: usize = 3;

/// Bytes per dump row.
const ROW: usize = 16;

/// The first offset where `a` and `b` differ (the shorter one's length if
/// one is a prefix of the other), or `None` if they are equal.
///
/// ```
/// use kryo5_interop::graph::first_difference;
/// assert_eq!(first_difference(b"abc", b"abd"), Some(2));
/// assert_eq!(first_difference(b"ab", b"abc"), Some(2));
/// assert_eq!(first_difference(b"ab", b"ab"), None);
/// ```
#[must_use]
pub fn first_difference(a: &[u8], b: &[u8]) -> Option<usize> {
    let common = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    (common < a.len().max(b.len())).then_some(common)
}

/// Both byte strings as hex dumps (16 bytes a row, offsets on the left)
/// around their first difference, the differing byte in brackets; `None`
/// if they are equal.
///
/// ```
/// use kryo5_interop::graph::hex_diff;
/// let d = hex_diff("java", &[1, 2, 3], "kryo5", &[1, 2, 4]).unwrap();
/// assert!(d.starts_with("first difference at offset 2 (java 3 bytes, kryo5 3 bytes)"));
/// assert!(d.contains("01 02 [03]") && d.contains("01 02 [04]"));
/// ```
#[must_use]
pub fn hex_diff(name_a: &str, a: &[u8], name_b: &str, b: &[u8]) -> Option<String> {
    let at = first_difference(a, b)?;
    let width = name_a.len().max(name_b.len());
    let mut s = format!(
        "first difference at offset {at} ({name_a} {} bytes, {name_b} {} bytes)",
        a.len(),
        b.len()
    );
    for (name, bytes) in [(name_a, a), (name_b, b)] {
        let _ = write!(s, "\n  {name:width$}:");
        s.push_str(&dump(bytes, at, "\n   ", width));
    }
    Some(s)
}

/// Rows of `bytes` around offset `mark`, the byte at `mark` in brackets.
fn dump(bytes: &[u8], mark: usize, indent: &str, width: usize) -> String {
    let rows = bytes.len().div_ceil(ROW).max(1);
    let mark_row = mark / ROW;
    let first = mark_row.saturating_sub(CONTEXT_ROWS);
    let last = (mark_row + CONTEXT_ROWS).min(rows - 1);
    let mut s = String::new();
    if first > 0 {
        let _ = write!(s, "{indent}{:width$}  ... {} bytes before", "", first * ROW);
    }
    for row in first..=last {
        let _ = write!(s, "{indent}{:width$}  {:04x}:", "", row * ROW);
        let end = ((row + 1) * ROW).min(bytes.len());
        for (i, b) in bytes.iter().enumerate().take(end).skip(row * ROW) {
            if i == mark {
                let _ = write!(s, " [{b:02x}]");
            } else {
                let _ = write!(s, " {b:02x}");
            }
        }
        if mark == bytes.len() && row == mark_row {
            s.push_str(" [end]");
        }
    }
    let shown = ((last + 1) * ROW).min(bytes.len());
    if shown < bytes.len() {
        let _ = write!(
            s,
            "{indent}{:width$}  ... {} bytes after",
            "",
            bytes.len() - shown
        );
    }
    s
}

/// Two `Debug` renderings around their first difference; `None` if equal.
///
/// ```
/// use kryo5_interop::graph::text_diff;
/// let d = text_diff("Node { v: 1 }", "Node { v: 2 }").unwrap();
/// assert!(d.contains("at char 10"));
/// ```
#[must_use]
pub fn text_diff(expected: &str, actual: &str) -> Option<String> {
    let at = expected
        .chars()
        .zip(actual.chars())
        .take_while(|(x, y)| x == y)
        .count();
    if expected == actual {
        return None;
    }
    let window = |s: &str| {
        let from = at.saturating_sub(60);
        let text: String = s.chars().skip(from).take(160).collect();
        let more = if s.chars().count() > from + 160 {
            "..."
        } else {
            ""
        };
        let less = if from > 0 { "..." } else { "" };
        format!("{less}{text}{more}")
    };
    Some(format!(
        "at char {at}:\n  expected: {}\n  actual  : {}",
        window(expected),
        window(actual)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dumps_rows_around_the_difference() {
        let a: Vec<u8> = (0..100).collect();
        let mut b = a.clone();
        b[70] = 0xff;
        let d = hex_diff("java", &a, "kryo5", &b).unwrap();
        assert!(d.contains("offset 70"), "{d}");
        assert!(d.contains("0040: 40 41 42 43 44 45 [46]"), "{d}");
        assert!(d.contains("[ff]"), "{d}");
        assert!(d.contains("... 16 bytes before"), "{d}");
        assert_eq!(hex_diff("a", &a, "b", &a), None);
    }

    #[test]
    fn marks_the_end_of_a_prefix() {
        let d = hex_diff("java", &[1, 2], "kryo5", &[1, 2, 3]).unwrap();
        assert!(d.contains("01 02 [end]"), "{d}");
        assert!(d.contains("01 02 [03]"), "{d}");
    }
}
