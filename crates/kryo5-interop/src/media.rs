//! The MediaContent graph of the jvm-serializers benchmark, as kryo5 types:
//! the model mirrored from `java/CasesMedia.java`, its standard value, and
//! the Kryo configurations of jvm-serializers' Kryo setups. The interop
//! suite proves these bytes against Java (`tests/graphs/media.rs`); the
//! benchmarks (`benches/benches/media.rs`) time them.
//!
//! ```
//! use kryo5::io::{Input, Output};
//! use kryo5_interop::media::{self, MediaContent};
//!
//! let mut kryo = media::kryo();
//! let mut out = Output::new();
//! kryo.write_object(&mut out, &media::standard())?;
//! let back: MediaContent = kryo.read_object(&mut Input::new(out.as_slice()))?;
//! assert_eq!(back, media::standard());
//! # Ok::<(), kryo5::Error>(())
//! ```

use kryo5::serializers::compatible::CompatibleConfig;
use kryo5::serializers::list::ArrayList;
use kryo5::{DefaultSerializer, Kryo};

/// `MediaContent`: one video and its images.
#[derive(Kryo, Clone, Debug, Default, PartialEq)]
#[kryo(class = "CasesMedia$MediaContent")]
pub struct MediaContent {
    /// The video.
    pub media: Media,
    /// Its images (Java: `List<Image>`, an `ArrayList`).
    #[kryo(list)]
    pub images: Vec<Image>,
}

/// `Media`: a video.
#[derive(Kryo, Clone, Debug, Default, PartialEq)]
#[kryo(class = "CasesMedia$Media")]
pub struct Media {
    /// Where it is.
    pub uri: String,
    /// Its title, if any.
    pub title: Option<String>,
    /// Width in pixels.
    pub width: i32,
    /// Height in pixels.
    pub height: i32,
    /// Container format.
    pub format: String,
    /// Length in ms.
    pub duration: i64,
    /// Size in bytes.
    pub size: i64,
    /// Bits per second, if `has_bitrate`.
    pub bitrate: i32,
    /// Whether `bitrate` is known.
    #[kryo(rename = "hasBitrate")]
    pub has_bitrate: bool,
    /// Who is in it (Java: `List<String>`, an `ArrayList`).
    #[kryo(list)]
    pub persons: Vec<String>,
    /// The player it needs.
    pub player: Player,
    /// Its copyright, if any.
    pub copyright: Option<String>,
}

/// `Media.Player`.
#[derive(Kryo, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[kryo(class = "CasesMedia$Media$Player")]
pub enum Player {
    /// `JAVA`.
    #[default]
    Java,
    /// `FLASH`.
    Flash,
}

/// `Image`: a still of the video.
#[derive(Kryo, Clone, Debug, Default, PartialEq)]
#[kryo(class = "CasesMedia$Image")]
pub struct Image {
    /// Where it is.
    pub uri: String,
    /// Its title, if any.
    pub title: Option<String>,
    /// Width in pixels.
    pub width: i32,
    /// Height in pixels.
    pub height: i32,
    /// Small or large.
    pub size: Size,
}

/// `Image.Size`.
#[derive(Kryo, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[kryo(class = "CasesMedia$Image$Size")]
pub enum Size {
    /// `SMALL`.
    #[default]
    Small,
    /// `LARGE`.
    Large,
}

/// An image.
///
/// ```
/// let i = kryo5_interop::media::image("u", Some("t"), 1, 2, kryo5_interop::media::Size::Large);
/// assert_eq!((i.width, i.height), (1, 2));
/// ```
#[must_use]
pub fn image(uri: &str, title: Option<&str>, width: i32, height: i32, size: Size) -> Image {
    Image {
        uri: uri.into(),
        title: title.map(Into::into),
        width,
        height,
        size,
    }
}

/// The standard value of jvm-serializers (Java: `CasesMedia.standard()`).
///
/// ```
/// let m = kryo5_interop::media::standard();
/// assert_eq!(m.media.persons.len(), 2);
/// assert_eq!(m.images.len(), 2);
/// ```
#[must_use]
pub fn standard() -> MediaContent {
    MediaContent {
        media: Media {
            uri: "http://javaone.com/keynote.mpg".into(),
            title: Some("Javaone Keynote".into()),
            width: 640,
            height: 480,
            format: "video/mpg4".into(),
            duration: 18_000_000,
            size: 58_982_400,
            bitrate: 262_144,
            has_bitrate: true,
            persons: vec!["Bill Gates".into(), "Steve Jobs".into()],
            player: Player::Java,
            copyright: None,
        },
        images: vec![
            image(
                "http://javaone.com/keynote_large.jpg",
                Some("Javaone Keynote"),
                1024,
                768,
                Size::Large,
            ),
            image(
                "http://javaone.com/keynote_small.jpg",
                Some("Javaone Keynote"),
                320,
                240,
                Size::Small,
            ),
        ],
    }
}

