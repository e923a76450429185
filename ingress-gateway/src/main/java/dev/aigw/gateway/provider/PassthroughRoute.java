package dev.aigw.gateway.provider;

/**
 * A request passed through unaudited.
 *
 * @param upstreamPath the path to call below the provider's base URL
 * @param route        the whitelist entry that lets it through, e.g. {@code /v1/models/.+}: a metrics label of bounded
 *                     cardinality, unlike the path with its model and conversation ids
 */
public record PassthroughRoute(String upstreamPath, String route) {
}
