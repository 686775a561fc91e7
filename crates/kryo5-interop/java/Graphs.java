/*
 * Graphs: the object-graph commands of KryoDriver (crate kryo5-interop).
 *
 * Graph values and Kryo configurations are defined by classes whose name
 * starts with "Cases" (CasesBasic, CasesRandom, ...), found in the driver's
 * class directory, with public static methods:
 *
 *   Object value_<value>()            a value, built afresh on each call
 *   Object value_<value>(long seed)   or a seeded family of values
 *   Kryo kryo()                       the class's default configuration
 *   Kryo kryo_<config>()              other configurations
 *
 * A case is "[<config>.]<value>[:<seed>]": the value value_<value> (seeded
 * when ":<seed>" is given, an unsigned decimal) with the configuration
 * kryo_<config>() of the same class, or kryo() without "<config>.".
 * Examples: "outer", "refs.outer", "refs.random:17". Value names are unique
 * over all Cases classes (checked).
 *
 * PROTOCOL (one line each; see KryoDriver's header for the text forms):
 *   GRAPH WRITE <case> <entry>
 *     -> OK x<bytes>
 *     -> ERR <exception class> <message>
 *   GRAPH READ <case> <entry> x<bytes>
 *     -> OK x<bytes> x<own>     the value read deep-equals the case's value
 *                               (GraphEquals) and, written again with a fresh
 *                               Kryo, gave <bytes>; <own> is the same round
 *                               trip from Java's own bytes for the case (a
 *                               Java read is not always idempotent: every
 *                               empty string read is the one interned "",
 *                               so equal empty strings become shared)
 *     -> MISMATCH <path>: <reason>
 *     -> ERR <exception class> <message>     (also for unread trailing bytes)
 * entry: cao = writeClassAndObject / readClassAndObject
 *        obj = writeObject / readObject(<class of the case's value>)
 */

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

final class Graphs {
    /**
     * A Kryo for a Cases class's kryo_* method: references on or off (set
     * before registering, so String fields are not direct: spec 7.5), then
     * the class's registrations.
     */
    static Kryo kryo(boolean references, Consumer<Kryo> registerAll) {
        Kryo k = new Kryo();
        k.setReferences(references);
        registerAll.accept(k);
        return k;
    }

    private Graphs() {}

    /** value_<name> methods by name, found on first use. */
    private static Map<String, Method> values;

    /** A parsed case name. */
    private static final class Spec {
        final Method value;
        final Method kryo;
        final Long seed;

        Spec(String text) {
            int colon = text.indexOf(':');
            String head = colon < 0 ? text : text.substring(0, colon);
            seed = colon < 0 ? null : Long.parseUnsignedLong(text.substring(colon + 1));
            int dot = head.indexOf('.');
            String name = head.substring(dot + 1);
            if (values == null) {
                values = discover();
            }
            value = values.get(name);
            if (value == null) {
                throw new KryoDriver.ProtocolError("no graph value " + name
                        + " (define value_" + name + " in a Cases* class)");
            }
            if ((seed != null) != (value.getParameterCount() == 1)) {
                throw new KryoDriver.ProtocolError("graph value " + name
                        + (seed != null ? " takes no seed" : " needs a seed (" + name + ":<seed>)"));
            }
            String k = dot < 0 ? "kryo" : "kryo_" + head.substring(0, dot);
            Class<?> owner = value.getDeclaringClass();
            try {
                kryo = owner.getMethod(k);
            } catch (NoSuchMethodException e) {
                throw new KryoDriver.ProtocolError(owner.getName() + " has no " + k + "()");
            }
            if (!Modifier.isStatic(kryo.getModifiers()) || !Kryo.class.isAssignableFrom(kryo.getReturnType())) {
                throw new KryoDriver.ProtocolError(owner.getName() + "." + k + " must be static and return a Kryo");
            }
        }

        Object value() throws ReflectiveOperationException {
            return seed == null ? value.invoke(null) : value.invoke(null, seed);
        }

        Kryo kryo() throws ReflectiveOperationException {
            return (Kryo) kryo.invoke(null);
        }
    }

