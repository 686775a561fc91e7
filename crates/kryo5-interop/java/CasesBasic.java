/*
 * Graph cases for what kryo5's derive covers: primitives and wrappers,
 * strings, nested objects, Object fields, enums, shared objects and cycles,
 * classes written by name, annotations, transient fields, generics, depth.
 * Mirrored by crates/kryo5-interop/tests/graphs/basic.rs.
 *
 * Configurations (a case "refs.outer" is value_outer with kryo_refs, see
 * Graphs.java): kryo() registers every model class; kryo_refs turns
 * references on, then registers; kryo_refsafter registers, then turns
 * references on (String fields stay direct, format spec 7.5); kryo_byname
 * registers nothing (classes written by name); ...
 *
 * Strings that must not be shared are built with s(...): two equal literals
 * are one object in Java, so with references on the second would be a
 * back-reference.
 */

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.FieldSerializer.Bind;
import com.esotericsoftware.kryo.serializers.FieldSerializer.NotNull;

public final class CasesBasic {
    private CasesBasic() {}

    // ----- model -----------------------------------------------------------------

    public static class Prims {
        boolean z;
        byte b;
        char c;
        short s;
        int i;
        long l;
        float f;
        double d;
        Boolean bz;
        Byte bb;
        Character bc;
        Short bs;
        Integer bi;
        Long bl;
        Float bf;
        Double bd;
    }

    public static class Texts {
        String empty;
        String one;
        String ascii31;
        String ascii32;
        String ascii33;
        String ascii63;
        String ascii64;
        String ascii127;
        String ascii128;
        String latin1;
        String cjk;
        String emoji;
        String mixed;
        String nul;
        String none;
    }

    /** Java strings that are not valid Unicode (kryo5: JavaString). */
    public static class LoneTexts {
        String high;
        String low;
        String reversed;
        String none;
    }

    public static class Inner {
        int x;
        String name;
    }

    public static final class FinalInner {
        long y;
    }

    public static class Outer {
        Inner inner;
        FinalInner fin;
        Inner noInner;
        FinalInner noFin;
    }

    public static class Anys {
        Object a;
        Object b;
        Object c;
        Object d;
        Object e;
        Object f;
        Object g;
        Object h;
        Object i;
        Object j;
        Object k;
        Object l;
        Object m;
        Object n;
    }

    public enum Color { RED, GREEN, BLUE }

    /** Constants with bodies: the enum class is not final. */
    public enum Op {
        PLUS { },
        MINUS { }
    }

    public static class Enums {
        Color color;
        Color none;
        Object any;
        Op op;
        Op noOp;
    }

    public static class Node {
        String name;
        Node next;
        Node other;
    }

    /** A cycle through Object fields. */
    public static class Ring {
        String tag;
        Object link;
    }

    public static class Pair {
        Object left;
        Object right;
        Inner a;
        Inner b;
        FinalInner c;
        FinalInner d;
    }

    /** One string three times: a back-reference where String fields take markers. */
    public static class StrPair {
        String a;
        String b;
        Object c;
    }

    public static class Café {
        int v;
    }

    public static class NotNulls {
        @NotNull Integer boxed;
        @NotNull FinalInner fin;
        @NotNull Inner inner;
        @NotNull String text;
        @NotNull Color color;
    }

    public static class Fixed {
        @Bind(variableLengthEncoding = false) int fi;
        @Bind(variableLengthEncoding = false) long fl;
        int vi;
        long vl;
    }

    public static class Transients {
        transient int t;
        transient String ts;
        int kept;
        static int shared = 4;
    }

    public static class Link {
        int v;
        Link next;
    }

    public static class GBox<T> {
        T value;
    }

    public static class Boxes {
        GBox<String> sbox;
        GBox<Inner> ibox;
        GBox<Integer> nbox;
    }

    // ----- configurations --------------------------------------------------------

    /** Every model class, in this order (the Rust side registers the same). */
    static void registerAll(Kryo k) {
        k.register(Prims.class);
        k.register(Texts.class);
        k.register(LoneTexts.class);
        k.register(Inner.class);
        k.register(FinalInner.class);
        k.register(Outer.class);
        k.register(Anys.class);
        k.register(Color.class);
        k.register(Op.class);
        k.register(Enums.class);
        k.register(Node.class);
        k.register(Ring.class);
        k.register(Pair.class);
        k.register(NotNulls.class);
        k.register(Fixed.class);
        k.register(Transients.class);
        k.register(Link.class);
        k.register(GBox.class);
        k.register(Boxes.class);
        k.register(StrPair.class);
    }

    public static Kryo kryo() {
        return Graphs.kryo(false, CasesBasic::registerAll);
    }

    public static Kryo kryo_refs() {
        return Graphs.kryo(true, CasesBasic::registerAll);
    }

