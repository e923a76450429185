package dev.aigw.gateway.sink;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * One event as Kafka gets it: the key (the interception id) and the value (Confluent wire format). On disk it is
 * {@code length, crc32c, body} with {@code body = keyLength, key, value}; the checksum covers the body.
 */
record SpoolRecord(byte[] key, byte[] value) {
    /** Bytes before the body: its length and its checksum. */
    static final int FRAME = 8;

    /** Bytes it takes on disk. */
    int size() {
        return FRAME + Integer.BYTES + key.length + value.length;
    }

    ByteBuffer encode() {
        ByteBuffer buffer = ByteBuffer.allocate(size());
        buffer.position(FRAME);
        buffer.putInt(key.length).put(key).put(value);
        buffer.putInt(0, size() - FRAME).putInt(Integer.BYTES, checksum(buffer, FRAME, size() - FRAME));
        return buffer.flip();
    }

    /** The record whose body is {@code body}, checked against {@code crc}; null when the body is not what was written. */
    static SpoolRecord decode(ByteBuffer body, int crc) {
        if (checksum(body, 0, body.limit()) != crc || body.limit() < Integer.BYTES) {
            return null;
        }
        int keyLength = body.getInt(0);
        if (keyLength < 0 || keyLength > body.limit() - Integer.BYTES) {
            return null;
        }
        byte[] key = new byte[keyLength];
        byte[] value = new byte[body.limit() - Integer.BYTES - keyLength];
        body.get(Integer.BYTES, key).get(Integer.BYTES + keyLength, value);
        return new SpoolRecord(key, value);
    }

    private static int checksum(ByteBuffer buffer, int from, int length) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.slice(from, length));
        return (int) crc.getValue();
    }
}