    /** Runs one GRAPH command (the header split at spaces); returns its result line. */
    static String command(String[] h) {
        if (h.length < 4) {
            throw new KryoDriver.ProtocolError("bad GRAPH command");
        }
        Spec spec = new Spec(h[2]);
        boolean classAndObject = entry(h[3]);
        try {
            switch (h[1]) {
                case "WRITE":
                    if (h.length != 4) {
                        throw new KryoDriver.ProtocolError("bad GRAPH WRITE");
                    }
                    return "OK " + hex(write(spec, spec.value(), classAndObject));
                case "READ":
                    if (h.length != 5) {
                        throw new KryoDriver.ProtocolError("bad GRAPH READ");
                    }
                    return read(spec, classAndObject, KryoDriver.bytes(h[4]));
                default:
                    throw new KryoDriver.ProtocolError("bad GRAPH command " + h[1]);
            }
        } catch (KryoDriver.ProtocolError e) {
            throw e;
        } catch (Throwable e) {
            Throwable cause = e;
            while (cause instanceof InvocationTargetException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            return "ERR " + KryoDriver.describe(cause);
        }
    }

    /** A case's value, built afresh (for the driver's BENCH writeObject/readObject). */
    static Object value(String name) throws ReflectiveOperationException {
        return new Spec(name).value();
    }

    /** A case's Kryo configuration, made afresh (for BENCH). */
    static Kryo kryo(String name) throws ReflectiveOperationException {
        return new Spec(name).kryo();
    }

    private static String read(Spec spec, boolean classAndObject, byte[] bytes)
            throws ReflectiveOperationException {
        Object expected = spec.value();
        Kryo kryo = spec.kryo();
        Input input = new Input(bytes);
        Object actual = classAndObject
                ? kryo.readClassAndObject(input)
                : kryo.readObject(input, expected.getClass());
        if (input.position() != bytes.length) {
            return "ERR TrailingBytes read " + input.position() + " of " + bytes.length + " bytes";
        }
        String mismatch = GraphEquals.compare(expected, actual, kryo.getReferences());
        if (mismatch != null) {
            return "MISMATCH " + mismatch.replace('\n', ' ').replace('\r', ' ');
        }
        return "OK " + hex(write(spec, actual, classAndObject)) + " " + hex(roundTrip(spec, classAndObject));
    }

    /** Java's bytes for the case, read and written again by Java. */
    private static byte[] roundTrip(Spec spec, boolean classAndObject)
            throws ReflectiveOperationException {
        Object expected = spec.value();
        Input input = new Input(write(spec, expected, classAndObject));
        Kryo kryo = spec.kryo();
        Object again = classAndObject
                ? kryo.readClassAndObject(input)
                : kryo.readObject(input, expected.getClass());
        return write(spec, again, classAndObject);
    }

    private static byte[] write(Spec spec, Object value, boolean classAndObject)
            throws ReflectiveOperationException {
        Kryo kryo = spec.kryo();
        Output output = new Output(256, -1);
        if (classAndObject) {
            kryo.writeClassAndObject(output, value);
        } else {
            kryo.writeObject(output, value);
        }
        return output.toBytes();
    }

    private static boolean entry(String e) {
        switch (e) {
            case "cao":
                return true;
            case "obj":
                return false;
            default:
                throw new KryoDriver.ProtocolError("bad GRAPH entry " + e);
        }
    }

    /** Every value_* method of every Cases* class beside the driver's class file. */
    private static Map<String, Method> discover() {
        File dir;
        try {
            dir = new File(KryoDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new KryoDriver.ProtocolError("cannot locate the driver's classes: " + e);
        }
        String[] files = dir.list();
        if (files == null) {
            throw new KryoDriver.ProtocolError("cannot list " + dir);
        }
        Map<String, Method> found = new HashMap<>();
        for (String f : files) {
            if (!f.startsWith("Cases") || !f.endsWith(".class") || f.contains("$")) {
                continue;
            }
            String cls = f.substring(0, f.length() - ".class".length());
            Class<?> c;
            try {
                c = Class.forName(cls);
            } catch (ClassNotFoundException e) {
                throw new KryoDriver.ProtocolError("cannot load " + cls);
            }
            for (Method m : c.getMethods()) {
                if (!m.getName().startsWith("value_") || !Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                String name = m.getName().substring("value_".length());
                boolean seeded = m.getParameterCount() == 1 && m.getParameterTypes()[0] == long.class;
                if (m.getParameterCount() != 0 && !seeded) {
                    throw new KryoDriver.ProtocolError(cls + "." + m.getName() + " must take () or (long seed)");
                }
                Method before = found.put(name, m);
                if (before != null) {
                    throw new KryoDriver.ProtocolError("graph value " + name + " is defined in both "
                            + before.getDeclaringClass().getName() + " and " + cls);
                }
            }
        }
        return found;
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder(1 + 2 * b.length);
        KryoDriver.hex(s, b);
        return s.toString();
    }
}
