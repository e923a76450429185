package dev.aigw.auditstore;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.util.logging.Logger;

/** Creates the audit keyspace and tables when missing. */
public final class AuditSchema {
    private static final Logger LOG = Logger.getLogger(AuditSchema.class.getName());
    // A schema change waits for every node to agree and, on a busy machine, takes far longer than a query.
    private static final Duration DDL_TIMEOUT = Duration.ofSeconds(60);

    private AuditSchema() {
    }

    /** Applies every DDL statement; each is idempotent, so this is safe on every start and from several instances. */
    public static void apply(CqlSession session, String keyspace, String replication) {
        for (String statement : CqlScripts.statements(keyspace, replication)) {
            session.execute(SimpleStatement.newInstance(statement).setTimeout(DDL_TIMEOUT));
        }
        session.checkSchemaAgreement();
        LOG.info("audit schema ready in keyspace " + keyspace);
    }
}
