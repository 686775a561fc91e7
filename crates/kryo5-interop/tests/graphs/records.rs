//! The Rust side of `java/CasesRecords.java`: Java records as
//! `#[kryo(record)]` structs.

use kryo5::{Kryo, Object};
use kryo5_interop::graph::{Case, Graphs, kryo_with};

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesRecords$Point", record)]
pub struct Point {
    y: i32,
    label: Option<String>,
    extra: Option<Box<dyn Object>>,
    x: i64,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesRecords$Empty", record)]
pub struct Empty {}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesRecords$Prims", record)]
pub struct Prims {
    z: bool,
    b: i8,
    c: u16,
    s: i16,
    f: f32,
    d: f64,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesRecords$Line", record)]
pub struct Line {
    from: Option<Point>,
    to: Option<Point>,
    width: Option<i32>,
    tag: Option<Empty>,
}

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesRecords$Box", record)]
pub struct RBox<T> {
    value: Option<T>,
    name: Option<String>,
}

fn register_all(k: &mut Kryo) {
    k.register::<Point>();
    k.register::<Empty>();
    k.register::<Prims>();
    k.register::<Line>();
    k.register::<RBox<String>>();
}

fn kryo() -> Kryo {
    kryo_with(false, register_all)
}

fn kryo_refs() -> Kryo {
    kryo_with(true, register_all)
}

fn rpoint() -> Point {
    Point {
        y: -1,
        label: Some("a".into()),
        extra: Some(Box::new(5_i32)),
        x: 2,
    }
}

fn rline() -> Line {
    Line {
        from: Some(Point {
            y: 1,
            label: Some("é".into()),
            extra: Some(Box::new(String::from("x"))),
            x: i64::MIN,
        }),
        to: None,
        width: Some(3),
        tag: Some(Empty {}),
    }
}

/// Every case of `CasesRecords.java`, references off and on.
pub fn cases(g: &mut Graphs) {
    for (prefix, k) in [("", kryo as fn() -> Kryo), ("refs.", kryo_refs)] {
        g.add(Case::new(format!("{prefix}rpoint"), k, rpoint()))
            .add(Case::new(format!("{prefix}rzero"), k, Point::default()))
            .add(Case::new(format!("{prefix}rempty"), k, Empty {}))
            .add(Case::new(
                format!("{prefix}rprims"),
                k,
                Prims {
                    z: true,
                    b: -128,
                    c: 0xffff,
                    s: i16::MIN,
                    f: f32::NAN,
                    d: -0.0,
                },
            ))
            .add(Case::new(format!("{prefix}rline"), k, rline()).sweep(true))
            .add(Case::new(
                format!("{prefix}rbox"),
                k,
                RBox {
                    value: Some(String::from("inside")),
                    name: Some("n".into()),
                },
            ));
    }
}
