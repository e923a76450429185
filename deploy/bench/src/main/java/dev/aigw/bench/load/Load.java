package dev.aigw.bench.load;

import java.time.Duration;

/** How load is offered to a target during one run. */
public sealed interface Load permits Load.Closed, Load.Open {
    /** How long the run lasts. */
    Duration duration();

    /**
     * A fixed number of connections, each sending its next request as soon as the last answer ended. The connections
     * start {@code stagger / concurrency} apart: independent clients do not send their first requests at one instant,
     * and answers of equal length would keep such a burst together for the whole run.
     */
    record Closed(int concurrency, Duration duration, Duration stagger) implements Load {
        public Closed {
            if (concurrency < 1 || !duration.isPositive() || stagger.isNegative()) {
                throw new IllegalArgumentException("concurrency and duration must be positive, stagger not negative");
            }
        }

        /** Every connection starting at once. */
        public Closed(int concurrency, Duration duration) {
            this(concurrency, duration, Duration.ZERO);
        }
    }

    /**
     * Requests started at a fixed rate whatever the answers do; latency counts from the moment a request was due, so a
     * stalled target is not hidden by requests that were never sent (coordinated omission).
     */
    record Open(int perSecond, Duration duration) implements Load {
        public Open {
            if (perSecond < 1 || !duration.isPositive()) {
                throw new IllegalArgumentException("rate and duration must be positive");
            }
        }
    }
}