    public static Kryo kryo_refsafter() {
        Kryo k = new Kryo();
        registerAll(k);
        k.setReferences(true);
        return k;
    }

    /** Spec 7.4's registrations: Node is 9. */
    public static Kryo kryo_spec() {
        Kryo k = new Kryo();
        k.setReferences(true);
        k.register(Node.class);
        return k;
    }

    public static Kryo kryo_byname() {
        Kryo k = new Kryo();
        k.setRegistrationRequired(false);
        return k;
    }

    public static Kryo kryo_byname_refs() {
        Kryo k = kryo_byname();
        k.setReferences(true);
        return k;
    }

    /** Pair registered, the classes inside it not. */
    public static Kryo kryo_mixed() {
        Kryo k = new Kryo();
        k.setRegistrationRequired(false);
        k.register(Pair.class);
        return k;
    }

    /** Explicit ids, some past one varint byte. */
    public static Kryo kryo_ids() {
        Kryo k = new Kryo();
        k.register(Outer.class, 200);
        k.register(Inner.class, 63);
        k.register(FinalInner.class, 64);
        k.register(Anys.class, 10);
        k.register(Color.class);
        return k;
    }

    // ----- values ----------------------------------------------------------------

    static String s(String v) {
        return new String(v.toCharArray());
    }

