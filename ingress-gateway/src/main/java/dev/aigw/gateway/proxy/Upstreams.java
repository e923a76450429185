package dev.aigw.gateway.proxy;

import dev.aigw.gateway.bedrock.BedrockBridge;
import dev.aigw.gateway.config.BridgeConfig;
import dev.aigw.gateway.dump.Dumps;
import java.time.Clock;

/**
 * How requests reach providers, shared by the intercepted and the passthrough routes: one HTTP client with its key
 * pools, the relay of answers, the Bedrock clients and the API dumps.
 *
 * @param upstream providers called over HTTP
 * @param relay    answers copied to clients
 * @param bedrock  providers reached through Amazon Bedrock
 * @param dumps    where upstream calls are dumped
 */
public record Upstreams(Upstream upstream, Relay relay, BedrockBridge bedrock, Dumps dumps) implements AutoCloseable {
    /** The clients a node's options ask for, timed by {@code clock}. */
    public static Upstreams create(BridgeConfig options, Clock clock) {
        return new Upstreams(new Upstream(options.timeouts(), clock), new Relay(options.timeouts()),
                new BedrockBridge(options.timeouts()), new Dumps(options::dumpDirOf, clock));
    }

    /** Closes the connections to providers and the Bedrock clients. */
    @Override
    public void close() {
        upstream.close();
        bedrock.close();
    }
}
