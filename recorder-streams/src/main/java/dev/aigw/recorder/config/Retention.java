package dev.aigw.recorder.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The seeds' retention durations: {@code 60d}, {@code 720h}, {@code 90m}, {@code 1h30m}; {@code 0} keeps data forever. */
public final class Retention {
    private static final Pattern PART = Pattern.compile("(\\d+)(d|h|m|s)");

    private Retention() {
    }

    /** The duration, {@link Duration#ZERO} for keep-forever, or empty when the text is not a duration. */
    public static Optional<Duration> parse(String text) {
        String s = text.strip();
        if (s.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        Matcher m = PART.matcher(s);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
            end = m.end();
        }
        return end == s.length() && end > 0 ? Optional.of(total) : Optional.empty();
    }
}
