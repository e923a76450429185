package dev.aigw.gateway.config;

import dev.aigw.servicekit.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where events wait on disk while Kafka is unreachable or slow, and what a full spool means.
 *
 * @param dir           the spool's directory, {@code <DATA_DIR>/spool}
 * @param maxBytes      size of the spool's files at which it counts as full
 * @param fsync         when appended events are forced to the disk
 * @param fsyncInterval how often under {@link FsyncPolicy#INTERVAL}
 * @param failureMode   what a full spool does to new interceptions
 * @param deadLetterMaxBytes size of the records Kafka refused for good kept in {@code <dir>/dead-letters}, oldest
 *                      deleted first past it
 * @param stallTimeout  how long the spool's oldest record may wait for Kafka before the sink counts as stalled (in
 *                      closed mode: not ready); zero never
 */
public record SpoolConfig(Path dir, long maxBytes, FsyncPolicy fsync, Duration fsyncInterval, AuditFailureMode failureMode,
                          long deadLetterMaxBytes, Duration stallTimeout) {
    /** Default of {@code SPOOL_MAX_BYTES}: 1 GiB. */
    public static final long DEFAULT_MAX_BYTES = 1024L * 1024 * 1024;
    /** Default of {@code SPOOL_DEAD_LETTER_MAX_BYTES}: 256 MiB. */
    public static final long DEFAULT_DEAD_LETTER_MAX_BYTES = 256L * 1024 * 1024;
    /** Default of {@code SPOOL_STALL_TIMEOUT}. */
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofMinutes(5);

    /**
     * Reads {@code DATA_DIR}, {@code SPOOL_MAX_BYTES}, {@code SPOOL_FSYNC}, {@code SPOOL_FSYNC_INTERVAL},
     * {@code AUDIT_FAILURE_MODE}, {@code SPOOL_DEAD_LETTER_MAX_BYTES} and {@code SPOOL_STALL_TIMEOUT}. Without a data
     * directory the spool goes under the temporary directory, named after the node so that nodes on one machine never
     * share it; a node finds its spool again after a restart only with the same node id.
     */
    static SpoolConfig from(Settings s, String nodeId, List<String> problems) {
        Path dataDir = s.get("DATA_DIR").map(Path::of).orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"),
                "aigw-gateway-" + nodeId.replaceAll("[^A-Za-z0-9._-]", "_")));
        long maxBytes = s.longInteger("SPOOL_MAX_BYTES", DEFAULT_MAX_BYTES, problems);
        if (maxBytes <= 0) {
            problems.add(s.setting("SPOOL_MAX_BYTES").orElseThrow().source() + " must be a positive number of bytes");
        }
        Duration interval = s.duration("SPOOL_FSYNC_INTERVAL", Duration.ofSeconds(1), problems);
        if (interval.isZero()) {
            problems.add(s.setting("SPOOL_FSYNC_INTERVAL").orElseThrow().source() + " must be longer than zero");
        }
        long deadLetterMaxBytes = s.longInteger("SPOOL_DEAD_LETTER_MAX_BYTES", DEFAULT_DEAD_LETTER_MAX_BYTES, problems);
        if (deadLetterMaxBytes <= 0) {
            problems.add(s.setting("SPOOL_DEAD_LETTER_MAX_BYTES").orElseThrow().source() + " must be a positive number of bytes");
        }
        return new SpoolConfig(dataDir.resolve("spool"), maxBytes, s.choice("SPOOL_FSYNC", FsyncPolicy.INTERVAL, problems),
                interval, s.choice("AUDIT_FAILURE_MODE", AuditFailureMode.CLOSED, problems), deadLetterMaxBytes,
                s.duration("SPOOL_STALL_TIMEOUT", DEFAULT_STALL_TIMEOUT, problems));
    }
}
