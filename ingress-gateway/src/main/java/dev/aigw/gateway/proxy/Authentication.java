package dev.aigw.gateway.proxy;

import dev.aigw.gateway.auth.AuthResult;
import dev.aigw.gateway.auth.Authenticator;
import dev.aigw.gateway.auth.Presented;
import dev.aigw.gateway.provider.CallerAuth;
import dev.aigw.gateway.provider.Provider;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;

/** Who calls a provider, and whether the credentials they present are the ones its kind takes. */
public final class Authentication {
    private final Authenticator authenticator;
    private final boolean allowByok;

    /** Checks gateway keys with {@code authenticator}; callers may bring their own provider key when {@code allowByok}. */
    public Authentication(Authenticator authenticator, boolean allowByok) {
        this.authenticator = authenticator;
        this.allowByok = allowByok;
    }

    /** The caller of {@code provider}, or a {@link GatewayException} saying why the request is refused. */
    AuthenticatedCall authenticate(ServerRequest req, Provider provider) {
        Presented presented = Presented.of(name -> req.headers().first(HeaderNames.create(name)));
        String gatewayKey = switch (presented) {
            case Presented.Missing missing -> throw new GatewayException(Status.UNAUTHORIZED_401, "authentication_error",
                    "no gateway key provided");
            case Presented.Centralized centralized -> central(provider, centralized);
            case Presented.Byok byok -> own(provider, byok);
        };
        return switch (authenticator.authenticate(gatewayKey)) {
            case AuthResult.Accepted accepted -> new AuthenticatedCall(accepted.identity(), presented, provider);
            case AuthResult.Refused refused -> throw new GatewayException(Status.UNAUTHORIZED_401, "authentication_error",
                    refused.reason());
        };
    }

    private static String central(Provider provider, Presented.Centralized centralized) {
        return switch (provider.auth()) {
            case CENTRAL_OR_BYOK, CENTRAL_ONLY -> centralized.gatewayKey();
            case PER_USER_TOKEN -> throw new GatewayException(Status.UNAUTHORIZED_401, "authentication_error", "Copilot "
                    + "needs your own Copilot token in Authorization and the gateway key in " + Presented.GOVERNANCE_HEADER);
        };
    }

    // Whether BYOK is allowed at all is answered first, whatever the provider.
    private String own(Provider provider, Presented.Byok byok) {
        if (!allowByok) {
            throw new GatewayException(Status.FORBIDDEN_403, "permission_error",
                    "Bring Your Own Key (BYOK) mode is not enabled.");
        }
        return switch (provider.auth()) {
            case CENTRAL_OR_BYOK, PER_USER_TOKEN -> byok.gatewayKey();
            case CENTRAL_ONLY -> throw new GatewayException(Status.BAD_REQUEST_400, "invalid_request_error", "provider "
                    + provider.name() + " signs its Bedrock calls with the gateway's AWS credentials and takes no key of yours");
        };
    }
}
