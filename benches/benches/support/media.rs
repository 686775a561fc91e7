//! jvm-serializers' MediaContent for the `media` suites (criterion and
//! iai-callgrind) and their test: the measured functions, kryo5's and the
//! crates.io baselines', shared so that every suite measures the same code.
//!
//! kryo5 writes and reads `kryo5_interop::media` (the model the interop
//! suite proves byte-exact against Java Kryo), with jvm-serializers' Kryo
//! setups: [`kryo5_interop::media::kryo`] (references off) and
//! [`kryo5_interop::media::kryo_refs`] (on), and with the compatible field
//! serializer ([`kryo5_interop::media::kryo_compat`]). bincode 2 (its own derive,
//! standard config: varints), speedy (little-endian, fixed-width integers)
//! and postcard (serde, varints) encode [`Mirror`], the same structs with
//! those crates' derives, converted once outside the measured code.
//!
//! Writes go into a buffer reused across calls (kryo5: an `Output` reset
//! per call; baselines: a slice); reads build the owned structs, strings and
//! vectors included, as an application would; the borrowed read builds
//! the zero-copy twins instead.

use kryo5::Kryo;
use kryo5::io::{Input, Output};
use kryo5_interop::media as model;
use kryo5_interop::media_ref::MediaContentRef;

/// The mirror of [`model::MediaContent`] the baselines encode.
pub(crate) type Mirror = mirror::MediaContent;

/// Plain Rust copies of the model with the baselines' derives.
pub(crate) mod mirror {
    use bincode::{Decode, Encode};
    use serde::{Deserialize, Serialize};
    use speedy::{Readable, Writable};

    use super::model;

    /// `MediaContent`.
    #[derive(
        Clone, Debug, PartialEq, Encode, Decode, Serialize, Deserialize, Readable, Writable,
    )]
    pub(crate) struct MediaContent {
        pub(crate) media: Media,
        pub(crate) images: Vec<Image>,
    }

    /// `Media`.
    #[derive(
        Clone, Debug, PartialEq, Encode, Decode, Serialize, Deserialize, Readable, Writable,
    )]
    pub(crate) struct Media {
        pub(crate) uri: String,
        pub(crate) title: Option<String>,
        pub(crate) width: i32,
        pub(crate) height: i32,
        pub(crate) format: String,
        pub(crate) duration: i64,
        pub(crate) size: i64,
        pub(crate) bitrate: i32,
        pub(crate) has_bitrate: bool,
        pub(crate) persons: Vec<String>,
        pub(crate) player: Player,
        pub(crate) copyright: Option<String>,
    }

    /// `Media.Player`.
    #[derive(
        Clone, Copy, Debug, PartialEq, Encode, Decode, Serialize, Deserialize, Readable, Writable,
    )]
    pub(crate) enum Player {
        Java,
        Flash,
    }

    /// `Image`.
    #[derive(
        Clone, Debug, PartialEq, Encode, Decode, Serialize, Deserialize, Readable, Writable,
    )]
    pub(crate) struct Image {
        pub(crate) uri: String,
        pub(crate) title: Option<String>,
        pub(crate) width: i32,
        pub(crate) height: i32,
        pub(crate) size: Size,
    }

    /// `Image.Size`.
    #[derive(
        Clone, Copy, Debug, PartialEq, Encode, Decode, Serialize, Deserialize, Readable, Writable,
    )]
    pub(crate) enum Size {
        Small,
        Large,
    }

    impl From<&model::MediaContent> for MediaContent {
        fn from(c: &model::MediaContent) -> Self {
            let m = &c.media;
            MediaContent {
                media: Media {
                    uri: m.uri.clone(),
                    title: m.title.clone(),
                    width: m.width,
                    height: m.height,
                    format: m.format.clone(),
                    duration: m.duration,
                    size: m.size,
                    bitrate: m.bitrate,
                    has_bitrate: m.has_bitrate,
                    persons: m.persons.clone(),
                    player: match m.player {
                        model::Player::Java => Player::Java,
                        model::Player::Flash => Player::Flash,
                    },
                    copyright: m.copyright.clone(),
                },
                images: c
                    .images
                    .iter()
                    .map(|i| Image {
                        uri: i.uri.clone(),
                        title: i.title.clone(),
                        width: i.width,
                        height: i.height,
                        size: match i.size {
                            model::Size::Small => Size::Small,
                            model::Size::Large => Size::Large,
                        },
                    })
                    .collect(),
            }
        }
    }
}

