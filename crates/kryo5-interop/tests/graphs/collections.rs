//! The Rust side of `java/CasesCollections.java`: the same model classes,
//! the same Kryo configurations (same registrations in the same order), the
//! same values, built with kryo5's collection types.

use std::sync::{Arc, Mutex};

use kryo5::serializers::hash::{ConcurrentHashMap, HashMap, HashSet};
use kryo5::serializers::immutable::{
    ImmutableList, ImmutableMap, ImmutableSet, register_immutable_collections,
};
use kryo5::serializers::java_hash::{JavaHash, JavaOrd, hash_all, hash_str};
use kryo5::serializers::list::{
    ArrayDeque, ArrayList, ArraysAsList, CopyOnWriteArrayList, LinkedHashSet, LinkedList, Vector,
};
use kryo5::serializers::map::LinkedHashMap;
use kryo5::serializers::sorted::{
    ConcurrentSkipListMap, PriorityQueue, ReverseComparator, TreeMap, TreeSet,
};
use kryo5::serializers::special::{
    EmptyList, EmptyMap, EmptySet, SingletonList, SingletonMap, SingletonSet,
};
use std::cmp::Ordering;
use std::fmt::Debug;

use kryo5::io::{Input, Output};
use kryo5::serializers::compatible::CompatibleConfig;
use kryo5::{DefaultSerializer, Kryo, KryoType, Object};
use kryo5_interop::graph::{Case, Entry, Graphs};
use kryo5_interop::jvm;
use kryo5_interop::value::{hex, unhex};

type Obj = Box<dyn Object>;
type Shared<T> = Arc<Mutex<T>>;

/// The classes kryo5 reads where the declared type says nothing (Object
/// fields, raw collections): elements, keys and values of any class.
type AnyList = ArrayList<Option<Obj>>;
type AnyMap = HashMap<Option<Obj>, Option<Obj>>;
type AnyLinkedMap = LinkedHashMap<Option<Obj>, Option<Obj>>;

// ----- model -------------------------------------------------------------------

#[derive(kryo5::Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesCollections$Item")]
pub struct Item {
    id: i32,
    name: Option<String>,
}

#[derive(kryo5::Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesCollections$Leaf", final)]
pub struct Leaf {
    v: i32,
}

#[derive(kryo5::Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesCollections$Lists")]
pub struct Lists {
    strings: Option<ArrayList<Option<String>>>,
    ints: Option<ArrayList<Option<i32>>>,
    items: Option<ArrayList<Option<Item>>>,
    leaves: Option<ArrayList<Option<Leaf>>>,
    #[kryo(raw)]
    raw: Option<AnyList>,
    any: Option<Obj>,
    none: Option<ArrayList<String>>,
    linked: Option<LinkedList<i64>>,
    nested: Option<ArrayList<Option<ArrayList<Option<String>>>>>,
}

#[derive(kryo5::Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesCollections$Maps")]
pub struct Maps {
    counts: Option<HashMap<String, Option<i32>>>,
    nested: Option<HashMap<String, Option<ArrayList<i32>>>>,
    #[kryo(rename = "byId")]
    by_id: Option<HashMap<Option<i32>, String>>,
    sorted: Option<TreeMap<String, Leaf>>,
    linked: Option<LinkedHashMap<String, Option<Item>>>,
    #[kryo(raw)]
    raw: Option<AnyMap>,
    any: Option<Obj>,
    none: Option<HashMap<String, String>>,
}

#[derive(kryo5::Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesCollections$Sets")]
pub struct Sets {
    hash: Option<HashSet<Option<String>>>,
    linked: Option<LinkedHashSet<i32>>,
    tree: Option<TreeSet<String>>,
    longs: Option<HashSet<i64>>,
    any: Option<Obj>,
}

/// Java lists held as `Vec`.
#[derive(kryo5::Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesCollections$VecFields")]
pub struct VecFields {
    #[kryo(list)]
    names: Vec<String>,
    #[kryo(list)]
    leaves: Option<Vec<Leaf>>,
    #[kryo(list)]
    none: Option<Vec<i32>>,
    #[kryo(list)]
    items: Vec<Item>,
}

