//! `BlowfishSerializer` on bad input (wrong key, truncated ciphertext, bad
//! padding), keys, streams and the rest-of-input rule. Java's bytes from
//! the format spec (11.2) anchor the tests; the byte-identical writes in
//! every direction are kryo5-interop's graph tests (`CasesBlowfish.java`).

use kryo5::io::{Input, Output};
use kryo5::serializers::blowfish::BlowfishSerializer;
use kryo5::{ErrorKind, Kryo};

const KEY: &[u8] = b"0123456789abcdef";
/// Java's `BlowfishSerializer(StringSerializer, KEY)` of `"hello"`.
const HELLO: [u8; 8] = [0xc6, 0x32, 0x8c, 0xb4, 0x3e, 0x5a, 0xfb, 0x7f];

fn kryo(key: &[u8]) -> Kryo {
    let mut k = Kryo::new();
    k.set_serializer::<String, _>(BlowfishSerializer::new(key).unwrap());
    k
}

fn encrypted(k: &mut Kryo, s: &str) -> Vec<u8> {
    let mut out = Output::new();
    k.write_object(&mut out, &s.to_owned()).unwrap();
    out.into_vec()
}

fn read(k: &mut Kryo, bytes: &[u8]) -> kryo5::Result<String> {
    k.read_object::<String, _>(&mut Input::new(bytes))
}

fn is_unexpected_end(e: &kryo5::Error) -> bool {
    matches!(
        e.kind(),
        ErrorKind::Buffer(kryo5::io::ErrorKind::UnexpectedEnd { .. })
    )
}

fn is_bad_padding(e: &kryo5::Error) -> bool {
    matches!(e.kind(), ErrorKind::InvalidData(m) if m.contains("padding"))
}

#[test]
fn javas_bytes_read_and_write() {
    let mut k = kryo(KEY);
    assert_eq!(encrypted(&mut k, "hello"), HELLO);
    assert_eq!(read(&mut k, &HELLO).unwrap(), "hello");
}

#[test]
fn a_wrong_key_is_a_padding_error_at_the_ciphertext() {
    for key in [&b"0123456789abcdeF"[..], b"abcd", b"0123456789abcdef0"] {
        let err = read(&mut kryo(key), &HELLO).unwrap_err();
        assert!(is_bad_padding(&err), "key {key:?}: {err}");
        assert_eq!(err.offset(), Some(0), "{err}");
    }
}

#[test]
fn keys_have_4_to_56_bytes() {
    for len in [0, 3, 57, 100] {
        let err = BlowfishSerializer::<String>::new(&vec![1; len])
            .err()
            .unwrap();
        assert!(
            matches!(err.kind(), ErrorKind::InvalidArgument(m) if m.contains(&len.to_string())),
            "{err}"
        );
    }
    for len in [4, 7, 16, 56] {
        assert!(BlowfishSerializer::<String>::new(&vec![1; len]).is_ok());
    }
}

/// Java keeps one static key for all instances; kryo5 keeps each one's.
#[test]
fn each_serializer_keeps_its_own_key() {
    let mut k = kryo(KEY);
    k.register::<Vec<u8>>();
    k.set_serializer::<Vec<u8>, _>(BlowfishSerializer::new(b"another key").unwrap());
    assert_eq!(encrypted(&mut k, "hello"), HELLO);
    let mut out = Output::new();
    k.write_object(&mut out, &b"hello".to_vec()).unwrap();
    assert_ne!(out.as_slice()[..8], HELLO);
    assert_eq!(
        k.read_object::<Vec<u8>, _>(&mut Input::new(out.as_slice()))
            .unwrap(),
        b"hello"
    );
}

#[test]
fn truncated_ciphertext_is_an_error_never_a_value() {
    let mut k = kryo(KEY);
    let text = "kryo blowfish ".repeat(40);
    let bytes = encrypted(&mut k, &text);
    assert_eq!(bytes.len(), 568);
    for len in 0..bytes.len() {
        let err = read(&mut k, &bytes[..len]).unwrap_err();
        if len % 8 != 0 || len == 0 {
            assert!(is_unexpected_end(&err), "truncated to {len}: {err}");
            assert_eq!(err.offset(), Some(0), "{err}");
        }
    }
    assert_eq!(read(&mut k, &bytes).unwrap(), text);
}

#[test]
fn corrupt_last_blocks_fail_their_padding_check() {
    let mut k = kryo(KEY);
    let bytes = encrypted(&mut k, &"x".repeat(30));
    // The last ciphertext block decrypts to noise: no valid padding.
    for i in bytes.len() - 8..bytes.len() {
        let mut bad = bytes.clone();
        bad[i] ^= 0x01;
        let err = read(&mut k, &bad).unwrap_err();
        assert!(is_bad_padding(&err), "byte {i}: {err}");
    }
    // Anything else is an error or a value, never a panic.
    for i in 0..bytes.len() {
        for flip in [0x01, 0x80, 0xff] {
            let mut bad = bytes.clone();
            bad[i] ^= flip;
            let _ = read(&mut k, &bad);
        }
    }
}

#[test]
fn the_ciphertext_is_the_rest_of_the_input() {
    let mut k = kryo(KEY);
    // A stream input: the reader takes everything up to the end.
    let bytes = encrypted(&mut k, &"s".repeat(5000));
    let mut input = Input::from_reader_capacity(&bytes[..], 64);
    assert_eq!(k.read_object::<String, _>(&mut input).unwrap().len(), 5000);
    // Anything after the ciphertext is taken for ciphertext.
    let mut out = Output::new();
    k.write_object(&mut out, &String::from("hello")).unwrap();
    out.write_int(7).unwrap();
    let err = read(&mut k, out.as_slice()).unwrap_err();
    assert!(is_unexpected_end(&err), "{err}");
}

#[test]
fn copies_go_through_the_wrapped_serializer() {
    let mut k = kryo(KEY);
    assert_eq!(k.copy(&String::from("hello")).unwrap(), "hello");
}
