/*
 * GraphEquals: deep equality of two object graphs for the graph commands
 * (Graphs.java), by reflection, cycle-aware.
 *
 * - Floats and doubles compare by bits after Kryo's NaN canonicalisation
 *   (floatToIntBits): -0.0 differs from 0.0, every NaN equals every NaN.
 * - Wrappers, enums and classes of the JDK other than strings, arrays,
 *   collections and maps compare with equals (their fields are not open to
 *   reflection on Java 17).
 * - Arrays and lists compare element by element; sorted and linked sets and
 *   maps in order; other sets and maps (HashMap, HashSet: their order may
 *   change when read back) by matching each entry to an unmatched equal one.
 * - Optional compares its value deeply.
 * - StringBuilder, StringBuffer and URL compare by their text (their
 *   equals is identity, or resolves host names).
 * - Other objects: every non-static, non-transient field of the class and
 *   its superclasses (what FieldSerializer writes).
 * - With identity on (references on), sharing must match: an object met
 *   again in the expected graph must be met again, as the same object, at
 *   the same place in the actual graph, and two distinct objects must stay
 *   distinct. This also makes cycles terminate. Wrappers and enums, which
 *   Kryo never tracks, are exempt, and so are strings: a String field
 *   written directly (section 7.5 of the format spec) loses its sharing in
 *   Java itself. The caller checks string sharing through the bytes (a
 *   back-reference written again).
 */

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;

final class GraphEquals {
    private final boolean identity;
    private final IdentityHashMap<Object, Object> forward = new IdentityHashMap<>();
    private final IdentityHashMap<Object, Object> backward = new IdentityHashMap<>();
    /** Keys added to forward, in order, so a failed trial can be undone. */
    private final List<Object> journal = new ArrayList<>();
    /** Where each expected object was first met, for messages. */
    private final IdentityHashMap<Object, String> seenAt = new IdentityHashMap<>();
    private String reason;
    /** Inside a trial match: no messages. */
    private int quiet;

    private GraphEquals(boolean identity) {
        this.identity = identity;
    }

    /**
     * Null if {@code actual} deep-equals {@code expected}, else "path: reason".
     * {@code identity}: whether sharing must match (references on).
     */
    static String compare(Object expected, Object actual, boolean identity) {
        GraphEquals g = new GraphEquals(identity);
        return g.eq(expected, actual, "root") ? null : g.reason;
    }

    private boolean fail(String path, String why) {
        if (quiet == 0 && reason == null) {
            reason = path + ": " + why;
        }
        return false;
    }