/// A key class with Java's `hashCode()` (`Objects.hash(name, x)`) and
/// `compareTo()` (name, then x).
#[derive(kryo5::Kryo, Clone, Debug, Default, PartialEq)]
#[kryo(class = "CasesCollections$Key", final)]
pub struct Key {
    name: Option<String>,
    x: i32,
}

impl JavaHash for Key {
    fn java_hash(&self) -> Option<i32> {
        Some(hash_all([self.name.as_deref().map_or(0, hash_str), self.x]))
    }
    fn java_compare(&self, other: &Self) -> Option<Ordering> {
        self.java_cmp(other)
    }
}

impl JavaOrd for Key {
    fn java_cmp(&self, other: &Self) -> Option<Ordering> {
        let by_name = self.name.as_ref()?.java_cmp(other.name.as_ref()?)?;
        Some(by_name.then(self.x.cmp(&other.x)))
    }
}

fn key(name: &str, x: i32) -> Key {
    Key {
        name: Some(s(name)),
        x,
    }
}

#[derive(kryo5::Kryo, Clone, Debug, Default)]
#[kryo(class = "CasesCollections$Holder")]
pub struct Holder {
    a: Option<Obj>,
    b: Option<Obj>,
    c: Option<Obj>,
}

// ----- configurations ----------------------------------------------------------

/// How [`register_all`] makes the classes known.
#[derive(Clone, Copy, PartialEq, Eq)]
enum How {
    /// Registered with ids, collections in `Object` positions read as
    /// plain values.
    Ids,
    /// Registered with ids, collections in `Object` positions read as
    /// `Arc<Mutex<_>>` (for sharing and cycles; configuration `cycles`).
    Shared,
    /// Known by name only (configuration `byname`).
    Names,
}

/// Makes `T` known to `k` as `how` says.
fn add<T: KryoType + Clone + Debug + Send + Sync>(k: &mut Kryo, how: How) {
    if how == How::Names {
        k.add_class::<T>();
    } else {
        k.register::<T>();
    }
}

/// `CasesCollections.registerAll`, in Java's order (by name: the classes
/// read through `Object` positions).
fn register_all(k: &mut Kryo, how: How) {
    add::<Item>(k, how);
    add::<Leaf>(k, how);
    add::<Lists>(k, how);
    add::<Maps>(k, how);
    add::<Sets>(k, how);
    add::<Holder>(k, how);
    if how == How::Shared {
        add::<Shared<AnyList>>(k, how);
    } else {
        add::<AnyList>(k, how);
    }
    add::<LinkedList<Option<Obj>>>(k, how);
    add::<AnyMap>(k, how);
    add::<HashSet<Option<Obj>>>(k, how);
    if how == How::Shared {
        add::<Shared<AnyLinkedMap>>(k, how);
    } else {
        add::<AnyLinkedMap>(k, how);
    }
    add::<LinkedHashSet<Option<Obj>>>(k, how);
    add::<TreeMap<Obj, Option<Obj>>>(k, how);
    add::<TreeSet<Obj>>(k, how);
    add::<ArraysAsList<Option<Obj>>>(k, how);
    add::<EmptyList>(k, how);
    add::<EmptySet>(k, how);
    add::<EmptyMap>(k, how);
    add::<SingletonList<Option<Obj>>>(k, how);
    add::<SingletonSet<Option<Obj>>>(k, how);
    add::<SingletonMap<Option<Obj>, Option<Obj>>>(k, how);
    add::<ReverseComparator>(k, how);
    if how == How::Names {
        add::<ImmutableList<Obj>>(k, how);
        add::<ImmutableMap<Obj, Obj>>(k, how);
        add::<ImmutableSet<Obj>>(k, how);
    } else {
        register_immutable_collections(k);
    }
    add::<VecFields>(k, how);
    add::<ArrayDeque<Option<Obj>>>(k, how);
    add::<Vector<Option<Obj>>>(k, how);
    add::<CopyOnWriteArrayList<Option<Obj>>>(k, how);
    add::<ConcurrentSkipListMap<Obj, Option<Obj>>>(k, how);
    add::<PriorityQueue<Obj>>(k, how);
    add::<ConcurrentHashMap<Obj, Option<Obj>>>(k, how);
    add::<Key>(k, how);
    if how == How::Shared {
        // Strings in Object positions come back as Arc<String>, so that a
        // back-reference to one is the same object (String keeps id 1).
        k.register::<Arc<String>>();
    }
}

