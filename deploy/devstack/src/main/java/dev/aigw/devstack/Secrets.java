package dev.aigw.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets made once into owner-only files under {@code .aigw/} and reused on every start. */
final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** A 32-byte base64url admin token from {@code file}, made on first use. */
    static String adminToken(Path file) {
        return readOrCreate(file, Base64.getUrlEncoder().withoutPadding());
    }

    /** A 32-byte base64 key (the master key, the audit signing key) from {@code file}, made on first use. */
    static String base64Key(Path file) {
        return readOrCreate(file, Base64.getEncoder());
    }

    private static String readOrCreate(Path file, Base64.Encoder encoding) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String secret = encoding.encodeToString(bytes);
            Files.createDirectories(file.getParent());
            // Written owner-only under another name first, so the real file is never briefly readable by others.
            Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, secret + "\n");
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
