package dev.aigw.bench.load;

/** Takes one answer's headers and body as they are read; times are {@link System#nanoTime()} of the read. */
interface Receiver {
    /** One response header; only an exchange keeps them, so the default drops it. */
    default void header(String name, String value) {
    }

    /** A run of body bytes (decoded from chunks if need be), valid only during the call. */
    void bytes(byte[] buf, int offset, int length, long arrivedAt);

    /** The body ended; {@code arrivedAt} is when its last byte (or, with no body, the headers' end) arrived. */
    void end(long arrivedAt);
}
