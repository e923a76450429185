package dev.aigw.query.store;

import com.datastax.oss.driver.api.core.CqlSession;

/**
 * Every read the audit views make, each behind its own small interface so the views can be served from anything that
 * answers them (Cassandra in the service, memory in route tests).
 */
public record AuditStore(InterceptionReads interceptions, DetailReads details, SessionReads sessions, UsageReads usage,
                         FilterValueReads filterValues) {

    /** The reads over the recorder's tables in {@code keyspace}; every statement is prepared here, once. */
    public static AuditStore cassandra(CqlSession session, String keyspace, DayCounts counts) {
        var days = new ActiveDays(session, keyspace);
        var lists = new InterceptionLists(session, keyspace, days);
        return new AuditStore(lists, new InterceptionDetails(session, keyspace),
                new SessionLists(session, keyspace, days, counts), new Usage(session, keyspace, days, lists, counts),
                new FilterValues(session, keyspace));
    }
}
