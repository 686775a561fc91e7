/*
 * Graph cases for Java records (RecordSerializer, format spec 8.21):
 * components sorted by name, primitives through their wrapper serializers,
 * final types with writeObjectOrNull, others with writeClassAndObject, no
 * generic information. Mirrored by crates/kryo5-interop/tests/graphs/records.rs.
 */

import com.esotericsoftware.kryo.Kryo;

public final class CasesRecords {
    private CasesRecords() {}

    // ----- model -----------------------------------------------------------------

    /** The spec's example. */
    public record Point(int y, String label, Object extra, long x) {}

    public record Empty() {}

    public record Prims(boolean z, byte b, char c, short s, float f, double d) {}

    /** Records in records, a final component and a boxed one. */
    public record Line(Point from, Point to, Integer width, Empty tag) {}

    /** A generic component: no type arguments reach it. */
    public record Box<T>(T value, String name) {}

    // ----- configurations --------------------------------------------------------

    static void registerAll(Kryo k) {
        k.register(Point.class);
        k.register(Empty.class);
        k.register(Prims.class);
        k.register(Line.class);
        k.register(Box.class);
    }

    public static Kryo kryo() {
        return Graphs.kryo(false, CasesRecords::registerAll);
    }

    public static Kryo kryo_refs() {
        return Graphs.kryo(true, CasesRecords::registerAll);
    }

    // ----- values ----------------------------------------------------------------

    private static String s(String v) {
        return new String(v.toCharArray());
    }

    public static Object value_rpoint() {
        return new Point(-1, s("a"), 5, 2);
    }

    public static Object value_rzero() {
        return new Point(0, null, null, 0);
    }

    public static Object value_rempty() {
        return new Empty();
    }

    public static Object value_rprims() {
        return new Prims(true, (byte) -128, '\uffff', Short.MIN_VALUE, Float.NaN, -0.0);
    }

    public static Object value_rline() {
        return new Line(new Point(1, s("\u00e9"), s("x"), Long.MIN_VALUE), null, 3, new Empty());
    }

    public static Object value_rbox() {
        return new Box<>(s("inside"), s("n"));
    }
}
