package dev.aigw.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void shouldRevealLessOfShorterSecrets() {
        assertThat(Secrets.mask("sk-ant-0123456789abcdefXYZ")).isEqualTo("sk-a...fXYZ");
        assertThat(Secrets.mask("0123456789")).isEqualTo("01...89");
        assertThat(Secrets.mask("abcde")).isEqualTo("a...e");
        assertThat(Secrets.mask("abcd")).isEqualTo("...");
        assertThat(Secrets.mask("")).isEmpty();
    }
}
