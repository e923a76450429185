package dev.aigw.gateway.provider;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.WritableHeaders;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** A provider whose upstream is called over HTTP with the client's request as it came. */
public sealed interface HttpProvider extends Provider permits AnthropicProvider, OpenAiProvider, CopilotProvider {
    /** The paths this kind passes through unaudited. */
    Whitelist passthroughList();

    /** Where {@code rest}, the request path after the provider name, goes unaudited, if this kind passes it through. */
    default Optional<PassthroughRoute> passthrough(String rest) {
        return passthroughList().route(rest);
    }

    /** The upstream base URL. */
    default URI baseUrl() {
        return config().baseUrl();
    }

    /** The central provider keys a caller without a key of their own is sent upstream with; empty for BYOK only. */
    default List<String> centralKeys() {
        return config().keys();
    }

    /** Puts a central provider key in the upstream request's headers: a bearer token unless the kind says otherwise. */
    default WritableHeaders<?> withKey(WritableHeaders<?> headers, String key) {
        return headers.set(HeaderValues.create(HeaderNames.AUTHORIZATION, "Bearer " + key));
    }
}
