/*
 * Graph cases for DeflateSerializer (format spec 11.1): zlib's level-4 raw
 * deflate in runs of 256-byte chunks, with the flush points Java's stream
 * stack gives; zlib headers, other levels, data from a few bytes to several
 * deflate blocks. The data comes from a 64-bit LCG both sides compute.
 * Mirrored by crates/kryo5-interop/tests/graphs/deflate.rs.
 */

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.DeflateSerializer;
import com.esotericsoftware.kryo.serializers.FieldSerializer;

public final class CasesDeflate {
    private CasesDeflate() {}

    public static class Blob {
        byte[] data;
        String text;
        int n;
    }

    public static class Holder {
        Blob blob;
        Object any;
    }

    static Kryo kryo(int level, boolean noHeaders) {
        Kryo k = new Kryo();
        DeflateSerializer blob = new DeflateSerializer(new FieldSerializer<>(k, Blob.class));
        blob.setCompressionLevel(level);
        blob.setNoHeaders(noHeaders);
        k.register(byte[].class);
        k.register(Blob.class, blob);
        k.register(Holder.class);
        return k;
    }

    public static Kryo kryo() {
        return kryo(4, true);
    }

    public static Kryo kryo_zlib() {
        return kryo(4, false);
    }

    public static Kryo kryo_fast() {
        return kryo(1, true);
    }

    public static Kryo kryo_best() {
        return kryo(9, false);
    }

    /** The LCG both sides use: the top byte of each step. */
    static byte[] bytes(long seed, int n, boolean text) {
        String words = "kryo deflate chunk java rust zlib level four media content ";
        byte[] b = new byte[n];
        long x = seed;
        for (int i = 0; i < n; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            int r = (int) (x >>> 56);
            b[i] = text ? (byte) words.charAt(r % words.length()) : (byte) r;
        }
        return b;
    }

    static Blob blob(long seed, int random, int text) {
        Blob b = new Blob();
        b.data = bytes(seed, random, false);
        b.text = new String(bytes(seed + 1, text, true), java.nio.charset.StandardCharsets.ISO_8859_1);
        b.n = (int) seed;
        return b;
    }

    public static Object value_dtiny() {
        return blob(1, 0, 3);
    }

    public static Object value_d600() {
        return blob(2, 600, 0);
    }

    public static Object value_dtext() {
        return blob(3, 100, 70_000);
    }

    public static Object value_dbig() {
        return blob(4, 20_000, 300_000);
    }

    public static Object value_dheld() {
        Holder h = new Holder();
        h.blob = blob(5, 300, 3_000);
        h.any = blob(6, 10, 10);
        return h;
    }
}
