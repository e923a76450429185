package dev.aigw.query.http;

import dev.aigw.query.store.InterceptionReads;
import dev.aigw.query.views.ExportRow;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /interceptions/export?format=jsonl|csv&q=}: every interception matching the search, newest first, streamed
 * as JSON Lines or CSV while it is read. Rows come from Cassandra a page at a time and leave as they arrive, so memory
 * stays constant whatever the size. Once the first bytes are out a failure can only cut the export short.
 */
public final class ExportService implements HttpService {
    private static final Logger LOG = Logger.getLogger(ExportService.class.getName());
    private static final int FETCH = 1000;
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final AuditAccess access;
    private final InterceptionReads lists;

    ExportService(AuditAccess access, InterceptionReads lists) {
        this.access = access;
        this.lists = lists;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/interceptions/export", this::export);
    }

    private void export(ServerRequest req, ServerResponse res) {
        String format = Params.optional(req, "format").orElse("jsonl");
        if (!format.equals("jsonl") && !format.equals("csv")) {
            throw new ApiException(Status.BAD_REQUEST_400, "Invalid query parameter.",
                    "format must be jsonl or csv, got \"" + format + "\"");
        }
        AuditAccess.AuditRequest audit = access.read(req);
        Iterator<ExportRow> rows = lists.rows(audit.filter(), Optional.empty(), FETCH).map(ExportRow::of).iterator();
        boolean csv = format.equals("csv");
        res.header(HeaderNames.CONTENT_TYPE, csv ? "text/csv; charset=utf-8" : "application/x-ndjson");
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"interceptions." + format + "\"");
        // Not try-with-resources: closing ends the response as complete, which an export that failed half-way (Cassandra
        // lost its quorum) is not. Left open, a failure before the first flush becomes the error handler's 503, and one
        // after it cuts the response off without its last chunk, so the client sees a broken download, not a short one.
        Writer out = new BufferedWriter(new OutputStreamWriter(res.outputStream(), StandardCharsets.UTF_8), 1 << 16);
        try {
            if (csv) {
                out.write(csvLine(ExportRow.COLUMNS));
            }
            while (rows.hasNext()) {
                ExportRow row = rows.next();
                out.write(csv ? csvLine(row.values()) : JsonResponses.line(row));
            }
            out.close();
        } catch (IOException e) {
            // Mostly a client that went away; the rows read so far are all it got.
            LOG.log(Level.WARNING, "export cut short: " + e);
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One CSV record (RFC 4180): fields with a comma, quote or line break are quoted; null is an empty field. A field
     * a spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage return: OWASP's CSV
     * injection list) is quoted with a {@code '} in front, which spreadsheets show as text; audit fields hold what
     * users sent, so an export must not become a way to run their formulas on an auditor's machine.
     */
    static String csvLine(List<String> values) {
        StringBuilder line = new StringBuilder();
        for (String v : values) {
            if (!line.isEmpty()) {
                line.append(',');
            }
            if (v == null) {
                continue;
            }
            boolean formula = !v.isEmpty() && FORMULA_STARTS.indexOf(v.charAt(0)) >= 0;
            if (formula || v.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
                line.append('"').append(formula ? "'" : "").append(v.replace("\"", "\"\"")).append('"');
            } else {
                line.append(v);
            }
        }
        return line.append("\r\n").toString();
    }
}