/// A kryo5 setup: its benchmark id and its Kryo.
pub(crate) type Setup = (&'static str, fn() -> Kryo);

/// The setups measured (jvm-serializers' registrations, references off and
/// on; then the compatible field serializer as the default, references off).
pub(crate) const SETUPS: [Setup; 3] = [
    ("kryo5", model::kryo),
    ("kryo5_refs", model::kryo_refs),
    ("kryo5_compat", model::kryo_compat),
];

/// The value measured: jvm-serializers' standard MediaContent.
pub(crate) fn value() -> model::MediaContent {
    model::standard()
}

/// Room for any encoding of [`value`] (each is about 200 bytes).
pub(crate) const CAPACITY: usize = 512;

/// kryo5: `writeObject` into `out`, reset first; returns the length.
#[inline(never)]
pub(crate) fn kryo5_write(
    kryo: &mut Kryo,
    out: &mut Output,
    value: &model::MediaContent,
) -> kryo5::Result<usize> {
    out.reset();
    kryo.write_object(out, value)?;
    Ok(out.position())
}

/// kryo5: `readObject` of `bytes` into owned structs.
#[inline(never)]
pub(crate) fn kryo5_read(kryo: &mut Kryo, bytes: &[u8]) -> kryo5::Result<model::MediaContent> {
    kryo.read_object(&mut Input::new(bytes))
}

/// The [`SETUPS`] whose layout the borrowed structs read (all but the
/// compatible field serializer's).
pub(crate) const BORROWED_SETUPS: usize = 2;

/// kryo5: `readObject` of `bytes` into the borrowed structs of
/// [`kryo5_interop::media_ref`] (strings borrowed from `bytes`, short
/// ASCII ones copied inline: no allocation but the two lists).
#[inline(never)]
pub(crate) fn kryo5_read_borrowed<'a>(
    kryo: &mut Kryo,
    bytes: &'a [u8],
) -> kryo5::Result<MediaContentRef<'a>> {
    kryo.read_object_borrowed(&mut Input::new(bytes))
}

/// bincode 2's standard configuration (little-endian, varints).
const BINCODE: bincode::config::Configuration = bincode::config::standard();

/// bincode 2 into `buf`; returns the length.
#[inline(never)]
pub(crate) fn bincode_write(
    buf: &mut [u8],
    value: &Mirror,
) -> Result<usize, bincode::error::EncodeError> {
    bincode::encode_into_slice(value, buf, BINCODE)
}

/// bincode 2 from `bytes`.
#[inline(never)]
pub(crate) fn bincode_read(bytes: &[u8]) -> Result<Mirror, bincode::error::DecodeError> {
    bincode::decode_from_slice(bytes, BINCODE).map(|(v, _)| v)
}

/// speedy into `buf` (speedy sizes the value first, then writes).
#[inline(never)]
pub(crate) fn speedy_write(buf: &mut [u8], value: &Mirror) -> Result<(), speedy::Error> {
    speedy::Writable::<speedy::LittleEndian>::write_to_buffer(value, buf)
}

/// speedy from `bytes`.
#[inline(never)]
pub(crate) fn speedy_read(bytes: &[u8]) -> Result<Mirror, speedy::Error> {
    speedy::Readable::<speedy::LittleEndian>::read_from_buffer(bytes)
}

/// postcard into `buf`; returns the length.
#[inline(never)]
pub(crate) fn postcard_write(buf: &mut [u8], value: &Mirror) -> Result<usize, postcard::Error> {
    postcard::to_slice(value, buf).map(|b| b.len())
}

/// postcard from `bytes`.
#[inline(never)]
pub(crate) fn postcard_read(bytes: &[u8]) -> Result<Mirror, postcard::Error> {
    postcard::from_bytes(bytes)
}

/// Each encoding of [`value`]: kryo5's per setup, then bincode's, speedy's
/// and postcard's, by name (the measured reads' inputs).
pub(crate) fn encodings() -> Vec<(&'static str, Vec<u8>)> {
    let v = value();
    let mirror = Mirror::from(&v);
    let mut all = Vec::new();
    for (name, kryo) in SETUPS {
        let mut out = Output::with_capacity(CAPACITY);
        let n = kryo5_write(&mut kryo(), &mut out, &v).expect("kryo5 writes MediaContent");
        all.push((name, out.as_slice()[..n].to_vec()));
    }
    let mut buf = vec![0; CAPACITY];
    let n = bincode_write(&mut buf, &mirror).expect("bincode writes");
    all.push(("bincode", buf[..n].to_vec()));
    speedy_write(&mut buf, &mirror).expect("speedy writes");
    let n = speedy::Writable::<speedy::LittleEndian>::bytes_needed(&mirror).expect("sized");
    all.push(("speedy", buf[..n].to_vec()));
    let n = postcard_write(&mut buf, &mirror).expect("postcard writes");
    all.push(("postcard", buf[..n].to_vec()));
    all
}
