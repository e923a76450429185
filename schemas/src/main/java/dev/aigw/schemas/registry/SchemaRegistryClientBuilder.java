package dev.aigw.schemas.registry;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;

/** Builds a {@link SchemaRegistryClient}; every setting has a default suited to a registry on the local network. */
public final class SchemaRegistryClientBuilder {
    private final URI baseUrl;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private int maxAttempts = 4;
    private Duration retryBackoff = Duration.ofMillis(100);

    SchemaRegistryClientBuilder(URI baseUrl) {
        this.baseUrl = requireNonNull(baseUrl, "baseUrl");
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("schema registry URL must be http(s): " + baseUrl);
        }
    }

    /** Time allowed to open a connection (default 5 s). */
    public SchemaRegistryClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = positive(timeout, "connectTimeout");
        return this;
    }

    /** Time allowed for one request to be answered (default 10 s). */
    public SchemaRegistryClientBuilder requestTimeout(Duration timeout) {
        this.requestTimeout = positive(timeout, "requestTimeout");
        return this;
    }

    /** Attempts per call, the first included, for connect errors, timeouts, 5xx, 408 and 429 (default 4). */
    public SchemaRegistryClientBuilder maxAttempts(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + attempts);
        }
        this.maxAttempts = attempts;
        return this;
    }

    /** Wait before the first retry, doubled for each further one (default 100 ms). */
    public SchemaRegistryClientBuilder retryBackoff(Duration backoff) {
        requireNonNull(backoff, "backoff");
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("retryBackoff must not be negative, got " + backoff);
        }
        this.retryBackoff = backoff;
        return this;
    }

    /** The client. */
    public SchemaRegistryClient build() {
        return new SchemaRegistryClient(this);
    }

    URI baseUrl() {
        return baseUrl;
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    Duration retryBackoff() {
        return retryBackoff;
    }

    private static Duration positive(Duration value, String name) {
        requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }
}
