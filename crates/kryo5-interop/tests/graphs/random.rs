//! The Rust side of `java/CasesRandom.java`: the same seeded generator,
//! draw for draw, building the same random graphs.

use std::sync::{Arc, Mutex};

use kryo5::io::JavaString;
use kryo5::{Kryo, Object};
use kryo5_interop::graph::{Case, Graphs, kryo_with};
use kryo5_testdata::Rng;

#[derive(Kryo, Clone, Copy, Debug)]
#[kryo(class = "CasesRandom$Suit")]
pub enum Suit {
    Clubs,
    Diamonds,
    Hearts,
    Spades,
}

const SUITS: [Suit; 4] = [Suit::Clubs, Suit::Diamonds, Suit::Hearts, Suit::Spades];

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesRandom$Leaf", final)]
pub struct Leaf {
    n: i32,
    s: Option<String>,
}

type Node = Arc<Mutex<RNode>>;

#[derive(Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesRandom$RNode")]
pub struct RNode {
    z: bool,
    b: i8,
    c: u16,
    s: i16,
    i: i32,
    l: i64,
    f: f32,
    d: f64,
    bi: Option<i32>,
    bl: Option<i64>,
    bd: Option<f64>,
    bc: Option<u16>,
    str: Option<Arc<String>>,
    raw: Option<JavaString>,
    any: Option<Box<dyn Object>>,
    child: Option<Node>,
    other: Option<Node>,
    leaf: Option<Leaf>,
    suit: Option<Suit>,
}

fn register_all(k: &mut Kryo) {
    k.register::<Suit>();
    k.register::<Leaf>();
    // Nodes in Object fields come back shared and possibly cyclic.
    k.register::<Node>();
    k.register::<Arc<String>>();
}

fn kryo() -> Kryo {
    kryo_with(false, register_all)
}

fn kryo_refs() -> Kryo {
    kryo_with(true, register_all)
}

/// Nesting levels of new nodes below the root (Java: `CasesRandom.DEPTH`).
const DEPTH: u32 = 4;

const FLOATS: [f32; 8] = [
    f32::NAN,
    -0.0,
    0.0,
    f32::INFINITY,
    f32::NEG_INFINITY,
    f32::from_bits(1),
    f32::MAX,
    f32::MIN_POSITIVE,
];

const DOUBLES: [f64; 8] = [
    f64::NAN,
    -0.0,
    0.0,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::from_bits(1),
    f64::MAX,
    f64::MIN_POSITIVE,
];

/// `CasesRandom.Gen`: the random source and the pools of what may be shared.
struct Gen {
    rng: Rng,
    cycles: bool,
    all: Vec<Node>,
    done: Vec<Node>,
    strings: Vec<Arc<String>>,
}

impl Gen {
    fn new(seed: u64, cycles: bool) -> Self {
        Gen {
            rng: Rng::new(seed),
            cycles,
            all: Vec::new(),
            done: Vec::new(),
            strings: Vec::new(),
        }
    }

