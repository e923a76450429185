package dev.aigw.gateway.sink;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Logger;

/** One spool file: an 8-byte header ({@code AIGS}, version 1), then records, appended at its end and read by offset. */
final class Segment implements AutoCloseable {
    /** Offset of the first record. */
    static final long HEADER = 8;
    private static final Logger LOG = Logger.getLogger(Segment.class.getName());
    private static final int MAGIC = 0x41494753;
    private static final int VERSION = 1;

    private final long number;
    private final Path path;
    private final FileChannel channel;
    private long size;

    /**
     * A segment found at start.
     *
     * @param segment the segment, its torn tail cut
     * @param records how many whole records start at or after the offset asked for
     */
    record Recovered(Segment segment, long records) {
    }

    /**
     * One record read back.
     *
     * @param record the record
     * @param next   offset of the record after it
     */
    record Read(SpoolRecord record, long next) {
    }

    private Segment(long number, Path path, FileChannel channel, long size) {
        this.number = number;
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    static Segment create(Path path, long number) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        writeFully(channel, ByteBuffer.allocate((int) HEADER).putInt(MAGIC).putInt(VERSION).flip(), 0);
        return new Segment(number, path, channel, HEADER);
    }

    /**
     * Opens a segment left by an earlier run and cuts whatever follows its last whole record: the record being written
     * when the process or the machine stopped. Returns null, deleting the file, when not even the header was written.
     */
    static Recovered recover(Path path, long number, long from) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long fileSize = channel.size();
        if (fileSize < HEADER) {
            channel.close();
            Files.delete(path);
            return null;
        }
        ByteBuffer header = read(channel, 0, (int) HEADER);
        if (header.getInt(0) != MAGIC || header.getInt(4) != VERSION) {
            channel.close();
            throw new IOException(path + " is not a spool segment of this version; move it away to start");
        }
        Segment segment = new Segment(number, path, channel, fileSize);
        long records = 0;
        long offset = HEADER;
        for (Read read = segment.readOrNull(offset); read != null; read = segment.readOrNull(offset)) {
            records += offset >= from ? 1 : 0;
            offset = read.next();
        }
        if (offset < fileSize) {
            LOG.warning("spool segment " + path + ": cut " + (fileSize - offset) + " bytes after its last whole record"
                    + " (a write the process or machine did not finish)");
            channel.truncate(offset);
            segment.size = offset;
        }
        return new Recovered(segment, records);
    }

    long number() {
        return number;
    }

    long size() {
        return size;
    }

    /** Appends a record; returns the offset after it. */
    long append(SpoolRecord record) throws IOException {
        long start = size;
        try {
            writeFully(channel, record.encode(), start);
        } catch (IOException e) {
            // A partial record would be cut at the next start anyway; cutting it now keeps later appends readable.
            channel.truncate(start);
            throw e;
        }
        size = start + record.size();
        return size;
    }

    /** The record at {@code offset}, which must be a record boundary below {@link #size()}. */
    Read read(long offset) throws IOException {
        Read read = readOrNull(offset);
        if (read == null) {
            throw new IOException("spool segment " + path + " is corrupt at offset " + offset);
        }
        return read;
    }

    void force() throws IOException {
        channel.force(false);
    }

    void delete() throws IOException {
        channel.close();
        Files.deleteIfExists(path);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    // Null when what is at the offset is not a whole record with a matching checksum.
    private Read readOrNull(long offset) throws IOException {
        if (size - offset < SpoolRecord.FRAME) {
            return null;
        }
        ByteBuffer frame = read(channel, offset, SpoolRecord.FRAME);
        int length = frame.getInt(0);
        if (length < Integer.BYTES || length > size - offset - SpoolRecord.FRAME) {
            return null;
        }
        SpoolRecord record = SpoolRecord.decode(read(channel, offset + SpoolRecord.FRAME, length), frame.getInt(4));
        return record == null ? null : new Read(record, offset + SpoolRecord.FRAME + length);
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException();
            }
        }
        return buffer.flip();
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer, position + buffer.position());
        }
    }
}
