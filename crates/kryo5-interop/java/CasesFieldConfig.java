/*
 * Graph cases for FieldSerializerConfig (format spec 9.5) as Kryo's default
 * serializer's settings: fieldsCanBeNull, fixedFieldTypes,
 * variableLengthEncoding and serializeTransient, each alone and together.
 * Read by the dynamic codec's tests (crates/kryo5-dynamic/tests/field_config.rs);
 * the typed path has no FieldSerializerConfig.
 */

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.SerializerFactory;
import com.esotericsoftware.kryo.serializers.FieldSerializer.FieldSerializerConfig;

import java.util.ArrayList;

public final class CasesFieldConfig {
    private CasesFieldConfig() {}

    public static class Part {
        int a;
        String s;
    }

    public static class Whole {
        int i;
        long l;
        String str;
        Part part;
        Integer boxed;
        ArrayList<String> list;
        transient int t;
        transient String ts;
    }

    static Kryo kryo(boolean canBeNull, boolean fixed, boolean varLength, boolean transients) {
        FieldSerializerConfig c = new FieldSerializerConfig();
        c.setFieldsCanBeNull(canBeNull);
        c.setFixedFieldTypes(fixed);
        c.setVariableLengthEncoding(varLength);
        c.setSerializeTransient(transients);
        Kryo k = new Kryo();
        k.setDefaultSerializer(new SerializerFactory.FieldSerializerFactory(c));
        k.register(Part.class);
        k.register(Whole.class);
        k.register(ArrayList.class);
        return k;
    }

    public static Kryo kryo() {
        return kryo(true, false, true, false);
    }

    public static Kryo kryo_notnull() {
        return kryo(false, false, true, false);
    }

    public static Kryo kryo_fixed() {
        return kryo(true, true, true, false);
    }

    public static Kryo kryo_fixedlen() {
        return kryo(true, false, false, false);
    }

    public static Kryo kryo_transient() {
        return kryo(true, false, true, true);
    }

    public static Kryo kryo_all() {
        return kryo(false, true, false, true);
    }

    private static String s(String v) {
        return new String(v.toCharArray());
    }

    /** Every field set (no nulls: fieldsCanBeNull = false cannot write them). */
    public static Object value_fwhole() {
        Whole w = new Whole();
        w.i = -300;
        w.l = 1L << 40;
        w.str = s("text");
        w.part = new Part();
        w.part.a = 7;
        w.part.s = s("p");
        w.boxed = 70000;
        w.list = new ArrayList<>();
        w.list.add(s("x"));
        w.t = 5;
        w.ts = s("t");
        return w;
    }

    /** Nulls in every reference field. */
    public static Object value_fnulls() {
        Whole w = new Whole();
        w.i = 1;
        return w;
    }
}
