package dev.aigw.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class GatewayKeysTest {
    @Test
    void shouldGenerateKeysThatParseBackWith256BitSecrets() {
        GatewayKeys.NewKey key = GatewayKeys.generate();

        assertThat(key.full()).startsWith("aigw_" + key.id() + "_");
        assertThat(Base64.getUrlDecoder().decode(key.secret())).hasSize(32);
        assertThat(GatewayKeys.parse(key.full())).contains(new GatewayKeys.Presented(key.id(), key.secret()));
        assertThat(GatewayKeys.generate().full()).isNotEqualTo(key.full());
    }

    @Test
    void shouldRejectMalformedKeys() {
        String good = GatewayKeys.generate().full();

        assertThat(GatewayKeys.parse(null)).isEmpty();
        assertThat(GatewayKeys.parse("")).isEmpty();
        assertThat(GatewayKeys.parse("sk-ant-whatever")).isEmpty();
        assertThat(GatewayKeys.parse(good.substring(0, good.length() - 1))).isEmpty();
        assertThat(GatewayKeys.parse(good + "x")).isEmpty();
        assertThat(GatewayKeys.parse(good.replace("aigw_", "aigx_"))).isEmpty();
    }

    @Test
    void shouldMatchOnlyTheSecretThatWasHashed() {
        GatewayKeys.NewKey key = GatewayKeys.generate();
        byte[] stored = GatewayKeys.hash(key.secret());

        assertThat(GatewayKeys.matches(key.secret(), stored)).isTrue();
        assertThat(GatewayKeys.matches(GatewayKeys.generate().secret(), stored)).isFalse();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(key.secret());
    }

    @Test
    void shouldShowOnlyAMaskedHintAndKeepTheSecretOutOfToString() {
        GatewayKeys.NewKey key = GatewayKeys.generate();

        assertThat(GatewayKeys.hint(key.full())).isEqualTo("aigw..." + key.full().substring(key.full().length() - 4));
        assertThat(key.toString()).doesNotContain(key.secret());
        assertThat(GatewayKeys.parse(key.full()).orElseThrow().toString()).doesNotContain(key.secret());
    }
}
