package dev.aigw.bench.mock;

import java.util.List;

/**
 * One API's answers for one profile, rendered once so that a request only writes bytes.
 *
 * @param json    the whole blocking answer
 * @param opening the stream's events before the first text delta, written as one
 * @param deltas  one event per text delta
 * @param closing the stream's events after the last text delta, usage included, written as one
 */
record Answer(byte[] json, byte[] opening, List<byte[]> deltas, byte[] closing) {
    Answer {
        deltas = List.copyOf(deltas);
    }
}
