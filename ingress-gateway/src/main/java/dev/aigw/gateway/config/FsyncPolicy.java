package dev.aigw.gateway.config;

/** When spooled events are forced from the page cache to the disk. */
public enum FsyncPolicy {
    /** After every batch of appends, before the next one is taken: nothing spooled is lost to a power cut. */
    ALWAYS,
    /** At most every {@code SPOOL_FSYNC_INTERVAL}: a power cut loses at most that much. */
    INTERVAL,
    /** Never by the gateway; the operating system writes back when it wants. A process crash loses nothing. */
    NEVER
}
