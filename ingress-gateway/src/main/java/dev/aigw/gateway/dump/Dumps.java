package dev.aigw.gateway.dump;

import dev.aigw.gateway.config.ProviderConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where each provider's upstream calls are dumped: one {@link Dump} per call in the provider's dump directory, or
 * {@link Dump#NONE} when it has none.
 */
public final class Dumps {
    private static final String PASSTHROUGH = "passthrough";
    private static final String RANDOM_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final Function<ProviderConfig, Optional<Path>> dirs;
    private final Clock clock;
    private final Supplier<Executor> writers;

    /** Dumps into the directory {@code dirs} gives a provider, named by the time {@code clock} tells. */
    public Dumps(Function<ProviderConfig, Optional<Path>> dirs, Clock clock) {
        this(dirs, clock, DumpWriter::ownThread);
    }

    /** As the public constructor, each dump writing on an executor from {@code writers}. */
    Dumps(Function<ProviderConfig, Optional<Path>> dirs, Clock clock, Supplier<Executor> writers) {
        this.dirs = dirs;
        this.clock = clock;
        this.writers = writers;
    }

    /** An intercepted call: {@code <dir>/<model>/<unix millis>-<interception id>.req.txt} and the rest. */
    public Dump intercepted(ProviderConfig provider, String model, String interceptionId) {
        return dirs.apply(provider)
                .<Dump>map(dir -> new FileDump(dir, fileName(model), clock, uri -> interceptionId, writers.get()))
                .orElse(Dump.NONE);
    }

    /** A passthrough call: {@code <dir>/passthrough/<unix millis>-<path>-<4 random chars>.req.txt} and the rest. */
    public Dump passthrough(ProviderConfig provider) {
        return dirs.apply(provider)
                .<Dump>map(dir -> new FileDump(dir, PASSTHROUGH, clock,
                        uri -> fileName(uri.getRawPath().replaceFirst("^/+", "")) + "-" + randomChars(),
                        writers.get()))
                .orElse(Dump.NONE);
    }

    /**
     * {@code name} as one file name: slashes become dashes as in the reference, and so do backslashes and control
     * characters, because the model is whatever the client sent and must not lead out of the dump directory.
     */
    static String fileName(String name) {
        String safe = name.replaceAll("[/\\\\\\p{Cntrl}]", "-");
        return safe.isEmpty() || safe.equals(".") || safe.equals("..") ? "_" : safe;
    }

    // Only tells apart calls of one path within one millisecond; nothing depends on it being unpredictable.
    private static String randomChars() {
        StringBuilder chars = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            chars.append(RANDOM_CHARS.charAt(ThreadLocalRandom.current().nextInt(RANDOM_CHARS.length())));
        }
        return chars.toString();
    }
}
