//! The Rust side of `java/CasesEnums.java`: enum constants by name.

use kryo5::serializers::enum_name::EnumNameSerializer;
use kryo5::{Kryo, Object};
use kryo5_interop::graph::{Case, Graphs, kryo_with};

#[derive(Kryo, Clone, Copy, Debug)]
#[kryo(class = "CasesEnums$Shade")]
pub enum Shade {
    Red,
    DarkBlue,
    #[kryo(rename = "Été")]
    Ete,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesEnums$Palette")]
pub struct Palette {
    main: Option<Shade>,
    other: Option<Shade>,
    any: Option<Box<dyn Object>>,
}

fn register_all(k: &mut Kryo) {
    k.register_with_serializer::<Shade, _>(EnumNameSerializer::new());
    k.register::<Palette>();
}

fn palette() -> Palette {
    Palette {
        main: Some(Shade::DarkBlue),
        other: None,
        any: Some(Box::new(Shade::Ete)),
    }
}

/// Every case of `CasesEnums.java`, references off and on.
pub fn cases(g: &mut Graphs) {
    for (prefix, refs) in [("", false), ("refs.", true)] {
        let k = move || kryo_with(refs, register_all);
        g.add(Case::new(format!("{prefix}npalette"), k, palette()).sweep(true))
            .add(Case::new(format!("{prefix}nshade"), k, Shade::Red));
    }
}
