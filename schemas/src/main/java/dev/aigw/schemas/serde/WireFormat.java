package dev.aigw.schemas.serde;

/** Layout of the Confluent wire-format header. */
final class WireFormat {
    /** First byte of every framed payload; other values are a different (or no) framing. */
    static final byte MAGIC_BYTE = 0x00;
    /** Magic byte plus the 4-byte schema id. */
    static final int HEADER_SIZE = 5;

    private WireFormat() {
    }
}
