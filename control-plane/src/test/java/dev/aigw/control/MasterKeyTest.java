package dev.aigw.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.control.v1.SealedSecret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MasterKeyTest {
    private static final String SECRET = "sk-ant-provider-secret-0123456789";
    private final MasterKey key = MasterKey.parse(MasterKey.generate());

    @Test
    void shouldOpenWhatItSealedAndStoreOnlyCiphertextAndHint() {
        SealedSecret sealed = key.seal(SECRET, "provider/a/keys/0");

        assertThat(key.open(sealed, "provider/a/keys/0")).isEqualTo(SECRET);
        assertThat(sealed.getHint()).isEqualTo("sk-a...6789");
        assertThat(new String(sealed.getCiphertext().array(), StandardCharsets.ISO_8859_1)).doesNotContain("provider-secret");
    }

    @Test
    void shouldFailClearlyUnderAnotherMasterKey() {
        SealedSecret sealed = key.seal(SECRET, "provider/a/keys/0");
        MasterKey other = MasterKey.parse(MasterKey.generate());

        assertThatThrownBy(() -> other.open(sealed, "provider/a/keys/0"))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("sealed under master key " + key.id())
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void shouldRefuseCiphertextMovedToAnotherProviderOrTampered() {
        SealedSecret sealed = key.seal(SECRET, "provider/a/keys/0");
        byte[] tampered = sealed.getCiphertext().array().clone();
        tampered[0] ^= 1;

        assertThatThrownBy(() -> key.open(sealed, "provider/b/keys/0")).isInstanceOf(SealingException.class)
                .hasMessageContaining("tampered or moved");
        SealedSecret changed = new SealedSecret(sealed.getMasterKeyId(), sealed.getNonce(), ByteBuffer.wrap(tampered), "");
        assertThatThrownBy(() -> key.open(changed, "provider/a/keys/0")).isInstanceOf(SealingException.class);
    }

    @Test
    void shouldOpenWhatThePreviousKeySealedDuringARotationAndSealWithTheNewOne() {
        SealedSecret old = key.seal(SECRET, "provider/a/keys/0");
        MasterKey rotated = MasterKey.parse(MasterKey.generate()).withPrevious(key);

        assertThat(rotated.open(old, "provider/a/keys/0")).isEqualTo(SECRET);
        assertThat(rotated.seal(SECRET, "provider/a/keys/0").getMasterKeyId()).isEqualTo(rotated.id()).isNotEqualTo(key.id());
    }

    @Test
    void shouldExplainAMissingOrMalformedMasterKey() {
        assertThatThrownBy(() -> MasterKey.parse(null)).hasMessageContaining("CODER_AI_GATEWAY_MASTER_KEY");
        assertThatThrownBy(() -> MasterKey.parse("not base64 !!")).hasMessageContaining("base64");
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> MasterKey.parse(short16)).hasMessageContaining("32 bytes, got 16");
    }
}
