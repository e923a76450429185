package dev.aigw.recorder.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.recorder.TestInterception;
import dev.aigw.recorder.audit.AuditRow;
import dev.aigw.recorder.audit.RecordBounds;
import dev.aigw.recorder.audit.SessionState;
import dev.aigw.recorder.audit.Tokens;
import dev.aigw.recorder.audit.UsageState;
import dev.aigw.recorder.kafka.DeadLetters;
import dev.aigw.servicekit.chain.SigningKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecorderTopologyTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");
    private static final Instant EXPIRY = NOW.minusSeconds(60).plus(Duration.ofDays(60));

    private static List<InterceptionEvent> complete(TestInterception i, String prompt) {
        return List.of(i.started(0), i.prompt(1, prompt), i.thought(2, "let me look"), i.tool(3, "Read"),
                i.tokens(4, 100, 20, 1000, 50, 5), i.tool(5, "Edit"), i.tokens(6, 30, 10, 0, 0, 0),
                i.ended(7, InterceptionStatus.COMPLETED));
    }

    @Test
    void shouldSummariseAnInterceptionWithItsDetailRowsAndTheTtlOfItsStart() {
        TestInterception i = TestInterception.of(NOW.minusSeconds(60), "alice", "session-1");
        try (RecorderDriver driver = new RecorderDriver(NOW)) {
            driver.send(complete(i, "fix the build").toArray(InterceptionEvent[]::new));

            AuditRow.Interception summary = driver.interception(i.id());
            assertThat(summary.status()).isEqualTo("completed");
            assertThat(summary.tokens()).isEqualTo(new Tokens(130, 30, 1000, 50, 5));
            assertThat(summary.toolCalls()).isEqualTo(2);
            assertThat(summary.prompt()).isEqualTo("fix the build");
            assertThat(summary.end().endedAt()).isEqualTo(i.at(7));
            assertThat(summary.start().client()).isEqualTo("Claude Code");
            assertThat(summary.start().credentialKind()).isEqualTo("centralized");
            assertThat(summary.sessionId()).isEqualTo("session-1");
            assertThat(driver.rows().values()).filteredOn(r -> !(r instanceof AuditRow.FilterValue))
                    .extracting(r -> r.getClass().getSimpleName())
                    .containsExactlyInAnyOrder("Prompt", "Thought", "ToolCall", "TokenCount", "ToolCall", "TokenCount",
                            "Interception", "Session", "Usage");
            assertThat(driver.rows().values()).filteredOn(r -> !(r instanceof AuditRow.FilterValue))
                    .allSatisfy(r -> assertThat(r.expiresAt()).isEqualTo(r instanceof AuditRow.Usage
                            ? TODAY.plusDays(61).atStartOfDay().toInstant(ZoneOffset.UTC) : EXPIRY));
            assertThat(driver.rows().values()).filteredOn(r -> r instanceof AuditRow.FilterValue)
                    .extracting(r -> ((AuditRow.FilterValue) r).kind() + "=" + ((AuditRow.FilterValue) r).value()
                            + (((AuditRow.FilterValue) r).initiatorId() == null ? "" : " for alice"))
                    .containsExactlyInAnyOrder("provider=anthropic", "provider_name=anthropic", "model=claude-sonnet-4-0",
                            "client=Claude Code", "provider=anthropic for alice", "provider_name=anthropic for alice",
                            "model=claude-sonnet-4-0 for alice", "client=Claude Code for alice");
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 1234, 98765})
    void shouldWriteTheSameRowsWhenEventsArriveShuffledAndTwice(long seed) {
        TestInterception first = TestInterception.of(NOW.minusSeconds(120), "alice", "session-1");
        TestInterception second = TestInterception.of(NOW.minusSeconds(60), "alice", "session-1");
        List<InterceptionEvent> inOrder = new ArrayList<>(complete(first, "one"));
        inOrder.addAll(complete(second, "two"));
        List<InterceptionEvent> replayed = new ArrayList<>(inOrder);
        replayed.addAll(inOrder.subList(3, 12));
        Collections.shuffle(replayed, new Random(seed));

        try (RecorderDriver ordered = new RecorderDriver(NOW, RecorderDriver.SIGNED);
             RecorderDriver shuffled = new RecorderDriver(NOW, RecorderDriver.SIGNED)) {
            ordered.send(inOrder.toArray(InterceptionEvent[]::new));
            shuffled.send(replayed.toArray(InterceptionEvent[]::new));

            assertThat(asStored(shuffled.rows())).isEqualTo(asStored(ordered.rows()));
            assertThat(shuffled.chain("session-1", "alice")).as("the same audit chain, whatever the arrival order")
                    .hasSize(2).isEqualTo(ordered.chain("session-1", "alice"));
            assertThat(shuffled.usage(TODAY, "alice", "anthropic", "claude-sonnet-4-0").usage().interceptions()).isEqualTo(2);
            assertThat(shuffled.usage(TODAY, "alice", "anthropic", "claude-sonnet-4-0").usage().tokens())
                    .isEqualTo(new Tokens(260, 60, 2000, 100, 10));
            assertThat(shuffled.session("session-1", "alice").session().threads()).isEqualTo(2);
            assertThat(shuffled.session("session-1", "alice").session().startedAt()).isEqualTo(first.startedAt());
            assertThat(shuffled.deadLetters()).isEmpty();
        }
    }

    @Test
    void shouldChainOnlyClosedInterceptionsOfASessionInStartOrderSignedWithTheKey() {
        TestInterception first = TestInterception.of(NOW.minusSeconds(180), "alice", "session-1");
        TestInterception second = TestInterception.of(NOW.minusSeconds(120), "alice", "session-1");
        TestInterception third = TestInterception.of(NOW.minusSeconds(60), "alice", "session-1");
        SigningKey key = SigningKey.parse(RecorderDriver.SIGNING_KEY, new ArrayList<>()).orElseThrow();
        try (RecorderDriver driver = new RecorderDriver(NOW, RecorderDriver.SIGNED)) {
            driver.send(complete(third, "three").toArray(InterceptionEvent[]::new));
            driver.send(third.prompt(8, "a late detail row"));
            driver.send(complete(first, "one").toArray(InterceptionEvent[]::new));
            driver.send(second.started(0), second.prompt(1, "still running"));

            List<AuditRow.ChainLink> chain = driver.chain("session-1", "alice");
            assertThat(chain).as("the open interception is not chained").extracting(AuditRow.ChainLink::interceptionId)
                    .containsExactly(first.id(), third.id());
            assertThat(chain.get(0).previousId()).isNull();
            assertThat(chain.get(1).previousId()).isEqualTo(first.id());
            assertThat(chain.get(1).previousDigest()).isEqualTo(chain.get(0).digest());

            driver.send(second.ended(2, InterceptionStatus.COMPLETED));
            chain = driver.chain("session-1", "alice");
            assertThat(chain).extracting(AuditRow.ChainLink::interceptionId).containsExactly(first.id(), second.id(),
                    third.id());
            assertThat(chain).extracting(AuditRow.ChainLink::previousId).containsExactly(null, first.id(), second.id());
            assertThat(chain).allSatisfy(l -> assertThat(l.link()).isEqualTo(HexFormat.of().formatHex(key.link(
                    l.sessionId(), l.initiatorId(), l.startedAt(), l.interceptionId(), HexFormat.of().parseHex(l.digest()),
                    l.previousId(), l.previousStartedAt(), l.previousDigest() == null ? null
                            : HexFormat.of().parseHex(l.previousDigest())))).isNotEqualTo(l.digest()));
            assertThat(chain).extracting(AuditRow.ChainLink::keyId).containsOnly(key.id());
        }
    }

    @Test
    void shouldWriteNoChainWithoutASigningKey() {
        TestInterception i = TestInterception.of(NOW.minusSeconds(60), "alice", "session-1");
        try (RecorderDriver driver = new RecorderDriver(NOW)) {
            driver.send(complete(i, "one").toArray(InterceptionEvent[]::new));
            assertThat(driver.interception(i.id()).status()).isEqualTo("completed");
            assertThat(driver.chain("session-1", "alice")).isEmpty();
        }
    }

    @Test
    void shouldCloseAnInterceptionWithoutEndAsIncompleteAndCompleteItWhenTheEndComesLate() {
        TestInterception i = TestInterception.of(NOW.minusSeconds(60), "alice", null);
        try (RecorderDriver driver = new RecorderDriver(NOW)) {
            driver.send(i.started(0), i.prompt(1, "hello"));
            driver.advance(Duration.ofMinutes(9));
            assertThat(driver.interception(i.id()).status()).isEqualTo("in_progress");

            driver.send(i.tokens(2, 10, 5, 0, 0, 0));
            driver.advance(Duration.ofMinutes(9));
            assertThat(driver.interception(i.id()).status()).as("10 min counts from the last event").isEqualTo("in_progress");

            driver.advance(Duration.ofMinutes(2));
            assertThat(driver.interception(i.id()).status()).isEqualTo("incomplete");
            assertThat(driver.interception(i.id()).end()).isNull();

            driver.send(i.ended(3, InterceptionStatus.FAILED));
            assertThat(driver.interception(i.id()).status()).isEqualTo("failed");
            assertThat(driver.interception(i.id()).end().errorType()).isEqualTo("upstream_error");
            assertThat(driver.interception(i.id()).tokens()).isEqualTo(new Tokens(10, 5, 0, 0, 0));
        }
    }

    @Test
    void shouldCloseIncompleteAfterTheConfiguredTimeout() {
        TestInterception i = TestInterception.of(NOW.minusSeconds(60), "alice", null);
        try (RecorderDriver driver = new RecorderDriver(NOW, Map.of("CODER_AI_GATEWAY_RECORDER_INCOMPLETE_TIMEOUT", "30s"))) {
            driver.send(i.started(0));
            driver.advance(Duration.ofSeconds(31));

            assertThat(driver.interception(i.id()).status()).isEqualTo("incomplete");
        }
    }

    @Test
    void shouldGroupOnePersonsInterceptionsIntoSessionsByClientSessionId() {
        TestInterception first = TestInterception.of(NOW.minusSeconds(300), "alice", "session-1");
        TestInterception second = TestInterception.of(NOW.minusSeconds(200), "alice", "session-1").withModel("claude-opus-4-1");
        TestInterception alone = TestInterception.of(NOW.minusSeconds(100), "alice", null);
        TestInterception bobs = TestInterception.of(NOW.minusSeconds(100), "bob", "session-1");
        try (RecorderDriver driver = new RecorderDriver(NOW)) {
            // The later interception first: the session then moves to the earlier start, leaving its old one to delete.
            driver.send(complete(second, "second prompt").toArray(InterceptionEvent[]::new));
            driver.send(complete(first, "first prompt").toArray(InterceptionEvent[]::new));
            driver.send(complete(alone, "alone").toArray(InterceptionEvent[]::new));
            driver.send(bobs.started(0), bobs.tokens(1, 1, 1, 0, 0, 0));

            SessionState s = driver.session("session-1", "alice").session();
            assertThat(s.threads()).isEqualTo(2);
            assertThat(s.startedAt()).isEqualTo(first.startedAt());
            assertThat(s.unlisted()).containsExactly(second.startedAt());
            assertThat(s.lastActiveAt()).isEqualTo(second.at(7));
            assertThat(s.endedAt()).isEqualTo(second.at(7));
            assertThat(s.models()).containsExactly("claude-opus-4-1", "claude-sonnet-4-0");
            assertThat(s.providers()).containsExactly("anthropic");
            assertThat(s.tokens()).isEqualTo(new Tokens(260, 60, 2000, 100, 10));
            assertThat(s.lastPrompt().text()).isEqualTo("second prompt");
            assertThat(s.client()).isEqualTo("Claude Code");
            assertThat(driver.session(alone.id(), "alice").session().threads()).isEqualTo(1);
            assertThat(driver.session("session-1", "bob").session().tokens()).isEqualTo(new Tokens(1, 1, 0, 0, 0));
        }
    }

    @Test
    void shouldRollUpUsagePerPersonProviderModelAndStartDayWithLateTokensCountedOnce() {
        TestInterception yesterday = TestInterception.of(NOW.minus(Duration.ofDays(1)), "alice", null);
        TestInterception sonnet = TestInterception.of(NOW.minusSeconds(60), "alice", null);
        TestInterception opus = TestInterception.of(NOW.minusSeconds(30), "alice", null).withModel("claude-opus-4-1");
        TestInterception bobs = TestInterception.of(NOW.minusSeconds(30), "bob", null);
        try (RecorderDriver driver = new RecorderDriver(NOW)) {
            driver.send(complete(yesterday, "p").toArray(InterceptionEvent[]::new));
            driver.send(sonnet.started(0), sonnet.ended(2, InterceptionStatus.COMPLETED));
            driver.send(opus.started(0), opus.tokens(1, 7, 3, 0, 0, 0));
            driver.send(bobs.started(0), bobs.tokens(1, 1, 1, 1, 1, 1));
            // A token usage that arrives after the end, and then again.
            driver.send(sonnet.tokens(1, 40, 4, 0, 0, 0), sonnet.tokens(1, 40, 4, 0, 0, 0));

            UsageState today = driver.usage(TODAY, "alice", "anthropic", "claude-sonnet-4-0").usage();
            assertThat(today.interceptions()).isEqualTo(1);
            assertThat(today.tokens()).isEqualTo(new Tokens(40, 4, 0, 0, 0));
            assertThat(today.initiatorUsername()).isEqualTo("alice-name");
            assertThat(driver.usage(TODAY.minusDays(1), "alice", "anthropic", "claude-sonnet-4-0").usage().tokens())
                    .isEqualTo(new Tokens(130, 30, 1000, 50, 5));
            assertThat(driver.usage(TODAY, "alice", "anthropic", "claude-opus-4-1").usage().tokens())
                    .isEqualTo(new Tokens(7, 3, 0, 0, 0));
            assertThat(driver.usage(TODAY, "bob", "anthropic", "claude-sonnet-4-0").usage().interceptions()).isEqualTo(1);
        }
    }

    @Test
    void shouldSendUndecodableInvalidConflictingAndLateEventsToTheDeadLetterTopicAndKeepGoing() {
        TestInterception i = TestInterception.of(NOW.minusSeconds(60), "alice", null);
        TestInterception old = TestInterception.of(NOW.minus(Duration.ofDays(8)), "alice", null);
        InterceptionEvent forged = i.prompt(1, "forged");
        forged.setEventId(UUID.randomUUID().toString());
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
        try (RecorderDriver driver = new RecorderDriver(NOW)) {
            driver.sendRaw(i.id().getBytes(StandardCharsets.UTF_8), garbage);
            driver.sendRaw("some-other-key".getBytes(StandardCharsets.UTF_8), RecorderDriver.encode(i.started(0)));
            driver.sendRaw(i.id().getBytes(StandardCharsets.UTF_8), null);
            driver.send(i.started(0), i.prompt(1, "real"), forged, old.started(0));

            List<TestRecord<byte[], byte[]>> dead = driver.deadLetters();
            assertThat(dead).extracting(r -> header(r, DeadLetters.REASON))
                    .containsExactly("undecodable", "invalid", "invalid", "conflict", "late");
            assertThat(dead).extracting(r -> header(r, DeadLetters.DETAIL)).element(1).isEqualTo(
                    "the record key is not the interception_id");
            assertThat(dead.getFirst().value()).isEqualTo(garbage);
            assertThat(dead.getFirst().key()).isEqualTo(i.id().getBytes(StandardCharsets.UTF_8));
            assertThat(dead).allSatisfy(r -> assertThat(header(r, DeadLetters.TOPIC)).isEqualTo(RecorderDriver.EVENTS));
            assertThat(driver.counters().snapshot()).containsEntry("undecodable", 1L).containsEntry("invalid", 2L)
                    .containsEntry("conflict", 1L).containsEntry("late", 1L);
            assertThat(driver.interception(i.id()).prompt()).isEqualTo("real");
            assertThat(driver.interception(old.id())).isNull();
        }
    }

    @Test
    void shouldDeadLetterEventsPastTheBoundOfOneInterceptionAndKeepRecordingOthers() {
        TestInterception flood = TestInterception.of(NOW.minusSeconds(60), "mallory", null);
        TestInterception other = TestInterception.of(NOW.minusSeconds(60), "carol", null);
        try (RecorderDriver driver = new RecorderDriver(NOW)) {
            driver.send(flood.started(0));
            for (int seq = 1; seq <= RecordBounds.EVENTS_PER_INTERCEPTION; seq++) {
                driver.send(flood.tokens(seq, 1, 0, 0, 0, 0));
            }
            driver.send(other.started(0), other.ended(1, InterceptionStatus.COMPLETED));

            assertThat(driver.deadLetters()).singleElement()
                    .satisfies(r -> assertThat(header(r, DeadLetters.REASON)).isEqualTo("too_many_events"));
            assertThat(driver.interception(flood.id()).tokens().input()).isEqualTo(RecordBounds.EVENTS_PER_INTERCEPTION - 1);
            assertThat(driver.interception(other.id()).status()).isEqualTo("completed");
        }
    }

    @Test
    void shouldSkipInterceptionsAlreadyPastRetentionAndKeepRowsForeverWithZeroRetention() {
        TestInterception expired = TestInterception.of(NOW.minus(Duration.ofDays(2)), "alice", null);
        try (RecorderDriver driver = new RecorderDriver(NOW, Map.of("CODER_AI_GATEWAY_RETENTION", "1d",
                "CODER_AI_GATEWAY_RECORDER_LATE_EVENT_WINDOW", "3d"))) {
            driver.send(expired.started(0));

            assertThat(driver.rows()).isEmpty();
            assertThat(driver.deadLetters()).isEmpty();
            assertThat(driver.counters().get(Counters.EXPIRED)).isEqualTo(1);
        }
        try (RecorderDriver driver = new RecorderDriver(NOW, Map.of("CODER_AI_GATEWAY_RETENTION", "0"))) {
            driver.send(complete(TestInterception.of(NOW, "alice", null), "p").toArray(InterceptionEvent[]::new));

            assertThat(driver.rows().values()).isNotEmpty().allSatisfy(r -> assertThat(r.expiresAt()).isNull());
        }
    }

    // What ends up in the store: the starts a session left behind are deleted, so which ones there were does not show.
    private static Map<String, AuditRow> asStored(Map<String, AuditRow> rows) {
        Map<String, AuditRow> stored = new HashMap<>();
        rows.forEach((key, row) -> stored.put(key, row instanceof AuditRow.Session s ? new AuditRow.Session(
                withoutUnlisted(s.session()), s.expiresAt()) : row));
        return stored;
    }

    private static SessionState withoutUnlisted(SessionState s) {
        return new SessionState(s.sessionId(), s.initiatorId(), s.initiatorUsername(), s.client(), s.startedAt(),
                s.endedAt(), s.lastActiveAt(), s.lastStartedAt(), s.threads(), s.providers(), s.providerNames(),
                s.models(), s.tokens(), s.lastPrompt(), List.of());
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
