package dev.aigw.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A Markdown table whose columns are padded so that it also lines up when printed raw in a terminal. The first
 * column is left-aligned, the others, numbers, right-aligned.
 */
final class Table {
    private final List<List<String>> lines = new ArrayList<>();

    Table(String... header) {
        lines.add(List.of(header));
    }

    Table row(String... cells) {
        if (cells.length != lines.getFirst().size()) {
            throw new IllegalArgumentException("expected " + lines.getFirst().size() + " cells, got " + cells.length);
        }
        lines.add(List.of(cells));
        return this;
    }

    boolean isEmpty() {
        return lines.size() == 1;
    }

    String render() {
        int[] widths = new int[lines.getFirst().size()];
        for (List<String> line : lines) {
            for (int i = 0; i < widths.length; i++) {
                // three dashes at least: the delimiter row of a Markdown table needs them
                widths[i] = Math.max(Math.max(widths[i], width(line.get(i))), 3);
            }
        }
        StringBuilder out = new StringBuilder();
        append(out, lines.getFirst(), widths);
        List<String> delimiters = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            delimiters.add(i == 0 ? "-".repeat(widths[i]) : "-".repeat(widths[i] - 1) + ":");
        }
        append(out, delimiters, widths);
        lines.stream().skip(1).forEach(line -> append(out, line, widths));
        return out.toString();
    }

    private static void append(StringBuilder out, List<String> cells, int[] widths) {
        for (int i = 0; i < widths.length; i++) {
            String pad = " ".repeat(widths[i] - width(cells.get(i)));
            out.append("| ").append(i == 0 ? cells.get(i) + pad : pad + cells.get(i)).append(' ');
        }
        out.append("|\n");
    }

    /** Terminals give emoji such as ✅ two columns. */
    private static int width(String text) {
        return text.codePoints().map(c -> Character.isEmojiPresentation(c) ? 2 : 1).sum();
    }
}
