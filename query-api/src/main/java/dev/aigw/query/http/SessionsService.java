package dev.aigw.query.http;

import dev.aigw.query.paging.CursorScope;
import dev.aigw.query.paging.Cursors;
import dev.aigw.query.paging.Page;
import dev.aigw.query.paging.PageRequest;
import dev.aigw.query.store.Details;
import dev.aigw.query.store.DetailReads;
import dev.aigw.query.store.InterceptionReads;
import dev.aigw.query.store.InterceptionRow;
import dev.aigw.query.store.SessionLists;
import dev.aigw.query.store.SessionReads;
import dev.aigw.query.store.SessionRow;
import dev.aigw.query.threads.SessionThread;
import dev.aigw.query.threads.Threads;
import dev.aigw.query.views.SessionDetailView;
import dev.aigw.query.views.SessionView;
import dev.aigw.query.views.ThreadView;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code GET /sessions} (a page of a search, newest first) and {@code GET /sessions/{id}} (one session with a page of
 * its threads, newest first, paged by thread id with {@code after_id} for older and {@code before_id} for newer).
 */
public final class SessionsService implements HttpService {
    private static final PageRequest.Limits LIMITS = new PageRequest.Limits(100, 1000);
    private static final PageRequest.Limits THREAD_LIMITS = new PageRequest.Limits(50, 200);
    private static final String VIEW = "sessions";

    private final AuditAccess access;
    private final Cursors cursors;
    private final SessionReads sessions;
    private final InterceptionReads interceptions;
    private final DetailReads details;

    SessionsService(AuditAccess access, Cursors cursors, SessionReads sessions, InterceptionReads interceptions,
                    DetailReads details) {
        this.access = access;
        this.cursors = cursors;
        this.sessions = sessions;
        this.interceptions = interceptions;
        this.details = details;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/sessions", this::list)
                .get("/sessions/{id}", this::one);
    }

    private void list(ServerRequest req, ServerResponse res) {
        AuditAccess.AuditRequest audit = access.read(req);
        PageRequest request = Params.page(req, LIMITS, "after_session_id");
        CursorScope scope = new CursorScope(VIEW, audit.caller().userId(), audit.filter().canonical());
        Optional<SessionLists.After> after = request.after().map(c -> cursors.decode(c, scope))
                .map(p -> new SessionLists.After(Instant.parse(p.get(0)), p.get(1), p.get(2)));
        Page<SessionRow> page = Page.of(sessions.rows(audit.filter(), after, InterceptionsService.fetchSize(request)),
                request);
        String next = page.resumeAfter()
                .map(s -> cursors.encode(scope, List.of(s.startedAt().toString(), s.sessionId(), s.initiatorId())))
                .orElse(null);
        JsonResponses.send(res, new Listing(sessions.count(audit.filter()), page.items().stream().map(SessionView::of).toList(), next));
    }

    private void one(ServerRequest req, ServerResponse res) {
        Caller caller = access.caller(req);
        String id = req.path().pathParameters().get("id");
        Optional<String> own = access.onlyOwn(caller);
        // Someone else's session is answered like a missing one, so a member learns nothing of it.
        List<SessionRow> rows = sessions.byId(id).filter(s -> own.map(s.initiatorId()::equals).orElse(true)).toList();
        if (rows.isEmpty()) {
            throw new ApiException(Status.NOT_FOUND_404, "Resource not found.", "no session " + id);
        }
        List<InterceptionRow> all = rows.stream().flatMap(s -> interceptions.ofSession(id, s.initiatorId()).stream())
                .sorted(Comparator.comparing(InterceptionRow::startedAt)).toList();
        Map<UUID, Details> found = details.of(all.stream().map(InterceptionRow::id).toList(), true);
        List<SessionThread> newestFirst = Threads.link(all, found).reversed();
        List<ThreadView> page = threadPage(req, newestFirst).stream().map(t -> ThreadView.of(t, found)).toList();
        JsonResponses.send(res, SessionDetailView.of(rows, newestFirst.size(), page));
    }

    private static List<SessionThread> threadPage(ServerRequest req, List<SessionThread> newestFirst) {
        Optional<String> before = Params.optional(req, "before_id");
        if (before.isPresent() && Params.optional(req, "after_id").isPresent()) {
            throw new ApiException(Status.BAD_REQUEST_400, "Invalid pagination parameters.",
                    "after_id and before_id cannot be used together");
        }
        PageRequest request = Params.page(req, THREAD_LIMITS, "after_id");
        if (before.isPresent()) {
            int end = indexOf(newestFirst, before.get(), "before_id");
            return newestFirst.subList(Math.max(0, end - request.limit()), end);
        }
        int start = request.after().map(a -> indexOf(newestFirst, a, "after_id") + 1).orElse(request.offset());
        int size = newestFirst.size();
        return newestFirst.subList(Math.min(start, size), (int) Math.min((long) start + request.limit(), size));
    }

    private static int indexOf(List<SessionThread> threads, String id, String param) {
        for (int i = 0; i < threads.size(); i++) {
            if (threads.get(i).id().toString().equals(id)) {
                return i;
            }
        }
        throw new ApiException(Status.BAD_REQUEST_400, "Invalid pagination parameters.",
                param + " is not the id of a thread of this session");
    }

    /**
     * A page of sessions.
     *
     * @param count              how many sessions match the search in all
     * @param sessions           this page
     * @param nextAfterSessionId the {@code after_session_id} of the next page, or null on the last
     */
    record Listing(long count, List<SessionView> sessions, String nextAfterSessionId) {
    }
}
