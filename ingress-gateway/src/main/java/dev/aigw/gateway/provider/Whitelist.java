package dev.aigw.gateway.provider;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The routes a kind passes through unaudited. A whitelist on purpose: the provider key the gateway adds may be
 * privileged, so only routes that clients need (model lists, token counting, conversation reads) reach it.
 */
public final class Whitelist {
    private final List<Pattern> allowed;

    private Whitelist(List<Pattern> allowed) {
        this.allowed = allowed;
    }

    static Whitelist of(String... regexes) {
        return new Whitelist(Arrays.stream(regexes).map(Pattern::compile).toList());
    }

    /** The route of {@code upstreamPath}, if an entry lets it through; a path that climbs or doubles a slash never. */
    Optional<PassthroughRoute> route(String upstreamPath) {
        if (upstreamPath.contains("/../") || upstreamPath.endsWith("/..") || upstreamPath.contains("//")) {
            return Optional.empty();
        }
        return allowed.stream().filter(p -> p.matcher(upstreamPath).matches()).findFirst()
                .map(p -> new PassthroughRoute(upstreamPath, p.pattern()));
    }
}
