package dev.aigw.query.http;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.aigw.control.v1.KeyEvent;
import dev.aigw.query.config.QueryConfig;
import dev.aigw.query.paging.Cursors;
import dev.aigw.query.store.AuditStore;
import dev.aigw.query.store.DayCounts;
import io.helidon.webserver.http.HttpService;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/** The audit views' services over one store, in the order they must be mounted. */
public final class AuditViews {
    private AuditViews() {
    }

    /**
     * Every audit service over the recorder's tables in the configured keyspace. {@code clock} tells which days are
     * past, whose counts may be kept.
     */
    public static List<HttpService> create(QueryConfig config, AdminAuth auth, Supplier<Collection<KeyEvent>> keys,
                                           CqlSession session, Clock clock) {
        return create(config, auth, keys, AuditStore.cassandra(session, config.cassandra().keyspace(),
                new DayCounts(clock, config.countKeep())));
    }

    /**
     * Every audit service over {@code store}; mount them in this order under each audit prefix
     * ({@code /interceptions/export} must come before {@code /interceptions/{id}}).
     */
    public static List<HttpService> create(QueryConfig config, AdminAuth auth, Supplier<Collection<KeyEvent>> keys,
                                           AuditStore store) {
        var cursors = Cursors.from(config.control().masterKey());
        var access = new AuditAccess(auth, keys);
        return List.of(new ExportService(access, store.interceptions()),
                new InterceptionsService(access, cursors, store.interceptions(), store.details(), store.usage()),
                new SessionsService(access, cursors, store.sessions(), store.interceptions(), store.details()),
                new FilterValuesService(access, store.filterValues()),
                new UsageService(access, store.usage()));
    }
}
