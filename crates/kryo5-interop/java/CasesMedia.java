/*
 * The MediaContent graph of the jvm-serializers benchmark
 * (github.com/eishay/jvm-serializers, data.media.*): the same classes and
 * fields, nested here, with its standard value and variations of it.
 * Mirrored by crates/kryo5-interop/tests/graphs/media.rs (the Rust model
 * is kryo5_interop::media, shared with the benchmarks).
 *
 * Configurations, as jvm-serializers' Kryo setups (serializers/kryo/Kryo.java):
 *   kryo()          "kryo-registered-flat": ArrayList, MediaContent,
 *                   Media.Player, Media, Image.Size, Image registered in
 *                   this order (ids 9 to 14), references off;
 *   kryo_refs()     "kryo-registered": the same with references on;
 *   kryo_auto()     "kryo-auto-flat": nothing registered (classes by name);
 *   kryo_autorefs() "kryo-auto": the same with references on;
 *   kryo_compat()   kryo() with CompatibleFieldSerializer as the default
 *                   serializer (not a jvm-serializers setup: issue 5).
 * jvm-serializers writes with writeObject; the Rust side runs both entry
 * points.
 *
 * Every string is a distinct object (CasesBasic.s), as in jvm-serializers,
 * which reads its data from a file: with references on, no string is
 * written as a back-reference.
 */

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.SerializerFactory;

import java.util.ArrayList;
import java.util.List;

public final class CasesMedia {
    private CasesMedia() {}

    // ----- model -----------------------------------------------------------------

    public static class MediaContent {
        public Media media;
        public List<Image> images;
    }

    public static class Media {
        public enum Player { JAVA, FLASH }

        public String uri;
        public String title;
        public int width;
        public int height;
        public String format;
        public long duration;
        public long size;
        public int bitrate;
        public boolean hasBitrate;
        public List<String> persons;
        public Player player;
        public String copyright;
    }

    public static class Image {
        public enum Size { SMALL, LARGE }

        public String uri;
        public String title;
        public int width;
        public int height;
        public Size size;
    }

    // ----- configurations --------------------------------------------------------

    /** jvm-serializers' registrations, in its order. */
    static void register(Kryo k) {
        k.register(ArrayList.class);
        k.register(MediaContent.class);
        k.register(Media.Player.class);
        k.register(Media.class);
        k.register(Image.Size.class);
        k.register(Image.class);
    }

    public static Kryo kryo() {
        Kryo k = new Kryo();
        register(k);
        return k;
    }

    public static Kryo kryo_refs() {
        Kryo k = new Kryo();
        k.setReferences(true);
        register(k);
        return k;
    }

    /** kryo() with CompatibleFieldSerializer as the default serializer. */
    public static Kryo kryo_compat() {
        Kryo k = new Kryo();
        k.setDefaultSerializer(new SerializerFactory.CompatibleFieldSerializerFactory());
        register(k);
        return k;
    }

    public static Kryo kryo_auto() {
        Kryo k = new Kryo();
        k.setRegistrationRequired(false);
        return k;
    }

    public static Kryo kryo_autorefs() {
        Kryo k = kryo_auto();
        k.setReferences(true);
        return k;
    }

    // ----- values ----------------------------------------------------------------

    static String s(String v) {
        return v == null ? null : CasesBasic.s(v);
    }

    static Image image(String uri, String title, int width, int height, Image.Size size) {
        Image i = new Image();
        i.uri = s(uri);
        i.title = s(title);
        i.width = width;
        i.height = height;
        i.size = size;
        return i;
    }

    /** The standard value of jvm-serializers. */
    static MediaContent standard() {
        Media m = new Media();
        m.uri = s("http://javaone.com/keynote.mpg");
        m.title = s("Javaone Keynote");
        m.width = 640;
        m.height = 480;
        m.format = s("video/mpg4");
        m.duration = 18000000;
        m.size = 58982400;
        m.bitrate = 262144;
        m.hasBitrate = true;
        m.persons = new ArrayList<>();
        m.persons.add(s("Bill Gates"));
        m.persons.add(s("Steve Jobs"));
        m.player = Media.Player.JAVA;
        m.copyright = null;
        MediaContent c = new MediaContent();
        c.media = m;
        c.images = new ArrayList<>();
        c.images.add(image("http://javaone.com/keynote_large.jpg", "Javaone Keynote", 1024, 768,
                Image.Size.LARGE));
        c.images.add(image("http://javaone.com/keynote_small.jpg", "Javaone Keynote", 320, 240,
                Image.Size.SMALL));
        return c;
    }

    public static Object value_media() {
        return standard();
    }

    /** A copyright, the other player, a null image title. */
    public static Object value_media_copyright() {
        MediaContent c = standard();
        c.media.copyright = s("© 2009 Sun Microsystems");
        c.media.player = Media.Player.FLASH;
        c.media.hasBitrate = false;
        c.images.get(1).title = null;
        return c;
    }

    /** Non-ASCII text everywhere, extreme numbers. */
    public static Object value_media_unicode() {
        MediaContent c = standard();
        Media m = c.media;
        m.uri = s("http://例え.jp/キー/ノート.mpg");
        m.title = s("Jávaone Kéynote 😀");
        m.format = s("vidéo/мп4");
        m.width = Integer.MIN_VALUE;
        m.height = -1;
        m.duration = Long.MAX_VALUE;
        m.size = Long.MIN_VALUE;
        m.bitrate = Integer.MAX_VALUE;
        m.persons.set(0, s("Bïll Gätes"));
        m.persons.set(1, s("史蒂夫·乔布斯 \uD83C\uDF4E"));
        m.copyright = s("ⓒ Sün");
        c.images.get(0).title = s("大きい画像");
        c.images.get(1).uri = s("http://javaone.com/kleines_bild_ä.jpg");
        return c;
    }

    /** No persons, no images. */
    public static Object value_media_empty() {
        MediaContent c = standard();
        c.media.persons.clear();
        c.images.clear();
        return c;
    }
}
