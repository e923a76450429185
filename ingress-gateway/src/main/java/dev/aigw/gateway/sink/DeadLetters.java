package dev.aigw.gateway.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Records Kafka will never take, one file each in a directory next to the spool's segments, so the sink can move on
 * without losing them. Their total size is bounded: past {@code maxBytes} the oldest are deleted first. Used by the
 * sink's thread only; see {@code docs/spool.md} for the format.
 */
final class DeadLetters {
    /** Name of the directory, inside the spool's. */
    static final String DIR = "dead-letters";
    private static final String SUFFIX = ".dead";

    private final Path dir;
    private final long maxBytes;
    private final TreeMap<Long, Long> sizes = new TreeMap<>();
    private long bytes;
    private long nextNumber;

    private DeadLetters(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    /** The dead letters in {@code spoolDir}, including those an earlier run kept. */
    static DeadLetters open(Path spoolDir, long maxBytes) throws IOException {
        DeadLetters letters = new DeadLetters(spoolDir.resolve(DIR), maxBytes);
        Files.createDirectories(letters.dir);
        List<Path> files;
        try (Stream<Path> list = Files.list(letters.dir)) {
            files = list.toList();
        }
        for (Path file : files) {
            if (!file.getFileName().toString().endsWith(SUFFIX)) {
                // A letter whose writing a crash cut short; the record is still in the spool and is refused again.
                Files.deleteIfExists(file);
                continue;
            }
            long number = Long.parseLong(file.getFileName().toString().replace(SUFFIX, ""));
            letters.sizes.put(number, Files.size(file));
            letters.bytes += Files.size(file);
            letters.nextNumber = Math.max(letters.nextNumber, number + 1);
        }
        return letters;
    }

    /**
     * Keeps {@code record} with why Kafka refused it, deleting the oldest letters to stay within the bound; returns the
     * file. {@code error} is the failure's class and message, never the record's content.
     */
    Path keep(SpoolRecord record, DeadLetterReason reason, String error, Instant at) throws IOException {
        byte[] header = (reason.label() + "\n" + at + "\n" + error.replaceAll("[\\r\\n]+", " ") + "\n")
                .getBytes(StandardCharsets.UTF_8);
        long size = header.length + (long) record.size();
        while (!sizes.isEmpty() && bytes + size > maxBytes) {
            var oldest = sizes.pollFirstEntry();
            Files.deleteIfExists(dir.resolve(name(oldest.getKey())));
            bytes -= oldest.getValue();
        }
        long number = nextNumber++;
        Path file = dir.resolve(name(number));
        Path temporary = dir.resolve(name(number) + ".tmp");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer[] parts = {ByteBuffer.wrap(header), record.encode()};
            while (parts[1].hasRemaining()) {
                out.write(parts);
            }
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        sizes.put(number, size);
        bytes += size;
        return file;
    }

    /** The directory. */
    Path dir() {
        return dir;
    }

    /** Bytes of the letters kept. */
    long bytes() {
        return bytes;
    }

    private static String name(long number) {
        return "%020d%s".formatted(number, SUFFIX);
    }
}