fn kryo() -> Kryo {
    let mut k = Kryo::new();
    register_all(&mut k, How::Ids);
    k
}

fn kryo_refs() -> Kryo {
    let mut k = Kryo::new();
    k.set_references(true);
    register_all(&mut k, How::Ids);
    k
}

fn kryo_compat() -> Kryo {
    let mut k = Kryo::new();
    k.set_default_serializer(DefaultSerializer::Compatible(CompatibleConfig::default()));
    register_all(&mut k, How::Ids);
    k
}

fn kryo_byname() -> Kryo {
    let mut k = Kryo::new();
    k.set_registration_required(false);
    register_all(&mut k, How::Names);
    k
}

fn kryo_cycles() -> Kryo {
    let mut k = Kryo::new();
    k.set_references(true);
    register_all(&mut k, How::Shared);
    k
}

// ----- helpers -----------------------------------------------------------------

fn s(v: &str) -> String {
    v.to_owned()
}

fn obj<T: Object>(v: T) -> Option<Obj> {
    Some(Box::new(v))
}

fn item(id: i32, name: Option<&str>) -> Item {
    Item {
        id,
        name: name.map(s),
    }
}

/// `CasesCollections.colliding(n)`: 2^n strings of "Aa"/"BB" pairs.
fn colliding(n: u32) -> Vec<String> {
    (0..1u32 << n)
        .map(|bits| {
            (0..n)
                .rev()
                .map(|i| if bits >> i & 1 == 0 { "Aa" } else { "BB" })
                .collect()
        })
        .collect()
}

// ----- lists -------------------------------------------------------------------

fn list_mixed() -> AnyList {
    ArrayList(vec![
        obj(1i32),
        obj(s("a")),
        obj(2i64),
        None,
        obj(item(7, Some("seven"))),
        obj(Leaf { v: 3 }),
        obj(1.5f64),
    ])
}

fn lists() -> Lists {
    Lists {
        strings: Some(ArrayList(vec![Some(s("a")), Some(s("b"))])),
        ints: Some(ArrayList(vec![Some(1), Some(2), Some(300)])),
        items: Some(ArrayList(vec![
            Some(item(1, Some("i"))),
            Some(item(2, Some("j"))),
        ])),
        leaves: Some(ArrayList(vec![Some(Leaf { v: 5 }), Some(Leaf { v: 6 })])),
        raw: Some(ArrayList(vec![obj(s("r")), obj(s("s"))])),
        any: obj::<AnyList>(ArrayList(vec![obj(1i32), obj(2i32)])),
        none: None,
        linked: Some(LinkedList(vec![1, 1 << 40])),
        nested: Some(ArrayList(vec![
            Some(ArrayList(vec![Some(s("p")), Some(s("q"))])),
            Some(ArrayList(vec![])),
        ])),
    }
}

fn lists_nulls() -> Lists {
    Lists {
        strings: Some(ArrayList(vec![Some(s("a")), None])),
        ints: Some(ArrayList(vec![None, Some(2)])),
        items: Some(ArrayList(vec![Some(item(1, None)), None])),
        leaves: Some(ArrayList(vec![None, Some(Leaf { v: 6 })])),
        raw: Some(ArrayList(vec![None, None])),
        any: obj::<AnyList>(ArrayList(vec![None])),
        none: None,
        linked: Some(LinkedList(vec![])),
        nested: Some(ArrayList(vec![None, Some(ArrayList(vec![None]))])),
    }
}

// ----- maps --------------------------------------------------------------------

fn hashmap_collide() -> HashMap<String, i32> {
    let mut keys = colliding(3);
    keys.reverse();
    let mut m: HashMap<String, i32> = keys.into_iter().zip(0..).collect();
    for j in 0..20 {
        m.insert(format!("k{j}"), j);
    }
    m
}

fn hashmap_resize() -> HashMap<String, i32> {
    (0..100).rev().map(|j| (format!("key{j}"), j)).collect()
}

