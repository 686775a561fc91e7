/*
 * Graph cases for class hierarchies: FieldSerializer sorts the fields of a
 * class and all its superclasses together by name (format spec 9.2), and a
 * superclass's type variables are resolved from the extends clause (9.4).
 * Mirrored by crates/kryo5-interop/tests/graphs/inherit.rs (structs with a
 * #[kryo(extends)] field).
 */

import com.esotericsoftware.kryo.Kryo;

public final class CasesInherit {
    private CasesInherit() {}

    // ----- model -----------------------------------------------------------------

    /** The spec's example (9.2). */
    public static class Parent {
        int z;
        String b;
        int x;
    }

    public static class Child extends Parent {
        int a;
        int m;
        int x;
        transient int t = 9;
        static int S = 4;
    }

    /** Three levels, a name declared at two of them, a superclass with no own order. */
    public abstract static class Animal {
        String name;
        long born;
    }

    public static class Dog extends Animal {
        String name;
        boolean good;
        Object toy;
    }

    public static final class Puppy extends Dog {
        int age;
        String breed;
        Animal mother;
    }

    /** Type variables bound by the subclass's extends clause (9.4). */
    public static class TV<K, V> {
        K k;
        V v;
    }

    public static class Sub extends TV<Integer, String> {
        String w;
    }

    /** Names in UTF-16 order across the hierarchy: supplementary before U+FF21. */
    public static class Top {
        int \uD800\uDC00;
        int b;
    }

    public static class Low extends Top {
        int \uFF21;
        int a;
    }

    public static class Holder {
        Object any;
        Parent parent;
        Dog dog;
    }

    // ----- configurations --------------------------------------------------------

    static void registerAll(Kryo k) {
        k.register(Parent.class);
        k.register(Child.class);
        k.register(Dog.class);
        k.register(Puppy.class);
        k.register(TV.class);
        k.register(Sub.class);
        k.register(Low.class);
        k.register(Holder.class);
    }

    public static Kryo kryo() {
        return Graphs.kryo(false, CasesInherit::registerAll);
    }

    public static Kryo kryo_refs() {
        return Graphs.kryo(true, CasesInherit::registerAll);
    }

    /** CompatibleFieldSerializer as the default: names declared twice in a hierarchy. */
    public static Kryo kryo_compat() {
        Kryo k = new Kryo();
        k.setDefaultSerializer(com.esotericsoftware.kryo.serializers.CompatibleFieldSerializer.class);
        registerAll(k);
        return k;
    }

    // ----- values ----------------------------------------------------------------

    private static String s(String v) {
        return new String(v.toCharArray());
    }

    public static Object value_inh_child() {
        Child c = new Child();
        c.z = 1;
        c.b = s("p");
        ((Parent) c).x = 100;
        c.a = 2;
        c.m = 3;
        c.x = 200;
        return c;
    }

    static Dog dog() {
        Dog d = new Dog();
        ((Animal) d).name = s("Rex, the animal");
        d.name = s("Rex");
        d.born = -1_700_000_000_000L;
        d.good = true;
        d.toy = s("ball");
        return d;
    }

    public static Object value_inh_dog() {
        return dog();
    }

    public static Object value_inh_puppy() {
        Puppy p = new Puppy();
        ((Animal) p).name = null;
        ((Dog) p).name = s("Fido é");
        p.born = 42;
        p.good = false;
        p.toy = Integer.valueOf(7);
        p.age = 1;
        p.breed = s("\u6a5f\uD83D\uDE00");
        p.mother = dog();
        return p;
    }

    public static Object value_inh_sub() {
        Sub s = new Sub();
        s.k = 1;
        s.v = s("x");
        s.w = s("w");
        return s;
    }

    public static Object value_inh_low() {
        Low l = new Low();
        l.\uD800\uDC00 = 1;
        l.b = 2;
        l.\uFF21 = 3;
        l.a = 4;
        return l;
    }

    public static Object value_inh_holder() {
        Holder h = new Holder();
        Puppy p = (Puppy) value_inh_puppy();
        h.any = value_inh_child();
        h.parent = (Child) value_inh_child();
        h.dog = p;
        return h;
    }

    public static Object value_inh_shared() {
        Holder h = new Holder();
        Dog d = dog();
        h.any = d;
        h.dog = d;
        h.parent = null;
        return h;
    }
}
