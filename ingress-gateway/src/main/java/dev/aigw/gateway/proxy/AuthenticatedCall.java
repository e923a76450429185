package dev.aigw.gateway.proxy;

import dev.aigw.gateway.auth.Identity;
import dev.aigw.gateway.auth.Presented;
import dev.aigw.gateway.auth.Secrets;
import dev.aigw.gateway.provider.Provider;
import java.util.List;

/**
 * An authenticated request: the person, and whose provider credential it sends upstream.
 *
 * @param identity  the person
 * @param presented the credentials the request presented
 * @param provider  the provider it addresses
 */
record AuthenticatedCall(Identity identity, Presented presented, Provider provider) {

    /** Whether the person's own provider credential goes upstream. */
    boolean byok() {
        return presented instanceof Presented.Byok;
    }

    /** Masked hint of the credential that goes upstream first, given the provider keys usable now; never the secret. */
    String credentialHint(List<String> usableKeys) {
        return switch (presented) {
            case Presented.Byok byok -> byok.providerCredential().map(Secrets::mask).orElse("");
            case Presented.Centralized centralized -> usableKeys.isEmpty() ? "" : Secrets.mask(usableKeys.getFirst());
            case Presented.Missing missing -> "";
        };
    }
}