/// jvm-serializers' registrations, in its order: `ArrayList` (the class
/// of the `#[kryo(list)]` fields),
/// `MediaContent`, `Media.Player`, `Media`, `Image.Size`, `Image` (ids 9 to
/// 14 on a fresh Kryo).
///
/// ```
/// let mut kryo = kryo5::Kryo::new();
/// kryo5_interop::media::register(&mut kryo);
/// assert_eq!(kryo.next_registration_id(), 15);
/// ```
pub fn register(kryo: &mut Kryo) {
    each_class(kryo, true);
}

/// Registers (`register`) or makes known by name only (`add_class`) each
/// model class, in jvm-serializers' order.
fn each_class(kryo: &mut Kryo, register: bool) {
    macro_rules! each {
        ($($t:ty),*) => {$(
            if register {
                kryo.register::<$t>();
            } else {
                kryo.add_class::<$t>();
            }
        )*};
    }
    each!(ArrayList<Image>, MediaContent, Player, Media, Size, Image);
}

/// jvm-serializers' "kryo-registered-flat": [`register`], references off.
///
/// ```
/// assert!(!kryo5_interop::media::kryo().references());
/// ```
#[must_use]
pub fn kryo() -> Kryo {
    let mut k = Kryo::new();
    register(&mut k);
    k
}

/// jvm-serializers' "kryo-registered": references on, then [`register`].
///
/// ```
/// assert!(kryo5_interop::media::kryo_refs().references());
/// ```
#[must_use]
pub fn kryo_refs() -> Kryo {
    let mut k = Kryo::new();
    k.set_references(true);
    register(&mut k);
    k
}

/// [`kryo`] with `CompatibleFieldSerializer` as the default serializer
/// (Java: `setDefaultSerializer(new
/// SerializerFactory.CompatibleFieldSerializerFactory())` before
/// registering), references off: the model structs are written with field
/// names and per-field class descriptors, so readers tolerate added and
/// removed fields; enums and `ArrayList` keep their own serializers.
///
/// ```
/// use kryo5::DefaultSerializer;
/// let k = kryo5_interop::media::kryo_compat();
/// assert!(matches!(k.default_serializer(), DefaultSerializer::Compatible(_)));
/// ```
#[must_use]
pub fn kryo_compat() -> Kryo {
    let mut k = Kryo::new();
    k.set_default_serializer(DefaultSerializer::Compatible(CompatibleConfig::default()));
    register(&mut k);
    k
}

/// jvm-serializers' "kryo-auto-flat": nothing registered (classes written
/// by name); the model classes are known by name so they can be read.
///
/// ```
/// assert!(!kryo5_interop::media::kryo_auto().registration_required());
/// ```
#[must_use]
pub fn kryo_auto() -> Kryo {
    let mut k = Kryo::new();
    k.set_registration_required(false);
    each_class(&mut k, false);
    k
}

/// jvm-serializers' "kryo-auto": [`kryo_auto`] with references on.
///
/// ```
/// assert!(kryo5_interop::media::kryo_autorefs().references());
/// ```
#[must_use]
pub fn kryo_autorefs() -> Kryo {
    let mut k = kryo_auto();
    k.set_references(true);
    k
}

#[cfg(test)]
mod tests {
    use kryo5::io::Output;

    use super::*;
    use crate::value::unhex;

    /// Java Kryo 5.6.2's `writeObject` of [`standard`] with [`kryo`]
    /// (captured from the driver; the interop suite re-checks it live).
    const JAVA_STANDARD: &str = "0b831000800c024a6176616f6e65204b65796e6f74e5a5687474703a2f2f6a6176616f6e652e636f6d2f6b65796e6f74655f6c617267652e6a70678010e003014a6176616f6e65204b65796e6f74e5a5687474703a2f2f6a6176616f6e652e636f6d2f6b65796e6f74655f736d616c6c2e6a706780050e8080208080a29511766964656f2f6d7067b401c0070b0342696c6c2047617465f35374657665204a6f62f3018080a0384a6176616f6e65204b65796e6f74e5687474703a2f2f6a6176616f6e652e636f6d2f6b65796e6f74652e6d70e7800a";

    #[test]
    fn the_standard_value_has_javas_bytes() {
        let mut out = Output::new();
        kryo().write_object(&mut out, &standard()).unwrap();
        assert_eq!(out.as_slice(), unhex(JAVA_STANDARD).unwrap());
    }
}
