package dev.aigw.gateway.sink;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * An append-only log of events on disk, in numbered segment files, read back in order. What Kafka has acknowledged
 * is remembered in a checkpoint file ({@code acked}) and whole segments behind it are deleted; once every record is
 * acknowledged the spool deletes all its files. Used by one thread; see {@code docs/spool.md} for the format.
 */
final class Spool implements AutoCloseable {
    private static final String SUFFIX = ".seg";
    private static final String CHECKPOINT = "acked";

    private final Path dir;
    private final long segmentBytes;
    private final FileChannel lockFile;
    private final TreeMap<Long, Segment> segments = new TreeMap<>();
    private Position readAt;
    private Position ackedTo;
    private Position checkpointed;
    private long records;
    private long nextNumber;
    private long unforcedFrom = -1;

    /**
     * One record read back.
     *
     * @param record the record
     * @param start  where it starts, to read it again
     * @param end    where it ends, to acknowledge it
     */
    record Spooled(SpoolRecord record, Position start, Position end) {
    }

    private Spool(Path dir, long segmentBytes, FileChannel lockFile) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.lockFile = lockFile;
    }

    /**
     * Opens the spool in {@code dir}, taking it over from an earlier run: what that run appended and Kafka did not
     * acknowledge is there to be read again, a torn last record cut. Fails when another process has it open.
     */
    static Spool open(Path dir, long segmentBytes) throws IOException {
        Files.createDirectories(dir);
        FileChannel lockFile = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockFile.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockFile.close();
            throw new IllegalStateException("the spool " + dir + " is in use by another gateway process;"
                    + " give every node its own CODER_AI_GATEWAY_DATA_DIR");
        }
        Spool spool = new Spool(dir, segmentBytes, lockFile);
        try {
            spool.recover();
        } catch (IOException | RuntimeException e) {
            spool.close();
            throw e;
        }
        return spool;
    }

    /** Whether every record appended has been acknowledged. */
    boolean isEmpty() {
        return records == 0;
    }

    /** Whether there is a record that {@link #next()} has not returned since it was appended or rewound to. */
    boolean hasUnread() {
        return readAt != null && (readAt.offset() < segments.get(readAt.segment()).size()
                || segments.lastKey() > readAt.segment());
    }

    /** Records appended and not yet acknowledged. */
    long records() {
        return records;
    }

    /** Bytes of its files. */
    long bytes() {
        return segments.values().stream().mapToLong(Segment::size).sum();
    }

    /** Appends a record for {@link #next()} to return. */
    void append(SpoolRecord record) throws IOException {
        write(record);
    }

    /**
     * Appends a record already handed to Kafka from memory, so it survives a crash: {@link #next()} skips it. Only
     * while every earlier record has been read.
     */
    Spooled appendSent(SpoolRecord record) throws IOException {
        if (hasUnread()) {
            throw new IllegalStateException("records are waiting to be read");
        }
        Position start = write(record);
        readAt = new Position(segments.lastKey(), segments.lastEntry().getValue().size());
        return new Spooled(record, start, readAt);
    }

    /** The next unread record, if any. */
    Optional<Spooled> next() throws IOException {
        if (!hasUnread()) {
            return Optional.empty();
        }
        Segment segment = segments.get(readAt.segment());
        if (readAt.offset() >= segment.size()) {
            segment = segments.higherEntry(segment.number()).getValue();
            readAt = new Position(segment.number(), Segment.HEADER);
        }
        Position start = readAt;
        Segment.Read read = segment.read(start.offset());
        readAt = new Position(segment.number(), read.next());
        return Optional.of(new Spooled(read.record(), start, readAt));
    }

    /** Makes {@link #next()} return the record at {@code start} and everything after it again. */
    void rewind(Position start) {
        readAt = start;
    }

    /** Records that Kafka has the record ending at {@code end}; acknowledgements come in the order of the records. */
    void acknowledge(Position end) throws IOException {
        records--;
        ackedTo = end;
        if (records == 0) {
            clear();
            return;
        }
        while (segments.firstKey() < end.segment()) {
            segments.pollFirstEntry().getValue().delete();
        }
    }

    /** Forces what was appended since the last call to the disk. */
    void force() throws IOException {
        if (unforcedFrom >= 0) {
            for (Segment segment : segments.tailMap(unforcedFrom).values()) {
                segment.force();
            }
        }
        unforcedFrom = -1;
    }

    /** Writes the acknowledged position, so a restart does not send again what Kafka already has. */
    void checkpoint(boolean sync) throws IOException {
        if (ackedTo == null || ackedTo.equals(checkpointed)) {
            return;
        }
        Path temporary = dir.resolve(CHECKPOINT + ".tmp");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(StandardCharsets.US_ASCII.encode(ackedTo.segment() + " " + ackedTo.offset() + "\n"));
            if (sync) {
                out.force(true);
            }
        }
        Files.move(temporary, dir.resolve(CHECKPOINT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        checkpointed = ackedTo;
    }

    /** The directory. */
    Path dir() {
        return dir;
    }

    @Override
    public void close() throws IOException {
        try {
            for (Segment segment : segments.values()) {
                segment.close();
            }
        } finally {
            lockFile.close();
        }
    }

    private Position write(SpoolRecord record) throws IOException {
        if (segments.isEmpty() || segments.lastEntry().getValue().size() >= segmentBytes) {
            Segment created = Segment.create(dir.resolve(name(nextNumber)), nextNumber);
            if (segments.isEmpty()) {
                readAt = new Position(nextNumber, Segment.HEADER);
                ackedTo = readAt;
            }
            segments.put(nextNumber++, created);
        }
        Segment last = segments.lastEntry().getValue();
        Position start = new Position(last.number(), last.size());
        last.append(record);
        records++;
        if (unforcedFrom < 0) {
            unforcedFrom = last.number();
        }
        return start;
    }

    private void recover() throws IOException {
        Optional<Position> acked = readCheckpoint();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
        for (Path file : files) {
            long number = Long.parseLong(file.getFileName().toString().replace(SUFFIX, ""));
            nextNumber = number + 1;
            if (acked.isPresent() && number < acked.get().segment()) {
                Files.delete(file);
                continue;
            }
            long from = acked.filter(a -> a.segment() == number).map(Position::offset).orElse(Segment.HEADER);
            Segment.Recovered recovered = Segment.recover(file, number, from);
            if (recovered != null) {
                segments.put(number, recovered.segment());
                records += recovered.records();
            }
        }
        if (records == 0) {
            clear();
            return;
        }
        Map.Entry<Long, Segment> first = segments.firstEntry();
        ackedTo = acked.filter(a -> a.segment() == first.getKey()).orElse(new Position(first.getKey(), Segment.HEADER));
        readAt = ackedTo;
        checkpointed = acked.orElse(null);
    }

    private Optional<Position> readCheckpoint() throws IOException {
        Path file = dir.resolve(CHECKPOINT);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String[] parts = Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ");
        try {
            return Optional.of(new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // Replaying everything sends some records twice; the recorder's de-duplication by event id absorbs that.
            return Optional.empty();
        }
    }

    private void clear() throws IOException {
        for (Segment segment : segments.values()) {
            segment.delete();
        }
        segments.clear();
        Files.deleteIfExists(dir.resolve(CHECKPOINT));
        readAt = null;
        ackedTo = null;
        checkpointed = null;
    }

    private static String name(long number) {
        return "%020d%s".formatted(number, SUFFIX);
    }
}
