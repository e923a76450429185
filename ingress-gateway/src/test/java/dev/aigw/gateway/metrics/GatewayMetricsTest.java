package dev.aigw.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.events.v1.InterceptionEnded;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.events.v1.ModelThought;
import dev.aigw.events.v1.PromptUsage;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.events.v1.ToolUsage;
import dev.aigw.gateway.config.MetricsConfig;
import dev.aigw.gateway.sink.DeadLetterReason;
import dev.aigw.gateway.sink.EventSink;
import dev.aigw.testkit.PrometheusText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GatewayMetricsTest {
    private static final String[] CLAUDE = {"provider", "anthropic-corp", "model", "claude-sonnet-4-0"};

    private final List<InterceptionEvent> passedOn = new ArrayList<>();
    private GatewayMetrics metrics = GatewayMetrics.create(new MetricsConfig(false));

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void shouldCountAnInterceptionsOutcomePromptsTokensAndToolsFromItsEvents() {
        try (InterceptionMeter meter = metrics.interception(started(), "POST")) {
            EventSink sink = meter.counting(list());
            sink.emit(event(new PromptUsage(null, "how many angels")));
            sink.emit(event(new PromptUsage(null, "  ")));
            sink.emit(event(TokenUsage.newBuilder().setInputTokens(10).setOutputTokens(20).setCacheReadInputTokens(3)
                    .setCacheWriteInputTokens(4).setReasoningTokens(5).setExtra(Map.of("web_search_requests", 2L)).build()));
            sink.emit(event(ToolUsage.newBuilder().setTool("read_file").build()));
            sink.emit(event(ToolUsage.newBuilder().setTool("search").setInjected(true)
                    .setServerUrl("https://user:pw@mcp.example.com:8443/sse?token=s3cret").build()));
            sink.emit(event(new ModelThought(null, "hmm", null)));
            assertThat(scrape().sum("coder_ai_gateway_interceptions_inflight", CLAUDE)).isEqualTo(1);
            sink.emit(event(new InterceptionEnded(InterceptionStatus.COMPLETED, 200, null, null)));
        }

        PrometheusText text = scrape();
        assertThat(passedOn).hasSize(7);
        assertThat(text.samples("coder_ai_gateway_interceptions_total")).singleElement().satisfies(s -> assertThat(s.labels())
                .isEqualTo(Map.of("provider", "anthropic-corp", "model", "claude-sonnet-4-0", "status", "completed",
                        "route", "/v1/messages", "method", "POST", "client", "Claude Code")));
        assertThat(text.sum("coder_ai_gateway_interceptions_inflight", CLAUDE)).isZero();
        assertThat(text.sum("coder_ai_gateway_interceptions_duration_seconds_count", CLAUDE)).isEqualTo(1);
        assertThat(text.samples("coder_ai_gateway_interceptions_duration_seconds_bucket", CLAUDE))
                .extracting(s -> s.labels().get("le")).containsExactly("0.5", "2.0", "5.0", "15.0", "30.0", "60.0", "120.0", "+Inf");
        assertThat(text.sum("coder_ai_gateway_prompts_total", "client", "Claude Code")).isEqualTo(1);
        assertThat(tokens(text, "input")).isEqualTo(10);
        assertThat(tokens(text, "output")).isEqualTo(20);
        assertThat(tokens(text, "cache_read_input_tokens")).isEqualTo(3);
        assertThat(tokens(text, "cache_write_input_tokens")).isEqualTo(4);
        assertThat(tokens(text, "output_reasoning")).isEqualTo(5);
        assertThat(tokens(text, "web_search_requests")).isEqualTo(2);
        assertThat(text.sum("coder_ai_gateway_non_injected_tool_selections_total", "name", "read_file")).isEqualTo(1);
        assertThat(text.samples("coder_ai_gateway_injected_tool_invocations_total")).singleElement()
                .satisfies(s -> assertThat(s.labels()).containsEntry("server", "https://mcp.example.com:8443/sse")
                        .containsEntry("name", "search"));
    }

    @Test
    void shouldCountAnInterceptionThatNeverRecordedItsEndAsFailed() {
        try (InterceptionMeter meter = metrics.interception(started(), "POST")) {
            meter.counting(list()).emit(event(new PromptUsage(null, "hi")));
        }

        assertThat(scrape().sum("coder_ai_gateway_interceptions_total", "status", "failed")).isEqualTo(1);
        assertThat(scrape().sum("coder_ai_gateway_interceptions_inflight")).isZero();
    }

    @Test
    void shouldLabelPeopleOnlyWhenConfigured() {
        metrics.interception(started(), "POST").close();
        assertThat(scrape().samples("coder_ai_gateway_interceptions_total")).allSatisfy(
                s -> assertThat(s.labels()).doesNotContainKey("initiator_id"));
        metrics.close();
        metrics = GatewayMetrics.create(new MetricsConfig(true));

        metrics.interception(started(), "POST").close();

        assertThat(scrape().samples("coder_ai_gateway_interceptions_total")).singleElement()
                .satisfies(s -> assertThat(s.labels()).containsEntry("initiator_id", "user-1"));
    }

    @Test
    void shouldAddUpInterceptionsOfTheSameLabelsAndKeepOtherLabelsApart() {
        metrics.close();
        metrics = GatewayMetrics.create(new MetricsConfig(true));
        InterceptionStarted other = InterceptionStarted.newBuilder(started()).setInitiatorId("user-2").build();
        for (InterceptionStarted started : List.of(started(), started(), other)) {
            try (InterceptionMeter meter = metrics.interception(started, "POST")) {
                meter.counting(list()).emit(event(TokenUsage.newBuilder().setInputTokens(10).build()));
                meter.counting(list()).emit(event(new InterceptionEnded(InterceptionStatus.COMPLETED, 200, null, null)));
            }
        }
        metrics.interception(started(), "POST").close();

        PrometheusText text = scrape();
        assertThat(text.sum("coder_ai_gateway_interceptions_total", "initiator_id", "user-1", "status", "completed"))
                .isEqualTo(2);
        assertThat(text.sum("coder_ai_gateway_interceptions_total", "initiator_id", "user-1", "status", "failed"))
                .isEqualTo(1);
        assertThat(text.sum("coder_ai_gateway_interceptions_total", "initiator_id", "user-2")).isEqualTo(1);
        assertThat(text.sum("coder_ai_gateway_tokens_total", "initiator_id", "user-1", "type", "input")).isEqualTo(20);
        assertThat(text.sum("coder_ai_gateway_tokens_total", "initiator_id", "user-2", "type", "input")).isEqualTo(10);
        assertThat(text.sum("coder_ai_gateway_interceptions_duration_seconds_count", CLAUDE)).isEqualTo(4);
        assertThat(text.sum("coder_ai_gateway_interceptions_inflight", CLAUDE)).isZero();
    }

    @Test
    void shouldReportTheSpoolThroughTheSuppliersAtEachScrape() {
        AtomicLong depth = new AtomicLong(3);
        metrics.bindSpool(new SpoolReadings(depth::get, () -> 4096, () -> 2, () -> 7,
                reason -> reason == DeadLetterReason.RECORD_TOO_LARGE ? 3 : 0, () -> 61.5, () -> 4));
        depth.set(5);

        PrometheusText text = scrape();

        assertThat(text.sum("coder_ai_gateway_spool_events")).isEqualTo(5);
        assertThat(text.sum("coder_ai_gateway_spool_bytes")).isEqualTo(4096);
        assertThat(text.sum("coder_ai_gateway_events_dropped_total")).isEqualTo(2);
        assertThat(text.sum("coder_ai_gateway_interceptions_refused_total")).isEqualTo(7);
        assertThat(text.sum("coder_ai_gateway_events_dead_lettered_total", "reason", "record_too_large")).isEqualTo(3);
        assertThat(text.sum("coder_ai_gateway_events_dead_lettered_total", "reason", "serialization")).isZero();
        assertThat(text.sum("coder_ai_gateway_spool_head_waiting_seconds")).isEqualTo(61.5);
        assertThat(text.sum("coder_ai_gateway_spool_head_failures")).isEqualTo(4);
    }

    @Test
    void shouldRecordPassthroughAndItsTimingsUnderTheWhitelistRoute() {
        Overhead overhead = Overhead.start();
        overhead.firstByte();

        metrics.passthrough("openai", "/models/.+", "GET", overhead);

        PrometheusText text = scrape();
        assertThat(text.sum("coder_ai_gateway_passthrough_total", "provider", "openai", "route", "/models/.+", "method", "GET"))
                .isEqualTo(1);
        assertThat(text.sum("coder_ai_gateway_time_to_first_byte_seconds_count", "route", "/models/.+", "streaming", "false"))
                .isEqualTo(1);
        assertThat(text.sum("coder_ai_gateway_overhead_seconds_count", "provider", "openai")).isEqualTo(1);
        assertThat(text.names()).contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "process_uptime_seconds");
    }

    private static double tokens(PrometheusText text, String type) {
        return text.sum("coder_ai_gateway_tokens_total", "type", type);
    }

    private PrometheusText scrape() {
        return PrometheusText.parse(metrics.scrape());
    }

    private EventSink list() {
        return new EventSink() {
            @Override
            public void emit(InterceptionEvent event) {
                passedOn.add(event);
            }

            @Override
            public void close() {
            }
        };
    }

    private static InterceptionStarted started() {
        return InterceptionStarted.newBuilder().setInitiatorId("user-1").setProvider("anthropic")
                .setProviderName("anthropic-corp").setModel("claude-sonnet-4-0").setRoute("/v1/messages").setStreaming(false)
                .setClient("Claude Code").build();
    }

    private static InterceptionEvent event(Object payload) {
        Instant now = Instant.now();
        return InterceptionEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setInterceptionId("i-1").setSeq(0)
                .setOccurredAt(now).setInterceptionStartedAt(now).setGatewayNode("node").setPayload(payload).build();
    }
}
