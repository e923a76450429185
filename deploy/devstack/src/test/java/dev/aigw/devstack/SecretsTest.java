package dev.aigw.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
    @TempDir
    Path dir;

    @Test
    void shouldMakeOwnerOnlySecretsOnceAndReuseThem() throws Exception {
        Path token = dir.resolve("admin-token");
        String first = Secrets.adminToken(token);
        assertThat(Base64.getUrlDecoder().decode(first)).hasSize(32);
        assertThat(Secrets.adminToken(token)).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Secrets.base64Key(dir.resolve("master-key")))).hasSize(32);
    }
}
