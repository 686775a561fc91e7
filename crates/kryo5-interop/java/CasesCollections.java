/*
 * Graph cases for collections and maps: ArrayList, LinkedList, HashSet,
 * LinkedHashSet, TreeSet, HashMap, LinkedHashMap, TreeMap, Arrays.asList,
 * Collections.empty and singleton classes, List.of / Set.of / Map.of, in
 * fields with and without type arguments, in Object fields, at the top
 * level, with null elements, keys and values, shared and self-containing.
 * Mirrored by crates/kryo5-interop/tests/graphs/collections.rs.
 *
 * HashMap/HashSet cases exercise Java's iteration order: colliding String
 * hashes ("Aa" and "BB" both hash to 2112), tables that resize, and a bin
 * of colliding keys that becomes a tree. TreeMap cases exercise String's
 * compareTo (UTF-16 units: a surrogate pair sorts before U+E000..U+FFFF).
 *
 * Set.of and Map.of with two or more elements iterate in an order the JVM
 * randomises at start-up (ImmutableCollections.SALT), so Java's own bytes
 * change from run to run: only 0 and 1 elements are compared here.
 *
 * No case has a Collections.reverseOrder() comparator: Kryo 5.6 on Java 17
 * writes one (an empty FieldSerializer payload) but cannot read it back
 * ("Class cannot be created (missing no-arg constructor)": the class is
 * private to java.util), so Java rejects its own bytes.
 *
 * Configurations: kryo() registers the model classes and the collection
 * classes, then ImmutableCollectionsSerializers.registerSerializers (the
 * Rust side registers the same classes in the same order); kryo_refs turns
 * references on first; kryo_cycles is kryo_refs for the cases whose Rust
 * side reads Object positions as shared values (Arc<Mutex<_>>); kryo_byname
 * registers nothing.
 */

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.CompatibleFieldSerializer;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Vector;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

public final class CasesCollections {
    private CasesCollections() {}

    // ----- model -----------------------------------------------------------------

    public static class Item {
        int id;
        String name;
    }

    public static final class Leaf {
        int v;
    }

    public static class Lists {
        List<String> strings;
        ArrayList<Integer> ints;
        List<Item> items;
        List<Leaf> leaves;
        @SuppressWarnings("rawtypes")
        List raw;
        Object any;
        List<String> none;
        LinkedList<Long> linked;
        List<List<String>> nested;
    }

    public static class Maps {
        Map<String, Integer> counts;
        HashMap<String, List<Integer>> nested;
        Map<Integer, String> byId;
        TreeMap<String, Leaf> sorted;
        LinkedHashMap<String, Item> linked;
        @SuppressWarnings("rawtypes")
        Map raw;
        Object any;
        Map<String, String> none;
    }

    public static class Sets {
        Set<String> hash;
        LinkedHashSet<Integer> linked;
        TreeSet<String> tree;
        Set<Long> longs;
        Object any;
    }

    /** Lists the Rust side holds as Vec (#[kryo(list)]). */
    public static class VecFields {
        List<String> names;
        ArrayList<Leaf> leaves;
        List<Integer> none;
        List<Item> items;
    }

