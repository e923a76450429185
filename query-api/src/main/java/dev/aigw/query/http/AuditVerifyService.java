package dev.aigw.query.http;

import dev.aigw.control.v1.KeyRole;
import dev.aigw.query.store.ChainReads;
import dev.aigw.query.verify.ChainVerifier;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /audit/verify?session=<id>} or {@code ?from=<RFC 3339>&to=<RFC 3339>}, for auditors and admins: checks the
 * audit chain of one session, or of every session with an interception that started in the range, and lists each row
 * that was changed, removed or inserted since the recorder signed it (docs/audit-semantics.md, "Tamper evidence").
 */
public final class AuditVerifyService implements HttpService {
    /** The widest time range one request may check. */
    static final Duration MAX_RANGE = Duration.ofDays(31);

    private final AdminAuth auth;
    private final Optional<ChainVerifier> verifier;
    private final ChainReads reads;
    private final Clock clock;

    /** A service checking with {@code verifier}, or answering 503 without one (no signing key configured). */
    public AuditVerifyService(AdminAuth auth, Optional<ChainVerifier> verifier, ChainReads reads, Clock clock) {
        this.auth = auth;
        this.verifier = verifier;
        this.reads = reads;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/audit/verify", this::verify);
    }

    private void verify(ServerRequest req, ServerResponse res) {
        if (auth.caller(req).role() == KeyRole.MEMBER) {
            throw AdminAuth.forbidden("verifying the audit chain needs the auditor or admin role");
        }
        ChainVerifier chain = verifier.orElseThrow(() -> new ApiException(Status.SERVICE_UNAVAILABLE_503,
                "Audit verification is not configured.", "the query API has no CODER_AI_GATEWAY_AUDIT_SIGNING_KEY"));
        Instant now = clock.instant();
        Report report = new Report();
        for (ChainReads.SessionKey key : sessions(req)) {
            report.add(chain.verify(key.sessionId(), key.initiatorId(), reads.links(key, now), reads.members(key),
                    reads::digest, now));
        }
        JsonResponses.send(res, report.view());
    }

    private Collection<ChainReads.SessionKey> sessions(ServerRequest req) {
        Optional<String> session = Params.optional(req, "session");
        Optional<String> from = Params.optional(req, "from");
        Optional<String> to = Params.optional(req, "to");
        if (session.isPresent() == (from.isPresent() || to.isPresent())) {
            throw invalid("give either session, or from and to");
        }
        if (session.isPresent()) {
            return reads.sessions(session.get());
        }
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!start.isBefore(end)) {
            throw invalid("from must be before to");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw invalid("a range may span at most " + MAX_RANGE.toDays() + " days; check a longer one in parts");
        }
        return reads.sessionsBetween(start, end);
    }

    private static Instant instant(String name, Optional<String> value) {
        try {
            return Instant.parse(value.orElseThrow(() -> invalid("from and to go together")));
        } catch (DateTimeParseException e) {
            throw invalid(name + " must be an RFC 3339 time in UTC, e.g. 2026-12-01T00:00:00Z");
        }
    }

    private static ApiException invalid(String detail) {
        return new ApiException(Status.BAD_REQUEST_400, "Invalid query parameter.", detail);
    }

    // Sums the sessions' results into the answer.
    private static final class Report {
        private int sessions;
        private int links;
        private int open;
        private int unsigned;
        private final List<FindingView> findings = new ArrayList<>();

        void add(ChainVerifier.Result result) {
            sessions++;
            links += result.links();
            open += result.open();
            unsigned += result.unsigned();
            result.findings().forEach(f -> findings.add(new FindingView(f.kind().label(), f.sessionId(), f.initiatorId(),
                    f.interceptionId().toString(), f.detail())));
        }

        Verification view() {
            return new Verification(findings.isEmpty(), sessions, links, open, unsigned, List.copyOf(findings));
        }
    }

    /**
     * The answer.
     *
     * @param intact   no finding
     * @param open     interceptions still in progress, not chained yet
     * @param unsigned closed interceptions recorded before signing was on
     */
    record Verification(boolean intact, int sessions, int links, int open, int unsigned, List<FindingView> findings) {
    }

    /**
     * One finding.
     *
     * @param kind {@code changed}, {@code removed} or {@code inserted}
     */
    record FindingView(String kind, String sessionId, String initiatorId, String interceptionId, String detail) {
    }
}
