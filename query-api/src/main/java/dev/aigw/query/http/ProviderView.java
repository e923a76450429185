package dev.aigw.query.http;

import dev.aigw.control.Hints;
import dev.aigw.control.ProviderSettings;
import java.util.List;

/**
 * A provider as the API shows it: secrets only as masked hints.
 *
 * @param name    instance name
 * @param type    provider type
 * @param baseUrl upstream base URL
 * @param keys    hints of the centralized keys
 * @param bedrock Bedrock settings with hints for secrets, or null
 * @param dumpDir dump directory, or null
 * @param enabled whether gateways route to it
 */
record ProviderView(String name, String type, String baseUrl, List<String> keys, BedrockView bedrock, String dumpDir,
                    boolean enabled) {
    static ProviderView of(ProviderSettings p) {
        return new ProviderView(p.name(), p.type(), p.baseUrl(), p.keys().stream().map(Hints::mask).toList(),
                p.bedrock().map(b -> new BedrockView(b.region(), b.accessKey().map(Hints::mask).orElse(null),
                        b.accessKeySecret().map(Hints::mask).orElse(null), b.model(), b.smallFastModel())).orElse(null),
                p.dumpDir().orElse(null), p.enabled());
    }

    /** Bedrock settings with hints for secrets. */
    record BedrockView(String region, String accessKey, String accessKeySecret, String model, String smallFastModel) {
    }
}
