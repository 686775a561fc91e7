//! String writes: Kryo's `writeString`, `writeAscii`, and the lossless
//! UTF-16 variant (format spec section 2).

use kryo5_arch::{scalar, text};

use super::OutputBuffer;
use super::sink::Sink;
use crate::error::{ErrorKind, Result};
use crate::flavour::Flavour;

/// A string to write: Rust UTF-8 or Java UTF-16 units.
#[derive(Clone, Copy)]
enum Text<'a> {
    Utf8(&'a str),
    Utf16(&'a [u16]),
}

impl<'a> Text<'a> {
    /// UTF-16 units, and whether all of them are ASCII.
    fn measure(self) -> (usize, bool) {
        match self {
            Text::Utf8(s) => {
                let units = text::utf16_len(s);
                // Every non-ASCII character has fewer units than bytes.
                (units, units == s.len())
            }
            Text::Utf16(u) => (u.len(), u.iter().all(|&c| c < 0x80)),
        }
    }

    /// CESU-8 length of the whole text.
    fn cesu8_len(self) -> usize {
        match self {
            Text::Utf8(s) => text::cesu8_len(s),
            Text::Utf16(u) => u.iter().map(|&c| unit_len(c)).sum(),
        }
    }

    /// Writes the whole text as CESU-8 into `dst` (of [`Self::cesu8_len`]).
    fn encode(self, dst: &mut [u8]) {
        match self {
            Text::Utf8(s) => {
                text::utf8_to_cesu8(s, dst);
            }
            Text::Utf16(u) => {
                let mut pos = 0;
                let mut scratch = [0u8; 3];
                for &c in u {
                    let n = text::encode_unit(c, &mut scratch);
                    dst[pos..pos + n].copy_from_slice(&scratch[..n]);
                    pos += n;
                }
            }
        }
    }

    /// Copies the ASCII text's bytes (at most 32 units) into `dst`.
    fn ascii_bytes<'b>(self, dst: &'b mut [u8; 32]) -> &'b [u8]
    where
        'a: 'b,
    {
        match self {
            Text::Utf8(s) => s.as_bytes(),
            Text::Utf16(u) => {
                for (d, &c) in dst.iter_mut().zip(u) {
                    *d = c as u8;
                }
                &dst[..u.len()]
            }
        }
    }
}

/// The longest ASCII string [`write_string`](OutputBuffer::write_string)
/// copies inline: Kryo's ASCII form goes to 32 characters; from 33 to here
/// the string is written in its UTF-8 form, whose length header is then one
/// byte (`0x80 | (n + 1)`). Longer strings go to the dispatched kernels.
const INLINE_ASCII: usize = 62;

/// Copies `src` (2..=[`INLINE_ASCII`] bytes) into `dst` (of the same length)
/// with word copies (the last one overlapping), answering whether it was
/// all ASCII. On `false`, `dst` is left to be overwritten.
#[inline(always)]
fn copy_ascii(src: &[u8], dst: &mut [u8]) -> bool {
    const HIGH: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;
    let n = src.len();
    if n >= 16 {
        let mut seen = 0u128;
        let mut i = 0;
        while i + 16 < n {
            let Some(a) = src[i..].first_chunk::<16>() else {
                return false;
            };
            let a = u128::from_le_bytes(*a);
            dst[i..i + 16].copy_from_slice(&a.to_le_bytes());
            seen |= a;
            i += 16;
        }
        let Some(b) = src.last_chunk::<16>() else {
            return false;
        };
        let b = u128::from_le_bytes(*b);
        dst[n - 16..n].copy_from_slice(&b.to_le_bytes());
        (seen | b) & HIGH == 0
    } else if n >= 8 {
        let (Some(a), Some(b)) = (src.first_chunk::<8>(), src.last_chunk::<8>()) else {
            return false;
        };
        let (a, b) = (u64::from_le_bytes(*a), u64::from_le_bytes(*b));
        dst[..8].copy_from_slice(&a.to_le_bytes());
        dst[n - 8..n].copy_from_slice(&b.to_le_bytes());
        (a | b) & 0x8080_8080_8080_8080 == 0
    } else {
        dst[..n].copy_from_slice(src);
        src.iter().fold(0, |acc, &x| acc | x) < 0x80
    }
}

/// CESU-8 bytes of one UTF-16 unit.
fn unit_len(c: u16) -> usize {
    if c < 0x80 {
        1
    } else if c < 0x800 {
        2
    } else {
        3
    }
}