    /** A key class with its own hashCode and compareTo. */
    public static final class Key implements Comparable<Key> {
        String name;
        int x;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && ((Key) o).name.equals(name) && ((Key) o).x == x;
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, x);
        }

        @Override
        public int compareTo(Key o) {
            int c = name.compareTo(o.name);
            return c != 0 ? c : Integer.compare(x, o.x);
        }
    }

    public static class Holder {
        Object a;
        Object b;
        List<String> c;
    }

    // ----- configurations --------------------------------------------------------

    static void registerAll(Kryo k) {
        k.register(Item.class);
        k.register(Leaf.class);
        k.register(Lists.class);
        k.register(Maps.class);
        k.register(Sets.class);
        k.register(Holder.class);
        k.register(ArrayList.class);
        k.register(LinkedList.class);
        k.register(HashMap.class);
        k.register(HashSet.class);
        k.register(LinkedHashMap.class);
        k.register(LinkedHashSet.class);
        k.register(TreeMap.class);
        k.register(TreeSet.class);
        k.register(Arrays.asList().getClass());
        k.register(Collections.emptyList().getClass());
        k.register(Collections.emptySet().getClass());
        k.register(Collections.emptyMap().getClass());
        k.register(Collections.singletonList(1).getClass());
        k.register(Collections.singleton(1).getClass());
        k.register(Collections.singletonMap(1, 1).getClass());
        k.register(Collections.reverseOrder().getClass());
        ImmutableCollectionsSerializers.registerSerializers(k);
        k.register(VecFields.class);
        k.register(ArrayDeque.class);
        k.register(Vector.class);
        k.register(CopyOnWriteArrayList.class);
        k.register(ConcurrentSkipListMap.class);
        k.register(PriorityQueue.class);
        k.register(ConcurrentHashMap.class);
        k.register(Key.class);
    }

    public static Kryo kryo() {
        Kryo k = new Kryo();
        registerAll(k);
        return k;
    }

    public static Kryo kryo_refs() {
        Kryo k = new Kryo();
        k.setReferences(true);
        registerAll(k);
        return k;
    }

    /** As kryo_refs (the Rust side reads Object positions as shared values). */
    public static Kryo kryo_cycles() {
        return kryo_refs();
    }

    /** The model classes with CompatibleFieldSerializer (default config). */
    public static Kryo kryo_compat() {
        Kryo k = new Kryo();
        k.setDefaultSerializer(CompatibleFieldSerializer.class);
        registerAll(k);
        return k;
    }

    public static Kryo kryo_byname() {
        Kryo k = new Kryo();
        k.setRegistrationRequired(false);
        return k;
    }

    // ----- helpers -----------------------------------------------------------------

    /** A fresh string (equal literals are one object in Java). */
    static String s(String v) {
        return new String(v.toCharArray());
    }

    static Item item(int id, String name) {
        Item i = new Item();
        i.id = id;
        i.name = name;
        return i;
    }

    static Leaf leaf(int v) {
        Leaf l = new Leaf();
        l.v = v;
        return l;
    }

    static ArrayList<Object> list(Object... xs) {
        return new ArrayList<>(Arrays.asList(xs));
    }

    /** 2^n strings of n "Aa"/"BB" pairs: all with one hash code. */
    static List<String> colliding(int n) {
        List<String> out = new ArrayList<>();
        for (int bits = 0; bits < (1 << n); bits++) {
            StringBuilder b = new StringBuilder();
            for (int i = n - 1; i >= 0; i--) {
                b.append((bits >> i & 1) == 0 ? "Aa" : "BB");
            }
            out.add(b.toString());
        }
        return out;
    }

    // ----- lists -------------------------------------------------------------------

    public static Object value_list_empty() {
        return new ArrayList<String>();
    }

    public static Object value_list_strings() {
        return list(s("a"), s("b"), s("c"));
    }

    public static Object value_list_nulls() {
        return list(null, s("a"), null);
    }

    public static Object value_list_allnull() {
        return list(null, null);
    }

    public static Object value_list_ints() {
        return list(1, -1, 0, Integer.MAX_VALUE, Integer.MIN_VALUE, 64);
    }

    public static Object value_list_mixed() {
        return list(1, s("a"), 2L, null, item(7, s("seven")), leaf(3), 1.5);
    }

    public static Object value_list_items() {
        return list(item(1, s("one")), item(2, null), null, item(3, s("three")));
    }

    public static Object value_list_leaves() {
        return list(leaf(1), leaf(2));
    }

    public static Object value_list_of_lists() {
        return list(list(s("a")), new ArrayList<>(), null, list(1, 2));
    }

    public static Object value_linked() {
        return new LinkedList<>(Arrays.asList(s("x"), null, s("y")));
    }

    public static Object value_lists() {
        Lists l = new Lists();
        l.strings = new ArrayList<>(Arrays.asList(s("a"), s("b")));
        l.ints = new ArrayList<>(Arrays.asList(1, 2, 300));
        l.items = new ArrayList<>(Arrays.asList(item(1, s("i")), item(2, s("j"))));
        l.leaves = new ArrayList<>(Arrays.asList(leaf(5), leaf(6)));
        l.raw = list(s("r"), s("s"));
        l.any = list(1, 2);
        l.linked = new LinkedList<>(Arrays.asList(1L, 1L << 40));
        l.nested = new ArrayList<>(Arrays.asList(
                new ArrayList<>(Arrays.asList(s("p"), s("q"))), new ArrayList<>()));
        return l;
    }

    public static Object value_lists_nulls() {
        Lists l = new Lists();
        l.strings = new ArrayList<>(Arrays.asList(s("a"), null));
        l.ints = new ArrayList<>(Arrays.asList(null, 2));
        l.items = new ArrayList<>(Arrays.asList(item(1, null), null));
        l.leaves = new ArrayList<>(Arrays.asList(null, leaf(6)));
        l.raw = list(null, null);
        l.any = list((Object) null);
        l.linked = new LinkedList<>();
        l.nested = new ArrayList<>(Arrays.asList(null, new ArrayList<>(Arrays.asList((String) null))));
        return l;
    }

    public static Object value_vec_fields() {
        VecFields v = new VecFields();
        v.names = new ArrayList<>(Arrays.asList(s("a"), s("b")));
        v.leaves = new ArrayList<>(Arrays.asList(leaf(1)));
        v.items = new ArrayList<>(Arrays.asList(item(1, s("x")), item(2, null)));
        return v;
    }

    public static Object value_arrays_aslist() {
        return Arrays.asList(s("a"), null, s("b"));
    }

    // ----- maps --------------------------------------------------------------------

    public static Object value_hashmap_empty() {
        return new HashMap<String, String>();
    }

    public static Object value_hashmap_small() {
        HashMap<String, Integer> m = new HashMap<>();
        m.put(s("b"), 2);
        m.put(s("a"), 1);
        m.put(s("c"), null);
        m.put(s("\u00e9t\u00e9"), 4);
        return m;
    }

    public static Object value_hashmap_nullkey() {
        HashMap<String, String> m = new HashMap<>();
        m.put(s("k"), s("v"));
        m.put(null, s("n"));
        return m;
    }

    /** Colliding hashes in one bucket (insertion order), through resizes. */
    public static Object value_hashmap_collide() {
        HashMap<String, Integer> m = new HashMap<>();
        List<String> keys = colliding(3);
        Collections.reverse(keys);
        int i = 0;
        for (String k : keys) {
            m.put(s(k), i++);
        }
        for (int j = 0; j < 20; j++) {
            m.put(s("k" + j), j);
        }
        return m;
    }

    /** 100 keys: the table resizes 16 -> 256. */
    public static Object value_hashmap_resize() {
        HashMap<String, Integer> m = new HashMap<>();
        for (int j = 99; j >= 0; j--) {
            m.put(s("key" + j), j);
        }
        return m;
    }

    /** 32 colliding keys in a table of 128: a tree bin. */
    public static Object value_hashmap_tree() {
        HashMap<String, Integer> m = new HashMap<>();
        for (int j = 0; j < 60; j++) {
            m.put(s("x" + j), j);
        }
        int i = 0;
        for (String k : colliding(5)) {
            m.put(s(k), i++);
        }
        return m;
    }

    public static Object value_hashmap_ints() {
        HashMap<Integer, Long> m = new HashMap<>();
        int[] keys = {-1, 0, 17, 16, 1 << 16, -65536, Integer.MIN_VALUE, Integer.MAX_VALUE, 33, 1, 48};
        for (int k : keys) {
            m.put(k, (long) k * 3);
        }
        return m;
    }

    public static Object value_hashmap_longs() {
        HashMap<Long, String> m = new HashMap<>();
        long[] keys = {-1L, 0L, 1L << 32, (1L << 32) + 1, Long.MIN_VALUE, 5L, -5L};
        for (long k : keys) {
            m.put(k, s("v" + k));
        }
        return m;
    }

    public static Object value_hashmap_mixed_keys() {
        HashMap<Object, Object> m = new HashMap<>();
        m.put(1, s("int"));
        m.put(s("a"), 1L);
        m.put(2.5, null);
        m.put(true, leaf(1));
        m.put('c', s("char"));
        return m;
    }

    public static Object value_linked_hashmap() {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        m.put(s("z"), 1);
        m.put(s("a"), null);
        m.put(null, s("null key"));
        m.put(s("m"), item(1, s("x")));
        return m;
    }

    public static Object value_treemap() {
        TreeMap<String, Integer> m = new TreeMap<>();
        String[] keys = {"b", "a", "", "Z", "\u00e9", "\ue000", "\uffff", "\ud83d\ude00", "\ud800\udc00", "a\u0000"};
        int i = 0;
        for (String k : keys) {
            m.put(s(k), i++);
        }
        return m;
    }

    public static Object value_treemap_ints() {
        TreeMap<Integer, String> m = new TreeMap<>();
        for (int k : new int[] {5, -5, 0, Integer.MIN_VALUE, Integer.MAX_VALUE, 3}) {
            m.put(k, s("v" + k));
        }
        return m;
    }

    public static Object value_maps() {
        Maps m = new Maps();
        m.counts = new HashMap<>();
        m.counts.put(s("one"), 1);
        m.counts.put(s("two"), 2);
        m.counts.put(s("none"), null);
        m.nested = new HashMap<>();
        m.nested.put(s("evens"), new ArrayList<>(Arrays.asList(2, 4)));
        m.nested.put(s("empty"), new ArrayList<>());
        m.nested.put(s("null"), null);
        m.byId = new HashMap<>();
        m.byId.put(10, s("ten"));
        m.byId.put(null, s("nothing"));
        m.sorted = new TreeMap<>();
        m.sorted.put(s("b"), leaf(2));
        m.sorted.put(s("a"), leaf(1));
        m.linked = new LinkedHashMap<>();
        m.linked.put(s("i"), item(9, s("nine")));
        m.linked.put(s("n"), null);
        m.raw = new HashMap<>();
        m.raw.put(s("r"), 1);
        m.any = new TreeMap<>(Map.of(s("t"), 1L));
        return m;
    }

    static Key key(String name, int x) {
        Key k = new Key();
        k.name = s(name);
        k.x = x;
        return k;
    }

    /** User keys, ("a", 31) and ("b", 0) with one hash code (3999). */
    public static Object value_key_hashmap() {
        HashMap<Key, String> m = new HashMap<>();
        m.put(key("b", 0), s("b0"));
        m.put(key("a", 31), s("a31"));
        m.put(key("a", 1), s("a1"));
        m.put(key("\u00e9", -4), s("e"));
        return m;
    }

    public static Object value_key_treemap() {
        TreeMap<Key, Integer> m = new TreeMap<>();
        m.put(key("b", 0), 1);
        m.put(key("a", 31), 2);
        m.put(key("a", 1), 3);
        m.put(key("\ud83d\ude00", 0), 4);
        m.put(key("\uffff", 0), 5);
        return m;
    }

    // ----- sets --------------------------------------------------------------------

    public static Object value_hashset() {
        HashSet<String> set = new HashSet<>();
        for (int j = 0; j < 50; j++) {
            set.add(s("e" + (j * 7 % 50)));
        }
        set.add(s("Aa"));
        set.add(s("BB"));
        return set;
    }

    public static Object value_hashset_nulls() {
        HashSet<Object> set = new HashSet<>();
        set.add(s("a"));
        set.add(null);
        set.add(3);
        return set;
    }

    public static Object value_linked_hashset() {
        return new LinkedHashSet<>(Arrays.asList(s("z"), s("a"), null, s("m")));
    }

    public static Object value_treeset() {
        return new TreeSet<>(Arrays.asList(s("\ufb01"), s("\ud83d\ude00"), s("a"), s("B"), s("")));
    }

    public static Object value_sets() {
        Sets s = new Sets();
        s.hash = new HashSet<>(Arrays.asList(s("x"), s("y"), null));
        s.linked = new LinkedHashSet<>(Arrays.asList(3, 1, 2));
        s.tree = new TreeSet<>(Arrays.asList(s("b"), s("a")));
        s.longs = new HashSet<>(Arrays.asList(1L << 33, -1L, 0L));
        s.any = new HashSet<>(Arrays.asList(1, 2));
        return s;
    }

    // ----- other collection classes ------------------------------------------------

    public static Object value_deque() {
        return new ArrayDeque<>(Arrays.asList(s("a"), s("b")));
    }

    public static Object value_vector() {
        return new Vector<>(Arrays.asList(1, null, s("x")));
    }

    public static Object value_cow_list() {
        return new CopyOnWriteArrayList<>(Arrays.asList(1L, 2L));
    }

    public static Object value_skiplist_map() {
        ConcurrentSkipListMap<String, Integer> m = new ConcurrentSkipListMap<>();
        m.put(s("b"), 1);
        m.put(s("a"), 2);
        m.put(s("\ud83d\ude00"), 3);
        m.put(s("\ue000"), 4);
        return m;
    }

    /** The heap array as offer() leaves it. */
    public static Object value_priority_queue() {
        PriorityQueue<Integer> q = new PriorityQueue<>();
        for (int x : new int[] {5, 1, 4, 2, 3, -1}) {
            q.add(x);
        }
        return q;
    }

    // ConcurrentHashMap iterates unlike HashMap: resizes reverse parts of
    // bins, tree bins put new keys first, small tables presize.

    static ConcurrentHashMap<String, Integer> chm(List<String> keys) {
        ConcurrentHashMap<String, Integer> m = new ConcurrentHashMap<>();
        int i = 0;
        for (String k : keys) {
            m.put(s(k), i++);
        }
        return m;
    }

    public static Object value_chm_small() {
        return chm(Arrays.asList("b", "a", "Aa", "BB"));
    }

    public static Object value_chm_collide() {
        List<String> keys = colliding(3);
        Collections.reverse(keys);
        for (int j = 0; j < 20; j++) {
            keys.add("k" + j);
        }
        return chm(keys);
    }

    public static Object value_chm_resize() {
        List<String> keys = new ArrayList<>();
        for (int j = 99; j >= 0; j--) {
            keys.add("key" + j);
        }
        return chm(keys);
    }

    /** Sixteen colliding keys: the ninth presizes the table to 128. */
    public static Object value_chm_presize() {
        return chm(colliding(4));
    }

    /** A tree bin: 32 colliding keys in a table of 128, then a resize. */
    public static Object value_chm_tree() {
        List<String> keys = new ArrayList<>();
        for (int j = 0; j < 60; j++) {
            keys.add("x" + j);
        }
        keys.addAll(colliding(5));
        for (int j = 0; j < 40; j++) {
            keys.add("y" + j);
        }
        return chm(keys);
    }

    // ----- special and immutable ------------------------------------------------------

    public static Object value_empty_list() {
        return Collections.emptyList();
    }

    public static Object value_empty_set() {
        return Collections.emptySet();
    }

    public static Object value_empty_map() {
        return Collections.emptyMap();
    }

    public static Object value_singleton_list() {
        return Collections.singletonList(s("one"));
    }

    public static Object value_singleton_set() {
        return Collections.singleton(5);
    }

    public static Object value_singleton_map() {
        return Collections.singletonMap(s("k"), leaf(4));
    }

    public static Object value_list_of0() {
        return List.of();
    }

    public static Object value_list_of1() {
        return List.of(s("a"));
    }

    public static Object value_list_of2() {
        return List.of(1, 2);
    }

    public static Object value_list_of3() {
        return List.of(s("a"), 1, 2L);
    }

    public static Object value_set_of0() {
        return Set.of();
    }

    public static Object value_set_of1() {
        return Set.of(s("only"));
    }

    /** Iterated in a per-JVM order: compared as sets only (see the Rust side). */
    public static Object value_set_of2() {
        return Set.of(s("a"), s("b"));
    }

    public static Object value_set_of5() {
        return Set.of(1, 2, 3, 4, 5);
    }

    public static Object value_map_of3() {
        return Map.of(s("x"), 1, s("y"), 2, s("z"), 3);
    }

    public static Object value_map_of0() {
        return Map.of();
    }

    public static Object value_map_of1() {
        return Map.of(s("k"), 1);
    }

    // ----- Object fields, sharing, cycles ------------------------------------------

    public static Object value_holder() {
        Holder h = new Holder();
        h.a = new TreeSet<>(Arrays.asList(3, 1));
        HashMap<String, Object> m = new HashMap<>();
        m.put(s("list"), list(s("x")));
        m.put(s("set"), Collections.emptySet());
        h.b = m;
        h.c = Collections.singletonList(s("c"));
        return h;
    }

    /** One list in all three fields. */
    public static Object value_holder_shared() {
        Holder h = new Holder();
        ArrayList<String> l = new ArrayList<>(Arrays.asList(s("p"), s("q")));
        h.a = l;
        h.b = l;
        h.c = l;
        return h;
    }

    /** A list holding itself (and one string twice). */
    public static Object value_list_self() {
        ArrayList<Object> l = new ArrayList<>();
        String x = s("x");
        l.add(x);
        l.add(l);
        l.add(x);
        return l;
    }

    /** A map holding itself as a value. */
    public static Object value_map_self() {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        m.put(s("self"), m);
        m.put(s("n"), 1);
        return m;
    }
}
