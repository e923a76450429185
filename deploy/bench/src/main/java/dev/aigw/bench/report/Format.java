package dev.aigw.bench.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the report, its checklist and its chart spell numbers, so they agree with each other. */
final class Format {
    /** Printed where a value was not measured. */
    static final String NONE = "—";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final double MIB = 1024 * 1024;

    private Format() {
    }

    /** {@code median (min–max)} rounded to integers, only the median when the range rounds to a single value. */
    static String spread(Spread spread) {
        if (spread == null) {
            return NONE;
        }
        String min = integer(spread.min());
        String max = integer(spread.max());
        String median = integer(spread.median());
        return min.equals(max) ? median : median + " (" + min + "–" + max + ")";
    }

    /** Rounded to an integer, with thousands separated by commas whatever the default locale. */
    static String integer(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }

    static String integer(Double value) {
        return value == null ? NONE : integer(value.doubleValue());
    }

    /** Whole mebibytes, rounded. */
    static long mebibytes(long bytes) {
        return Math.round(bytes / MIB);
    }

    static String date(Instant instant) {
        return instant == null ? NONE : DATE.format(instant);
    }
}
