package dev.aigw.gateway.metrics;

import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The time to first byte and the gateway's overhead of answers relayed with one set of labels.
 *
 * @param firstByte from sending the request upstream to the answer's first body byte
 * @param overhead  the gateway's own time
 */
record RelayTimers(Timer firstByte, Timer overhead) {

    void record(Overhead measured) {
        long nanos = measured.timeToFirstByte();
        if (nanos >= 0) {
            firstByte.record(nanos, TimeUnit.NANOSECONDS);
        }
        overhead.record(measured.nanos(), TimeUnit.NANOSECONDS);
    }
}
