package dev.aigw.registry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/** A log in memory for unit tests, able to play another instance's writes that land before or between ours. */
final class InMemorySchemaLog implements SchemaLog {
    private final RegistryState state;
    private final List<LogRecord> records = new ArrayList<>();
    private final Queue<LogRecord> unseen = new ArrayDeque<>();
    private final Queue<LogRecord> racing = new ArrayDeque<>();

    InMemorySchemaLog(RegistryState state) {
        this.state = state;
    }

    /** A record another instance wrote that this one has not read yet; {@link #sync()} reads it. */
    void writtenElsewhere(LogRecord record) {
        unseen.add(record);
    }

    /** A record another instance writes concurrently, landing just before this instance's next append. */
    void racesNextAppend(LogRecord record) {
        racing.add(record);
    }

    /** Every record in log order. */
    List<LogRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public synchronized void append(LogRecord record) {
        LogRecord rival = racing.poll();
        if (rival != null) {
            sync();
            add(rival);
        }
        sync();
        add(record);
    }

    @Override
    public synchronized void sync() {
        while (!unseen.isEmpty()) {
            add(unseen.poll());
        }
    }

    private void add(LogRecord record) {
        records.add(record);
        state.apply(record);
    }

    @Override
    public boolean ready() {
        return true;
    }

    @Override
    public void close() {
    }
}
