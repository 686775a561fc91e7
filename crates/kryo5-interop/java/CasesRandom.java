/*
 * Seeded random graphs: a seed builds the same graph here and in
 * crates/kryo5-interop/tests/graphs/random.rs, draw for draw (GraphRandom is
 * kryo5_testdata::Rng). Keep the two generators in step: every draw, in the
 * same order, with the same bounds.
 *
 * value_random(seed): nodes shared as a DAG (no cycles), valid with
 * references on or off; value_cyclic(seed): nodes may point back to their
 * ancestors (references on only). Configurations: kryo() and kryo_refs().
 */

import com.esotericsoftware.kryo.Kryo;

import java.util.ArrayList;
import java.util.List;

public final class CasesRandom {
    private CasesRandom() {}

    public enum Suit { CLUBS, DIAMONDS, HEARTS, SPADES }

    public static final class Leaf {
        int n;
        String s;
    }

    public static class RNode {
        boolean z;
        byte b;
        char c;
        short s;
        int i;
        long l;
        float f;
        double d;
        Integer bi;
        Long bl;
        Double bd;
        Character bc;
        String str;
        String raw;
        Object any;
        RNode child;
        RNode other;
        Leaf leaf;
        Suit suit;
    }

    static void registerAll(Kryo k) {
        k.register(Suit.class);
        k.register(Leaf.class);
        k.register(RNode.class);
    }

    public static Kryo kryo() {
        return Graphs.kryo(false, CasesRandom::registerAll);
    }

    public static Kryo kryo_refs() {
        return Graphs.kryo(true, CasesRandom::registerAll);
    }

    public static Object value_random(long seed) {
        return new Gen(seed, false).node(DEPTH);
    }

    public static Object value_cyclic(long seed) {
        return new Gen(seed, true).node(DEPTH);
    }

    /** Nesting levels of new nodes below the root. */
    static final int DEPTH = 4;

    static final float[] FLOATS = {
        Float.NaN, -0.0f, 0.0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.MIN_VALUE, Float.MAX_VALUE, Float.MIN_NORMAL,
    };

    static final double[] DOUBLES = {
        Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL,
    };

    /** One graph's generator: the random source and the pools of what may be shared. */
    static final class Gen {
        final GraphRandom rng;
        final boolean cycles;
        /** Every node created so far (cycles: ancestors too). */
        final List<RNode> all = new ArrayList<>();
        /** Nodes whose fields are all set. */
        final List<RNode> done = new ArrayList<>();
        final List<String> strings = new ArrayList<>();

        Gen(long seed, boolean cycles) {
            this.rng = new GraphRandom(seed);
            this.cycles = cycles;
        }

        RNode node(int depth) {
            RNode n = new RNode();
            all.add(n);
            n.z = rng.bool();
            n.b = (byte) rng.nextU32();
            n.c = (char) rng.nextU32();
            n.s = (short) rng.nextU32();
            n.i = rng.spreadI32();
            n.l = rng.spreadI64();
            n.f = f32();
            n.d = f64();
            n.bi = rng.below(4) == 0 ? null : rng.spreadI32();
            n.bl = rng.below(4) == 0 ? null : rng.spreadI64();
            n.bd = rng.below(4) == 0 ? null : f64();
            n.bc = rng.below(4) == 0 ? null : (char) rng.nextU32();
            n.str = pooledString();
            n.raw = rng.below(4) == 0 ? null : raw();
            n.any = any(depth);
            n.child = nodeRef(depth);
            n.other = nodeRef(depth);
            n.leaf = rng.below(3) == 0 ? null : leaf();
            int suit = rng.below(5);
            n.suit = suit == 4 ? null : Suit.values()[suit];
            done.add(n);
            return n;
        }

        /** null, a node seen before, or a new one (one level deeper). */
        RNode nodeRef(int depth) {
            int k = rng.below(8);
            List<RNode> pool = cycles ? all : done;
            if (k < 2 || depth == 0) {
                return null;
            }
            if (k < 4 && !pool.isEmpty()) {
                return pool.get(rng.below(pool.size()));
            }
            return node(depth - 1);
        }

        Object any(int depth) {
            switch (rng.below(13)) {
                case 0: return null;
                case 1: return rng.spreadI32();
                case 2: return rng.spreadI64();
                case 3: return f64();
                case 4: return f32();
                case 5: return rng.bool();
                case 6: return (char) rng.nextU32();
                case 7: return (short) rng.nextU32();
                case 8: return (byte) rng.nextU32();
                case 9: return pooledString();
                case 10: return Suit.values()[rng.below(4)];
                case 11: return leaf();
                default: return nodeRef(depth);
            }
        }

        Leaf leaf() {
            Leaf l = new Leaf();
            l.n = rng.spreadI32();
            l.s = rng.below(3) == 0 ? null : text();
            return l;
        }

        float f32() {
            return rng.below(4) == 0 ? FLOATS[rng.below(8)] : Float.intBitsToFloat(rng.nextU32());
        }

        double f64() {
            return rng.below(4) == 0 ? DOUBLES[rng.below(8)] : Double.longBitsToDouble(rng.nextU64());
        }

        /** null, a string seen before in this graph (the same object), or a new one. */
        String pooledString() {
            int k = rng.below(6);
            if (k == 0) {
                return null;
            }
            if (k == 1 && !strings.isEmpty()) {
                return strings.get(rng.below(strings.size()));
            }
            String s = text();
            strings.add(s);
            return s;
        }

        /** Valid UTF-16: ASCII, 2- and 3-byte characters, surrogate pairs, always a new object. */
        String text() {
            int len = rng.below(4) == 0 ? rng.below(100) : rng.below(12);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < len; i++) {
                switch (rng.below(4)) {
                    case 0:
                        b.append((char) rng.below(0x80));
                        break;
                    case 1:
                        b.append((char) (0x80 + rng.below(0x780)));
                        break;
                    case 2: {
                        int v = 0x800 + rng.below(0xf000);
                        b.append((char) (v >= 0xd800 ? v + 0x800 : v));
                        break;
                    }
                    default:
                        b.appendCodePoint(0x10000 + rng.below(0x100000));
                        break;
                }
            }
            return new String(b.toString().toCharArray());
        }

        /** Any UTF-16 units, lone surrogates included. */
        String raw() {
            char[] c = new char[rng.below(8)];
            for (int i = 0; i < c.length; i++) {
                c[i] = (char) rng.nextU32();
            }
            return new String(c);
        }
    }
}
