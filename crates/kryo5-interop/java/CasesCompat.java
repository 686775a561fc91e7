/*
 * Graph cases for the FieldSerializer family (format spec 10):
 * CompatibleFieldSerializer (every combination of readUnknownFieldData and
 * chunked encoding, nested chunked objects, a small chunk size),
 * TaggedFieldSerializer and VersionFieldSerializer, all as Kryo's default
 * serializer; and class evolution: Java writes one version of a class and
 * kryo5 reads it as another, and the reverse.
 * Mirrored by crates/kryo5-interop/tests/graphs/compat.rs.
 */

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.SerializerFactory;
import com.esotericsoftware.kryo.serializers.CompatibleFieldSerializer.CompatibleFieldSerializerConfig;
import com.esotericsoftware.kryo.serializers.TaggedFieldSerializer.Tag;
import com.esotericsoftware.kryo.serializers.TaggedFieldSerializer.TaggedFieldSerializerConfig;
import com.esotericsoftware.kryo.serializers.VersionFieldSerializer.Since;
import com.esotericsoftware.kryo.serializers.VersionFieldSerializer.VersionFieldSerializerConfig;

public final class CasesCompat {
    private CasesCompat() {}

    // ----- model -----------------------------------------------------------------

    public enum Color { RED, GREEN }

    /** The spec's example (10.1). */
    public static class Pt {
        int x;
        String name;
        Object o;
    }

    public static class Pair {
        Pt first;
        Pt second;
    }

    /** Every kind of field. */
    public static class Mix {
        boolean z;
        byte b;
        char c;
        short s;
        int i;
        long l;
        float f;
        double d;
        Integer boxed;
        String str;
        Object any;
        Pt pt;
        Color color;
        String nothing;
    }

    /** The spec's example (10.2). */
    public static class Tg {
        @Tag(5) int x;
        @Tag(1) String name;
        int untagged;
        @Tag(3) @Deprecated int old;
        @Tag(2) Object o;
    }

    /** The spec's example (10.3). */
    public static class Vf {
        int x;
        @Since(1) String name;
        @Since(2) int y = 3;
    }

    /** One version of a class; kryo5 has another (compat.rs: EvV2). */
    public static class Ev {
        int a;
        String gone;
        long keep;
        Pt pt;
    }

    // ----- configurations --------------------------------------------------------

    static void registerAll(Kryo k) {
        k.register(Color.class);
        k.register(Pt.class);
        k.register(Pair.class);
        k.register(Mix.class);
        k.register(Tg.class);
        k.register(Vf.class);
        k.register(Ev.class);
    }

    static Kryo compatible(boolean references, boolean unknownData, boolean chunked, int chunkSize) {
        CompatibleFieldSerializerConfig c = new CompatibleFieldSerializerConfig();
        c.setReadUnknownFieldData(unknownData);
        c.setChunkedEncoding(chunked);
        c.setChunkSize(chunkSize);
        Kryo k = new Kryo();
        k.setReferences(references);
        k.setDefaultSerializer(new SerializerFactory.CompatibleFieldSerializerFactory(c));
        registerAll(k);
        return k;
    }

    public static Kryo kryo_compat() {
        return compatible(false, true, false, 1024);
    }

    public static Kryo kryo_compatnr() {
        return compatible(false, false, false, 1024);
    }

    public static Kryo kryo_compatch() {
        return compatible(false, true, true, 1024);
    }

    public static Kryo kryo_compatnrch() {
        return compatible(false, false, true, 1024);
    }

    /** Chunks of 16 bytes: longer values split over several chunks. */
    public static Kryo kryo_compatch16() {
        return compatible(false, true, true, 16);
    }

    public static Kryo kryo_compatrefs() {
        return compatible(true, true, false, 1024);
    }

    public static Kryo kryo_compatrefsch() {
        return compatible(true, true, true, 1024);
    }

    static Kryo tagged(boolean unknownData, boolean chunked) {
        TaggedFieldSerializerConfig c = new TaggedFieldSerializerConfig();
        c.setReadUnknownTagData(unknownData);
        c.setChunkedEncoding(chunked);
        Kryo k = new Kryo();
        k.setDefaultSerializer(new SerializerFactory.TaggedFieldSerializerFactory(c));
        registerAll(k);
        return k;
    }

    public static Kryo kryo_tag() {
        return tagged(false, false);
    }

    public static Kryo kryo_tagu() {
        return tagged(true, false);
    }

    public static Kryo kryo_tagch() {
        return tagged(false, true);
    }

    public static Kryo kryo_tagush() {
        return tagged(true, true);
    }

    public static Kryo kryo_ver() {
        VersionFieldSerializerConfig c = new VersionFieldSerializerConfig();
        Kryo k = new Kryo();
        k.setDefaultSerializer(new SerializerFactory.VersionFieldSerializerFactory(c));
        registerAll(k);
        return k;
    }

    // ----- values ----------------------------------------------------------------

    private static String s(String v) {
        return new String(v.toCharArray());
    }

    static Pt pt(int x, String name, Object o) {
        Pt p = new Pt();
        p.x = x;
        p.name = name;
        p.o = o;
        return p;
    }

    public static Object value_cpt() {
        return pt(1, s("a"), null);
    }

    public static Object value_cpair() {
        Pair p = new Pair();
        p.first = pt(1, s("a"), null);
        p.second = pt(1, s("a"), null);
        return p;
    }

    /** Pt inside Pt (in an Object field): nested schemas and chunks. */
    public static Object value_cnest() {
        Pair p = new Pair();
        p.first = pt(-7, s("\u00e9t\u00e9 \uD83D\uDE00"), pt(2, null, Integer.valueOf(3)));
        p.second = null;
        return p;
    }

    public static Object value_cmix() {
        Mix m = new Mix();
        m.z = true;
        m.b = -2;
        m.c = '\u20ac';
        m.s = -300;
        m.i = Integer.MIN_VALUE;
        m.l = Long.MAX_VALUE;
        m.f = -0.0f;
        m.d = Double.NaN;
        m.boxed = 70000;
        m.str = s("a string of more than four bytes");
        m.any = Long.valueOf(-1);
        m.pt = pt(5, s("q"), s("in o"));
        m.color = Color.GREEN;
        m.nothing = null;
        return m;
    }

    public static Object value_tg() {
        Tg t = new Tg();
        t.x = 1;
        t.name = s("a");
        t.untagged = 0;
        t.old = 0;
        t.o = null;
        return t;
    }

    public static Object value_tgfull() {
        Tg t = new Tg();
        t.x = -100000;
        t.name = s("\u6771\u4eac");
        t.o = value_tg();
        return t;
    }

    public static Object value_vf() {
        Vf v = new Vf();
        v.x = 1;
        v.name = s("a");
        v.y = 3;
        return v;
    }

    static Ev ev(int a, String gone, long keep, Pt pt) {
        Ev e = new Ev();
        e.a = a;
        e.gone = gone;
        e.keep = keep;
        e.pt = pt;
        return e;
    }

    /** Ev as Java writes it (kryo5 reads it as EvV2). */
    public static Object value_evo() {
        return ev(1, s("bye"), 7, pt(2, s("b"), null));
    }

    /** What Java reads from kryo5's EvV2 bytes: `gone` absent, so null. */
    public static Object value_evoback() {
        return ev(1, null, 7, pt(2, s("b"), null));
    }

    /** What Java reads from kryo5's version-1 Vf: `y` absent, so 3. */
    public static Object value_vfold() {
        Vf v = new Vf();
        v.x = 9;
        v.name = s("old");
        return v;
    }
}