fn hashmap_tree() -> HashMap<String, i32> {
    let mut m: HashMap<String, i32> = (0..60).map(|j| (format!("x{j}"), j)).collect();
    for (k, i) in colliding(5).into_iter().zip(0..) {
        m.insert(k, i);
    }
    m
}

fn hashmap_ints() -> HashMap<i32, i64> {
    let keys = [
        -1,
        0,
        17,
        16,
        1 << 16,
        -65536,
        i32::MIN,
        i32::MAX,
        33,
        1,
        48,
    ];
    keys.into_iter().map(|k| (k, i64::from(k) * 3)).collect()
}

fn hashmap_longs() -> HashMap<i64, String> {
    let keys = [-1i64, 0, 1 << 32, (1 << 32) + 1, i64::MIN, 5, -5];
    keys.into_iter().map(|k| (k, format!("v{k}"))).collect()
}

fn hashmap_mixed_keys() -> HashMap<Obj, Option<Obj>> {
    vec![
        (Box::new(1i32) as Obj, obj(s("int"))),
        (Box::new(s("a")), obj(1i64)),
        (Box::new(2.5f64), None),
        (Box::new(true), obj(Leaf { v: 1 })),
        (Box::new(u16::from(b'c')), obj(s("char"))),
    ]
    .into()
}

fn treemap() -> TreeMap<String, i32> {
    let keys = [
        "b",
        "a",
        "",
        "Z",
        "\u{e9}",
        "\u{e000}",
        "\u{ffff}",
        "\u{1f600}",
        "\u{10000}",
        "a\0",
    ];
    keys.into_iter().map(s).zip(0..).collect()
}

fn maps() -> Maps {
    Maps {
        counts: Some(vec![(s("one"), Some(1)), (s("two"), Some(2)), (s("none"), None)].into()),
        nested: Some(
            vec![
                (s("evens"), Some(ArrayList(vec![2, 4]))),
                (s("empty"), Some(ArrayList(vec![]))),
                (s("null"), None),
            ]
            .into(),
        ),
        by_id: Some(vec![(Some(10), s("ten")), (None, s("nothing"))].into()),
        sorted: Some(vec![(s("b"), Leaf { v: 2 }), (s("a"), Leaf { v: 1 })].into()),
        linked: Some(LinkedHashMap(vec![
            (s("i"), Some(item(9, Some("nine")))),
            (s("n"), None),
        ])),
        raw: Some(vec![(obj(s("r")), obj(1i32))].into()),
        any: obj::<TreeMap<Obj, Option<Obj>>>(vec![(Box::new(s("t")) as Obj, obj(1i64))].into()),
        none: None,
    }
}

/// `CasesCollections.chm(keys)`: values 0, 1, ... in key order.
fn chm(keys: impl IntoIterator<Item = String>) -> ConcurrentHashMap<String, i32> {
    keys.into_iter().zip(0..).collect()
}

/// The ConcurrentHashMap cases.
fn chm_cases(g: &mut Graphs) {
    both(g, "chm_small", chm(["b", "a", "Aa", "BB"].map(s)));
    let mut keys = colliding(3);
    keys.reverse();
    keys.extend((0..20).map(|j| format!("k{j}")));
    both_large(g, "chm_collide", chm(keys));
    both_large(
        g,
        "chm_resize",
        chm((0..100).rev().map(|j| format!("key{j}"))),
    );
    both(g, "chm_presize", chm(colliding(4)));
    let keys = (0..60)
        .map(|j| format!("x{j}"))
        .chain(colliding(5))
        .chain((0..40).map(|j| format!("y{j}")));
    both_large(g, "chm_tree", chm(keys));
}

// ----- sets --------------------------------------------------------------------

fn hashset() -> HashSet<String> {
    let mut set: HashSet<String> = (0..50).map(|j| format!("e{}", j * 7 % 50)).collect();
    set.insert(s("Aa"));
    set.insert(s("BB"));
    set
}

