package dev.aigw.servicekit.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service's arguments: {@code --name=value}, {@code --name value} or a bare {@code --name} (meaning {@code true}),
 * and {@code --config <path>} naming a YAML file.
 *
 * @param flags  value of each flag by its name with the dashes, the last occurrence winning
 * @param config the YAML file, if given
 */
record CommandLine(Map<String, String> flags, Optional<Path> config) {
    static final String CONFIG_FLAG = "--config";

    /** Parses {@code args}; what cannot be parsed goes to {@code problems}. */
    static CommandLine parse(List<String> args, List<String> problems) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                problems.add("unexpected argument \"" + arg + "\": options are given as --name=value");
                continue;
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                flags.put(arg.substring(0, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                flags.put(arg, args.get(++i));
            } else {
                flags.put(arg, "true");
            }
        }
        String config = flags.remove(CONFIG_FLAG);
        if ("true".equals(config)) {
            problems.add(CONFIG_FLAG + " needs the path of a YAML file");
            config = null;
        }
        return new CommandLine(flags, Optional.ofNullable(config).filter(c -> !c.isBlank()).map(Path::of));
    }
}
