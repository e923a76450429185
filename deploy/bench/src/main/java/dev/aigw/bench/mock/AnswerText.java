package dev.aigw.bench.mock;

import java.util.ArrayList;
import java.util.List;

/** The answer's text: plain ASCII that JSON needs no escape for, so its length in characters is its length in bytes. */
final class AnswerText {
    private static final String PHRASE = "The mock upstream gives this same sentence to every request, cut to length. ";

    private AnswerText() {
    }

    /** The phrase repeated and cut to {@code length} characters. */
    static String of(int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(PHRASE, 0, Math.min(PHRASE.length(), length - text.length()));
        }
        return text.toString();
    }

    /** Cuts the text into {@code parts} pieces whose lengths differ by at most one, the longer ones first. */
    static List<String> split(String text, int parts) {
        int base = text.length() / parts;
        int longer = text.length() % parts;
        List<String> pieces = new ArrayList<>(parts);
        int from = 0;
        for (int i = 0; i < parts; i++) {
            int to = from + base + (i < longer ? 1 : 0);
            pieces.add(text.substring(from, to));
            from = to;
        }
        return pieces;
    }
}
