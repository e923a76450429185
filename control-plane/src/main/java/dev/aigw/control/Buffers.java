package dev.aigw.control;

import java.nio.ByteBuffer;

/** Copies Avro {@code bytes} fields out without disturbing the buffer or assuming it spans its whole array. */
final class Buffers {
    private Buffers() {
    }

    static byte[] copy(ByteBuffer buffer) {
        ByteBuffer view = buffer.duplicate();
        byte[] out = new byte[view.remaining()];
        view.get(out);
        return out;
    }
}
