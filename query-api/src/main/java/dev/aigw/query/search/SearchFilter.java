package dev.aigw.query.search;

import java.time.Instant;
import java.util.Optional;

/**
 * What a search asks for; every present field must match.
 *
 * @param initiator     user id or username of the person, or {@code me}
 * @param provider      provider type, e.g. {@code anthropic}
 * @param providerName  provider instance name, e.g. {@code anthropic-corp}
 * @param model         requested model
 * @param client        client, e.g. {@code Claude Code}
 * @param sessionId     client session id
 * @param startedAfter  interceptions that started at or after this instant
 * @param startedBefore interceptions that started before this instant
 */
public record SearchFilter(Optional<String> initiator, Optional<String> provider, Optional<String> providerName,
                           Optional<String> model, Optional<String> client, Optional<String> sessionId,
                           Optional<Instant> startedAfter, Optional<Instant> startedBefore) {
    /** The filter of an empty {@code q}: everything. */
    public static final SearchFilter ALL = new SearchFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** This filter restricted to one person, whatever it asked for: what a member may see. */
    public SearchFilter onlyOf(String userId) {
        return withInitiator(Optional.of(userId));
    }

    /** This filter with the initiator term replaced: a user id, or none. */
    public SearchFilter withInitiator(Optional<String> userId) {
        return new SearchFilter(userId, provider, providerName, model, client, sessionId, startedAfter, startedBefore);
    }

    /** This filter with the time range replaced. */
    public SearchFilter within(Optional<Instant> after, Optional<Instant> before) {
        return new SearchFilter(initiator, provider, providerName, model, client, sessionId, after, before);
    }

    /** A stable text of the filter, to bind a cursor to the search that produced it. */
    public String canonical() {
        return String.join("\u001f", initiator.orElse(""), provider.orElse(""), providerName.orElse(""),
                model.orElse(""), client.orElse(""), sessionId.orElse(""),
                startedAfter.map(Instant::toString).orElse(""), startedBefore.map(Instant::toString).orElse(""));
    }
}
