/*
 * Graph cases for EnumNameSerializer (format spec 8.7): constants written
 * by name, null with Kryo's marker. Mirrored by
 * crates/kryo5-interop/tests/graphs/enums.rs.
 */

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.EnumNameSerializer;

public final class CasesEnums {
    private CasesEnums() {}

    public enum Shade { RED, DARK_BLUE, Été }

    public static class Palette {
        Shade main;
        Shade other;
        Object any;
    }

    static void registerAll(Kryo k) {
        k.register(Shade.class, new EnumNameSerializer(Shade.class));
        k.register(Palette.class);
    }

    public static Kryo kryo() {
        return Graphs.kryo(false, CasesEnums::registerAll);
    }

    public static Kryo kryo_refs() {
        return Graphs.kryo(true, CasesEnums::registerAll);
    }

    public static Object value_npalette() {
        Palette p = new Palette();
        p.main = Shade.DARK_BLUE;
        p.other = null;
        p.any = Shade.Été;
        return p;
    }

    public static Object value_nshade() {
        return Shade.RED;
    }
}
