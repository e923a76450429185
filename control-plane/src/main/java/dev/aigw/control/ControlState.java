package dev.aigw.control;

import dev.aigw.control.v1.KeyEvent;

/**
 * Both control topics as a service reads and changes them: views of keys and providers, and writes that are visible in
 * those views once they return. {@link ControlPlane} is the one over Kafka; the seam lets the admin routes be tested
 * without a broker.
 *
 * @param <P> what the service keeps per provider
 */
public interface ControlState<P> {
    /** The key view, by key id. */
    TopicView<KeyEvent> keys();

    /** The provider view, by provider name. */
    TopicView<P> providers();

    /** Publishes the state of a key. */
    void publish(KeyEvent key);

    /** Publishes a provider definition (sealing its secrets wherever it is stored). */
    void publish(ProviderSettings provider, String updatedBy);

    /** Deletes a provider. */
    void deleteProvider(String name);
}
