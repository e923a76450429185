package dev.aigw.systemtests.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.control.MasterKey;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.query.QueryApi;
import dev.aigw.query.config.QueryConfig;
import dev.aigw.recorder.Recorder;
import dev.aigw.recorder.config.RecorderConfig;
import dev.aigw.schemas.registry.SchemaRegistryClient;
import dev.aigw.schemas.serde.WireFormatSerde;
import dev.aigw.testkit.RealStack;
import dev.aigw.testkit.StackEnv;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tamper evidence end to end: a real recorder signs the audit chain into real Cassandra, the query API verifies it, and
 * each kind of tampering done straight in Cassandra (a changed column, a removed interception, a forged one) is
 * reported for the very row it touched, by session and by time range.
 */
@ExtendWith(RealStack.class)
class AuditChainIT {
    private static final String ADMIN_TOKEN = "admin-token-" + UUID.randomUUID();
    private static final Instant DAY = LocalDate.now(ZoneOffset.UTC).minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    @Test
    void shouldReportEachChangedRemovedAndInsertedRow() {
        Map<String, String> env = StackEnv.create(3);
        env.put("CODER_AI_GATEWAY_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("CODER_AI_GATEWAY_MASTER_KEY", MasterKey.generate());
        byte[] signingKey = new byte[32];
        new SecureRandom().nextBytes(signingKey);
        env.put("CODER_AI_GATEWAY_AUDIT_SIGNING_KEY", Base64.getEncoder().encodeToString(signingKey));
        String keyspace = env.get("CODER_AI_GATEWAY_CASSANDRA_KEYSPACE");
        List<Call> session = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            session.add(call(DAY.plus(10, ChronoUnit.HOURS).plusSeconds(60L * i), "sess-t", "prompt " + i));
        }
        Call other = call(DAY.plus(11, ChronoUnit.HOURS), "sess-u", "elsewhere");
        String range = "/api/v2/audit/verify?from=" + DAY + "&to=" + DAY.plus(1, ChronoUnit.DAYS);

        try (Recorder recorder = Recorder.start(RecorderConfig.fromEnv(env));
             QueryApi query = QueryApi.start(QueryConfig.fromEnv(env))) {
            Api api = new Api(query.port());
            List<Call> all = new ArrayList<>(session);
            all.add(other);
            send(env.get("CODER_AI_GATEWAY_INTERCEPTIONS_TOPIC"), all);
            JsonNode clean = RealStack.await(Duration.ofSeconds(90), () -> {
                JsonNode answer = api.get(range, ADMIN_TOKEN).json();
                return answer.path("links").asInt() == all.size() && answer.path("intact").asBoolean() ? answer : null;
            });
            assertThat(clean.path("sessions").asInt()).isEqualTo(2);
            assertThat(clean.path("findings")).isEmpty();

            CqlSession cql = RealStack.cassandraSession();
            Call changed = session.get(1);
            Call removed = session.get(2);
            cql.execute(SimpleStatement.newInstance("UPDATE " + keyspace + ".interceptions SET model = 'a-cheaper-model'"
                    + " WHERE interception_id = ?", changed.id()));
            cql.execute(SimpleStatement.newInstance("DELETE FROM " + keyspace + ".interceptions WHERE interception_id = ?",
                    removed.id()));
            for (String table : List.of("session_interceptions", "audit_chain")) {
                cql.execute(SimpleStatement.newInstance("DELETE FROM " + keyspace + "." + table + " WHERE session_id = ?"
                        + " AND initiator_id = ? AND started_at = ? AND interception_id = ?", "sess-t", "alice",
                        removed.startedAt(), removed.id()));
            }
            UUID forged = UUID.randomUUID();
            Instant forgedAt = session.get(3).startedAt().plusSeconds(30);
            cql.execute(SimpleStatement.newInstance("INSERT INTO " + keyspace + ".interceptions (interception_id,"
                    + " initiator_id, session_id, started_at, model, status) VALUES (?, ?, ?, ?, ?, ?)", forged, "alice",
                    "sess-t", forgedAt, "gpt-4o", "completed"));
            cql.execute(SimpleStatement.newInstance("INSERT INTO " + keyspace + ".session_interceptions (session_id,"
                    + " initiator_id, started_at, interception_id, model, status) VALUES (?, ?, ?, ?, ?, ?)", "sess-t",
                    "alice", forgedAt, forged, "gpt-4o", "completed"));

            for (String path : List.of("/api/v2/audit/verify?session=sess-t", range)) {
                Api.Answer answer = api.get(path, key(api, "carol", "auditor"));
                assertThat(answer.status()).as(answer.text()).isEqualTo(200);
                assertThat(answer.json().path("intact").asBoolean()).isFalse();
                List<String> findings = new ArrayList<>();
                answer.json().path("findings").forEach(f -> findings.add(f.path("kind").asText() + " "
                        + f.path("interception_id").asText()));
                assertThat(findings).as(path).containsExactlyInAnyOrder("changed " + changed.id(),
                        "removed " + removed.id(), "inserted " + forged);
            }
            assertThat(api.get("/api/v2/audit/verify?session=sess-u", ADMIN_TOKEN).json().path("intact").asBoolean())
                    .as("the untouched session").isTrue();
            assertThat(api.get("/api/v2/audit/verify?session=sess-t", key(api, "alice", "member")).status())
                    .isEqualTo(403);
            Api.Answer bad = api.get("/api/v2/audit/verify?from=yesterday&to=" + DAY, ADMIN_TOKEN);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().path("message").asText()).isEqualTo("Invalid query parameter.");
        }
    }

    private static Call call(Instant at, String session, String prompt) {
        return new Call(UUID.randomUUID(), at, "alice", "anthropic", "anthropic", "claude-sonnet-4-0", "Claude Code",
                session, null, List.of("toolu_" + UUID.randomUUID()), prompt, "thinking", 100, 10, null);
    }

    private static String key(Api api, String person, String role) {
        Api.Answer created = api.post("/api/v2/keys", ADMIN_TOKEN,
                "{\"user_id\":\"" + person + "\",\"username\":\"" + person + "\",\"role\":\"" + role + "\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String key = created.json().path("key").asText();
        RealStack.await(Duration.ofSeconds(30), () -> api.get("/api/v2/keys", key).status() == 200 ? true : null);
        return key;
    }

    private static void send(String topic, List<Call> calls) {
        var serde = WireFormatSerde.create(SchemaRegistryClient.create(RealStack.schemaRegistryUrl()), InterceptionEvent.class);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.kafkaBootstrap(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), serde.serializer())) {
            for (Call call : calls) {
                call.events().forEach(e -> producer.send(new ProducerRecord<>(topic, e.getInterceptionId(), e)));
            }
        }
    }
}
