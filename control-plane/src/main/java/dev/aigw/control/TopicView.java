package dev.aigw.control;

import java.util.Map;
import java.util.Optional;

/**
 * The latest value per key of a control topic, as a service reads it.
 *
 * @param <V> decoded value
 */
public interface TopicView<V> {
    /** The latest value of a key. */
    Optional<V> get(String key);

    /** A copy of every current value by key. */
    Map<String, V> snapshot();
}
