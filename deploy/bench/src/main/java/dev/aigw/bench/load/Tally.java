package dev.aigw.bench.load;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What the workers of one run counted and timed. The histograms take concurrent writes so that workers need no
 * histogram of their own: an open run may have thousands of workers.
 */
final class Tally {
    private static final int DIGITS = 3;

    private final Histogram total = new ConcurrentHistogram(DIGITS);
    private final Histogram firstByte = new ConcurrentHistogram(DIGITS);
    private final Histogram eventGap = new ConcurrentHistogram(DIGITS);
    private final LongAdder failed = new LongAdder();
    private final long countUntil;
    private volatile boolean aborted;

    /** @param countUntil answers ending later are left out, unless the run aborted them */
    Tally(long countUntil) {
        this.countUntil = countUntil;
    }

    /** An answer was read to its end. */
    void answered(int status, Sample sample) {
        if (sample.end() - countUntil > 0) {
            return;
        }
        if (status < 200 || status > 299) {
            failed.increment();
            return;
        }
        total.recordValue(sample.end() - sample.start());
        firstByte.recordValue(sample.firstByte() - sample.start());
        sample.recordGaps(eventGap);
    }

    /** A request failed at {@code at}: connection error, answer cut short or malformed. */
    void failed(long at) {
        if (aborted || at - countUntil <= 0) {
            failed.increment();
        }
    }

    /** Requests that were due but never started. */
    void failed(int count) {
        failed.add(count);
    }

    /** The run is closing the connections still busy: what fails from now on failed for good. */
    void abort() {
        aborted = true;
    }

    boolean aborted() {
        return aborted;
    }

    LoadResult result(Duration elapsed) {
        return new LoadResult(total.getTotalCount(), failed.sum(), elapsed, micros(total), micros(firstByte),
                micros(eventGap));
    }

    private static Percentiles micros(Histogram nanos) {
        if (nanos.getTotalCount() == 0) {
            return Percentiles.NONE;
        }
        return new Percentiles(nanos.getTotalCount(), nanos.getValueAtPercentile(50) / 1e3,
                nanos.getValueAtPercentile(90) / 1e3, nanos.getValueAtPercentile(99) / 1e3, nanos.getMaxValue() / 1e3);
    }
}
