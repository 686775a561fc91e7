/*
 * Graph cases for BlowfishSerializer (format spec 11.2): Blowfish/ECB/
 * PKCS5Padding over a FieldSerializer's bytes, no framing. Keys of 4, 7, 16
 * and 56 bytes; plaintexts of 3 to several thousand bytes, among them exact
 * multiples of the 8-byte block (a whole block of padding) and exactly the
 * 256-byte buffer. The ciphertext must end the input, so a nested case
 * holds its encrypted object in the last field. Java keeps the key in a
 * static field: every kryo_*() builds its serializer afresh, and the rig
 * builds the Kryo before each use, so each case runs with its own key.
 * Mirrored by crates/kryo5-interop/tests/graphs/blowfish.rs.
 */

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.BlowfishSerializer;
import com.esotericsoftware.kryo.serializers.CompatibleFieldSerializer;
import com.esotericsoftware.kryo.serializers.FieldSerializer;

import java.nio.charset.StandardCharsets;

public final class CasesBlowfish {
    private CasesBlowfish() {}

    public static class Sealed {
        byte[] data;
        String text;
        int n;
    }

    public static class Envelope {
        String label;
        Object sealed;
    }

    /** An encrypted object in a chunked field before another field. */
    public static class Pair {
        Object first;
        String last;
    }

    static Kryo kryo(byte[] key) {
        Kryo k = new Kryo();
        k.register(byte[].class);
        k.register(Sealed.class, new BlowfishSerializer(new FieldSerializer<>(k, Sealed.class), key));
        k.register(Envelope.class);
        return k;
    }

    /** The 56-byte key: byte i is 7i + 3. */
    static byte[] key56() {
        byte[] key = new byte[56];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (7 * i + 3);
        }
        return key;
    }

    public static Kryo kryo() {
        return kryo("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * kryo() and Pair with a chunked CompatibleFieldSerializer: the
     * ciphertext is read from its field's run of chunks only, and Java's
     * flushes through the cipher stream make the chunk boundaries.
     */
    public static Kryo kryo_chunked() {
        Kryo k = kryo();
        CompatibleFieldSerializer.CompatibleFieldSerializerConfig c =
                new CompatibleFieldSerializer.CompatibleFieldSerializerConfig();
        c.setChunkedEncoding(true);
        k.register(Pair.class, new CompatibleFieldSerializer<>(k, Pair.class, c));
        return k;
    }

    public static Kryo kryo_k4() {
        return kryo("abcd".getBytes(StandardCharsets.US_ASCII));
    }

    public static Kryo kryo_k7() {
        return kryo("kryo5!!".getBytes(StandardCharsets.US_ASCII));
    }

    public static Kryo kryo_k56() {
        return kryo(key56());
    }

    /** CasesDeflate's LCG: the top byte of each step. */
    static Sealed sealed(long seed, int data, int text) {
        Sealed s = new Sealed();
        s.data = data < 0 ? null : CasesDeflate.bytes(seed, data, false);
        s.text = text < 0 ? null : new String(CasesDeflate.bytes(seed + 1, text, true), StandardCharsets.ISO_8859_1);
        s.n = (int) seed;
        return s;
    }

    /** Plaintext: 3 bytes (data 01, n, text 80). */
    public static Object value_bf3() {
        return sealed(1, 0, -1);
    }

    /** 7 bytes: one byte of padding. */
    public static Object value_bf7() {
        return sealed(2, 4, -1);
    }

    /** 8 bytes: a whole block of padding follows. */
    public static Object value_bf8() {
        return sealed(3, 5, -1);
    }

    /** 9 bytes. */
    public static Object value_bf9() {
        return sealed(4, 6, -1);
    }

    /** 16 bytes: two blocks and a block of padding. */
    public static Object value_bf16() {
        return sealed(5, 13, -1);
    }

    /** 256 bytes: exactly the nested output's buffer. */
    public static Object value_bf256() {
        return sealed(6, 252, -1);
    }

    /** 257 bytes. */
    public static Object value_bf257() {
        return sealed(7, 253, -1);
    }

    /** Several thousand bytes: many buffer flushes. */
    public static Object value_bfbig() {
        return sealed(8, 1000, 3000);
    }

    /** An encrypted object in the last field of a plain one. */
    public static Object value_bfheld() {
        Envelope e = new Envelope();
        e.label = "sealed";
        e.sealed = sealed(9, 20, 30);
        return e;
    }

    /** Ciphertext in a chunked field, a field after it. */
    public static Object value_bfchunked() {
        Pair p = new Pair();
        p.first = sealed(10, 1000, 600);
        p.last = "after the ciphertext";
        return p;
    }

    /** A small one: one chunk. */
    public static Object value_bfchunked_small() {
        Pair p = new Pair();
        p.first = sealed(11, 5, -1);
        p.last = "after";
        return p;
    }
}
