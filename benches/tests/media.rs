//! The MediaContent benchmark cases do the job they are named for: kryo5
//! writes Java Kryo's bytes (pinned by the interop suite) and reads them
//! back, and every baseline round-trips the same value.

#[path = "../benches/support/media.rs"]
mod media;

use kryo5::io::Output;

#[test]
fn kryo5_cases_round_trip_in_every_setup() {
    let value = media::value();
    for (name, kryo) in media::SETUPS {
        let mut kryo = kryo();
        let mut out = Output::with_capacity(media::CAPACITY);
        // Twice on one Kryo and one output: the reused state changes nothing.
        let n = media::kryo5_write(&mut kryo, &mut out, &value).unwrap();
        let first = out.as_slice()[..n].to_vec();
        let n = media::kryo5_write(&mut kryo, &mut out, &value).unwrap();
        assert_eq!(out.as_slice()[..n], first, "{name}");
        assert_eq!(
            media::kryo5_read(&mut kryo, &first).unwrap(),
            value,
            "{name}"
        );
    }
}

#[test]
fn borrowed_reads_give_the_same_value() {
    let value = media::value();
    for (name, kryo) in &media::SETUPS[..media::BORROWED_SETUPS] {
        let mut kryo = kryo();
        let mut out = Output::with_capacity(media::CAPACITY);
        let n = media::kryo5_write(&mut kryo, &mut out, &value).unwrap();
        let bytes = out.as_slice()[..n].to_vec();
        for _ in 0..2 {
            let back = media::kryo5_read_borrowed(&mut kryo, &bytes).unwrap();
            assert_eq!(back.to_owned(), value, "{name}");
        }
    }
}

#[test]
fn baselines_round_trip_the_same_value() {
    let mirror = media::Mirror::from(&media::value());
    let encodings = media::encodings();
    let bytes = |name: &str| {
        encodings
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap()
            .1
            .clone()
    };
    assert_eq!(media::bincode_read(&bytes("bincode")).unwrap(), mirror);
    assert_eq!(media::speedy_read(&bytes("speedy")).unwrap(), mirror);
    assert_eq!(media::postcard_read(&bytes("postcard")).unwrap(), mirror);
    // Sizes, for the record: every encoding is of the same content.
    for (name, b) in &encodings {
        assert!(
            (150..media::CAPACITY).contains(&b.len()),
            "{name}: {} bytes",
            b.len()
        );
    }
}
