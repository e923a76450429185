package dev.aigw.recorder.audit;

import dev.aigw.events.v1.InterceptionEnded;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.events.v1.Payload;
import dev.aigw.events.v1.PromptUsage;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.events.v1.ToolUsage;
import dev.aigw.servicekit.chain.RowDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * What the recorder knows about one interception, folded from its events in any order. The fold is order-free: totals
 * are sums, the prompt is the one with the highest {@code seq}, and start and end are taken from their own events, so
 * events that arrive out of order or twice give the same state.
 *
 * @param id          interception id
 * @param startedAt   start of the interception, from the envelope of any of its events
 * @param start       the start event's fields, or null until it arrives
 * @param end         the end event's fields, or null until it arrives
 * @param tokens      token totals of every token-usage event
 * @param toolCalls   number of tool-usage events
 * @param prompt      the prompt with the highest {@code seq}, or null
 * @param lastEventAt latest {@code occurred_at} of its events
 * @param incomplete  closed by the recorder because no end event came in time
 * @param events      event id by {@code seq} of every event folded in, to recognise duplicates
 * @param details     hex of the sum of its detail rows' digests ({@link RowDigest#add}), or null
 *                    before the first detail row
 */
public record InterceptionState(String id,
                                Instant startedAt,
                                Start start,
                                End end,
                                Tokens tokens,
                                int toolCalls,
                                Prompt prompt,
                                Instant lastEventAt,
                                boolean incomplete,
                                Map<Integer, String> events,
                                String details) {

    /** How an event relates to the events already folded in. */
    public enum Arrival {
        /** Not seen before: fold it in. */
        NEW,
        /** The same event again (a gateway retry or a spool replay): ignore it. */
        DUPLICATE,
        /** A different event claiming a {@code seq} already taken, or a second start or end: reject it. */
        CONFLICT,
        /** A new event past {@link RecordBounds#EVENTS_PER_INTERCEPTION}: reject it, so the state stays bounded. */
        TOO_MANY
    }

    /**
     * The fields of the start event.
     *
     * @param credentialKind {@code centralized}, {@code byok} or {@code unknown}
     * @param gatewayNode    the node that produced the start event
     * @param truncated      the start event's cut fields ({@link RecordBounds#marks}), or null when it was whole
     */
    public record Start(String initiatorId, String initiatorUsername, String apiKeyId, String provider, String providerName,
                        String model, String route, boolean streaming, String client, String userAgent,
                        String clientSessionId, String correlatingToolCallId, String credentialKind,
                        String credentialHint, String gatewayNode, Map<String, String> metadata,
                        Map<String, String> truncated) {
    }

    /**
     * The fields of the end event.
     *
     * @param status    {@code completed}, {@code failed}, {@code cancelled} or {@code unknown}
     * @param truncated the end event's cut fields, or null when it was whole
     */
    public record End(Instant endedAt, String status, Integer upstreamStatus, String errorType, String errorMessage,
                      Map<String, String> truncated) {
    }

    /**
     * A prompt and the {@code seq} of its event.
     *
     * @param truncated the prompt event's cut fields, or null when it was whole
     */
    public record Prompt(int seq, String text, Map<String, String> truncated) {
    }

    /** The state before any event. */
    public static InterceptionState empty(String id, Instant startedAt) {
        return new InterceptionState(id, startedAt, null, null, Tokens.ZERO, 0, null, startedAt, false, Map.of(), null);
    }

    /** Whether {@code event} is new, a duplicate, or in conflict with what was folded in. */
    public Arrival arrival(InterceptionEvent event) {
        String seen = events.get(event.getSeq());
        if (seen != null) {
            return seen.equals(event.getEventId()) ? Arrival.DUPLICATE : Arrival.CONFLICT;
        }
        if (events.size() >= RecordBounds.EVENTS_PER_INTERCEPTION) {
            return Arrival.TOO_MANY;
        }
        boolean second = switch (Payload.of(event)) {
            case Payload.Started _ -> start != null;
            case Payload.Ended _ -> end != null;
            case Payload.Tokens _, Payload.Prompt _, Payload.Tool _, Payload.Thought _ -> false;
        };
        return second ? Arrival.CONFLICT : Arrival.NEW;
    }

    /** This state with a {@link Arrival#NEW} event folded in. */
    public InterceptionState with(InterceptionEvent event) {
        Map<Integer, String> seen = new HashMap<>(events);
        seen.put(event.getSeq(), event.getEventId());
        Instant at = event.getOccurredAt();
        Instant last = at.isAfter(lastEventAt) ? at : lastEventAt;
        InterceptionState s = new InterceptionState(id, startedAt, start, end, tokens, toolCalls, prompt, last,
                incomplete, Map.copyOf(seen), details);
        return switch (Payload.of(event)) {
            case Payload.Started(InterceptionStarted started) ->
                    s.withStart(start(started, event.getGatewayNode(), marks(event)));
            case Payload.Ended(InterceptionEnded ended) -> s.withEnd(new End(at, lower(ended.getStatus().name()),
                    ended.getUpstreamStatus(), ended.getErrorType(), ended.getErrorMessage(), marks(event)));
            case Payload.Tokens(TokenUsage t) -> s.withTokens(tokens.plus(new Tokens(t.getInputTokens(),
                    t.getOutputTokens(), t.getCacheReadInputTokens(), t.getCacheWriteInputTokens(), t.getReasoningTokens())));
            case Payload.Prompt(PromptUsage p) -> prompt != null && prompt.seq() > event.getSeq() ? s
                    : s.withPrompt(new Prompt(event.getSeq(), p.getPrompt(), marks(event)));
            case Payload.Tool _ -> s.withToolCalls(toolCalls + 1);
            case Payload.Thought _ -> s;
        };
    }

    /** This state closed as incomplete; an end event that comes later still completes it. */
    public InterceptionState closedIncomplete() {
        return new InterceptionState(id, startedAt, start, end, tokens, toolCalls, prompt, lastEventAt, true, events, details);
    }

    /** This state with one more detail row, of digest {@code rowDigest}, summed into {@link #details()}. */
    public InterceptionState withDetail(byte[] rowDigest) {
        byte[] sum = RowDigest.add(details == null ? null : HexFormat.of().parseHex(details), rowDigest);
        return new InterceptionState(id, startedAt, start, end, tokens, toolCalls, prompt, lastEventAt, incomplete, events,
                HexFormat.of().formatHex(sum));
    }

    /** Whether its rows are final: it ended, or was closed as incomplete. Only closed interceptions are chained. */
    public boolean closed() {
        return end != null || incomplete;
    }

    /** {@code in_progress}, {@code incomplete}, or the end event's status. */
    public String status() {
        if (end != null) {
            return end.status();
        }
        return incomplete ? "incomplete" : "in_progress";
    }

    /** The session the interception belongs to: the client's session id, else the interception's own id. */
    public String sessionId() {
        return start == null || start.clientSessionId() == null ? id : start.clientSessionId();
    }

    /** What the interception adds to its session and usage rollup, or null before the start event. */
    public Contribution contribution() {
        if (start == null) {
            return null;
        }
        return new Contribution(id, sessionId(), start.initiatorId(), start.initiatorUsername(), start.client(),
                start.provider(), start.providerName(), start.model(), startedAt, lastEventAt,
                end == null ? null : end.endedAt(), tokens, prompt, null);
    }

    private InterceptionState withStart(Start s) {
        return new InterceptionState(id, startedAt, s, end, tokens, toolCalls, prompt, lastEventAt, incomplete, events, details);
    }

    private InterceptionState withEnd(End e) {
        return new InterceptionState(id, startedAt, start, e, tokens, toolCalls, prompt, lastEventAt, incomplete, events,
                details);
    }

    private InterceptionState withTokens(Tokens t) {
        return new InterceptionState(id, startedAt, start, end, t, toolCalls, prompt, lastEventAt, incomplete, events, details);
    }

    private InterceptionState withPrompt(Prompt p) {
        return new InterceptionState(id, startedAt, start, end, tokens, toolCalls, p, lastEventAt, incomplete, events, details);
    }

    private InterceptionState withToolCalls(int n) {
        return new InterceptionState(id, startedAt, start, end, tokens, n, prompt, lastEventAt, incomplete, events, details);
    }

    private static Start start(InterceptionStarted s, String gatewayNode, Map<String, String> truncated) {
        return new Start(s.getInitiatorId(), s.getInitiatorUsername(), s.getApiKeyId(), s.getProvider(),
                s.getProviderName(), s.getModel(), s.getRoute(), s.getStreaming(), s.getClient(), s.getUserAgent(),
                s.getClientSessionId(), s.getCorrelatingToolCallId(), lower(s.getCredentialKind().name()),
                s.getCredentialHint(), gatewayNode, Map.copyOf(s.getMetadata()), truncated);
    }

    // Null rather than empty when whole, so a state or row without cuts carries nothing for them.
    private static Map<String, String> marks(InterceptionEvent event) {
        Map<String, String> marks = RecordBounds.marks(event);
        return marks.isEmpty() ? null : marks;
    }

    /** The cut fields of the interception's summary: its start, end and shown prompt; null when none was cut. */
    public Map<String, String> truncated() {
        return RecordBounds.merge(start == null ? null : start.truncated(), end == null ? null : end.truncated(),
                prompt == null ? null : prompt.truncated());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
