package dev.aigw.bench.load;

import java.time.Duration;

/** How load is offered to a target during one run. */
public sealed interface Load permits Load.Closed, Load.Open {
    /** How long the run lasts. */
    Duration duration();

    /** A fixed number of connections, each sending its next request as soon as the last answer ended. */
    record Closed(int concurrency, Duration duration) implements Load {
        public Closed {
            if (concurrency < 1 || !duration.isPositive()) {
                throw new IllegalArgumentException("concurrency and duration must be positive");
            }
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