fn sets() -> Sets {
    Sets {
        hash: Some(vec![Some(s("x")), Some(s("y")), None].into()),
        linked: Some(LinkedHashSet(vec![3, 1, 2])),
        tree: Some(vec![s("b"), s("a")].into()),
        longs: Some(vec![1 << 33, -1, 0].into()),
        any: obj::<HashSet<Option<Obj>>>(vec![obj(1i32), obj(2i32)].into()),
    }
}

// ----- Object fields, sharing, cycles ------------------------------------------

fn holder() -> Holder {
    let set: TreeSet<Obj> = vec![Box::new(3i32) as Obj, Box::new(1i32)].into();
    let map: AnyMap = vec![
        (obj(s("list")), obj::<AnyList>(ArrayList(vec![obj(s("x"))]))),
        (obj(s("set")), obj(EmptySet)),
    ]
    .into();
    Holder {
        a: obj(set),
        b: obj(map),
        c: obj(SingletonList(obj(s("c")))),
    }
}

fn holder_shared() -> Holder {
    let list: Shared<AnyList> = Arc::new(Mutex::new(ArrayList(vec![obj(s("p")), obj(s("q"))])));
    Holder {
        a: obj(list.clone()),
        b: obj(list.clone()),
        c: obj(list),
    }
}

fn holder_shared_shape(h: &Holder) -> Result<(), String> {
    let get = |o: &Option<Obj>| {
        o.as_ref()
            .and_then(|o| o.downcast_ref::<Shared<AnyList>>())
            .cloned()
            .ok_or_else(|| format!("not a shared list: {o:?}"))
    };
    let (a, b, c) = (get(&h.a)?, get(&h.b)?, get(&h.c)?);
    (Arc::ptr_eq(&a, &b) && Arc::ptr_eq(&a, &c))
        .then_some(())
        .ok_or_else(|| "a, b and c are not one list".into())
}

fn list_self() -> Shared<AnyList> {
    let list: Shared<AnyList> = Arc::default();
    let x = Arc::new(s("x"));
    *list.lock().unwrap() = ArrayList(vec![obj(x.clone()), obj(list.clone()), obj(x)]);
    list
}

fn list_self_shape(l: &Shared<AnyList>) -> Result<(), String> {
    let inner = l.lock().unwrap()[1]
        .as_ref()
        .and_then(|o| o.downcast_ref::<Shared<AnyList>>())
        .cloned()
        .ok_or("element 1 is not a shared list")?;
    Arc::ptr_eq(&inner, l)
        .then_some(())
        .ok_or_else(|| "element 1 is not the list itself".into())
}

fn map_self() -> Shared<AnyLinkedMap> {
    let map: Shared<AnyLinkedMap> = Arc::default();
    *map.lock().unwrap() = LinkedHashMap(vec![
        (obj(s("self")), obj(map.clone())),
        (obj(s("n")), obj(1i32)),
    ]);
    map
}

fn map_self_shape(m: &Shared<AnyLinkedMap>) -> Result<(), String> {
    let inner = m.lock().unwrap()[0]
        .1
        .as_ref()
        .and_then(|o| o.downcast_ref::<Shared<AnyLinkedMap>>())
        .cloned()
        .ok_or("value of \"self\" is not a shared map")?;
    Arc::ptr_eq(&inner, m)
        .then_some(())
        .ok_or_else(|| "value of \"self\" is not the map itself".into())
}

// ----- cases -------------------------------------------------------------------

/// Cases under the configurations `kryo` and `kryo_refs` alike.
fn both(g: &mut Graphs, name: &str, value: impl KryoType + Clone + Debug + 'static) {
    g.add(Case::new(name, kryo, value.clone())).add(Case::new(
        format!("refs.{name}"),
        kryo_refs,
        value,
    ));
}

/// [`both`] for large values: the truncation and corruption sweeps (which
/// read the bytes ten times per byte) run without references only.
fn both_large(g: &mut Graphs, name: &str, value: impl KryoType + Clone + Debug + 'static) {
    g.add(Case::new(name, kryo, value.clone()))
        .add(Case::new(format!("refs.{name}"), kryo_refs, value).sweep(false));
}

