package dev.aigw.servicekit.wire;

import io.helidon.http.Status;

/**
 * What Helidon's reasons for refusing a request before routing say, for the direct handlers that choose the answer.
 * Helidon hands its reason to them only with {@code ErrorHandling.includeEntity(true)}; the reason may quote the
 * request, so it is read to tell cases apart and never sent.
 */
public final class TransportReasons {
    // Helidon 4.5 refuses an oversized header section with a plain 400; only its reason tells it from a malformed one.
    private static final String HEADERS_TOO_LARGE = "Header size exceeded";

    private TransportReasons() {
    }

    /** Whether a refusal was for a header section over the listener's limit (answered 431, not 400). */
    public static boolean headersTooLarge(Status status, String reason) {
        return status.code() == Status.BAD_REQUEST_400.code() && reason != null && reason.contains(HEADERS_TOO_LARGE);
    }
}
