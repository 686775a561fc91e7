//! An independent judge of string bytes: is this what Kryo's `writeString`
//! produces?
//!
//! Java's `readString` decodes any bytes without complaint (continuation
//! bytes unchecked, impossible lead bytes filled from a stale buffer), while
//! kryo5 refuses what Kryo never writes. To compare the two on arbitrary
//! bytes the tests need a third opinion, written here from the format spec
//! (sections 2.1 to 2.3) rather than taken from kryo5.

/// What [`string_verdict`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// A string exactly as Kryo writes it, `len` bytes long, holding
    /// `units` (`None` for null): both readers must return these.
    Valid {
        /// Bytes the string occupies, header included.
        len: usize,
        /// The string.
        units: Option<Vec<u16>>,
    },
    /// Every byte present is canonical, but the data ends first: both
    /// readers must fail with an underflow.
    Truncated,
    /// Some byte is one Kryo's writer never produces (an impossible lead
    /// byte, a bad continuation byte, an overlong form) after the canonical
    /// units `prefix`: Java returns garbage, kryo5 must refuse.
    Malformed {
        /// The units before the first bad one.
        prefix: Vec<u16>,
    },
}

/// Judges the string starting at `bytes[0]`.
///
/// ```
/// use kryo5_interop::oracle::{string_verdict, Verdict};
/// assert_eq!(string_verdict(&[0x61, 0xe2, 0x00]), Verdict::Valid { len: 2, units: Some(vec![0x61, 0x62]) });
/// assert_eq!(string_verdict(&[0x82, 0xc3, 0xa9]), Verdict::Valid { len: 3, units: Some(vec![0xe9]) });
/// assert_eq!(string_verdict(&[0x82, 0xc3, 0x29]), Verdict::Malformed { prefix: vec![] });
/// assert_eq!(string_verdict(&[0x83, 0x61, 0xc0, 0x80]), Verdict::Malformed { prefix: vec![0x61] });
/// assert_eq!(string_verdict(&[0x82, 0xe2, 0x82]), Verdict::Truncated);
/// ```
#[must_use]
pub fn string_verdict(bytes: &[u8]) -> Verdict {
    let Some(&first) = bytes.first() else {
        return Verdict::Truncated;
    };
    if first & 0x80 == 0 {
        // ASCII form: up to and including the first byte with bit 7 set.
        return match bytes.iter().position(|&b| b & 0x80 != 0) {
            Some(last) => Verdict::Valid {
                len: last + 1,
                units: Some(
                    bytes[..=last]
                        .iter()
                        .map(|&b| u16::from(b & 0x7f))
                        .collect(),
                ),
            },
            None => Verdict::Truncated,
        };
    }
    let Some((count, header)) = var_int_flag(bytes) else {
        return Verdict::Truncated;
    };
    let Some(n) = count.checked_sub(1) else {
        return Verdict::Valid {
            len: header,
            units: None,
        };
    };
    let mut pos = header;
    let mut units = Vec::new();
    // Each unit takes a byte at least, so a long count ends at the data's end.
    for _ in 0..n {
        match unit(&bytes[pos..]) {
            Unit::Decoded(u, len) => {
                units.push(u);
                pos += len;
            }
            Unit::Truncated => return Verdict::Truncated,
            Unit::Malformed => return Verdict::Malformed { prefix: units },
        }
    }
    Verdict::Valid {
        len: pos,
        units: Some(units),
    }
}

/// Whether the string at `bytes[0]` declares more UTF-16 units than bytes
/// remain after its header. Each unit takes a byte at least, so no reader
/// can complete it; Java may fail allocating the declared length first.
///
/// ```
/// use kryo5_interop::oracle::declared_past_end;
/// assert!(declared_past_end(&[0x84, 0x61, 0x62]));
/// assert!(!declared_past_end(&[0x83, 0x61, 0x62]));
/// assert!(!declared_past_end(&[0x61, 0x62]));
/// ```
#[must_use]
pub fn declared_past_end(bytes: &[u8]) -> bool {
    if bytes.first().is_none_or(|&b| b & 0x80 == 0) {
        return false;
    }
    var_int_flag(bytes)
        .is_some_and(|(count, header)| count.saturating_sub(1) as usize > bytes.len() - header)
}