/// The ArrayList cases (lists in fields with and without type arguments,
/// at the top level, null elements, nested lists).
pub fn list_cases(g: &mut Graphs) {
    both(g, "list_empty", ArrayList::<String>(vec![]));
    both(g, "list_strings", ArrayList(vec![s("a"), s("b"), s("c")]));
    both(g, "list_nulls", ArrayList(vec![None, Some(s("a")), None]));
    both(
        g,
        "list_allnull",
        ArrayList::<Option<String>>(vec![None, None]),
    );
    both(
        g,
        "list_ints",
        ArrayList(vec![1, -1, 0, i32::MAX, i32::MIN, 64]),
    );
    both(g, "list_mixed", list_mixed());
    both(
        g,
        "list_items",
        ArrayList(vec![
            Some(item(1, Some("one"))),
            Some(item(2, None)),
            None,
            Some(item(3, Some("three"))),
        ]),
    );
    both(
        g,
        "list_leaves",
        ArrayList(vec![Leaf { v: 1 }, Leaf { v: 2 }]),
    );
    let of_lists: ArrayList<Option<Obj>> = ArrayList(vec![
        obj::<AnyList>(ArrayList(vec![obj(s("a"))])),
        obj::<AnyList>(ArrayList(vec![])),
        None,
        obj::<AnyList>(ArrayList(vec![obj(1i32), obj(2i32)])),
    ]);
    both(g, "list_of_lists", of_lists);
    both(g, "lists", lists());
    both(g, "lists_nulls", lists_nulls());
    let vec_fields = VecFields {
        names: vec![s("a"), s("b")],
        leaves: Some(vec![Leaf { v: 1 }]),
        none: None,
        items: vec![item(1, Some("x")), item(2, None)],
    };
    both(g, "vec_fields", vec_fields.clone());
    g.add(Case::new("compat.vec_fields", kryo_compat, vec_fields))
        .add(Case::new("compat.lists", kryo_compat, lists()))
        .add(Case::new("compat.lists_nulls", kryo_compat, lists_nulls()));
    g.add(
        Case::new(
            "list_strings",
            kryo,
            ArrayList(vec![s("a"), s("b"), s("c")]),
        )
        .entry(Entry::Object),
    )
    .add(Case::new("lists", kryo, lists()).entry(Entry::Object));
}

