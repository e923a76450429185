package dev.aigw.servicekit.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of a YAML configuration file: the scalar keys of its {@code ai_gateway:} block and of the deprecated
 * {@code aibridge:} block. Other top-level keys are ignored, so one file may also hold settings for other tools.
 */
final class YamlFile {
    static final String BLOCK = "ai_gateway";
    static final String LEGACY_BLOCK = "aibridge";
    private static final YAMLMapper YAML = new YAMLMapper();

    private YamlFile() {
    }

    /** Values by {@code <block>.<key>}; an unreadable file or a non-scalar value goes to {@code problems}. */
    static Map<String, String> read(Path file, List<String> problems) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            problems.add("cannot read the configuration file " + file + ": " + e.getMessage());
            return Map.of();
        }
        Map<String, String> values = new HashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return values;
        }
        if (!root.isObject()) {
            problems.add("the configuration file " + file + " must be a mapping with an " + BLOCK + ": block");
            return values;
        }
        for (String block : List.of(BLOCK, LEGACY_BLOCK)) {
            JsonNode options = root.path(block);
            if (!options.isMissingNode() && !options.isNull() && !options.isObject()) {
                problems.add(block + " in " + file + " must be a mapping of options");
                continue;
            }
            options.properties().forEach(e -> {
                if (e.getValue().isValueNode()) {
                    values.put(block + "." + e.getKey(), e.getValue().asText());
                } else if (!e.getValue().isNull()) {
                    problems.add(block + "." + e.getKey() + " in " + file + " must be a single value");
                }
            });
        }
        return values;
    }
}
