package dev.aigw.recorder.audit;

/** Keys of rows and aggregates built from several ids without ambiguity, whatever characters the ids hold. */
public final class RowKeys {
    private RowKeys() {
    }

    /** The parts, each prefixed with its length: {@code ("a/b", "c")} and {@code ("a", "b/c")} stay apart. */
    public static String of(String... parts) {
        StringBuilder key = new StringBuilder();
        for (String part : parts) {
            String p = part == null ? "" : part;
            key.append(p.length()).append(':').append(p).append('/');
        }
        return key.toString();
    }
}
