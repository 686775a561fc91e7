/*
 * GraphRandom: SplitMix64, draw for draw the generator of the Rust side
 * (kryo5_testdata::Rng), so a seed builds the same random graph in Java and
 * in Rust. Keep the two in step: same methods, same arithmetic.
 */

public final class GraphRandom {
    private long state;

    public GraphRandom(long seed) {
        state = seed;
    }

    /** Rng::next_u64. */
    public long nextU64() {
        state += 0x9e3779b97f4a7c15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Rng::next_u32 (the high half), as Java's int bits. */
    public int nextU32() {
        return (int) (nextU64() >>> 32);
    }

    /** Rng::below: a value in 0..n (n > 0), the high word of a 64x64 multiplication. */
    public long below(long n) {
        long x = nextU64();
        // Unsigned high word from the signed one (Math.unsignedMultiplyHigh is Java 18).
        return Math.multiplyHigh(x, n) + ((x >> 63) & n) + ((n >> 63) & x);
    }

    /** Rng::below for small bounds. */
    public int below(int n) {
        return (int) below((long) n);
    }

    /** Rng::bool. */
    public boolean bool() {
        return (nextU64() & 1) == 1;
    }

    /** Rng::spread_i32. */
    public int spreadI32() {
        int bits = below(33);
        int v = bits == 0 ? 0 : nextU32() >>> (32 - bits);
        return bool() ? v : -v;
    }

    /** Rng::spread_i64. */
    public long spreadI64() {
        int bits = below(65);
        long v = bits == 0 ? 0 : nextU64() >>> (64 - bits);
        return bool() ? v : -v;
    }
}
