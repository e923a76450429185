package dev.aigw.gateway.metrics;

/**
 * Where one proxied request's time goes: waiting on the provider (connecting, its first byte, each read of its
 * answer) or the gateway's own work, its overhead. Used by the one thread that handles the request.
 */
public final class Overhead {
    /** Response header with the overhead in milliseconds up to the moment status and headers were decided. */
    public static final String HEADER = "X-AI-Gateway-Overhead-Ms";

    private final long start;
    private long waited;
    private boolean answered;
    private long firstByte;

    private Overhead(long start) {
        this.start = start;
    }

    /** Starts the clock as the request reaches its handler. */
    public static Overhead start() {
        return new Overhead(System.nanoTime());
    }

    /** Counts the time since {@code since}, a {@link System#nanoTime()}, as waiting on the provider. */
    public void waitedSince(long since) {
        waited += System.nanoTime() - since;
    }

    /** Marks the answer's first byte going to the client; later calls change nothing. */
    public void firstByte() {
        if (!answered) {
            answered = true;
            firstByte = System.nanoTime();
        }
    }

    /** The overhead so far as the header carries it: milliseconds with three decimals, e.g. {@code 0.184}. */
    public String header() {
        long micros = nanos() / 1_000;
        long fraction = micros % 1_000;
        return micros / 1_000 + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }

    /** The overhead so far, in nanoseconds. */
    long nanos() {
        return Math.max(0, System.nanoTime() - start - waited);
    }

    /** Nanoseconds from the start to the answer's first byte, or -1 before it. */
    long timeToFirstByte() {
        return answered ? firstByte - start : -1;
    }
}