    /// `rng.below(n)` for a small bound, as Java's `below(int)`.
    fn below(&mut self, n: usize) -> usize {
        self.rng.below(n as u64) as usize
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    fn node(&mut self, depth: u32) -> Node {
        let node = Node::default();
        self.all.push(node.clone());
        let r = &mut self.rng;
        let (z, b, c, s) = (
            r.bool(),
            r.next_u32() as i8,
            r.next_u32() as u16,
            r.next_u32() as i16,
        );
        let (i, l) = (r.spread_i32(), r.spread_i64());
        let f = self.f32();
        let d = self.f64();
        let bi = (!self.chance(4)).then(|| self.rng.spread_i32());
        let bl = (!self.chance(4)).then(|| self.rng.spread_i64());
        let bd = (!self.chance(4)).then(|| self.f64());
        let bc = (!self.chance(4)).then(|| self.rng.next_u32() as u16);
        let str = self.pooled_string();
        let raw = (!self.chance(4)).then(|| self.raw());
        let any = self.any(depth);
        let child = self.node_ref(depth);
        let other = self.node_ref(depth);
        let leaf = (!self.chance(3)).then(|| self.leaf());
        let suit = SUITS.get(self.below(5)).copied();
        *node.lock().unwrap() = RNode {
            z,
            b,
            c,
            s,
            i,
            l,
            f,
            d,
            bi,
            bl,
            bd,
            bc,
            str,
            raw,
            any,
            child,
            other,
            leaf,
            suit,
        };
        self.done.push(node.clone());
        node
    }

    fn node_ref(&mut self, depth: u32) -> Option<Node> {
        let k = self.below(8);
        let pool_len = if self.cycles {
            self.all.len()
        } else {
            self.done.len()
        };
        if k < 2 || depth == 0 {
            return None;
        }
        if k < 4 && pool_len > 0 {
            let i = self.below(pool_len);
            let pool = if self.cycles { &self.all } else { &self.done };
            return Some(pool[i].clone());
        }
        Some(self.node(depth - 1))
    }

    fn any(&mut self, depth: u32) -> Option<Box<dyn Object>> {
        fn boxed(v: impl Object) -> Option<Box<dyn Object>> {
            Some(Box::new(v))
        }
        match self.below(13) {
            0 => None,
            1 => boxed(self.rng.spread_i32()),
            2 => boxed(self.rng.spread_i64()),
            3 => boxed(self.f64()),
            4 => boxed(self.f32()),
            5 => boxed(self.rng.bool()),
            6 => boxed(self.rng.next_u32() as u16),
            7 => boxed(self.rng.next_u32() as i16),
            8 => boxed(self.rng.next_u32() as i8),
            9 => self.pooled_string().map(|s| Box::new(s) as Box<dyn Object>),
            10 => boxed(SUITS[self.below(4)]),
            11 => boxed(self.leaf()),
            _ => self.node_ref(depth).map(|n| Box::new(n) as Box<dyn Object>),
        }
    }

    fn leaf(&mut self) -> Leaf {
        let n = self.rng.spread_i32();
        let s = (!self.chance(3)).then(|| self.text());
        Leaf { n, s }
    }

    fn f32(&mut self) -> f32 {
        if self.chance(4) {
            FLOATS[self.below(8)]
        } else {
            f32::from_bits(self.rng.next_u32())
        }
    }

    fn f64(&mut self) -> f64 {
        if self.chance(4) {
            DOUBLES[self.below(8)]
        } else {
            f64::from_bits(self.rng.next_u64())
        }
    }

    fn pooled_string(&mut self) -> Option<Arc<String>> {
        let k = self.below(6);
        if k == 0 {
            return None;
        }
        if k == 1 && !self.strings.is_empty() {
            let i = self.below(self.strings.len());
            return Some(self.strings[i].clone());
        }
        let s = Arc::new(self.text());
        self.strings.push(s.clone());
        Some(s)
    }

    fn text(&mut self) -> String {
        let len = if self.chance(4) {
            self.below(100)
        } else {
            self.below(12)
        };
        (0..len)
            .map(|_| {
                let code = match self.below(4) {
                    0 => self.below(0x80) as u32,
                    1 => 0x80 + self.below(0x780) as u32,
                    2 => {
                        let v = 0x800 + self.below(0xf000) as u32;
                        if v >= 0xd800 { v + 0x800 } else { v }
                    }
                    _ => 0x1_0000 + self.below(0x10_0000) as u32,
                };
                char::from_u32(code).expect("no surrogates are drawn")
            })
            .collect()
    }

    fn raw(&mut self) -> JavaString {
        let len = self.below(8);
        JavaString::from_units((0..len).map(|_| self.rng.next_u32() as u16).collect())
    }
}

/// Seeds per family and run: `KRYO5_GRAPH_SEEDS`, else 70.
fn seeds() -> u64 {
    std::env::var("KRYO5_GRAPH_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(70)
}

/// The first seed: `KRYO5_GRAPH_SEED` to explore others, else fixed.
fn first_seed() -> u64 {
    std::env::var("KRYO5_GRAPH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed)
}

/// Random graphs: shared DAGs with references off and on, cyclic graphs
/// with references on; truncation and corruption sweeps on every 8th seed.
pub fn cases(g: &mut Graphs) {
    let first = first_seed();
    for seed in first..first + seeds() {
        let sweep = seed % 8 == 0;
        let dag = || Gen::new(seed, false).node(DEPTH);
        g.add(Case::new(format!("random:{seed}"), kryo, dag()).sweep(sweep))
            .add(Case::new(format!("refs.random:{seed}"), kryo_refs, dag()).sweep(sweep))
            .add(
                Case::new(
                    format!("refs.cyclic:{seed}"),
                    kryo_refs,
                    Gen::new(seed, true).node(DEPTH),
                )
                .sweep(sweep),
            );
    }
}
