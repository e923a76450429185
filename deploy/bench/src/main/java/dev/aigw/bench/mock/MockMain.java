package dev.aigw.bench.mock;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a {@link MockUpstream} until the process is stopped: {@code --host} (127.0.0.1), {@code --port} (0: any free
 * one), {@code --latency-ms}, {@code --deltas}, {@code --gap-ms}, {@code --content-bytes} (defaults from
 * {@link MockProfile#INSTANT}). Prints {@code mock listening on <host>:<port>} once started, the one line a harness
 * reads to learn the port.
 */
public final class MockMain {
    // Held so the level set on it is not lost when the logger is garbage collected.
    private static final Logger HELIDON = Logger.getLogger("io.helidon");

    private MockMain() {
    }

    /** Entry point; exits with status 2 when an option is unknown or a value invalid. */
    public static void main(String[] args) {
        HELIDON.setLevel(Level.WARNING);
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        MockUpstream mock = MockUpstream.start(options.host(), options.port(), options.profile());
        Runtime.getRuntime().addShutdownHook(new Thread(mock::close, "mock-shutdown"));
        System.out.println("mock listening on " + options.host() + ":" + mock.port());
        System.out.flush();
    }

    /** What the command line asks for. */
    record Options(String host, int port, MockProfile profile) {
        /** @throws IllegalArgumentException naming the option at fault */
        static Options parse(String[] args) {
            String host = "127.0.0.1";
            int port = 0;
            MockProfile base = MockProfile.INSTANT;
            long latencyMs = base.latency().toMillis();
            int deltas = base.deltas();
            long gapMs = base.gap().toMillis();
            int contentBytes = base.contentBytes();
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--host" -> host = value;
                    case "--port" -> port = number(args[i], value);
                    case "--latency-ms" -> latencyMs = number(args[i], value);
                    case "--deltas" -> deltas = number(args[i], value);
                    case "--gap-ms" -> gapMs = number(args[i], value);
                    case "--content-bytes" -> contentBytes = number(args[i], value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; known: --host --port --latency-ms --deltas --gap-ms --content-bytes");
                }
            }
            return new Options(host, port, MockProfile.ofMillis(latencyMs, deltas, gapMs, contentBytes));
        }

        private static int number(String option, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " must be a whole number, not " + value);
            }
        }
    }
}
