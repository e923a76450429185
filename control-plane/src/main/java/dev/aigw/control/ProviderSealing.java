package dev.aigw.control;

import dev.aigw.control.v1.BedrockSettings;
import dev.aigw.control.v1.ProviderRecord;
import dev.aigw.control.v1.SealedSecret;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Converts provider settings to the topic's record, sealing every secret, and back. */
public final class ProviderSealing {
    private final MasterKey masterKey;

    /** Sealing under the given master key. */
    public ProviderSealing(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    /** The record to publish; secrets are sealed, bound to the provider name and field. */
    public ProviderRecord seal(ProviderSettings p, Instant now, String updatedBy) {
        List<SealedSecret> keys = new ArrayList<>();
        for (int i = 0; i < p.keys().size(); i++) {
            keys.add(masterKey.seal(p.keys().get(i), context(p.name(), "keys/" + i)));
        }
        BedrockSettings bedrock = p.bedrock().map(b -> new BedrockSettings(b.region(),
                b.accessKey().map(k -> masterKey.seal(k, context(p.name(), "bedrock/access_key"))).orElse(null),
                b.accessKeySecret().map(k -> masterKey.seal(k, context(p.name(), "bedrock/access_key_secret"))).orElse(null),
                b.model(), b.smallFastModel())).orElse(null);
        return new ProviderRecord(p.name(), p.type(), p.baseUrl(), keys, bedrock, p.dumpDir().orElse(null), p.enabled(),
                now, updatedBy);
    }

    /** The plain settings of a record; throws {@link SealingException} when the master key does not open it. */
    public ProviderSettings open(ProviderRecord r) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < r.getKeys().size(); i++) {
            keys.add(masterKey.open(r.getKeys().get(i), context(r.getName(), "keys/" + i)));
        }
        Optional<ProviderSettings.Bedrock> bedrock = Optional.ofNullable(r.getBedrock()).map(b -> new ProviderSettings.Bedrock(
                b.getRegion(),
                Optional.ofNullable(b.getAccessKey()).map(k -> masterKey.open(k, context(r.getName(), "bedrock/access_key"))),
                Optional.ofNullable(b.getAccessKeySecret())
                        .map(k -> masterKey.open(k, context(r.getName(), "bedrock/access_key_secret"))),
                b.getModel(), b.getSmallFastModel()));
        return new ProviderSettings(r.getName(), r.getType(), r.getBaseUrl(), keys, bedrock,
                Optional.ofNullable(r.getDumpDir()), r.getEnabled());
    }

    private static String context(String provider, String field) {
        return "provider/" + provider + "/" + field;
    }
}
