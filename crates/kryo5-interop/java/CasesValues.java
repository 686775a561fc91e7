/*
 * Graph cases for Kryo's default serializers of JDK value types: primitive
 * and object arrays (nested, with nulls, NaN and -0.0), BigInteger and
 * BigDecimal, Date and its java.sql subclasses, GregorianCalendar,
 * java.time, Optional and its primitive twins, BitSet, StringBuilder and
 * StringBuffer, Locale, Currency, Charset, URL, TimeZone, EnumSet, Class.
 * Mirrored by crates/kryo5-interop/tests/graphs/values.rs.
 *
 * Configurations: kryo() registers every class in registerAll's order;
 * kryo_vrefs() turns references on first; kryo_vbyname() registers nothing
 * (every class written by name).
 *
 * Each value appears as a field of a model class (Arrs, Nums, Times, Misc)
 * and at the top level (value_top_*), the latter written with both entry
 * points by the Rust side.
 */

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.DefaultSerializers;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.Calendar;
import java.util.Currency;
import java.util.Date;
import java.util.EnumSet;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TimeZone;
import java.util.UUID;

public final class CasesValues {
    private CasesValues() {}

    // ----- model -----------------------------------------------------------------

    public static class Item {
        int n;
    }

    public static final class Fin {
        long y;
    }

    public enum Hue { RED, GREEN, BLUE }

    /** More than 64 constants: its sets are JumboEnumSets. */
    public enum Many {
        C0, C1, C2, C3, C4, C5, C6, C7, C8, C9,
        C10, C11, C12, C13, C14, C15, C16, C17, C18, C19,
        C20, C21, C22, C23, C24, C25, C26, C27, C28, C29,
        C30, C31, C32, C33, C34, C35, C36, C37, C38, C39,
        C40, C41, C42, C43, C44, C45, C46, C47, C48, C49,
        C50, C51, C52, C53, C54, C55, C56, C57, C58, C59,
        C60, C61, C62, C63, C64, C65, C66, C67, C68, C69
    }

    public static class Arrs {
        int[] ints;
        long[] longs;
        float[] floats;
        double[] doubles;
        boolean[] bools;
        short[] shorts;
        char[] chars;
        byte[] bytes;
        String[] strings;
        Object[] objects;
        Integer[] boxed;
        int[][] matrix;
        Item[] items;
        Fin[] fins;
        String[][] grid;
        Object any;
        int[] none;
    }

    /** Arrays of value types: final components with and without their own null. */
    public static class ValArrs {
        Class<?>[] classes;
        Date[] dates;
        BigDecimal[] decs;
        Locale[] locales;
        StringBuilder[] builders;
        Currency[] currencies;
        LocalDate[] days;
        ZoneId[] zones;
        Optional<?>[] opts;
        Hue[] hues;
        Object[] any;
    }

    public static class Nums {
        BigInteger a;
        BigInteger b;
        BigDecimal c;
        BigDecimal d;
        Object e;
        BigDecimal none;
    }

    public static class Times {
        Duration duration;
        Instant instant;
        LocalDate date;
        LocalTime time;
        LocalDateTime dateTime;
        ZoneOffset offset;
        ZoneId region;
        ZoneId fixed;
        OffsetTime offsetTime;
        OffsetDateTime offsetDateTime;
        ZonedDateTime zoned;
        Year year;
        YearMonth yearMonth;
        MonthDay monthDay;
        Period period;
    }

    public static class Misc {
        Date date;
        java.sql.Date sqlDate;
        java.sql.Time sqlTime;
        java.sql.Timestamp stamp;
        Calendar calendar;
        Optional<String> text;
        Optional<Item> item;
        Optional<Object> empty;
        OptionalInt oi;
        OptionalLong ol;
        OptionalDouble od;
        BitSet bits;
        StringBuilder builder;
        StringBuffer buffer;
        Locale locale;
        Currency currency;
        Charset charset;
        URL url;
        TimeZone zone;
        EnumSet<Hue> hues;
        Class<?> type;
        Class<?> prim;
    }

