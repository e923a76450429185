package dev.aigw.query.http;

import dev.aigw.query.store.UsageReads;
import dev.aigw.query.views.UsageView;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /usage?group_by=user|provider|model|day&started_after=&started_before=}: interception counts and token
 * totals by type, per person, provider instance, model or UTC day, for interceptions that started in the range (and
 * match {@code q}, if given). A member gets their own usage only.
 */
public final class UsageService implements HttpService {
    private final AuditAccess access;
    private final UsageReads usage;

    UsageService(AuditAccess access, UsageReads usage) {
        this.access = access;
        this.usage = usage;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/usage", this::usage);
    }

    private void usage(ServerRequest req, ServerResponse res) {
        UsageView.GroupBy groupBy = groupBy(Params.optional(req, "group_by").orElse("day"));
        // The range parameters are the q terms of the same name, so they are checked the same way.
        Map<String, String> range = new HashMap<>();
        for (String term : List.of("started_after", "started_before")) {
            Params.optional(req, term).ifPresent(v -> range.put(term, v));
        }
        AuditAccess.AuditRequest audit = access.read(req, range);
        try (var rows = usage.rows(audit.filter())) {
            JsonResponses.send(res, UsageView.of(groupBy, audit.filter(), rows));
        }
    }

    private static UsageView.GroupBy groupBy(String raw) {
        try {
            return UsageView.GroupBy.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(Status.BAD_REQUEST_400, "Invalid query parameter.",
                    "group_by must be user, provider, model or day, got \"" + raw + "\"");
        }
    }
}
