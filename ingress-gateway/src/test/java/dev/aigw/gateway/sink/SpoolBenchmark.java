package dev.aigw.gateway.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * How fast the spool takes and gives back events on this machine's disk: appends with a force after every batch of
 * 64 (as {@code SPOOL_FSYNC=always} under load), with a force per second ({@code interval}) and without ({@code never}),
 * then reads everything back and acknowledges it. Prints numbers; asserts nothing.
 *
 * <pre>
 * java -cp ingress-gateway/target/classes:ingress-gateway/target/test-classes dev.aigw.gateway.sink.SpoolBenchmark [events]
 * </pre>
 */
public final class SpoolBenchmark {
    private static final int VALUE_BYTES = 600;
    private static final int BATCH = 64;

    private SpoolBenchmark() {
    }

    /** Runs the benchmark with {@code args[0]} events per policy (default 200,000). */
    public static void main(String[] args) throws IOException {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        byte[] value = new byte[VALUE_BYTES];
        Arrays.fill(value, (byte) 'x');
        byte[] key = "0b6f3c4e-7a51-4f0e-9d0c-3f1a2b4c5d6e".getBytes(StandardCharsets.UTF_8);
        SpoolRecord record = new SpoolRecord(key, value);
        System.out.printf("%d events of %d bytes on disk each%n", events, record.size());
        run("always (force per 64)", events, record, BATCH);
        run("interval (force per 1 s)", events, record, -1);
        run("never", events, record, 0);
    }

    private static void run(String policy, int events, SpoolRecord record, int forceEvery) throws IOException {
        Path dir = Files.createTempDirectory("spool-benchmark-");
        try (Spool spool = Spool.open(dir, 64L << 20)) {
            long start = System.nanoTime();
            long lastForce = start;
            for (int i = 1; i <= events; i++) {
                spool.append(record);
                boolean due = forceEvery > 0 ? i % forceEvery == 0 : forceEvery < 0 && System.nanoTime() - lastForce > 1e9;
                if (due) {
                    spool.force();
                    lastForce = System.nanoTime();
                }
            }
            spool.force();
            long appended = System.nanoTime();
            for (Optional<Spool.Spooled> next = spool.next(); next.isPresent(); next = spool.next()) {
                spool.acknowledge(next.get().end());
            }
            long read = System.nanoTime();
            double megabytes = (double) events * record.size() / (1 << 20);
            System.out.printf("%-26s append %,10.0f events/s %7.1f MiB/s | read+ack %,10.0f events/s %7.1f MiB/s%n",
                    policy,
                    events / seconds(appended - start), megabytes / seconds(appended - start),
                    events / seconds(read - appended), megabytes / seconds(read - appended));
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.delete(dir);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
