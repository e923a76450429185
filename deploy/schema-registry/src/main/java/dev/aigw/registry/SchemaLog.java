package dev.aigw.registry;

/** The durable, totally ordered log the registry state is replayed from. */
interface SchemaLog extends AutoCloseable {
    /** Writes the record and returns once it is durable and applied to the local state (read-your-writes). */
    void append(LogRecord record);

    /** Returns once every record written to the log before the call, by any instance, is applied locally. */
    void sync();

    /** Whether the log has been read to its end once and is still being followed. */
    boolean ready();

    @Override
    void close();
}