    /** UUIDs, with UUIDSerializer registered (not a default serializer). */
    public static class Ids {
        UUID id;
        Object any;
        UUID none;
    }

    // ----- configurations --------------------------------------------------------

    /** Every class, in this order (the Rust side registers the same). */
    static void registerAll(Kryo k) {
        k.register(Item.class);
        k.register(Fin.class);
        k.register(Hue.class);
        k.register(Arrs.class);
        k.register(Nums.class);
        k.register(Times.class);
        k.register(Misc.class);
        k.register(int[].class);
        k.register(long[].class);
        k.register(float[].class);
        k.register(double[].class);
        k.register(boolean[].class);
        k.register(short[].class);
        k.register(char[].class);
        k.register(byte[].class);
        k.register(String[].class);
        k.register(Object[].class);
        k.register(Integer[].class);
        k.register(int[][].class);
        k.register(Item[].class);
        k.register(Fin[].class);
        k.register(String[][].class);
        k.register(BigInteger.class);
        k.register(BigDecimal.class);
        k.register(Duration.class);
        k.register(Instant.class);
        k.register(LocalDate.class);
        k.register(LocalTime.class);
        k.register(LocalDateTime.class);
        k.register(ZoneOffset.class);
        k.register(ZoneId.of("Europe/Paris").getClass());
        k.register(OffsetTime.class);
        k.register(OffsetDateTime.class);
        k.register(ZonedDateTime.class);
        k.register(Year.class);
        k.register(YearMonth.class);
        k.register(MonthDay.class);
        k.register(Period.class);
        k.register(Date.class);
        k.register(java.sql.Date.class);
        k.register(java.sql.Time.class);
        k.register(java.sql.Timestamp.class);
        k.register(GregorianCalendar.class);
        k.register(Optional.class);
        k.register(OptionalInt.class);
        k.register(OptionalLong.class);
        k.register(OptionalDouble.class);
        k.register(BitSet.class);
        k.register(StringBuilder.class);
        k.register(StringBuffer.class);
        k.register(Locale.class);
        k.register(Currency.class);
        k.register(StandardCharsets.UTF_8.getClass());
        k.register(StandardCharsets.ISO_8859_1.getClass());
        k.register(URL.class);
        k.register(TimeZone.getTimeZone("UTC").getClass());
        k.register(EnumSet.class);
        k.register(Class.class);
        k.register(Many.class);
        k.register(ValArrs.class);
        k.register(Class[].class);
        k.register(Date[].class);
        k.register(BigDecimal[].class);
        k.register(Locale[].class);
        k.register(StringBuilder[].class);
        k.register(Currency[].class);
        k.register(LocalDate[].class);
        k.register(ZoneId[].class);
        k.register(Optional[].class);
        k.register(Hue[].class);
        k.register(BigInteger[].class);
    }

    public static Kryo kryo() {
        Kryo k = new Kryo();
        registerAll(k);
        return k;
    }

    public static Kryo kryo_vrefs() {
        Kryo k = new Kryo();
        k.setReferences(true);
        registerAll(k);
        return k;
    }

    public static Kryo kryo_vbyname() {
        Kryo k = new Kryo();
        k.setRegistrationRequired(false);
        return k;
    }

    public static Kryo kryo_vbyname_refs() {
        Kryo k = kryo_vbyname();
        k.setReferences(true);
        return k;
    }

    /** UUID with DefaultSerializers.UUIDSerializer, then Ids. */
    public static Kryo kryo_uuid() {
        Kryo k = new Kryo();
        k.register(UUID.class, new DefaultSerializers.UUIDSerializer());
        k.register(Ids.class);
        return k;
    }

    public static Kryo kryo_uuid_refs() {
        Kryo k = new Kryo();
        k.setReferences(true);
        k.register(UUID.class, new DefaultSerializers.UUIDSerializer());
        k.register(Ids.class);
        return k;
    }

    // ----- values ----------------------------------------------------------------

