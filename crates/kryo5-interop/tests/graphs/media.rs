//! The Rust side of `java/CasesMedia.java`: jvm-serializers' MediaContent
//! (the model and configurations are `kryo5_interop::media`, shared with
//! the benchmarks), written with both entry points under the four Kryo
//! setups of jvm-serializers and with the compatible field serializer.

use kryo5::Kryo;
use kryo5_interop::graph::{Case, Entry, Graphs};
use kryo5_interop::media::{
    self, MediaContent, Player, kryo, kryo_auto, kryo_autorefs, kryo_compat, kryo_refs,
};

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
    type Setup = (&'static str, fn() -> Kryo);
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