impl<S: Sink, F: Flavour> OutputBuffer<S, F> {
    /// Kryo's `writeString`: `None` is Java's `null`.
    ///
    /// 2 to 32 ASCII characters are written as bytes with bit 7 set on the
    /// last; anything else as `varint-flag(true, utf16_len + 1)` followed by
    /// CESU-8 (supplementary characters as two 3-byte surrogates).
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_string(None)?;
    /// out.write_string(Some("ab"))?;
    /// out.write_string(Some("é"))?;
    /// out.write_string(Some("😀"))?;
    /// assert_eq!(out.as_slice(), &[
    ///     0x80,
    ///     0x61, 0xe2,
    ///     0x82, 0xc3, 0xa9,
    ///     0x83, 0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80,
    /// ]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::BufferOverflow`] past the maximum size (for
    /// [`Memory`](super::sink::Memory) nothing of the string is kept), or a
    /// sink error.
    #[inline(always)]
    pub fn write_string(&mut self, value: Option<&str>) -> Result<()> {
        // Fast paths: `null`, Kryo's ASCII form (2..=32 ASCII characters)
        // and short ASCII in the UTF-8 form, when they fit in the buffer, so
        // no flush can happen, as in Java.
        match value {
            Some(s) => {
                let n = s.len();
                if (2..=32).contains(&n)
                    && let Some(dst) = self.buf.get_mut(self.pos..self.pos + n)
                    && copy_ascii(s.as_bytes(), dst)
                {
                    dst[n - 1] |= 0x80;
                    self.pos += n;
                    return Ok(());
                }
                if (33..=INLINE_ASCII).contains(&n)
                    && let Some(dst) = self.buf.get_mut(self.pos..=self.pos + n)
                    && copy_ascii(s.as_bytes(), &mut dst[1..])
                {
                    dst[0] = 0x80 | (n as u8 + 1);
                    self.pos += n + 1;
                    return Ok(());
                }
            }
            None => {
                if let Some(dst) = self.buf.get_mut(self.pos) {
                    *dst = 0x80;
                    self.pos += 1;
                    return Ok(());
                }
            }
        }
        self.write_string_slow(value)
    }

    #[inline(never)]
    fn write_string_slow(&mut self, value: Option<&str>) -> Result<()> {
        match value {
            None => self.write_byte(0x80),
            Some(s) => self.write_text(Text::Utf8(s)),
        }
    }

