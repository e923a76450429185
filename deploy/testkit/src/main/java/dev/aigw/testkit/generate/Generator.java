package dev.aigw.testkit.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A seeded source of arbitrary test inputs: JSON values at their edges, strings, bytes. The same seed draws the same
 * inputs, so a test puts the generator ({@link #toString()}: its seed and how to run with it again) and the try in its
 * assertion messages, and a failure reproduces. The seed is {@value #DEFAULT_SEED} unless the system property
 * {@value #SEED_PROPERTY} sets another. Not thread-safe: one generator per test.
 */
public final class Generator {
    /** The system property that overrides the seed, e.g. {@code -Daigw.seed=42} on the Maven command line. */
    public static final String SEED_PROPERTY = "aigw.seed";
    /** The seed of an ordinary run. */
    public static final long DEFAULT_SEED = 14L;

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The names the gateway's parsers read, so random objects reach their branches instead of being skipped whole. */
    private static final List<String> NAMES = List.of("model", "messages", "input", "role", "content", "type", "text",
            "tool_use_id", "tool_call_id", "call_id", "id", "name", "tools", "stream", "stream_options", "include_usage",
            "background", "");
    /** Strings that mean something to a parser or a log: roles and types, models, escapes as text, lone surrogates. */
    private static final List<String> NOTABLE = List.of("", " ", "user", "assistant", "system", "tool", "text", "image",
            "tool_use", "tool_result", "claude-sonnet-4-0", "gpt-4.1", "\uD83D\uDE00", "\uDE00\uD83D", "\uD800", "a\uDFFFb",
            "\u202E", "\uFEFF", "\u0000", "\\u0000", "\\uD800", "\"", "\\", "../../etc/passwd");
    private static final List<Long> LONGS = List.of(0L, 1L, -1L, (long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE,
            Long.MAX_VALUE, Long.MIN_VALUE);
    private static final List<Double> DOUBLES = List.of(0.0, -0.0, 0.5, -1.5, 1e300, -1e-300, Double.MIN_VALUE,
            Double.MAX_VALUE, -Double.MAX_VALUE);
    /** Numbers no long or double holds: 400 digits, and exponents past a double's range. */
    private static final List<JsonNode> HUGE = List.of(NODES.numberNode(new BigInteger("9".repeat(400))),
            NODES.numberNode(new BigInteger("-" + "9".repeat(400))), NODES.numberNode(new BigDecimal("1e-400")),
            NODES.numberNode(new BigDecimal("1.5e400")), NODES.numberNode(new BigDecimal("-1.5e400")));

    private final long seed;
    private final Random random;

    private Generator(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** A generator seeded from {@value #SEED_PROPERTY}, or {@value #DEFAULT_SEED} when it is not set. */
    public static Generator seeded() {
        String property = System.getProperty(SEED_PROPERTY, "").strip();
        return new Generator(property.isEmpty() ? DEFAULT_SEED : Long.parseLong(property));
    }

    /** A generator with the given seed. */
    public static Generator seeded(long seed) {
        return new Generator(seed);
    }

    /** The seed this generator started from. */
    public long seed() {
        return seed;
    }

    /** A value shown in an assertion message: its JSON, cut after 500 characters. */
    public static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() > 500 ? text.substring(0, 500) + "... (" + text.length() + " chars)" : text;
    }

    /** True with probability {@code p}. */
    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** An int in {@code [min, max]}; the bounds themselves come up more often than the rest, as edges should. */
    public int between(int min, int max) {
        return switch (random.nextInt(10)) {
            case 0 -> min;
            case 1 -> max;
            default -> (int) (min + (long) (random.nextDouble() * ((long) max - min + 1)));
        };
    }

    /** One of {@code items}. */
    public <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** One of {@code items}. */
    @SafeVarargs
    public final <T> T pick(T... items) {
        return pick(Arrays.asList(items));
    }

    /** Any JSON value, arrays and objects (up to four members each) nested at most {@code depth} levels. */
    public JsonNode json(int depth) {
        if (depth == 0) {
            return scalar();
        }
        return switch (random.nextInt(4)) {
            case 0 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = between(0, 4); i > 0; i--) {
                    array.add(json(depth - 1));
                }
                yield array;
            }
            case 1 -> {
                ObjectNode object = NODES.objectNode();
                for (int i = between(0, 4); i > 0; i--) {
                    object.set(key(), json(depth - 1));
                }
                yield object;
            }
            default -> scalar();
        };
    }

    /** Null, a boolean, a number or a string. */
    public JsonNode scalar() {
        return switch (random.nextInt(6)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2, 3 -> number();
            default -> NODES.textNode(string());
        };
    }

    // A number: small and huge, negative, fractional, with exponents, past what a long or a double holds.
    private JsonNode number() {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.numberNode(pick(LONGS));
            case 1 -> NODES.numberNode(random.nextLong() >> random.nextInt(64));
            case 2 -> NODES.numberNode(pick(DOUBLES));
            case 3 -> NODES.numberNode((random.nextDouble() - 0.5) * Math.pow(10, between(-6, 6)));
            case 4 -> {
                double any;
                do {
                    any = Double.longBitsToDouble(random.nextLong());
                } while (!Double.isFinite(any));
                yield NODES.numberNode(any);
            }
            case 5 -> NODES.numberNode(new BigDecimal(new BigInteger(between(1, 200), random), between(-500, 500)));
            default -> pick(HUGE);
        };
    }

    /**
     * A string: empty, short or long; any UTF-16 units (lone surrogates too), whole code points of every plane,
     * control characters, notable words, or a run of 1,000 to 70,000 characters.
     */
    public String string() {
        return switch (random.nextInt(12)) {
            case 0, 1, 2 -> units(between(0, 6));
            case 3, 4 -> units(between(0, 40));
            case 5, 6 -> codePoints(between(0, 20));
            case 7, 8 -> controls(between(0, 40));
            case 9, 10 -> pick(NOTABLE);
            default -> "x".repeat(between(1_000, 70_000));
        };
    }

    // An object key: a name the parsers read, or any short string.
    private String key() {
        return random.nextBoolean() ? pick(NAMES) : units(between(0, 8));
    }

    /**
     * Up to {@code maxLength} bytes: half the time any bytes, otherwise the UTF-8 of text (controls and every plane
     * included) cut to the length, so valid multi-byte sequences and sequences cut short both come up.
     */
    public byte[] bytes(int maxLength) {
        if (random.nextBoolean()) {
            byte[] bytes = new byte[between(0, maxLength)];
            random.nextBytes(bytes);
            return bytes;
        }
        byte[] text = codePoints(between(0, maxLength)).getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(text, Math.min(text.length, between(0, maxLength)));
    }

    private String units(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(Character.MAX_VALUE + 1));
        }
        return text.toString();
    }

    private String controls(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) pick(random.nextInt(0x20), 0x7f, 0x80 + random.nextInt(0x20)).intValue());
        }
        return text.toString();
    }

    // Code points by UTF-8 length rather than uniformly, which would be almost all four-byte ones.
    private String codePoints(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(switch (random.nextInt(6)) {
                case 0 -> 0x20 + random.nextInt(0x5f);
                case 1 -> random.nextInt(0x20);
                case 2 -> 0x80 + random.nextInt(0x780);
                case 3 -> 0x800 + random.nextInt(0x10000 - 0x800);
                case 4 -> 0x10000 + random.nextInt(Character.MAX_CODE_POINT + 1 - 0x10000);
                default -> pick(0x7f, 0x85, 0x2028, 0x202e, 0xfeff, 0xfffd, 0xffff, 0x10ffff);
            });
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "seed " + seed + " (run again with -D" + SEED_PROPERTY + "=" + seed + ")";
    }
}