    private static String show(Object o) {
        if (o == null) {
            return "null";
        }
        String s;
        if (o instanceof String) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : ((String) o).toCharArray()) {
                if (c >= 0x20 && c < 0x7f) {
                    b.append(c);
                } else {
                    b.append(String.format("\\u%04x", (int) c));
                }
            }
            s = b.append('"').toString();
        } else if (o.getClass().isArray() || o instanceof Collection || o instanceof Map) {
            s = o.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(o));
        } else if (o instanceof Float) {
            s = o + "f (bits " + Integer.toHexString(Float.floatToRawIntBits((Float) o)) + ")";
        } else if (o instanceof Double) {
            s = o + " (bits " + Long.toHexString(Double.doubleToRawLongBits((Double) o)) + ")";
        } else {
            s = String.valueOf(o);
        }
        if (s.length() > 120) {
            s = s.substring(0, 117) + "...";
        }
        return o.getClass().getName() + " " + s;
    }

    private static boolean untracked(Object o) {
        return o instanceof Number && o.getClass().getName().startsWith("java.lang.")
                || o instanceof Boolean || o instanceof Character || o instanceof Enum;
    }

    private boolean eq(Object a, Object b, String path) {
        if (a == null || b == null) {
            return a == b || fail(path, "expected " + show(a) + ", got " + show(b));
        }
        if (a.getClass() != b.getClass()) {
            return fail(path, "expected " + show(a) + ", got " + show(b));
        }
        if (untracked(a)) {
            return scalar(a, b) || fail(path, "expected " + show(a) + ", got " + show(b));
        }
        if (a instanceof String) {
            return a.equals(b) || fail(path, "expected " + show(a) + ", got " + show(b));
        }
        if (identity) {
            Object seen = forward.get(a);
            if (seen != null) {
                return seen == b || fail(path, "expected the object first met at "
                        + seenAt.get(a) + " again, got another " + show(b));
            }
            if (backward.containsKey(b)) {
                return fail(path, "expected a new object, got the one already met for another");
            }
            forward.put(a, b);
            backward.put(b, a);
            journal.add(a);
            seenAt.putIfAbsent(a, path);
        }
        if (a.getClass().isArray()) {
            return array(a, b, path);
        }
        if (a instanceof Map) {
            return map((Map<?, ?>) a, (Map<?, ?>) b, path);
        }
        if (a instanceof Collection) {
            return collection((Collection<?>) a, (Collection<?>) b, path);
        }
        if (a instanceof java.util.Optional) {
            java.util.Optional<?> x = (java.util.Optional<?>) a;
            java.util.Optional<?> y = (java.util.Optional<?>) b;
            return eq(x.orElse(null), y.orElse(null), path + ".value");
        }
        if (a instanceof CharSequence || a instanceof java.net.URL) {
            // StringBuilder/StringBuffer have identity equals; URL.equals
            // resolves host names. Their text is their value.
            return a.toString().equals(b.toString()) || fail(path, "expected " + show(a) + ", got " + show(b));
        }
        String cls = a.getClass().getName();
        if (cls.startsWith("java.") || cls.startsWith("javax.") || cls.startsWith("sun.")) {
            return a.equals(b) || fail(path, "expected " + show(a) + ", got " + show(b));
        }
        return fields(a, b, path);
    }

    private static boolean scalar(Object a, Object b) {
        if (a instanceof Float) {
            return Float.floatToIntBits((Float) a) == Float.floatToIntBits((Float) b);
        }
        if (a instanceof Double) {
            return Double.doubleToLongBits((Double) a) == Double.doubleToLongBits((Double) b);
        }
        return a.equals(b);
    }

    private boolean array(Object a, Object b, String path) {
        int n = Array.getLength(a);
        if (n != Array.getLength(b)) {
            return fail(path, "expected length " + n + ", got " + Array.getLength(b));
        }
        for (int i = 0; i < n; i++) {
            if (!eq(Array.get(a, i), Array.get(b, i), path + "[" + i + "]")) {
                return false;
            }
        }
        return true;
    }

    private static boolean ordered(Object c) {
        return c instanceof List || c instanceof SortedSet || c instanceof SortedMap
                || c instanceof LinkedHashSet || c instanceof LinkedHashMap
                || !(c instanceof java.util.Set || c instanceof Map);
    }

    private boolean collection(Collection<?> a, Collection<?> b, String path) {
        if (a.size() != b.size()) {
            return fail(path, "expected size " + a.size() + ", got " + b.size());
        }
        if (ordered(a)) {
            Iterator<?> ib = b.iterator();
            int i = 0;
            for (Object x : a) {
                if (!eq(x, ib.next(), path + "[" + i++ + "]")) {
                    return false;
                }
            }
            return true;
        }
        return unordered(new ArrayList<>(a), new ArrayList<>(b), path, false);
    }

    private boolean map(Map<?, ?> a, Map<?, ?> b, String path) {
        if (a.size() != b.size()) {
            return fail(path, "expected size " + a.size() + ", got " + b.size());
        }
        if (ordered(a)) {
            Iterator<? extends Map.Entry<?, ?>> ib = b.entrySet().iterator();
            int i = 0;
            for (Map.Entry<?, ?> x : a.entrySet()) {
                Map.Entry<?, ?> y = ib.next();
                String p = path + "{" + i++ + "}";
                if (!eq(x.getKey(), y.getKey(), p + ".key") || !eq(x.getValue(), y.getValue(), p + ".value")) {
                    return false;
                }
            }
            return true;
        }
        return unordered(new ArrayList<>(a.entrySet()), new ArrayList<>(b.entrySet()), path, true);
    }

    /** Matches each element of {@code a} to an unmatched deep-equal element of {@code b}. */
    private boolean unordered(List<?> a, List<?> b, String path, boolean entries) {
        boolean[] used = new boolean[b.size()];
        for (int i = 0; i < a.size(); i++) {
            boolean matched = false;
            for (int j = 0; j < b.size() && !matched; j++) {
                if (used[j]) {
                    continue;
                }
                int mark = journal.size();
                quiet++;
                boolean same = entries ? entry(a.get(i), b.get(j), path) : eq(a.get(i), b.get(j), path);
                quiet--;
                if (same) {
                    used[j] = true;
                    matched = true;
                } else {
                    undo(mark);
                }
            }
            if (!matched) {
                return fail(path + "[" + i + "]", "no equal element for " + show(a.get(i)));
            }
        }
        return true;
    }

    private boolean entry(Object x, Object y, String path) {
        Map.Entry<?, ?> ex = (Map.Entry<?, ?>) x;
        Map.Entry<?, ?> ey = (Map.Entry<?, ?>) y;
        return eq(ex.getKey(), ey.getKey(), path + ".key") && eq(ex.getValue(), ey.getValue(), path + ".value");
    }

    private void undo(int mark) {
        while (journal.size() > mark) {
            Object a = journal.remove(journal.size() - 1);
            backward.remove(forward.remove(a));
            seenAt.remove(a);
        }
    }

    private boolean fields(Object a, Object b, String path) {
        for (Class<?> c = a.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()) {
                    continue;
                }
                f.setAccessible(true);
                Object x;
                Object y;
                try {
                    x = f.get(a);
                    y = f.get(b);
                } catch (IllegalAccessException e) {
                    return fail(path + "." + f.getName(), "cannot read the field: " + e);
                }
                if (!eq(x, y, path + "." + f.getName())) {
                    return false;
                }
            }
        }
        return true;
    }
}
