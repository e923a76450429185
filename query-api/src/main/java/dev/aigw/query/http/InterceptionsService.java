package dev.aigw.query.http;

import dev.aigw.query.paging.CursorScope;
import dev.aigw.query.paging.Cursors;
import dev.aigw.query.paging.Page;
import dev.aigw.query.paging.PageRequest;
import dev.aigw.query.store.Details;
import dev.aigw.query.store.DetailReads;
import dev.aigw.query.store.InterceptionLists;
import dev.aigw.query.store.InterceptionReads;
import dev.aigw.query.store.InterceptionRow;
import dev.aigw.query.store.UsageReads;
import dev.aigw.query.views.InterceptionView;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code GET /interceptions} (a page of a search, newest first, each with its token usages, prompts and tool calls)
 * and {@code GET /interceptions/{id}} (one with its model thoughts too).
 */
public final class InterceptionsService implements HttpService {
    private static final PageRequest.Limits LIMITS = new PageRequest.Limits(100, 1000);
    private static final String VIEW = "interceptions";

    private final AuditAccess access;
    private final Cursors cursors;
    private final InterceptionReads lists;
    private final DetailReads details;
    private final UsageReads usage;

    InterceptionsService(AuditAccess access, Cursors cursors, InterceptionReads lists, DetailReads details,
                         UsageReads usage) {
        this.access = access;
        this.cursors = cursors;
        this.lists = lists;
        this.details = details;
        this.usage = usage;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/interceptions", this::list)
                .get("/interceptions/{id}", this::one);
    }

    private void list(ServerRequest req, ServerResponse res) {
        AuditAccess.AuditRequest audit = access.read(req);
        PageRequest request = Params.page(req, LIMITS, "after_id");
        CursorScope scope = new CursorScope(VIEW, audit.caller().userId(), audit.filter().canonical());
        Optional<InterceptionLists.After> after = request.after().map(c -> cursors.decode(c, scope))
                .map(p -> new InterceptionLists.After(Instant.parse(p.get(0)), UUID.fromString(p.get(1))));
        Page<InterceptionRow> page = Page.of(lists.rows(audit.filter(), after, fetchSize(request)), request);
        Map<UUID, Details> found = details.of(page.items().stream().map(InterceptionRow::id).toList(), false);
        List<InterceptionView> results = page.items().stream()
                .map(r -> InterceptionView.of(r, found.get(r.id()), false)).toList();
        String next = page.resumeAfter()
                .map(r -> cursors.encode(scope, List.of(r.startedAt().toString(), r.id().toString()))).orElse(null);
        JsonResponses.send(res, new Listing(usage.interceptions(audit.filter()), results, next));
    }

    private void one(ServerRequest req, ServerResponse res) {
        Caller caller = access.caller(req);
        UUID id = uuid(req.path().pathParameters().get("id"));
        // Someone else's interception is answered like a missing one, so a member learns nothing of it.
        InterceptionRow row = details.byId(id)
                .filter(r -> access.onlyOwn(caller).map(r.initiatorId()::equals).orElse(true))
                .orElseThrow(() -> new ApiException(Status.NOT_FOUND_404, "Resource not found.", "no interception " + id));
        JsonResponses.send(res, InterceptionView.of(row, details.of(List.of(id), true).get(id), true));
    }

    /** Rows to read from Cassandra at a time: the page and the row after it, past any offset. */
    static int fetchSize(PageRequest request) {
        return (int) Math.min(5000, request.offset() + request.limit() + 1L);
    }

    static UUID uuid(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new ApiException(Status.BAD_REQUEST_400, "Invalid interception id.", "not a UUID: " + raw);
        }
    }

    /**
     * A page of interceptions.
     *
     * @param count       how many interceptions match the search in all
     * @param results     this page
     * @param nextAfterId the {@code after_id} of the next page, or null on the last
     */
    record Listing(long count, List<InterceptionView> results, String nextAfterId) {
    }
}
