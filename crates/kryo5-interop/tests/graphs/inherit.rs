//! The Rust side of `java/CasesInherit.java`: Java class hierarchies as
//! structs holding their superclass part in a `#[kryo(extends)]` field.

use std::sync::Arc;

use kryo5::{Kryo, Object};
use kryo5_interop::graph::{Case, Graphs, kryo_with};

// ----- model -------------------------------------------------------------------

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesInherit$Parent")]
pub struct Parent {
    z: i32,
    b: Option<String>,
    x: i32,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesInherit$Child")]
pub struct Child {
    #[kryo(extends)]
    parent: Parent,
    a: i32,
    m: i32,
    x: i32,
    /// Java's `transient int t`: not written, read as the default.
    #[kryo(transient)]
    _t: i32,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesInherit$Animal")]
pub struct Animal {
    name: Option<String>,
    born: i64,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesInherit$Dog")]
pub struct Dog {
    #[kryo(extends)]
    animal: Animal,
    name: Option<String>,
    good: bool,
    toy: Option<Box<dyn Object>>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesInherit$Puppy", final)]
pub struct Puppy {
    #[kryo(extends)]
    dog: Dog,
    age: i32,
    breed: Option<String>,
    /// Declared `Animal` (not final): a class descriptor, as for `Object`.
    mother: Option<Box<dyn Object>>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesInherit$TV")]
pub struct TV<K, V> {
    k: Option<K>,
    v: Option<V>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesInherit$Sub")]
pub struct Sub {
    #[kryo(extends)]
    tv: TV<i32, String>,
    w: Option<String>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesInherit$Top")]
pub struct Top {
    #[kryo(rename = "\u{10000}")]
    sup: i32,
    b: i32,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesInherit$Low")]
pub struct Low {
    #[kryo(extends)]
    top: Top,
    #[kryo(rename = "\u{ff21}")]
    full_a: i32,
    a: i32,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesInherit$Holder")]
pub struct Holder {
    any: Option<Box<dyn Object>>,
    /// Declared `Parent`, holding a `Child`.
    parent: Option<Box<dyn Object>>,
    /// Declared `Dog`, holding a `Dog` or a `Puppy`.
    dog: Option<Box<dyn Object>>,
}

// ----- configurations ----------------------------------------------------------

/// `CasesInherit.registerAll`; `Dog` as `D` (`Dog` or, to keep sharing,
/// `Arc<Dog>`).
fn register_all<D: kryo5::KryoType + Clone + std::fmt::Debug + Send + Sync>(k: &mut Kryo) {
    k.register::<Parent>();
    k.register::<Child>();
    k.register::<D>();
    k.register::<Puppy>();
    k.register::<TV<i32, String>>();
    k.register::<Sub>();
    k.register::<Low>();
    k.register::<Holder>();
}

fn kryo() -> Kryo {
    kryo_with(false, register_all::<Dog>)
}

fn kryo_refs() -> Kryo {
    kryo_with(true, register_all::<Dog>)
}

fn kryo_refs_shared() -> Kryo {
    let mut k = Kryo::new();
    k.set_references(true);
    register_all::<Arc<Dog>>(&mut k);
    k
}

// ----- values ------------------------------------------------------------------

fn child() -> Child {
    Child {
        parent: Parent {
            z: 1,
            b: Some("p".into()),
            x: 100,
        },
        a: 2,
        m: 3,
        x: 200,
        _t: 0,
    }
}

fn dog() -> Dog {
    Dog {
        animal: Animal {
            name: Some("Rex, the animal".into()),
            born: -1_700_000_000_000,
        },
        name: Some("Rex".into()),
        good: true,
        toy: Some(Box::new(String::from("ball"))),
    }
}

fn puppy() -> Puppy {
    Puppy {
        dog: Dog {
            animal: Animal {
                name: None,
                born: 42,
            },
            name: Some("Fido é".into()),
            good: false,
            toy: Some(Box::new(7_i32)),
        },
        age: 1,
        breed: Some("\u{6a5f}\u{1f600}".into()),
        mother: Some(Box::new(dog())),
    }
}

fn holder() -> Holder {
    Holder {
        any: Some(Box::new(child())),
        parent: Some(Box::new(child())),
        dog: Some(Box::new(puppy())),
    }
}

fn shared() -> Holder {
    let d = Arc::new(dog());
    Holder {
        any: Some(Box::new(d.clone())),
        parent: None,
        dog: Some(Box::new(d)),
    }
}

// ----- cases -------------------------------------------------------------------

/// Every case of `CasesInherit.java`.
pub fn cases(g: &mut Graphs) {
    g.add(Case::new("inh_child", kryo, child()))
        .add(Case::new("inh_dog", kryo, dog()))
        .add(Case::new("inh_puppy", kryo, puppy()).sweep(true))
        .add(Case::new(
            "inh_sub",
            kryo,
            Sub {
                tv: TV {
                    k: Some(1),
                    v: Some("x".into()),
                },
                w: Some("w".into()),
            },
        ))
        .add(Case::new(
            "inh_low",
            kryo,
            Low {
                top: Top { sup: 1, b: 2 },
                full_a: 3,
                a: 4,
            },
        ))
        .add(Case::new("inh_holder", kryo, holder()).sweep(true))
        .add(Case::new("refs.inh_child", kryo_refs, child()))
        .add(Case::new("refs.inh_puppy", kryo_refs, puppy()))
        .add(Case::new("refs.inh_holder", kryo_refs, holder()))
        .add(
            Case::new("refs.inh_shared", kryo_refs_shared, shared())
                .check(|h| {
                    let any = h.any.as_ref().and_then(|o| o.downcast_ref::<Arc<Dog>>());
                    let dog = h.dog.as_ref().and_then(|o| o.downcast_ref::<Arc<Dog>>());
                    match (any, dog) {
                        (Some(a), Some(d)) if Arc::ptr_eq(a, d) => Ok(()),
                        _ => Err("`any` and `dog` are not one shared Arc<Dog>".into()),
                    }
                })
                .sweep(true),
        );
}
