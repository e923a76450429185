package dev.aigw.registry;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LogCodecTest {
    @Test
    void shouldRoundTripEveryRecordType() {
        for (LogRecord record : new LogRecord[] {
                new SchemaVersion("orders-value", 3, 17, "\"string\""),
                new LogRecord.GlobalConfig(Compatibility.FULL_TRANSITIVE),
                new LogRecord.SubjectConfig("orders-value", Compatibility.NONE)}) {
            assertThat(LogCodec.decode(LogCodec.value(record))).isEqualTo(record);
        }
    }

    @Test
    void shouldKeyConcurrentProposalsOfOneVersionApartSoCompactionKeepsBoth() {
        byte[] first = LogCodec.key(new SchemaVersion("s", 1, 1, "\"string\""));
        byte[] second = LogCodec.key(new SchemaVersion("s", 1, 2, "\"int\""));

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void shouldKeyConfigBySubjectSoTheLatestSurvivesCompaction() {
        assertThat(LogCodec.key(new LogRecord.SubjectConfig("s", Compatibility.NONE)))
                .isEqualTo(LogCodec.key(new LogRecord.SubjectConfig("s", Compatibility.FULL)))
                .isNotEqualTo(LogCodec.key(new LogRecord.GlobalConfig(Compatibility.NONE)));
    }

    @Test
    void shouldRejectRecordsItDidNotWrite() {
        assertThatThrownBy(() -> LogCodec.decode("{\"keytype\": \"NOOP\"}".getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown record type");
        assertThatThrownBy(() -> LogCodec.decode("{\"type\": \"SCHEMA\", \"subject\": \"s\"}".getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing field 'version'");
        assertThatThrownBy(() -> LogCodec.decode("not json".getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
