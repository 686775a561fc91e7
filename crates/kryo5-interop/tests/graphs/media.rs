//! The Rust side of `java/CasesMedia.java`: jvm-serializers' MediaContent
//! (the model and configurations are `kryo5_interop::media`, shared with
//! the benchmarks), written with both entry points under the four Kryo
//! setups of jvm-serializers and with the compatible field serializer.

use std::panic::{AssertUnwindSafe, catch_unwind};

use kryo5::borrow::StrRef;
use kryo5::io::{Input, Output};
use kryo5::{ErrorKind, In, Kryo};
use kryo5_interop::graph::{Case, Entry, Graphs, Report, hex_diff};
use kryo5_interop::media::{
    self, MediaContent, Player, kryo, kryo_auto, kryo_autorefs, kryo_compat, kryo_refs,
};
use kryo5_interop::media_ref::MediaContentRef;

/// A setup's case-name prefix and its Kryo.
type Setup = (&'static str, fn() -> Kryo);

/// A copyright, the other player, a null image title.
fn copyright() -> MediaContent {
    let mut c = media::standard();
    c.media.copyright = Some("© 2009 Sun Microsystems".into());
    c.media.player = Player::Flash;
    c.media.has_bitrate = false;
    c.images[1].title = None;
    c
}

/// Non-ASCII text everywhere (CJK, Cyrillic, a supplementary character),
/// extreme numbers.
fn unicode() -> MediaContent {
    let mut c = media::standard();
    let m = &mut c.media;
    m.uri = "http://例え.jp/キー/ノート.mpg".into();
    m.title = Some("Jávaone Kéynote 😀".into());
    m.format = "vidéo/мп4".into();
    m.width = i32::MIN;
    m.height = -1;
    m.duration = i64::MAX;
    m.size = i64::MIN;
    m.bitrate = i32::MAX;
    m.persons[0] = "Bïll Gätes".into();
    m.persons[1] = "史蒂夫·乔布斯 🍎".into();
    m.copyright = Some("ⓒ Sün".into());
    c.images[0].title = Some("大きい画像".into());
    c.images[1].uri = "http://javaone.com/kleines_bild_ä.jpg".into();
    c
}

/// No persons, no images.
fn empty() -> MediaContent {
    let mut c = media::standard();
    c.media.persons.clear();
    c.images.clear();
    c
}

/// Every case of `CasesMedia.java`: each value under each setup, with
/// `writeObject` (as jvm-serializers) and `writeClassAndObject`.
pub fn cases(g: &mut Graphs) {
    type Value = (&'static str, fn() -> MediaContent);
    let setups: [Setup; 5] = [
        ("", kryo),
        ("refs.", kryo_refs),
        ("auto.", kryo_auto),
        ("autorefs.", kryo_autorefs),
        ("compat.", kryo_compat),
    ];
    let values: [Value; 4] = [
        ("media", media::standard),
        ("media_copyright", copyright),
        ("media_unicode", unicode),
        ("media_empty", empty),
    ];
    for (setup, k) in setups {
        for (value, v) in values {
            let name = format!("{setup}{value}");
            g.add(Case::new(name.clone(), k, v()).entry(Entry::Object))
                .add(Case::new(name, k, v()));
        }
    }
}

/// Reads Java's bytes of every case (but the compatible setup's) into the
/// borrowed twins (`kryo5_interop::media_ref`), from a slice and from a
/// stream, and compares them field by field with the owned read; every
/// truncation must fail with a typed `UnexpectedEnd`, and changed bytes
/// must never panic. Returns the failures.
pub fn borrowed_reads(report: &Report) -> Vec<String> {
    let mut failures = Vec::new();
    let setups: [Setup; 4] = [
        ("", kryo),
        ("refs.", kryo_refs),
        ("auto.", kryo_auto),
        ("autorefs.", kryo_autorefs),
    ];
    let mut borrowed_strings = 0;
    for (setup, k) in setups {
        for value in ["media", "media_copyright", "media_unicode", "media_empty"] {
            for entry in [Entry::Object, Entry::ClassAndObject] {
                let mut name = format!("{setup}{value}");
                if entry == Entry::Object {
                    name.push_str(" (writeObject)");
                }
                let java = report.java_bytes(&name);
                let mut fail = |what: String| failures.push(format!("{name}: {what}"));
                let owned = match read_owned(&mut k(), entry, java) {
                    Ok(v) => v,
                    Err(e) => {
                        fail(format!("owned read failed: {e}"));
                        continue;
                    }
                };
                match read_borrowed(&mut k(), entry, &mut Input::new(java)) {
                    Ok((v, used)) => {
                        if v.to_owned() != owned {
                            fail(format!("borrowed read {v:?}, owned read {owned:?}"));
                        }
                        if used != java.len() as u64 {
                            fail(format!("borrowed read used {used} of {} bytes", java.len()));
                        }
                        match write_borrowed(&mut k(), entry, &v) {
                            Ok(again) if again == java => {}
                            Ok(again) => fail(format!(
                                "the borrowed value wrote other bytes than Java: {}",
                                hex_diff("java", java, "borrowed", &again).unwrap_or_default()
                            )),
                            Err(e) => fail(format!("the borrowed value cannot be written: {e}")),
                        }
                        borrowed_strings += v
                            .images
                            .iter()
                            .filter(|i| matches!(i.uri, StrRef::Borrowed(_)))
                            .count();
                    }
                    Err(e) => fail(format!("borrowed read failed: {e}")),
                }
                let mut stream = Input::from_reader(java);
                match read_borrowed(&mut k(), entry, &mut stream) {
                    Ok((v, _)) if v.to_owned() == owned => {}
                    Ok((v, _)) => fail(format!("borrowed read from a stream gave {v:?}")),
                    Err(e) => fail(format!("borrowed read from a stream failed: {e}")),
                }
                sweep(&mut k(), entry, java, &mut fail);
            }
        }
    }
    // Image URIs (longer than 32 characters: UTF-8 form) are all borrowed:
    // 4 setups, 3 values with images, 2 entry points, 2 images.
    if borrowed_strings != 48 {
        failures.push(format!(
            "{borrowed_strings} of 48 image URIs were borrowed from the input"
        ));
    }
    failures
}

/// Truncations fail with `UnexpectedEnd` at or before the end; changed
/// bytes never panic; the same Kryo then still reads the whole bytes.
fn sweep(kryo: &mut Kryo, entry: Entry, java: &[u8], fail: &mut impl FnMut(String)) {
    for len in 0..java.len() {
        match read_borrowed(kryo, entry, &mut Input::new(&java[..len])) {
            Ok(_) => fail(format!(
                "truncated to {len} bytes, the borrowed read succeeded"
            )),
            Err(e) => {
                let typed = matches!(
                    e.kind(),
                    ErrorKind::Buffer(kryo5::io::ErrorKind::UnexpectedEnd { .. })
                );
                if !typed || e.offset().is_none_or(|at| at > len as u64) {
                    fail(format!("truncated to {len} bytes: {e}"));
                }
            }
        }
    }
    let mut bytes = java.to_vec();
    for i in 0..java.len() {
        for b in [0x00, 0x01, 0x02, 0x7f, 0x80, 0xff, java[i] ^ 0x80] {
            bytes[i] = b;
            let r = catch_unwind(AssertUnwindSafe(|| {
                drop(read_borrowed(kryo, entry, &mut Input::new(&bytes)));
            }));
            if r.is_err() {
                fail(format!(
                    "byte {i} set to {b:#04x}: the borrowed read panicked"
                ));
            }
        }
        bytes[i] = java[i];
    }
    if let Err(e) = read_borrowed(kryo, entry, &mut Input::new(java)) {
        fail(format!("after the sweep, the borrowed read failed: {e}"));
    }
}

fn read_owned(kryo: &mut Kryo, entry: Entry, java: &[u8]) -> kryo5::Result<MediaContent> {
    let mut input = Input::new(java);
    match entry {
        Entry::Object => kryo.read_object(&mut input),
        Entry::ClassAndObject => kryo
            .read_class_and_object_as(&mut input)?
            .ok_or_else(|| kryo5::Error::new(ErrorKind::UnexpectedNull("the root"))),
    }
}

/// A borrowed read with `entry`; the value and the bytes consumed.
fn read_borrowed<'de, I: In<'de>>(
    kryo: &mut Kryo,
    entry: Entry,
    input: &mut I,
) -> kryo5::Result<(MediaContentRef<'de>, u64)> {
    let v = match entry {
        Entry::Object => kryo.read_object_borrowed(input)?,
        Entry::ClassAndObject => kryo
            .read_class_and_object_borrowed(input, false)?
            .ok_or_else(|| kryo5::Error::new(ErrorKind::UnexpectedNull("the root")))?,
    };
    Ok((v, input.total()))
}

/// Writes a borrowed value with `entry`.
fn write_borrowed(
    kryo: &mut Kryo,
    entry: Entry,
    v: &MediaContentRef<'_>,
) -> kryo5::Result<Vec<u8>> {
    let mut out = Output::new();
    match entry {
        Entry::Object => kryo.write_object_borrowed(&mut out, v)?,
        Entry::ClassAndObject => kryo.write_class_and_object_borrowed(&mut out, Some(v), false)?,
    }
    Ok(out.into_vec())
}

/// The compatible serializer's layout is not read borrowed: a typed error.
pub fn borrowed_compat_is_refused(report: &Report) -> Result<(), String> {
    let java = report.java_bytes("compat.media (writeObject)");
    match read_borrowed(&mut kryo_compat(), Entry::Object, &mut Input::new(java)) {
        Err(e) if matches!(e.kind(), ErrorKind::Unsupported(_)) => Ok(()),
        other => Err(format!("compat.media read borrowed: {other:?}")),
    }
}