    static Item item(int n) {
        Item i = new Item();
        i.n = n;
        return i;
    }

    static Fin fin(long y) {
        Fin f = new Fin();
        f.y = y;
        return f;
    }

    static String s(String v) {
        return new String(v.toCharArray());
    }

    public static Object value_arrs() {
        Arrs a = new Arrs();
        a.ints = new int[] {0, 1, -1, 300, Integer.MIN_VALUE, Integer.MAX_VALUE};
        a.longs = new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE};
        a.floats = new float[] {Float.NaN, -0.0f, 0.0f, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
            Float.intBitsToFloat(0x7fc00001)};
        a.doubles = new double[] {Double.NaN, -0.0, Double.POSITIVE_INFINITY, Double.MAX_VALUE,
            Double.longBitsToDouble(0x7ff0000000000001L)};
        a.bools = new boolean[] {true, false, true};
        a.shorts = new short[] {Short.MIN_VALUE, -1, Short.MAX_VALUE};
        a.chars = new char[] {'a', '\u20ac', '\ud800', '\uffff'};
        a.bytes = new byte[] {0, -1, 127, -128};
        a.strings = new String[] {s("a"), null, s(""), s("\u65e5\ud83d\ude00")};
        a.objects = new Object[] {1, s("a"), null, new int[] {2}, item(3), fin(4), new Object[] {5L}};
        a.boxed = new Integer[] {1, null, -1};
        a.matrix = new int[][] {{1}, null, {}};
        a.items = new Item[] {item(1), null};
        a.fins = new Fin[] {fin(2), null};
        a.grid = new String[][] {{s("x"), null}, null};
        a.any = new double[] {1.5};
        return a;
    }

    public static Object value_arrs_empty() {
        Arrs a = new Arrs();
        a.ints = new int[0];
        a.longs = new long[0];
        a.floats = new float[0];
        a.doubles = new double[0];
        a.bools = new boolean[0];
        a.shorts = new short[0];
        a.chars = new char[0];
        a.bytes = new byte[0];
        a.strings = new String[0];
        a.objects = new Object[0];
        a.boxed = new Integer[0];
        a.matrix = new int[0][];
        a.items = new Item[0];
        a.fins = new Fin[0];
        a.grid = new String[0][];
        return a;
    }

    /** With references on: one array twice, one object in two arrays. */
    public static Object value_arrs_shared() {
        Arrs a = new Arrs();
        int[] shared = {7, 8};
        Item it = item(9);
        a.ints = shared;
        a.objects = new Object[] {shared, it, it};
        a.items = new Item[] {it};
        a.any = shared;
        return a;
    }

    public static Object value_val_arrs() {
        ValArrs a = new ValArrs();
        a.classes = new Class<?>[] {String.class, null, int.class, Item.class};
        a.dates = new Date[] {new Date(0), null, new Date(-1)};
        a.decs = new BigDecimal[] {BigDecimal.ONE, null};
        a.locales = new Locale[] {Locale.US, null};
        a.builders = new StringBuilder[] {new StringBuilder("x"), null};
        a.currencies = new Currency[] {null, Currency.getInstance("GBP")};
        a.days = new LocalDate[] {LocalDate.of(2000, 1, 1), null};
        a.zones = new ZoneId[] {ZoneId.of("Europe/Paris"), ZoneOffset.ofHours(1), null};
        a.opts = new Optional<?>[] {Optional.of(s("o")), Optional.empty(), null};
        a.hues = new Hue[] {Hue.BLUE, null};
        a.any = new Object[] {new Date[] {new Date(2)}, new Hue[0], new Locale[] {null}, new java.sql.Date(1)};
        return a;
    }

    /** One string object twice in a String[], once more in an Object[]. */
    public static Object value_strs_shared() {
        String x = s("same");
        return new Object[] {new String[] {x, null, x}, x};
    }

    public static Object value_top_ints() {
        return new int[] {1, -1, 300};
    }

    public static Object value_top_longs() {
        return new long[] {1, -1, Long.MIN_VALUE};
    }

    public static Object value_top_doubles() {
        return new double[] {Double.NaN, -0.0};
    }

    public static Object value_top_floats() {
        return new float[] {1.0f, -0.0f};
    }

    public static Object value_top_bytes() {
        return new byte[] {1, 2, -1};
    }

    public static Object value_top_chars() {
        return new char[] {'a', '\u20ac'};
    }

    public static Object value_top_shorts() {
        return new short[] {1, -2};
    }

    public static Object value_top_bools() {
        return new boolean[] {true, false, true};
    }

    public static Object value_top_strings() {
        return new String[] {s("a"), null, s("bc")};
    }

    public static Object value_top_objects() {
        return new Object[] {1, s("a"), null};
    }

    public static Object value_top_boxed() {
        return new Integer[] {1, null};
    }

    public static Object value_top_matrix() {
        return new int[][] {{1}, null};
    }

    public static Object value_top_items() {
        return new Item[] {item(1), null, item(-2)};
    }

    public static Object value_top_grid() {
        return new String[][] {{s("a")}, {}, null};
    }

    public static Object value_nums() {
        Nums n = new Nums();
        n.a = BigInteger.ZERO;
        n.b = BigInteger.ONE.shiftLeft(200).negate().add(BigInteger.valueOf(12345));
        n.c = new BigDecimal("1E+3");
        n.d = new BigDecimal("123456789012345678901234567890.5");
        n.e = new BigDecimal("-1.5");
        return n;
    }

    public static Object value_nums_edges() {
        Nums n = new Nums();
        n.a = BigInteger.valueOf(Long.MIN_VALUE);
        n.b = BigInteger.ONE.shiftLeft(64);
        n.c = new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE), -2147483648);
        n.d = new BigDecimal(BigInteger.valueOf(-128), 2147483647);
        n.e = BigInteger.valueOf(-1);
        return n;
    }

    /** Unscaled values at the 8-byte boundary of BigDecimalSerializer. */
    public static Object value_top_bigdecs() {
        BigInteger min = BigInteger.valueOf(Long.MIN_VALUE);
        return new BigDecimal[] {
            new BigDecimal(min, 3),
            new BigDecimal(min.subtract(BigInteger.ONE), 0),
            new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE), -1),
            new BigDecimal(BigInteger.valueOf(-129), 1),
            new BigDecimal(BigInteger.valueOf(128), 0),
            null,
        };
    }

    public static Object value_top_bigints() {
        return new BigInteger[] {BigInteger.valueOf(128), BigInteger.valueOf(-129), BigInteger.ONE.negate(),
            BigInteger.ONE.shiftLeft(63), BigInteger.ONE.shiftLeft(63).negate()};
    }

    public static Object value_top_bigint() {
        return BigInteger.ONE.shiftLeft(1000).subtract(BigInteger.ONE);
    }

    public static Object value_top_bigint_neg() {
        return BigInteger.valueOf(-256);
    }

    public static Object value_top_bigdec() {
        return new BigDecimal("-0.000000000000000000000000000001");
    }

    public static Object value_top_bigdec_negscale() {
        return new BigDecimal("-9.9E+99");
    }

    static Times times(Duration d, Instant i, LocalDate date, LocalTime time, ZoneOffset off,
                       String region, int year) {
        Times t = new Times();
        t.duration = d;
        t.instant = i;
        t.date = date;
        t.time = time;
        t.dateTime = LocalDateTime.of(date, time);
        t.offset = off;
        t.region = ZoneId.of(region);
        // Not `off`: ZoneOffset instances are cached, so the same offset
        // twice is one object, a back-reference with references on.
        t.fixed = ZoneOffset.ofTotalSeconds(-off.getTotalSeconds());
        t.offsetTime = OffsetTime.of(time, off);
        t.offsetDateTime = OffsetDateTime.of(date, time, off);
        t.zoned = ZonedDateTime.ofLocal(LocalDateTime.of(date, time), ZoneId.of(region), null);
        t.year = Year.of(year);
        t.yearMonth = YearMonth.of(year, 2);
        t.monthDay = MonthDay.of(2, 29);
        t.period = Period.of(1, -2, 3);
        return t;
    }

    public static Object value_times() {
        return times(Duration.ofSeconds(1, 5), Instant.ofEpochSecond(1, 5), LocalDate.of(2024, 2, 29),
                LocalTime.of(10, 30, 15, 7), ZoneOffset.ofHoursMinutes(-5, -30), "Europe/Paris", 2024);
    }

    public static Object value_times_min() {
        Times t = times(Duration.ofSeconds(Long.MIN_VALUE), Instant.MIN, LocalDate.MIN, LocalTime.MIN,
                ZoneOffset.MIN, "UTC", Year.MIN_VALUE);
        t.period = Period.of(Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE);
        t.zoned = ZonedDateTime.of(LocalDateTime.of(1969, 12, 31, 23, 59), ZoneOffset.ofTotalSeconds(3601));
        return t;
    }

    public static Object value_times_max() {
        Times t = times(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), Instant.MAX, LocalDate.MAX,
                LocalTime.MAX, ZoneOffset.MAX, "America/Argentina/Buenos_Aires", Year.MAX_VALUE);
        t.period = Period.of(Integer.MAX_VALUE, 0, -1);
        t.region = ZoneId.of("GMT+01:00");
        t.zoned = ZonedDateTime.of(LocalDateTime.of(2000, 1, 1, 0, 0), ZoneId.of("Z"));
        return t;
    }

    public static Object value_top_duration() {
        return Duration.ofSeconds(-1, 1);
    }

    public static Object value_top_instant() {
        return Instant.ofEpochSecond(-1, 999_999_999);
    }

    public static Object value_top_date() {
        return LocalDate.of(-1, 1, 1);
    }

    public static Object value_top_time() {
        return LocalTime.of(0, 0, 0, 1);
    }

    public static Object value_top_datetime() {
        return LocalDateTime.MAX;
    }

    public static Object value_top_offset() {
        return ZoneOffset.ofTotalSeconds(3601);
    }

    public static Object value_top_region() {
        return ZoneId.of("Asia/Tokyo");
    }

    public static Object value_top_offset_time() {
        return OffsetTime.of(LocalTime.of(10, 0), ZoneOffset.ofHours(2));
    }

    public static Object value_top_offset_datetime() {
        return OffsetDateTime.MIN;
    }

    public static Object value_top_zoned() {
        return ZonedDateTime.ofLocal(LocalDateTime.of(2024, 2, 29, 10, 0), ZoneId.of("Europe/Paris"), null);
    }

    public static Object value_top_year() {
        return Year.of(-1);
    }

    public static Object value_top_year_month() {
        return YearMonth.of(2024, 12);
    }

    public static Object value_top_month_day() {
        return MonthDay.of(12, 31);
    }

    public static Object value_top_period() {
        return Period.ZERO;
    }

    static Calendar calendar(String zone, long millis) {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone(zone));
        c.setTimeInMillis(millis);
        c.setFirstDayOfWeek(Calendar.MONDAY);
        c.setMinimalDaysInFirstWeek(4);
        return c;
    }

    public static Object value_misc() throws MalformedURLException {
        Misc m = new Misc();
        m.date = new Date(1_700_000_000_000L);
        m.sqlDate = new java.sql.Date(-86_400_000L);
        m.sqlTime = new java.sql.Time(3_600_000L);
        m.stamp = new java.sql.Timestamp(1_700_000_000_123L);
        m.calendar = calendar("UTC", 0);
        m.text = Optional.of(s("a"));
        m.item = Optional.of(item(4));
        m.empty = Optional.empty();
        m.oi = OptionalInt.of(-5);
        m.ol = OptionalLong.empty();
        m.od = OptionalDouble.of(Double.NaN);
        m.bits = new BitSet();
        m.bits.set(0);
        m.bits.set(64);
        m.bits.set(200);
        m.builder = new StringBuilder("ab\u00e9");
        m.buffer = new StringBuffer("");
        m.locale = new Locale("de", "CH", "x");
        m.currency = Currency.getInstance("EUR");
        m.charset = StandardCharsets.UTF_8;
        m.url = new URL("http://a.b/c?q=1#f");
        m.zone = TimeZone.getTimeZone("Europe/Paris");
        m.hues = EnumSet.of(Hue.GREEN, Hue.BLUE);
        m.type = Item.class;
        m.prim = int.class;
        return m;
    }

    public static Object value_misc_edges() {
        Misc m = new Misc();
        m.date = new Date(0);
        m.sqlDate = new java.sql.Date(Long.MIN_VALUE);
        m.stamp = new java.sql.Timestamp(-1);
        m.calendar = calendar("Asia/Tokyo", -12_219_292_800_001L);
        m.text = Optional.empty();
        m.oi = OptionalInt.empty();
        m.ol = OptionalLong.of(Long.MIN_VALUE);
        m.od = OptionalDouble.of(-0.0);
        m.bits = new BitSet();
        m.builder = new StringBuilder();
        m.locale = Locale.ROOT;
        m.currency = Currency.getInstance("JPY");
        m.charset = StandardCharsets.ISO_8859_1;
        m.zone = TimeZone.getTimeZone("GMT+02:00");
        m.hues = EnumSet.noneOf(Hue.class);
        m.type = int[][].class;
        m.prim = Integer.class;
        return m;
    }

    /** With references on: one value object in several fields. */
    public static Object value_misc_shared() {
        Misc m = new Misc();
        Date d = new Date(5);
        m.date = d;
        m.item = Optional.of(item(1));
        m.empty = Optional.of(d);
        m.bits = new BitSet();
        m.bits.set(3);
        m.type = String.class;
        m.prim = String.class;
        return m;
    }

    public static Object value_top_jdate() {
        return new Date(-1);
    }

    public static Object value_top_sql_date() {
        return new java.sql.Date(86_400_000L);
    }

    public static Object value_top_calendar() {
        return calendar("UTC", 1_700_000_000_000L);
    }

    public static Object value_top_optional() {
        return Optional.of(BigInteger.TEN);
    }

    public static Object value_top_optional_int() {
        return OptionalInt.of(Integer.MIN_VALUE);
    }

    public static Object value_top_optional_long() {
        return OptionalLong.of(5);
    }

    public static Object value_top_optional_double() {
        return OptionalDouble.empty();
    }

    public static Object value_top_bitset() {
        BitSet b = new BitSet();
        b.set(1);
        b.set(63);
        b.set(127);
        return b;
    }

    public static Object value_top_builder() {
        return new StringBuilder("\ud83d\ude00");
    }

    public static Object value_top_buffer() {
        return new StringBuffer("\u00e9");
    }

    public static Object value_top_locale() {
        return Locale.US;
    }

    public static Object value_top_currency() {
        return Currency.getInstance("USD");
    }

    public static Object value_top_charset() {
        return StandardCharsets.UTF_8;
    }

    public static Object value_top_url() throws MalformedURLException {
        return new URL("https://user@host:8080/p%20q?x=%C3%A9");
    }

    public static Object value_top_timezone() {
        return TimeZone.getTimeZone("UTC");
    }

    public static Object value_top_hues() {
        return EnumSet.allOf(Hue.class);
    }

    public static Object value_top_many() {
        return EnumSet.of(Many.C0, Many.C63, Many.C64, Many.C69);
    }

    public static Object value_top_many_none() {
        return EnumSet.noneOf(Many.class);
    }

    public static Object value_top_class() {
        return String[].class;
    }

    public static Object value_top_class_prim() {
        return long.class;
    }

    /** One UUID in two fields (a back-reference with references on). */
    public static Object value_ids() {
        Ids i = new Ids();
        i.id = new UUID(0x0123456789abcdefL, -2L);
        i.any = i.id;
        return i;
    }

    public static Object value_top_uuid() {
        return new UUID(1, 2);
    }
}
