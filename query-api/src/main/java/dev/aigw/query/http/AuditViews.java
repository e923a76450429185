package dev.aigw.query.http;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.aigw.control.v1.KeyEvent;
import dev.aigw.query.config.QueryConfig;
import dev.aigw.query.paging.Cursors;
import dev.aigw.query.store.ActiveDays;
import dev.aigw.query.store.DayCounts;
import dev.aigw.query.store.FilterValues;
import dev.aigw.query.store.InterceptionDetails;
import dev.aigw.query.store.InterceptionLists;
import dev.aigw.query.store.SessionLists;
import dev.aigw.query.store.Usage;
import io.helidon.webserver.http.HttpService;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/** The audit views' services over one keyspace, in the order they must be mounted. */
public final class AuditViews {
    private AuditViews() {
    }

    /**
     * Every audit service; mount them in this order under each audit prefix ({@code /interceptions/export} must come
     * before {@code /interceptions/{id}}). {@code clock} tells which days are past, whose counts may be kept.
     */
    public static List<HttpService> create(QueryConfig config, AdminAuth auth, Supplier<Collection<KeyEvent>> keys,
                                           CqlSession session, Clock clock) {
        String keyspace = config.cassandra().keyspace();
        var cursors = Cursors.from(config.control().masterKey());
        var access = new AuditAccess(auth, keys);
        var days = new ActiveDays(session, keyspace);
        var lists = new InterceptionLists(session, keyspace, days);
        var details = new InterceptionDetails(session, keyspace);
        var counts = new DayCounts(clock, config.countKeep());
        var usage = new Usage(session, keyspace, days, lists, counts);
        return List.of(new ExportService(access, lists),
                new InterceptionsService(access, cursors, lists, details, usage),
                new SessionsService(access, cursors, new SessionLists(session, keyspace, days, counts), lists, details),
                new FilterValuesService(access, new FilterValues(session, keyspace)),
                new UsageService(access, usage));
    }
}
