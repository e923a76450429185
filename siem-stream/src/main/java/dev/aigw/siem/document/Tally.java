package dev.aigw.siem.document;

import static dev.aigw.siem.document.Documents.put;
import static dev.aigw.siem.document.Fields.*;

import dev.aigw.events.v1.InterceptionEnded;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.events.v1.ModelThought;
import dev.aigw.events.v1.Payload;
import dev.aigw.events.v1.PromptUsage;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.events.v1.ToolUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the SIEM stream remembers of one interception: the events it has seen (by seq, to drop duplicates), what the
 * start and end said, and running totals, from which it writes the summary document. Immutable; folding an event gives
 * a new tally. The totals are sums and counts, so the order events arrive in does not change them.
 *
 * @param interceptionId the interception
 * @param startedAt      its start, from the envelope of any of its events
 * @param seen           event id by seq of every event folded in
 * @param start          what the start event said, once it arrived
 * @param end            what the end event said, once it arrived
 * @param usage          token totals
 * @param prompts        prompt events
 * @param toolCalls      tool-call events
 * @param toolNames      distinct tool names, sorted, at most {@link #MAX_TOOL_NAMES} (past that, the first to arrive)
 * @param thoughts       reasoning events
 * @param lastEventAt    the latest {@code occurred_at} seen
 * @param summarized     whether the summary was written
 */
public record Tally(String interceptionId, Instant startedAt, Map<Integer, String> seen, Start start, End end, Usage usage,
                    int prompts, int toolCalls, List<String> toolNames, int thoughts, Instant lastEventAt,
                    boolean summarized) {
    /** Events one interception may have remembered; later ones are passed on without de-duplication. */
    public static final int MAX_EVENTS = 4096;
    /** Distinct tool names a summary lists; the count of calls covers the rest. */
    public static final int MAX_TOOL_NAMES = 64;

    /** How a new event relates to what the tally has seen. */
    public enum Arrival {
        /** Not seen: fold it in and write its document. */
        NEW,
        /** The same event id again: drop it. */
        DUPLICATE,
        /** Another event with a seq already taken, or a second start or end: pass its document on, fold nothing. */
        CONFLICT,
        /** The tally remembers {@link #MAX_EVENTS} already: pass its document on, fold nothing. */
        OVER_BOUND
    }

    /**
     * The start event's fields a summary repeats.
     *
     * @param userId           person
     * @param userName         person's name
     * @param provider         provider type
     * @param providerInstance provider instance name
     * @param model            model asked for
     * @param client           client recognised
     * @param userAgent        User-Agent
     * @param sessionId        client session id
     * @param gatewayNode      gateway node that served it
     */
    public record Start(String userId, String userName, String provider, String providerInstance, String model,
                        String client, String userAgent, String sessionId, String gatewayNode) {
    }

    /**
     * The end event's fields a summary repeats.
     *
     * @param at             when it ended
     * @param seq            the end's seq: every interception's last, so the summary is due once seqs 0..seq are in
     * @param status         interception status, lowercase
     * @param outcome        ECS's {@code event.outcome} for it
     * @param upstreamStatus upstream HTTP status
     * @param errorType      error type
     */
    public record End(Instant at, int seq, String status, String outcome, Integer upstreamStatus, String errorType) {
    }

    /**
     * Token totals as the provider reported them.
     *
     * @param uncachedInput input tokens not served from the cache
     * @param output        output tokens
     * @param cacheRead     input tokens read from the cache
     * @param cacheWrite    input tokens written to the cache
     * @param reasoning     output tokens spent on reasoning
     */
    public record Usage(long uncachedInput, long output, long cacheRead, long cacheWrite, long reasoning) {
        static final Usage NONE = new Usage(0, 0, 0, 0, 0);

        Usage plus(TokenUsage t) {
            return new Usage(uncachedInput + t.getInputTokens(), output + t.getOutputTokens(),
                    cacheRead + t.getCacheReadInputTokens(), cacheWrite + t.getCacheWriteInputTokens(),
                    reasoning + t.getReasoningTokens());
        }
    }

    /** A tally of {@code interceptionId} that has seen nothing yet. */
    public static Tally empty(String interceptionId, Instant startedAt) {
        return new Tally(interceptionId, startedAt, Map.of(), null, null, Usage.NONE, 0, 0, List.of(), 0, startedAt, false);
    }

    /** How {@code event} relates to what this tally has seen. */
    public Arrival arrival(InterceptionEvent event) {
        String known = seen.get(event.getSeq());
        if (known != null) {
            return known.equals(event.getEventId()) ? Arrival.DUPLICATE : Arrival.CONFLICT;
        }
        if (seen.size() >= MAX_EVENTS) {
            return Arrival.OVER_BOUND;
        }
        boolean second = switch (Payload.of(event)) {
            case Payload.Started s -> start != null;
            case Payload.Ended e -> end != null;
            case Payload.Tokens _, Payload.Prompt _, Payload.Tool _, Payload.Thought _ -> false;
        };
        return second ? Arrival.CONFLICT : Arrival.NEW;
    }

    /** This tally with a {@link Arrival#NEW} event folded in. */
    public Tally with(InterceptionEvent event) {
        Map<Integer, String> folded = new HashMap<>(seen);
        folded.put(event.getSeq(), event.getEventId());
        Instant at = event.getOccurredAt();
        Instant last = at.isAfter(lastEventAt) ? at : lastEventAt;
        Tally t = new Tally(interceptionId, startedAt, Map.copyOf(folded), start, end, usage, prompts, toolCalls, toolNames,
                thoughts, last, summarized);
        return switch (Payload.of(event)) {
            case Payload.Started(InterceptionStarted s) -> t.withStart(new Start(s.getInitiatorId(), s.getInitiatorUsername(), s.getProvider(),
                    s.getProviderName(), s.getModel(), s.getClient(), s.getUserAgent(), s.getClientSessionId(),
                    event.getGatewayNode()));
            case Payload.Ended(InterceptionEnded e) -> t.withEnd(new End(at, event.getSeq(),
                    Documents.lower(e.getStatus().name()), Documents.outcome(e.getStatus()), e.getUpstreamStatus(), e.getErrorType()));
            case Payload.Tokens(TokenUsage u) -> new Tally(interceptionId, startedAt, t.seen, start, end, usage.plus(u), prompts, toolCalls,
                    toolNames, thoughts, last, summarized);
            case Payload.Prompt(PromptUsage p) -> new Tally(interceptionId, startedAt, t.seen, start, end, usage, prompts + 1, toolCalls,
                    toolNames, thoughts, last, summarized);
            case Payload.Tool(ToolUsage u) -> new Tally(interceptionId, startedAt, t.seen, start, end, usage, prompts, toolCalls + 1,
                    withName(u.getTool()), thoughts, last, summarized);
            case Payload.Thought(ModelThought m) -> new Tally(interceptionId, startedAt, t.seen, start, end, usage, prompts, toolCalls,
                    toolNames, thoughts + 1, last, summarized);
        };
    }

    /** Whether every event up to the end is in and the summary is not written yet. */
    public boolean summaryDue() {
        return !summarized && start != null && end != null && seen.size() == end.seq() + 1;
    }

    /** This tally, its summary written. */
    public Tally markSummarized() {
        return new Tally(interceptionId, startedAt, seen, start, end, usage, prompts, toolCalls, toolNames, thoughts,
                lastEventAt, true);
    }

    /**
     * The summary document. {@code complete} says whether every event up to the end was counted; an incomplete summary
     * (written when {@code SIEM_SUMMARY_TIMEOUT} passed first) without an end has status {@code incomplete}.
     */
    public Map<String, Object> summary(boolean complete) {
        Map<String, Object> doc = new LinkedHashMap<>();
        Instant endedAt = end != null ? end.at() : lastEventAt;
        put(doc, TIMESTAMP, Documents.time(endedAt));
        put(doc, EVENT_ID, interceptionId + "/summary");
        put(doc, EVENT_KIND, "event");
        put(doc, EVENT_ACTION, "interception_summary");
        put(doc, EVENT_DATASET, Documents.EVENT_DATASET_SUMMARIES);
        put(doc, EVENT_OUTCOME, end != null ? end.outcome() : "unknown");
        put(doc, EVENT_START, Documents.time(startedAt));
        put(doc, EVENT_END, Documents.time(endedAt));
        put(doc, EVENT_DURATION, Duration.between(startedAt, endedAt).toNanos());
        put(doc, INTERCEPTION_ID, interceptionId);
        put(doc, INTERCEPTION_STARTED_AT, Documents.time(startedAt));
        put(doc, STATUS, end != null ? end.status() : "incomplete");
        if (start != null) {
            put(doc, OBSERVER_NAME, start.gatewayNode());
            put(doc, USER_ID, start.userId());
            put(doc, USER_NAME, start.userName() == null || start.userName().isEmpty() ? null : start.userName());
            put(doc, PROVIDER, start.provider());
            put(doc, PROVIDER_INSTANCE, start.providerInstance());
            put(doc, REQUEST_MODEL, start.model());
            put(doc, CLIENT, start.client());
            put(doc, USER_AGENT, start.userAgent() == null || start.userAgent().isEmpty() ? null : start.userAgent());
            put(doc, SESSION_ID, start.sessionId());
        }
        if (end != null) {
            put(doc, HTTP_STATUS, end.upstreamStatus());
            put(doc, ERROR_TYPE, end.errorType());
        }
        put(doc, INPUT_TOKENS, usage.uncachedInput() + usage.cacheRead() + usage.cacheWrite());
        put(doc, OUTPUT_TOKENS, usage.output());
        put(doc, CACHE_READ_TOKENS, usage.cacheRead());
        put(doc, CACHE_WRITE_TOKENS, usage.cacheWrite());
        put(doc, UNCACHED_INPUT_TOKENS, usage.uncachedInput());
        put(doc, REASONING_TOKENS, usage.reasoning());
        put(doc, PROMPTS, prompts);
        put(doc, TOOL_CALLS, toolCalls);
        put(doc, TOOL_NAMES, toolNames);
        put(doc, THOUGHTS, thoughts);
        put(doc, EVENTS, seen.size());
        put(doc, COMPLETE, complete);
        return doc;
    }

    private Tally withStart(Start s) {
        return new Tally(interceptionId, startedAt, seen, s, end, usage, prompts, toolCalls, toolNames, thoughts,
                lastEventAt, summarized);
    }

    private Tally withEnd(End e) {
        return new Tally(interceptionId, startedAt, seen, start, e, usage, prompts, toolCalls, toolNames, thoughts,
                lastEventAt, summarized);
    }

    // Sorted, so that below the bound the list does not depend on the order the calls arrived in.
    private List<String> withName(String tool) {
        if (toolNames.contains(tool) || toolNames.size() >= MAX_TOOL_NAMES) {
            return toolNames;
        }
        List<String> names = new ArrayList<>(toolNames);
        names.add(tool);
        names.sort(null);
        return List.copyOf(names);
    }
}