    static String ascii(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('!' + i % 94));
        }
        return b.toString();
    }

    public static Object value_prims_zero() {
        return new Prims();
    }

    public static Object value_prims_max() {
        Prims p = new Prims();
        p.z = true;
        p.b = Byte.MAX_VALUE;
        p.c = Character.MAX_VALUE;
        p.s = Short.MAX_VALUE;
        p.i = Integer.MAX_VALUE;
        p.l = Long.MAX_VALUE;
        p.f = Float.MAX_VALUE;
        p.d = Double.MAX_VALUE;
        p.bz = false;
        p.bb = Byte.MIN_VALUE;
        p.bc = Character.MIN_VALUE;
        p.bs = Short.MIN_VALUE;
        p.bi = Integer.MIN_VALUE;
        p.bl = Long.MIN_VALUE;
        p.bf = Float.MIN_VALUE;
        p.bd = Double.MIN_VALUE;
        return p;
    }

    public static Object value_prims_min() {
        Prims p = new Prims();
        p.b = Byte.MIN_VALUE;
        p.c = '\ud800';
        p.s = Short.MIN_VALUE;
        p.i = Integer.MIN_VALUE;
        p.l = Long.MIN_VALUE;
        p.f = Float.NEGATIVE_INFINITY;
        p.d = Double.NEGATIVE_INFINITY;
        p.bz = true;
        p.bb = Byte.MAX_VALUE;
        p.bc = '\udc00';
        p.bs = Short.MAX_VALUE;
        p.bi = Integer.MAX_VALUE;
        p.bl = Long.MAX_VALUE;
        p.bf = Float.POSITIVE_INFINITY;
        p.bd = Double.POSITIVE_INFINITY;
        return p;
    }

    public static Object value_prims_special() {
        Prims p = new Prims();
        p.c = '\u00e9';
        p.i = -1;
        p.l = -1;
        p.f = Float.intBitsToFloat(0x7fc00001);
        p.d = Double.longBitsToDouble(0x7ff0000000000001L);
        p.bf = -0.0f;
        p.bd = -0.0;
        p.bi = 64;
        p.bl = -65L;
        p.bc = '\uffff';
        return p;
    }

    public static Object value_texts() {
        Texts t = new Texts();
        t.empty = s("");
        t.one = s("a");
        t.ascii31 = ascii(31);
        t.ascii32 = ascii(32);
        t.ascii33 = ascii(33);
        t.ascii63 = ascii(63);
        t.ascii64 = ascii(64);
        t.ascii127 = ascii(127);
        t.ascii128 = ascii(128);
        t.latin1 = s("caf\u00e9 \u00ff\u00a0\u0080");
        t.cjk = s("\u65e5\u672c\u8a9e\u306e\u6587\u5b57\u5217");
        t.emoji = s("\ud83d\ude00\ud83c\udf89\ud800\udc00\udbff\udfff");
        t.mixed = s("a\u00e9\u65e5\ud83d\ude00z\u0000\u07ff\u0800\uffff");
        t.nul = s("\u0000");
        return t;
    }

    public static Object value_lone() {
        LoneTexts t = new LoneTexts();
        t.high = s("a\ud800b");
        t.low = s("\udc00");
        t.reversed = s("\udc00\ud800");
        return t;
    }

    public static Object value_top_string() {
        return s("h\u00e9llo \ud83d\ude00");
    }

    public static Object value_top_lone() {
        return s("\ud800");
    }

    public static Object value_top_ascii() {
        return s("x");
    }

    static Inner inner(int x, String name) {
        Inner i = new Inner();
        i.x = x;
        i.name = name;
        return i;
    }

    static FinalInner fin(long y) {
        FinalInner f = new FinalInner();
        f.y = y;
        return f;
    }

    static Outer outer() {
        Outer o = new Outer();
        o.inner = inner(-3, s("in"));
        o.fin = fin(1L << 40);
        return o;
    }

    public static Object value_outer() {
        return outer();
    }

    public static Object value_anys() {
        Anys a = new Anys();
        a.a = 7;
        a.b = Long.MIN_VALUE;
        a.c = 1.5f;
        a.d = -0.0;
        a.e = true;
        a.f = (byte) -1;
        a.g = (short) 300;
        a.h = '\u00e9';
        a.i = s("s");
        a.j = Color.BLUE;
        a.k = inner(1, null);
        a.l = fin(-1);
        a.m = null;
        a.n = outer();
        return a;
    }

    public static Object value_anys_ids() {
        Anys a = new Anys();
        a.a = outer();
        a.b = Color.GREEN;
        a.c = fin(3);
        return a;
    }

    public static Object value_enums() {
        Enums e = new Enums();
        e.color = Color.GREEN;
        e.any = Color.RED;
        e.op = Op.MINUS;
        return e;
    }

    public static Object value_top_enum() {
        return Color.BLUE;
    }

    public static Object value_top_op() {
        return Op.PLUS;
    }

    static Node node(String name) {
        Node n = new Node();
        n.name = name;
        return n;
    }

    /** Spec 7.4: A.next = B, A.other = B, B.next = A. */
    public static Object value_cycle() {
        Node a = node(s("A"));
        Node b = node(s("B"));
        a.next = b;
        a.other = b;
        b.next = a;
        return a;
    }

    public static Object value_selfloop() {
        Node a = node(s("self"));
        a.next = a;
        a.other = a;
        return a;
    }

    /** Three nodes, each next to the following, the last back to the first; other skips one. */
    public static Object value_triangle() {
        Node a = node(s("a"));
        Node b = node(s("b"));
        Node c = node(null);
        a.next = b;
        b.next = c;
        c.next = a;
        a.other = c;
        c.other = b;
        return a;
    }

    public static Object value_ring() {
        Ring a = new Ring();
        Ring b = new Ring();
        a.tag = s("a");
        b.tag = s("b");
        a.link = b;
        b.link = a;
        return a;
    }

    public static Object value_shared() {
        Pair p = new Pair();
        String x = s("shared");
        Inner i = inner(5, s("in"));
        p.left = x;
        p.right = x;
        p.a = i;
        p.b = i;
        FinalInner f = fin(9);
        p.c = f;
        p.d = f;
        return p;
    }

    public static Object value_strpair() {
        StrPair p = new StrPair();
        String x = s("same");
        p.a = x;
        p.b = x;
        p.c = x;
        return p;
    }

    /** Same classes, distinct objects: name ids reused within the graph. */
    public static Object value_pair() {
        Pair p = new Pair();
        p.left = inner(1, s("l"));
        p.right = fin(2);
        p.a = inner(3, s("a"));
        p.b = inner(4, null);
        p.c = fin(5);
        return p;
    }

    public static Object value_cafe() {
        Café c = new Café();
        c.v = 2;
        return c;
    }

    public static Object value_top_inner() {
        return inner(1, s("top"));
    }

    public static Object value_notnull() {
        NotNulls n = new NotNulls();
        n.boxed = 3;
        n.fin = fin(4);
        n.inner = inner(5, s(""));
        n.text = s("x");
        n.color = Color.RED;
        return n;
    }

    public static Object value_fixed() {
        Fixed f = new Fixed();
        f.fi = -1;
        f.fl = Long.MIN_VALUE;
        f.vi = Integer.MIN_VALUE;
        f.vl = -1;
        return f;
    }

    public static Object value_transients() {
        Transients t = new Transients();
        t.t = 9;
        t.ts = s("gone");
        t.kept = 5;
        return t;
    }

    static Link chain(int n) {
        Link head = null;
        for (int i = n; i > 0; i--) {
            Link l = new Link();
            l.v = i;
            l.next = head;
            head = l;
        }
        return head;
    }

    public static Object value_deep() {
        return chain(DEEP);
    }

    /** Links in the deep cases (the Rust side uses the same). */
    static final int DEEP = 200;

    static <T> GBox<T> gbox(T v) {
        GBox<T> b = new GBox<>();
        b.value = v;
        return b;
    }

    public static Object value_boxes() {
        Boxes b = new Boxes();
        b.sbox = gbox(s("v"));
        b.ibox = gbox(inner(2, s("i")));
        b.nbox = gbox(null);
        return b;
    }

    public static Object value_top_gbox() {
        return gbox(s("v"));
    }
}
