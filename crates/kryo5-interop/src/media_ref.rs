//! The MediaContent model of [`media`](crate::media) as borrowed structs:
//! read without copying strings out of the input (`kryo5::borrow`). Same
//! Java classes, same configurations, same bytes; the interop suite reads
//! Java's bytes with them (`tests/graphs/media.rs`), the benchmarks time
//! them beside the owned read.
//!
//! ```
//! use kryo5::io::{Input, Output};
//! use kryo5_interop::media::{self, MediaContent};
//! use kryo5_interop::media_ref::MediaContentRef;
//!
//! let mut kryo = media::kryo();
//! let mut out = Output::new();
//! kryo.write_object(&mut out, &media::standard())?;
//! let bytes = out.into_vec();
//! let back: MediaContentRef<'_> = kryo.read_object_borrowed(&mut Input::new(&bytes))?;
//! assert_eq!(back.media.uri, "http://javaone.com/keynote.mpg");
//! assert_eq!(back.to_owned(), media::standard());
//! # Ok::<(), kryo5::Error>(())
//! ```

use kryo5::Kryo;
use kryo5::borrow::StrRef;

use crate::media::{Image, Media, MediaContent, Player, Size};

/// [`MediaContent`], borrowed.
#[derive(Kryo, Clone, Debug, Default, PartialEq)]
#[kryo(class = "CasesMedia$MediaContent")]
pub struct MediaContentRef<'a> {
    /// The video.
    pub media: MediaRef<'a>,
    /// Its images.
    #[kryo(list)]
    pub images: Vec<ImageRef<'a>>,
}

/// [`Media`], borrowed.
#[derive(Kryo, Clone, Debug, Default, PartialEq)]
#[kryo(class = "CasesMedia$Media")]
pub struct MediaRef<'a> {
    /// Where it is.
    pub uri: StrRef<'a>,
    /// Its title, if any.
    pub title: Option<StrRef<'a>>,
    /// Width in pixels.
    pub width: i32,
    /// Height in pixels.
    pub height: i32,
    /// Container format.
    pub format: StrRef<'a>,
    /// Length in ms.
    pub duration: i64,
    /// Size in bytes.
    pub size: i64,
    /// Bits per second, if `has_bitrate`.
    pub bitrate: i32,
    /// Whether `bitrate` is known.
    #[kryo(rename = "hasBitrate")]
    pub has_bitrate: bool,
    /// Who is in it.
    #[kryo(list)]
    pub persons: Vec<StrRef<'a>>,
    /// The player it needs (an owned enum).
    pub player: Player,
    /// Its copyright, if any.
    pub copyright: Option<StrRef<'a>>,
}

/// [`Image`], borrowed.
#[derive(Kryo, Clone, Debug, Default, PartialEq)]
#[kryo(class = "CasesMedia$Image")]
pub struct ImageRef<'a> {
    /// Where it is.
    pub uri: StrRef<'a>,
    /// Its title, if any.
    pub title: Option<StrRef<'a>>,
    /// Width in pixels.
    pub width: i32,
    /// Height in pixels.
    pub height: i32,
    /// Small or large.
    pub size: Size,
}

fn owned(s: &StrRef<'_>) -> String {
    s.to_string()
}

impl MediaContentRef<'_> {
    /// The owned value, field by field.
    ///
    /// ```
    /// let m = kryo5_interop::media_ref::MediaContentRef::default();
    /// assert_eq!(m.to_owned(), kryo5_interop::media::MediaContent::default());
    /// ```
    #[must_use]
    pub fn to_owned(&self) -> MediaContent {
        let m = &self.media;
        MediaContent {
            media: Media {
                uri: owned(&m.uri),
                title: m.title.as_ref().map(owned),
                width: m.width,
                height: m.height,
                format: owned(&m.format),
                duration: m.duration,
                size: m.size,
                bitrate: m.bitrate,
                has_bitrate: m.has_bitrate,
                persons: m.persons.iter().map(owned).collect(),
                player: m.player,
                copyright: m.copyright.as_ref().map(owned),
            },
            images: self
                .images
                .iter()
                .map(|i| Image {
                    uri: owned(&i.uri),
                    title: i.title.as_ref().map(owned),
                    width: i.width,
                    height: i.height,
                    size: i.size,
                })
                .collect(),
        }
    }
}
