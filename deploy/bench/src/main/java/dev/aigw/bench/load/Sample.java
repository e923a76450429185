package dev.aigw.bench.load;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/** The times of the answer a worker is reading, in {@link System#nanoTime()}; reused from request to request. */
final class Sample implements Receiver {
    private static final long NONE = Long.MIN_VALUE;

    private final SseEvents events;
    private long start;
    private long firstByte;
    private long end;
    private long lastEvent;
    private long[] gaps = new long[64];
    private int gapCount;

    /** @param streaming whether to time the SSE events of the body */
    Sample(boolean streaming) {
        this.events = streaming ? new SseEvents() : null;
    }

    /** Starts timing a new request from {@code start}: its send, or the moment it was due. */
    Sample reset(long start) {
        this.start = start;
        firstByte = NONE;
        end = NONE;
        lastEvent = NONE;
        gapCount = 0;
        if (events != null) {
            events.reset();
        }
        return this;
    }

    @Override
    public void bytes(byte[] buf, int offset, int length, long arrivedAt) {
        if (firstByte == NONE) {
            firstByte = arrivedAt;
        }
        if (events == null) {
            return;
        }
        for (int ended = events.scan(buf, offset, length); ended > 0; ended--) {
            if (lastEvent != NONE) {
                gap(arrivedAt - lastEvent);
            }
            lastEvent = arrivedAt;
        }
    }

    @Override
    public void end(long arrivedAt) {
        end = arrivedAt;
        if (firstByte == NONE) {
            firstByte = arrivedAt;
        }
    }

    long start() {
        return start;
    }

    /** When the first body byte arrived; the body's end for an empty body. */
    long firstByte() {
        return firstByte;
    }

    long end() {
        return end;
    }

    /** Records the gaps between consecutive events of this answer. */
    void recordGaps(Histogram histogram) {
        for (int i = 0; i < gapCount; i++) {
            histogram.recordValue(gaps[i]);
        }
    }

    private void gap(long nanos) {
        if (gapCount == gaps.length) {
            gaps = Arrays.copyOf(gaps, gapCount * 2);
        }
        gaps[gapCount++] = nanos;
    }
}