/// Every other case of `CasesCollections.java`.
pub fn cases(g: &mut Graphs) {
    both(
        g,
        "linked",
        LinkedList(vec![Some(s("x")), None, Some(s("y"))]),
    );
    both(
        g,
        "arrays_aslist",
        ArraysAsList(vec![Some(s("a")), None, Some(s("b"))]),
    );

    both(g, "hashmap_empty", HashMap::<String, String>::new());
    both(
        g,
        "hashmap_small",
        HashMap::from(vec![
            (s("b"), Some(2)),
            (s("a"), Some(1)),
            (s("c"), None),
            (s("\u{e9}t\u{e9}"), Some(4)),
        ]),
    );
    both(
        g,
        "hashmap_nullkey",
        HashMap::from(vec![(Some(s("k")), s("v")), (None, s("n"))]),
    );
    both_large(g, "hashmap_collide", hashmap_collide());
    both_large(g, "hashmap_resize", hashmap_resize());
    both_large(g, "hashmap_tree", hashmap_tree());
    both(g, "hashmap_ints", hashmap_ints());
    both(g, "hashmap_longs", hashmap_longs());
    both(g, "hashmap_mixed_keys", hashmap_mixed_keys());
    both(
        g,
        "linked_hashmap",
        LinkedHashMap(vec![
            (Some(s("z")), obj(1i32)),
            (Some(s("a")), None),
            (None, obj(s("null key"))),
            (Some(s("m")), obj(item(1, Some("x")))),
        ]),
    );
    both(g, "treemap", treemap());
    both(
        g,
        "treemap_ints",
        [5, -5, 0, i32::MIN, i32::MAX, 3]
            .into_iter()
            .map(|k| (k, format!("v{k}")))
            .collect::<TreeMap<i32, String>>(),
    );
    both(g, "maps", maps());
    g.add(Case::new("compat.maps", kryo_compat, maps()))
        .add(Case::new("compat.sets", kryo_compat, sets()));
    let keys: HashMap<Key, String> = vec![
        (key("b", 0), s("b0")),
        (key("a", 31), s("a31")),
        (key("a", 1), s("a1")),
        (key("\u{e9}", -4), s("e")),
    ]
    .into();
    both(g, "key_hashmap", keys);
    let keys: TreeMap<Key, i32> = vec![
        (key("b", 0), 1),
        (key("a", 31), 2),
        (key("a", 1), 3),
        (key("\u{1f600}", 0), 4),
        (key("\u{ffff}", 0), 5),
    ]
    .into();
    both(g, "key_treemap", keys);

    both(g, "hashset", hashset());
    both(
        g,
        "hashset_nulls",
        HashSet::from(vec![obj(s("a")), None, obj(3i32)]),
    );
    both(
        g,
        "linked_hashset",
        LinkedHashSet(vec![Some(s("z")), Some(s("a")), None, Some(s("m"))]),
    );
    both(
        g,
        "treeset",
        TreeSet::from(vec![s("\u{fb01}"), s("\u{1f600}"), s("a"), s("B"), s("")]),
    );
    both(g, "sets", sets());

    both(g, "deque", ArrayDeque(vec![s("a"), s("b")]));
    both(g, "vector", Vector(vec![obj(1i32), None, obj(s("x"))]));
    both(g, "cow_list", CopyOnWriteArrayList(vec![1i64, 2]));
    let skiplist: ConcurrentSkipListMap<String, i32> = vec![
        (s("b"), 1),
        (s("a"), 2),
        (s("\u{1f600}"), 3),
        (s("\u{e000}"), 4),
    ]
    .into();
    both(g, "skiplist_map", skiplist);
    let mut queue = PriorityQueue::new();
    for x in [5, 1, 4, 2, 3, -1] {
        queue.push(x);
    }
    both(g, "priority_queue", queue);

    chm_cases(g);

    both(g, "empty_list", EmptyList);
    both(g, "empty_set", EmptySet);
    both(g, "empty_map", EmptyMap);
    both(g, "singleton_list", SingletonList(s("one")));
    both(g, "singleton_set", SingletonSet(5i32));
    both(
        g,
        "singleton_map",
        SingletonMap {
            key: s("k"),
            value: Leaf { v: 4 },
        },
    );
    both(g, "list_of0", ImmutableList::<String>(vec![]));
    both(g, "list_of1", ImmutableList(vec![s("a")]));
    both(g, "list_of2", ImmutableList(vec![1i32, 2]));
    both(
        g,
        "list_of3",
        ImmutableList::<Obj>(vec![Box::new(s("a")), Box::new(1i32), Box::new(2i64)]),
    );
    both(g, "set_of0", ImmutableSet::<String>(vec![]));
    both(g, "set_of1", ImmutableSet(vec![s("only")]));
    both(g, "map_of0", ImmutableMap::<String, i32>(vec![]));
    both(g, "map_of1", ImmutableMap(vec![(s("k"), 1i32)]));

    both(g, "holder", holder());
    g.add(Case::new("byname.list_mixed", kryo_byname, list_mixed()))
        .add(Case::new("byname.lists", kryo_byname, lists()))
        .add(Case::new("byname.maps", kryo_byname, maps()))
        .add(Case::new("byname.sets", kryo_byname, sets()))
        .add(Case::new("byname.holder", kryo_byname, holder()))
        .add(Case::new(
            "byname.hashmap_mixed_keys",
            kryo_byname,
            hashmap_mixed_keys(),
        ))
        .add(Case::new(
            "byname.list_of3",
            kryo_byname,
            ImmutableList::<Obj>(vec![Box::new(s("a")), Box::new(1i32), Box::new(2i64)]),
        ))
        .add(Case::new(
            "byname.map_of1",
            kryo_byname,
            ImmutableMap(vec![(s("k"), 1i32)]),
        ))
        .add(Case::new(
            "byname.singleton_map",
            kryo_byname,
            SingletonMap {
                key: s("k"),
                value: Leaf { v: 4 },
            },
        ));
    g.add(Case::new("holder", kryo, holder()).entry(Entry::Object))
        .add(Case::new("hashmap_collide", kryo, hashmap_collide()).entry(Entry::Object))
        .add(Case::new("refs.treemap", kryo_refs, treemap()).entry(Entry::Object))
        .add(Case::new("hashset", kryo, hashset()).entry(Entry::Object))
        .add(Case::new("map_of1", kryo, ImmutableMap(vec![(s("k"), 1i32)])).entry(Entry::Object))
        .add(Case::new("singleton_list", kryo, SingletonList(s("one"))).entry(Entry::Object))
        .add(Case::new("empty_map", kryo, EmptyMap).entry(Entry::Object));
    g.add(
        Case::new("cycles.holder_shared", kryo_cycles, holder_shared()).check(holder_shared_shape),
    )
    .add(Case::new("cycles.list_self", kryo_cycles, list_self()).check(list_self_shape))
    .add(Case::new("cycles.map_self", kryo_cycles, map_self()).check(map_self_shape));
}

