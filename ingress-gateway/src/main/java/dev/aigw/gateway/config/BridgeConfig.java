package dev.aigw.gateway.config;

import dev.aigw.servicekit.config.Settings;
import java.nio.file.Path;
import java.util.List;
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
    /** Default of {@code MAX_BODY_BYTES}: 32 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

    /** Reads the bridge options and the upstream timeouts. */
    static BridgeConfig from(Settings s, List<String> problems) {
        int maxBody = s.integer("MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES, problems);
        if (maxBody <= 0) {
            problems.add(s.setting("MAX_BODY_BYTES").orElseThrow().source() + " must be a positive number of bytes");
        }
        return new BridgeConfig(maxBody, s.bool("ALLOW_BYOK", true, problems), s.bool("STRUCTURED_LOGGING", false, problems),
                s.bool("SEND_ACTOR_HEADERS", false, problems), s.get("DUMP_DIR").map(Path::of),
                UpstreamTimeouts.from(s, problems));
    }

    /** Where the dumps of {@code provider} go, if anywhere: its own directory, else one under the base. */
    public Optional<Path> dumpDirOf(ProviderConfig provider) {
        return provider.dumpDir().or(() -> dumpDir.map(base -> base.resolve(provider.name())));
    }
}