    /// [`write_string`](Self::write_string) for a Java string given as UTF-16
    /// units, which may hold lone surrogates (written as 3 bytes each, as
    /// Java does).
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_string_utf16(Some(&[0xd800]))?;
    /// assert_eq!(out.as_slice(), &[0x82, 0xed, 0xa0, 0x80]);
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`write_string`](Self::write_string).
    pub fn write_string_utf16(&mut self, value: Option<&[u16]>) -> Result<()> {
        match value {
            None => self.write_byte(0x80),
            Some(u) => self.write_text(Text::Utf16(u)),
        }
    }

    /// Kryo's `writeAscii`: for text known to be ASCII (class names). Two or
    /// more characters are written without a length, bit 7 set on the last
    /// byte, whatever the length; `None`, `""` and one character as
    /// [`write_string`](Self::write_string).
    ///
    /// ```
    /// let mut out = kryo5_io::Output::new();
    /// out.write_ascii(Some("java.lang.Q"))?;
    /// assert_eq!(out.as_slice().last(), Some(&(b'Q' | 0x80)));
    /// # Ok::<(), kryo5_io::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::InvalidArgument`] if the text is not ASCII (Java would
    /// write bytes it cannot read back); otherwise as
    /// [`write_string`](Self::write_string).
    pub fn write_ascii(&mut self, value: Option<&str>) -> Result<()> {
        let Some(s) = value else {
            return self.write_byte(0x80);
        };
        let bytes = s.as_bytes();
        if !text::is_ascii(bytes) {
            return Err(self.error(ErrorKind::InvalidArgument("write_ascii needs ASCII text")));
        }
        match bytes {
            [] => self.write_byte(0x81),
            [c] => self.put([0x82, *c]),
            _ => self.write_ascii_form(bytes),
        }
    }

    /// Bytes with bit 7 set on the last one (Java's ASCII form). On a stream
    /// the buffer fills and flushes as Java's `writeAscii_slow` does.
    fn write_ascii_form(&mut self, bytes: &[u8]) -> Result<()> {
        self.write_bytes(bytes)?;
        self.buf[self.pos - 1] |= 0x80;
        Ok(())
    }

    fn write_text(&mut self, t: Text<'_>) -> Result<()> {
        let (units, ascii) = t.measure();
        if units == 0 {
            return self.write_byte(0x81);
        }
        if ascii && (2..=32).contains(&units) {
            let mut scratch = [0u8; 32];
            return self.write_ascii_form(t.ascii_bytes(&mut scratch));
        }
        let header = u32::try_from(units)
            .ok()
            .and_then(|u| i32::try_from(u + 1).ok())
            .ok_or_else(|| {
                self.error(ErrorKind::InvalidArgument(
                    "string longer than a Java string",
                ))
            })?;
        let body_len = if ascii { units } else { t.cesu8_len() };
        if !S::STREAM {
            // One reservation for header and body: all or nothing.
            let header_len = scalar::var_flag_len(header as u32);
            self.require(header_len + body_len)?;
        }
        self.write_var_int_flag(true, header, true)?;
        if body_len <= self.spare() {
            let dst = &mut self.buf[self.pos..self.pos + body_len];
            match t {
                Text::Utf8(s) if ascii => dst.copy_from_slice(s.as_bytes()),
                _ => t.encode(dst),
            }
            self.pos += body_len;
            return Ok(());
        }
        if ascii {
            let mut scratch = Vec::new();
            let bytes = match t {
                Text::Utf8(s) => s.as_bytes(),
                Text::Utf16(u) => {
                    scratch.extend(u.iter().map(|&c| c as u8));
                    &scratch
                }
            };
            return self.write_bytes(bytes);
        }
        self.write_cesu8_split(t, units)
    }

    /// Java's `writeString` body when it does not fit in the space left: the
    /// ASCII prefix if all units fit, then unit by unit, flushing as Java's
    /// `writeUtf8_slow` does (a 3-byte unit may be cut after its first byte).
    #[cold]
    fn write_cesu8_split(&mut self, t: Text<'_>, units: usize) -> Result<()> {
        let mut done = 0;
        if self.spare() >= units {
            let prefix = match t {
                Text::Utf8(s) => text::first_non_ascii(s.as_bytes()),
                Text::Utf16(u) => u.iter().position(|&c| c >= 0x80).unwrap_or(u.len()),
            };
            let dst = &mut self.buf[self.pos..self.pos + prefix];
            match t {
                Text::Utf8(s) => dst.copy_from_slice(&s.as_bytes()[..prefix]),
                Text::Utf16(u) => {
                    for (d, &c) in dst.iter_mut().zip(u) {
                        *d = c as u8;
                    }
                }
            }
            self.pos += prefix;
            done = prefix;
        }
        match t {
            Text::Utf8(s) => {
                for unit in s[done..].encode_utf16() {
                    self.write_unit_split(unit, units - done)?;
                    done += 1;
                }
            }
            Text::Utf16(u) => {
                for &unit in &u[done..] {
                    self.write_unit_split(unit, units - done)?;
                    done += 1;
                }
            }
        }
        Ok(())
    }

    /// One unit of Java's `writeUtf8_slow`; `left` counts it and those after.
    fn write_unit_split(&mut self, unit: u16, left: usize) -> Result<()> {
        if self.pos == self.buf.len() {
            self.require(self.buf.len().min(left).max(1))?;
        }
        let mut b = [0u8; 3];
        let n = text::encode_unit(unit, &mut b);
        self.buf[self.pos] = b[0];
        self.pos += 1;
        match n {
            1 => {}
            2 => self.put([b[1]])?,
            _ => {
                self.require(2)?;
                self.buf[self.pos..self.pos + 2].copy_from_slice(&b[1..3]);
                self.pos += 2;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::Output;

    /// `write_string`'s inline paths give the bytes of the general path
    /// (`write_string_utf16` always takes it): ASCII of every length around
    /// the 32- and 62-byte limits, and one non-ASCII character anywhere.
    #[test]
    fn inline_paths_match_the_general_path() {
        let mut texts: Vec<String> = (0..=80).map(|n| "k".repeat(n)).collect();
        for at in 0..40 {
            let mut s: Vec<char> = "x".repeat(40).chars().collect();
            s[at] = 'é';
            texts.push(s.into_iter().collect());
        }
        for text in &texts {
            let units: Vec<u16> = text.encode_utf16().collect();
            let (mut fast, mut general) = (Output::new(), Output::new());
            fast.write_string(Some(text)).unwrap();
            general.write_string_utf16(Some(&units)).unwrap();
            assert_eq!(fast.as_slice(), general.as_slice(), "{text:?}");
        }
        let mut null = Output::new();
        null.write_string(None).unwrap();
        assert_eq!(null.as_slice(), &[0x80]);
    }
}