// ----- Set.of and Map.of of two or more ----------------------------------------

/// `Set.of`/`Map.of` with two or more elements iterate in an order the JVM
/// picks at start-up, so their bytes cannot be compared. Instead: kryo5
/// reads Java's bytes to the same elements (in any order), and Java reads
/// kryo5's bytes to a value equal to its own (`GraphEquals` compares sets
/// and maps without order). Returns the failures.
pub fn unordered_immutables() -> Vec<String> {
    let checks: Vec<Unordered> = vec![
        unordered("set_of2", ImmutableSet(vec![s("a"), s("b")])),
        unordered("set_of5", ImmutableSet((1..=5).collect())),
        unordered(
            "map_of3",
            ImmutableMap(vec![(s("x"), 1i32), (s("y"), 2), (s("z"), 3)]),
        ),
    ];
    let mut script = String::new();
    for c in &checks {
        script.push_str(&format!("GRAPH WRITE {} cao\n", c.name));
        script.push_str(&format!("GRAPH READ {} cao x{}\n", c.name, hex(&c.kryo5)));
    }
    let stdout = jvm().run_text(&script);
    let mut lines = stdout.lines();
    let mut failures = Vec::new();
    for c in &checks {
        let (write, read) = (lines.next().unwrap_or(""), lines.next().unwrap_or(""));
        match write.strip_prefix("OK x").and_then(unhex) {
            Some(java) => {
                if let Err(e) = (c.read_java)(&java) {
                    failures.push(format!("{}: kryo5 reading Java's bytes: {e}", c.name));
                }
            }
            None => failures.push(format!("{}: Java could not write: {write}", c.name)),
        }
        if !read.starts_with("OK ") {
            failures.push(format!("{}: Java reading kryo5's bytes: {read}", c.name));
        }
    }
    failures
}

/// Reads Java's bytes and compares the value read.
type ReadJava = Box<dyn Fn(&[u8]) -> Result<(), String>>;

/// One unordered check: kryo5's bytes, and a reader of Java's.
struct Unordered {
    name: &'static str,
    kryo5: Vec<u8>,
    read_java: ReadJava,
}

/// An unordered check of `value`: equal when the `Debug` texts of the
/// elements, sorted, are.
fn unordered<T, E>(name: &'static str, value: T) -> Unordered
where
    T: KryoType + Debug + std::ops::Deref<Target = Vec<E>>,
    E: Debug,
{
    let sorted = |v: &T| {
        let mut items: Vec<String> = v.iter().map(|e| format!("{e:?}")).collect();
        items.sort();
        items
    };
    let mut out = Output::new();
    kryo()
        .write_class_and_object(&mut out, Some(&value))
        .expect("kryo5 writes the value");
    let want = sorted(&value);
    Unordered {
        name,
        kryo5: out.into_vec(),
        read_java: Box::new(move |java| {
            let mut input = Input::new(java);
            let got: T = kryo()
                .read_class_and_object_as(&mut input)
                .map_err(|e| e.to_string())?
                .ok_or("null")?;
            if input.total() != java.len() as u64 {
                return Err(format!("read {} of {} bytes", input.total(), java.len()));
            }
            let got = sorted(&got);
            (got == want)
                .then_some(())
                .ok_or_else(|| format!("read {got:?}, expected {want:?}"))
        }),
    }
}
