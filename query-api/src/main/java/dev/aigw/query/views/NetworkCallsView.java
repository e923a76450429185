package dev.aigw.query.views;

/**
 * The reference's count of a session's outbound network calls, from its agent firewall. This gateway sees no network
 * calls besides the model requests, so both counts are zero; the field is kept so the reference's tooling reads ours.
 */
public record NetworkCallsView(long total, long blocked) {
    static final NetworkCallsView NONE = new NetworkCallsView(0, 0);
}
