package dev.aigw.servicekit.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Configuration options by name ({@code ALLOW_BYOK}), from the first source that sets them: a flag
 * ({@code --ai-gateway-allow-byok}), an environment variable ({@code CODER_AI_GATEWAY_ALLOW_BYOK}), a key of the YAML
 * file ({@code ai_gateway: {allow_byok: …}}), else the caller's default. Each source also honours the deprecated
 * AI Bridge name ({@code --aibridge-…}, {@code CODER_AIBRIDGE_…}, {@code aibridge:}), below the new one and with one
 * warning per name. A blank value counts as absent.
 */
public final class Settings {
    /** Primary prefix of every variable. */
    public static final String PREFIX = "CODER_AI_GATEWAY_";
    /** Deprecated prefix, still honoured. */
    public static final String LEGACY_PREFIX = "CODER_AIBRIDGE_";
    /** Variable naming the YAML file when {@code --config} is not given. */
    public static final String CONFIG_VARIABLE = PREFIX + "CONFIG";

    private final Map<String, String> env;
    private final Map<String, String> flags;
    private final List<Source> sources;
    private final Set<String> flagsRead = new HashSet<>();

    /**
     * One option's value and where it was found, to name in messages.
     *
     * @param value  the stripped value
     * @param source the flag, variable or YAML key (with its file) that set it
     */
    public record Setting(String value, String source) {
    }

    private Settings(Map<String, String> env, Map<String, String> flags, Map<String, String> yaml, String yamlFile) {
        this.env = Map.copyOf(env);
        this.flags = flags;
        this.sources = List.of(new Source(Naming.FLAG, flags, ""), new Source(Naming.ENV, this.env, ""),
                new Source(Naming.YAML, yaml, yamlFile));
    }

    /** Reads the arguments and the YAML file they or {@value #CONFIG_VARIABLE} name; problems go to {@code problems}. */
    public static Settings load(Map<String, String> env, List<String> args, List<String> problems) {
        CommandLine commandLine = CommandLine.parse(args, problems);
        Optional<Path> file = commandLine.config()
                .or(() -> Optional.ofNullable(env.get(CONFIG_VARIABLE)).filter(v -> !v.isBlank()).map(v -> Path.of(v.strip())));
        Map<String, String> yaml = file.map(f -> YamlFile.read(f, problems)).orElse(Map.of());
        return new Settings(env, commandLine.flags(), yaml, file.map(f -> " in " + f).orElse(""));
    }

    /** The option's value and source, if any source sets it. */
    public Optional<Setting> setting(String name) {
        flagsRead.add(Naming.FLAG.key(name, false));
        flagsRead.add(Naming.FLAG.key(name, true));
        for (Source source : sources) {
            Optional<Setting> legacy = source.find(name, true);
            legacy.ifPresent(l -> Deprecation.warnOnce(l.source(), source.naming().key(name, false)));
            Optional<Setting> value = source.find(name, false).or(() -> legacy);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /** The option's value, if set. */
    public Optional<String> get(String name) {
        return setting(name).map(Setting::value);
    }

    /** The option's value or a default. */
    public String get(String name, String defaultValue) {
        return get(name).orElse(defaultValue);
    }

    /** An integer value or a default; a malformed value is added to {@code problems}. */
    public int integer(String name, int defaultValue, List<String> problems) {
        return parsed(name, defaultValue, "an integer", Settings::parseInt, problems);
    }

    /** A long integer value, such as a size in bytes, or a default. */
    public long longInteger(String name, long defaultValue, List<String> problems) {
        return parsed(name, defaultValue, "an integer", Settings::parseLong, problems);
    }

    /** One of an enum's constants, spelled in lower case ({@code always}), or a default. */
    public <E extends Enum<E>> E choice(String name, E defaultValue, List<String> problems) {
        List<String> names = Arrays.stream(defaultValue.getDeclaringClass().getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
        return parsed(name, defaultValue, "one of " + String.join(", ", names), v -> {
            int i = names.indexOf(v.toLowerCase(Locale.ROOT));
            return i < 0 ? Optional.empty() : Optional.of(defaultValue.getDeclaringClass().getEnumConstants()[i]);
        }, problems);
    }

    /** A boolean ({@code true}/{@code false}, also Go's {@code 1}/{@code 0}/{@code t}/{@code f}) or a default. */
    public boolean bool(String name, boolean defaultValue, List<String> problems) {
        return parsed(name, defaultValue, "true or false", v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "t", "1" -> Optional.of(true);
            case "false", "f", "0" -> Optional.of(false);
            default -> Optional.empty();
        }, problems);
    }

    /** A duration such as {@code 30s}, {@code 1h30m} or {@code 60d} (see {@link Durations}), or a default. */
    public Duration duration(String name, Duration defaultValue, List<String> problems) {
        return parsed(name, defaultValue, "a duration such as 30s, 10m or 1h30m", Durations::parse, problems);
    }

    /** A comma-separated {@code host:port} list, e.g. Cassandra contact points, or a default. */
    public List<InetSocketAddress> addresses(String name, List<InetSocketAddress> defaultValue, List<String> problems) {
        return parsed(name, defaultValue, "a comma-separated host:port list", Settings::parseAddresses, problems);
    }

    /** The environment as given, for options that are only variables (the indexed providers). */
    public Map<String, String> environment() {
        return env;
    }

    /** A problem for each flag no option read; call after reading every option. */
    public List<String> unknownFlags() {
        return flags.keySet().stream()
                .filter(flag -> !flagsRead.contains(flag))
                .map(flag -> "unknown flag " + flag)
                .toList();
    }

    private <T> T parsed(String name, T defaultValue, String expected, Function<String, Optional<T>> parser,
                         List<String> problems) {
        Optional<Setting> setting = setting(name);
        if (setting.isEmpty()) {
            return defaultValue;
        }
        return parser.apply(setting.get().value()).orElseGet(() -> {
            problems.add(setting.get().source() + " must be " + expected + ", got \"" + setting.get().value() + "\"");
            return defaultValue;
        });
    }

    private static Optional<Integer> parseInt(String value) {
        try {
            return Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> parseLong(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<List<InetSocketAddress>> parseAddresses(String value) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String entry : value.split(",")) {
            String e = entry.strip();
            int colon = e.lastIndexOf(':');
            Optional<Integer> port = colon > 0 ? parseInt(e.substring(colon + 1)) : Optional.empty();
            if (port.isEmpty() || port.get() < 0 || port.get() > 65_535) {
                return Optional.empty();
            }
            addresses.add(InetSocketAddress.createUnresolved(e.substring(0, colon), port.get()));
        }
        return Optional.of(addresses);
    }

    /** How each source spells an option's new and deprecated names. */
    private enum Naming {
        FLAG, ENV, YAML;

        String key(String option, boolean legacy) {
            String lower = option.toLowerCase(Locale.ROOT);
            return switch (this) {
                case FLAG -> (legacy ? "--aibridge-" : "--ai-gateway-") + lower.replace('_', '-');
                case ENV -> (legacy ? LEGACY_PREFIX : PREFIX) + option;
                case YAML -> (legacy ? YamlFile.LEGACY_BLOCK : YamlFile.BLOCK) + "." + lower;
            };
        }
    }

    /** One source of values, keyed by its own spelling of the names; {@code where} follows each name in messages. */
    private record Source(Naming naming, Map<String, String> values, String where) {
        Optional<Setting> find(String option, boolean legacy) {
            String key = naming.key(option, legacy);
            String value = values.get(key);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(new Setting(value.strip(), key + where));
        }
    }
}
