//! Kryo's `copy` of collections and maps: deep, keeping the order Java
//! would write, the comparator, sharing and cycles.

use std::sync::{Arc, Mutex};

use kryo5::io::Output;
use kryo5::serializers::hash::HashMap;
use kryo5::serializers::list::ArrayList;
use kryo5::serializers::sorted::{ReverseComparator, TreeSet};
use kryo5::{Kryo, KryoType, Object};

type Obj = Box<dyn Object>;
type SharedList = Arc<Mutex<ArrayList<Option<Obj>>>>;

fn bytes<T: KryoType>(kryo: &mut Kryo, v: &T) -> Vec<u8> {
    let mut out = Output::new();
    kryo.write_object(&mut out, v).unwrap();
    out.into_vec()
}

#[test]
fn copies_are_deep_keep_sharing_and_write_the_same_bytes() {
    type Ints = Arc<Mutex<ArrayList<i32>>>;
    let mut kryo = Kryo::new();
    kryo.register::<ArrayList<Option<Obj>>>();
    kryo.register::<Ints>();
    kryo.register::<HashMap<String, ArrayList<Option<Obj>>>>();
    let shared: Ints = Arc::new(Mutex::new(ArrayList(vec![1, 2])));
    let map: HashMap<String, ArrayList<Option<Obj>>> = vec![
        (
            "b".to_string(),
            ArrayList(vec![Some(Box::new(shared.clone()) as Obj), None]),
        ),
        (
            "a".to_string(),
            ArrayList(vec![Some(Box::new(shared.clone()) as Obj)]),
        ),
    ]
    .into();
    let copy = kryo.copy(&map).unwrap();
    kryo.set_references(true);
    assert_eq!(bytes(&mut kryo, &copy), bytes(&mut kryo, &map));
    let ints = |m: &HashMap<String, ArrayList<Option<Obj>>>, k: &str| {
        m.get(&k.to_string()).unwrap()[0]
            .as_ref()
            .and_then(|o| o.downcast_ref::<Ints>())
            .cloned()
            .unwrap()
    };
    // One new list, met twice; not the original.
    assert!(Arc::ptr_eq(&ints(&copy, "a"), &ints(&copy, "b")));
    assert!(!Arc::ptr_eq(&ints(&copy, "a"), &shared));
    assert_eq!(ints(&copy, "a").lock().unwrap().0, [1, 2]);
}

#[test]
fn copies_keep_the_comparator() {
    let mut kryo = Kryo::new();
    kryo.register::<ReverseComparator>();
    kryo.register::<TreeSet<i32>>();
    let set = TreeSet::with_comparator(vec![1, 3, 2], ReverseComparator);
    let copy = kryo.copy(&set).unwrap();
    assert_eq!(copy.sorted(), [&3, &2, &1]);
    assert_eq!(bytes(&mut kryo, &copy), bytes(&mut kryo, &set));
}

#[test]
fn a_list_holding_itself_is_copied_as_a_new_cycle() {
    let mut kryo = Kryo::new();
    let list: SharedList = Arc::default();
    *list.lock().unwrap() = ArrayList(vec![Some(Box::new(list.clone()) as Obj), None]);
    let copy = kryo.copy(&list).unwrap();
    assert!(!Arc::ptr_eq(&copy, &list));
    let inner = copy.lock().unwrap()[0]
        .as_ref()
        .and_then(|o| o.downcast_ref::<SharedList>())
        .cloned()
        .expect("element 0 is a shared list");
    assert!(
        Arc::ptr_eq(&inner, &copy),
        "the copy's cycle closes on the copy"
    );
    // Break the cycles so the test does not leak.
    copy.lock().unwrap().clear();
    list.lock().unwrap().clear();
}
