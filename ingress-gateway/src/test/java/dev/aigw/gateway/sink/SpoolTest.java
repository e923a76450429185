package dev.aigw.gateway.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
    private static final long SMALL_SEGMENTS = 200;

    @TempDir
    Path dir;

    @Test
    void shouldReadBackWhatWasAppendedInOrderAcrossSegments() throws IOException {
        try (Spool spool = Spool.open(dir, SMALL_SEGMENTS)) {
            for (int i = 0; i < 20; i++) {
                spool.append(record(i));
            }

            assertThat(segments()).as("rolled over").hasSizeGreaterThan(3);
            assertThat(values(readAll(spool))).containsExactlyElementsOf(range(0, 20));
            assertThat(spool.records()).isEqualTo(20);
            assertThat(spool.bytes()).isEqualTo(segments().stream().mapToLong(SpoolTest::size).sum());
        }
    }

    @Test
    void shouldDeleteDeliveredSegmentsAndEverythingOnceAllIsAcknowledged() throws IOException {
        try (Spool spool = Spool.open(dir, SMALL_SEGMENTS)) {
            for (int i = 0; i < 20; i++) {
                spool.append(record(i));
            }
            List<Spool.Spooled> read = readAll(spool);
            int before = segments().size();

            for (Spool.Spooled r : read.subList(0, 10)) {
                spool.acknowledge(r.end());
            }
            assertThat(segments()).hasSizeLessThan(before);
            assertThat(spool.records()).isEqualTo(10);

            for (Spool.Spooled r : read.subList(10, 20)) {
                spool.acknowledge(r.end());
            }
            assertThat(spool.isEmpty()).isTrue();
            assertThat(spool.bytes()).isZero();
            assertThat(segments()).isEmpty();
        }
    }

    @Test
    void shouldSendAgainOnlyWhatWasNotAcknowledgedAfterARestart() throws IOException {
        try (Spool spool = Spool.open(dir, SMALL_SEGMENTS)) {
            for (int i = 0; i < 20; i++) {
                spool.append(record(i));
            }
            List<Spool.Spooled> read = readAll(spool);
            for (Spool.Spooled r : read.subList(0, 7)) {
                spool.acknowledge(r.end());
            }
            spool.checkpoint(true);
            spool.acknowledge(read.get(7).end());
        }

        try (Spool reopened = Spool.open(dir, SMALL_SEGMENTS)) {
            assertThat(reopened.records()).as("the acknowledgement after the checkpoint is not remembered").isEqualTo(13);
            assertThat(values(readAll(reopened))).containsExactlyElementsOf(range(7, 20));
        }
    }

    @Test
    void shouldCutATornLastRecordAndKeepTheWholeOnes() throws IOException {
        try (Spool spool = Spool.open(dir, 1 << 20)) {
            for (int i = 0; i < 5; i++) {
                spool.append(record(i));
            }
        }
        Path segment = segments().getFirst();
        long whole = size(segment);
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.seek(whole);
            file.write(record(5).encode().array(), 0, 11);
        }

        try (Spool reopened = Spool.open(dir, 1 << 20)) {
            assertThat(size(segment)).isEqualTo(whole);
            assertThat(values(readAll(reopened))).containsExactlyElementsOf(range(0, 5));
            reopened.append(record(5));
            reopened.rewind(new Position(0, Segment.HEADER));
            assertThat(values(readAll(reopened))).containsExactlyElementsOf(range(0, 6));
        }
    }

    @Test
    void shouldCutFromTheFirstRecordWhoseChecksumDoesNotMatch() throws IOException {
        try (Spool spool = Spool.open(dir, 1 << 20)) {
            for (int i = 0; i < 5; i++) {
                spool.append(record(i));
            }
        }
        Path segment = segments().getFirst();
        long third = Segment.HEADER + 2L * record(0).size();
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.seek(third + SpoolRecord.FRAME + 6);
            file.write('X');
        }

        try (Spool reopened = Spool.open(dir, 1 << 20)) {
            assertThat(values(readAll(reopened))).containsExactlyElementsOf(range(0, 2));
            assertThat(size(segment)).isEqualTo(third);
        }
    }

    @Test
    void shouldSkipRecordsAppendedAsSentButKeepThemForARestart() throws IOException {
        try (Spool spool = Spool.open(dir, SMALL_SEGMENTS)) {
            Spool.Spooled sent = spool.appendSent(record(0));
            spool.append(record(1));

            assertThat(values(readAll(spool))).containsExactly("event-1");
            spool.rewind(sent.start());
            assertThat(values(readAll(spool))).containsExactly("event-0", "event-1");
        }
        try (Spool reopened = Spool.open(dir, SMALL_SEGMENTS)) {
            assertThat(values(readAll(reopened))).containsExactly("event-0", "event-1");
        }
    }

    @Test
    void shouldRefuseASpoolAnotherGatewayHolds() throws IOException {
        try (Spool spool = Spool.open(dir, SMALL_SEGMENTS)) {
            assertThatThrownBy(() -> Spool.open(dir, SMALL_SEGMENTS))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another gateway process");
        }
    }

    @Test
    void shouldRefuseAFileThatIsNotASegment() throws IOException {
        Files.writeString(dir.resolve("00000000000000000003.seg"), "not a segment at all");

        assertThatThrownBy(() -> Spool.open(dir, SMALL_SEGMENTS))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("is not a spool segment");
        Spool.open(dir.resolve("other"), SMALL_SEGMENTS).close();
    }

    private static SpoolRecord record(int i) {
        return new SpoolRecord(("interception-" + i % 3).getBytes(StandardCharsets.UTF_8),
                ("event-" + i).getBytes(StandardCharsets.UTF_8));
    }

    private static List<Spool.Spooled> readAll(Spool spool) throws IOException {
        List<Spool.Spooled> read = new ArrayList<>();
        for (Optional<Spool.Spooled> next = spool.next(); next.isPresent(); next = spool.next()) {
            read.add(next.get());
        }
        return read;
    }

    private static List<String> values(List<Spool.Spooled> read) {
        return read.stream().map(r -> new String(r.record().value(), StandardCharsets.UTF_8)).toList();
    }

    private static List<String> range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).mapToObj(i -> "event-" + i).toList();
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".seg")).sorted().toList();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
