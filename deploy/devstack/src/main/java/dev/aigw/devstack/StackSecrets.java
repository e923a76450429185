package dev.aigw.devstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * The stack's secrets: the admin token, the master key that seals provider secrets, and the key that signs the audit
 * chain ({@code docs/audit-semantics.md#tamper-evidence}). Each comes from the environment when set there, else from
 * an owner-only file under the state directory, made on first start and reused.
 */
record StackSecrets(String adminToken, String masterKey, String signingKey) {

    /** Whether the admin token came from the environment (the banner then does not point at its file). */
    static boolean adminTokenFromEnv(Map<String, String> env) {
        return env.containsKey(DevStackConfig.ADMIN_TOKEN);
    }

    /** The secrets of the stack whose state lives in {@code state}. */
    static StackSecrets of(Map<String, String> env, Path state) {
        return new StackSecrets(
                env.containsKey(DevStackConfig.ADMIN_TOKEN) ? env.get(DevStackConfig.ADMIN_TOKEN)
                        : Secrets.adminToken(state.resolve("admin-token")),
                env.containsKey(DevStackConfig.MASTER_KEY) ? env.get(DevStackConfig.MASTER_KEY)
                        : Secrets.base64Key(state.resolve("master-key")),
                env.containsKey(DevStackConfig.AUDIT_SIGNING_KEY) ? env.get(DevStackConfig.AUDIT_SIGNING_KEY)
                        : Secrets.base64Key(state.resolve("audit-signing-key")));
    }
}
