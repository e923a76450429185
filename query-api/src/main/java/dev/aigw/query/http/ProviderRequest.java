package dev.aigw.query.http;

import dev.aigw.control.ProviderSettings;
import java.util.List;
import java.util.Optional;

/** Reads a provider definition from a PUT body; absent secrets keep their current values, since reads never show them. */
final class ProviderRequest {
    private ProviderRequest() {
    }

    static ProviderSettings parse(String name, JsonBody body, Optional<ProviderSettings> current) {
        if (body.text("name").filter(n -> !n.equals(name)).isPresent()) {
            throw JsonBody.invalid("name", "must match the name in the path, " + name);
        }
        String type = body.text("type").or(() -> current.map(ProviderSettings::type))
                .orElseThrow(() -> JsonBody.invalid("type", "is required"));
        String baseUrl = body.text("base_url").or(() -> current.map(ProviderSettings::baseUrl))
                .orElseThrow(() -> JsonBody.invalid("base_url", "is required"));
        List<String> keys = body.strings("keys").orElse(current.map(ProviderSettings::keys).orElse(List.of()));
        Optional<ProviderSettings.Bedrock> bedrock = body.object("bedrock")
                .map(b -> bedrock(b, current.flatMap(ProviderSettings::bedrock)))
                .or(() -> current.flatMap(ProviderSettings::bedrock));
        Optional<String> dumpDir = body.has("dump_dir") ? body.text("dump_dir") : current.flatMap(ProviderSettings::dumpDir);
        boolean enabled = body.bool("enabled").orElse(current.map(ProviderSettings::enabled).orElse(true));
        return new ProviderSettings(name, type, baseUrl, keys, bedrock, dumpDir, enabled);
    }

    private static ProviderSettings.Bedrock bedrock(JsonBody b, Optional<ProviderSettings.Bedrock> current) {
        return new ProviderSettings.Bedrock(
                b.text("region").orElse(""),
                b.text("access_key").or(() -> current.flatMap(ProviderSettings.Bedrock::accessKey)),
                b.text("access_key_secret").or(() -> current.flatMap(ProviderSettings.Bedrock::accessKeySecret)),
                b.text("model").orElse(""),
                b.text("small_fast_model").orElse(""));
    }
}