/// Java's `readVarIntFlag(true)`: the value and its length in bytes (bit 6
/// of the first byte continues, then 7-bit groups; 5 bytes at most).
fn var_int_flag(bytes: &[u8]) -> Option<(u32, usize)> {
    let first = *bytes.first()?;
    let mut value = u32::from(first & 0x3f);
    let mut len = 1;
    if first & 0x40 != 0 {
        for shift in [6, 13, 20, 27] {
            let b = *bytes.get(len)?;
            len += 1;
            value |= u32::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                break;
            }
        }
    }
    Some((value, len))
}

enum Unit {
    Decoded(u16, usize),
    Truncated,
    Malformed,
}

/// One UTF-16 unit as Kryo writes it: `00..7f`; `c2..df` + one
/// continuation; `e0` + `a0..bf` + one, or `e1..ef` + two continuations
/// (surrogates included, each on its own: CESU-8).
fn unit(bytes: &[u8]) -> Unit {
    let Some(&lead) = bytes.first() else {
        return Unit::Truncated;
    };
    let (len, second, bits) = match lead {
        0x00..=0x7f => return Unit::Decoded(lead.into(), 1),
        0xc2..=0xdf => (2, 0x80..=0xbf, lead & 0x1f),
        0xe0 => (3, 0xa0..=0xbf, 0),
        0xe1..=0xef => (3, 0x80..=0xbf, lead & 0x0f),
        _ => return Unit::Malformed,
    };
    let mut value = u16::from(bits);
    for i in 1..len {
        let Some(&b) = bytes.get(i) else {
            return Unit::Truncated;
        };
        let ok = if i == 1 {
            second.contains(&b)
        } else {
            (0x80..=0xbf).contains(&b)
        };
        if !ok {
            return Unit::Malformed;
        }
        value = value << 6 | u16::from(b & 0x3f);
    }
    Unit::Decoded(value, len)
}

/// Whether `units` hold a surrogate without its partner (which a Rust
/// `String` cannot represent).
///
/// ```
/// assert!(kryo5_interop::oracle::has_lone_surrogate(&[0x61, 0xdc00]));
/// assert!(!kryo5_interop::oracle::has_lone_surrogate(&[0xd83d, 0xde00]));
/// ```
#[must_use]
pub fn has_lone_surrogate(units: &[u16]) -> bool {
    char::decode_utf16(units.iter().copied()).any(|c| c.is_err())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judges_the_spec_vectors() {
        let valid: &[&[u8]] = &[
            &[0x80],
            &[0x81],
            &[0x82, 0x00],
            &[0x83, 0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80],
            &[0x82, 0xed, 0xa0, 0x80],
            &[0x82, 0xef, 0xbf, 0xbf],
            &[0x82, 0xe0, 0xa0, 0x80],
            &[0x82, 0xdf, 0xbf],
        ];
        for v in valid {
            assert!(
                matches!(string_verdict(v), Verdict::Valid { len, .. } if len == v.len()),
                "{v:x?}"
            );
        }
        assert_eq!(
            string_verdict(&[0x83, 0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80]),
            Verdict::Valid {
                len: 7,
                units: Some(vec![0xd83d, 0xde00])
            }
        );
        let malformed: &[&[u8]] = &[
            &[0x83, 0xf0, 0x9f, 0x98, 0x80],
            &[0x82, 0xc3, 0x29],
            &[0x82, 0xc0, 0x80],
            &[0x82, 0xe0, 0x80, 0x80],
            &[0x83, 0x80, 0xbf],
        ];
        for v in malformed {
            assert!(
                matches!(string_verdict(v), Verdict::Malformed { .. }),
                "{v:x?}"
            );
        }
        for v in [
            &[][..],
            &[0x61],
            &[0xc0],
            &[0x83, 0x61],
            &[0x82, 0xed, 0xa0],
        ] {
            assert_eq!(string_verdict(v), Verdict::Truncated, "{v:x?}");
        }
    }
}
