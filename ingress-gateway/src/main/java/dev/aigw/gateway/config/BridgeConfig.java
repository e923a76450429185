package dev.aigw.gateway.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the bridge treats requests.
 *
 * @param maxBodyBytes      largest request body accepted
 * @param allowByok         whether people may bring their own provider credential (governance-header mode)
 * @param structuredLogging whether each recorded event is also logged as an {@code "interception log"} line
 * @param sendActorHeaders  whether the caller's id and username are sent upstream as actor headers
 * @param dumpDir           base directory of API dumps; a provider's go to {@code <dumpDir>/<provider name>}
 * @param timeouts          upstream timeouts
 */
public record BridgeConfig(long maxBodyBytes, boolean allowByok, boolean structuredLogging, boolean sendActorHeaders,
                           Optional<Path> dumpDir, UpstreamTimeouts timeouts) {
    /** Where the dumps of {@code provider} go, if anywhere: its own directory, else one under the base. */
    public Optional<Path> dumpDirOf(ProviderConfig provider) {
        return provider.dumpDir().or(() -> dumpDir.map(base -> base.resolve(provider.name())));
    }
}
