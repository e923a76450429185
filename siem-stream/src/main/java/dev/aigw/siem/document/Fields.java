package dev.aigw.siem.document;

/**
 * The names of the documents' fields, one constant per name so the documents and {@code docs/siem.md} agree. OpenTelemetry
 * GenAI semantic conventions ({@code gen_ai.*}) where they have a name, Elastic Common Schema otherwise ({@code @timestamp},
 * {@code event.*}, {@code user.*}, ...), and {@code aigw.*} only where neither has one.
 */
public final class Fields {
    /** ECS: when the fact happened (the event's {@code occurred_at}; the summary's end). */
    public static final String TIMESTAMP = "@timestamp";
    /** ECS: the event id, or {@code <interception id>/summary} for a summary; unique, so a SIEM can de-duplicate on it. */
    public static final String EVENT_ID = "event.id";
    /** ECS: always {@code event}. */
    public static final String EVENT_KIND = "event.kind";
    /** ECS: the record type ({@code interception_start}, ..., {@code interception_summary}). */
    public static final String EVENT_ACTION = "event.action";
    /** ECS: {@code aigw.event} or {@code aigw.summary}. */
    public static final String EVENT_DATASET = "event.dataset";
    /** ECS: the event's position in its interception, from 0. */
    public static final String EVENT_SEQUENCE = "event.sequence";
    /** ECS: {@code success}, {@code failure} or {@code unknown}, on ends and summaries. */
    public static final String EVENT_OUTCOME = "event.outcome";
    /** ECS: start of the interception, on summaries. */
    public static final String EVENT_START = "event.start";
    /** ECS: end of the interception, on summaries. */
    public static final String EVENT_END = "event.end";
    /** ECS: nanoseconds from start to end, on summaries. */
    public static final String EVENT_DURATION = "event.duration";
    /** ECS: the gateway node that observed the fact. */
    public static final String OBSERVER_NAME = "observer.name";
    /** ECS: the person's user id. */
    public static final String USER_ID = "user.id";
    /** ECS: the person's user name. */
    public static final String USER_NAME = "user.name";
    /** ECS: the client's User-Agent header. */
    public static final String USER_AGENT = "user_agent.original";
    /** OpenTelemetry (general) and ECS-compatible: the client's session id. */
    public static final String SESSION_ID = "session.id";
    /** ECS: the intercepted route. */
    public static final String URL_PATH = "url.path";
    /** ECS: the upstream's HTTP status. */
    public static final String HTTP_STATUS = "http.response.status_code";
    /** ECS: the error's type. */
    public static final String ERROR_TYPE = "error.type";
    /** ECS: the error's message. */
    public static final String ERROR_MESSAGE = "error.message";
    /** ECS: the start event's metadata, as keyword labels. */
    public static final String LABELS = "labels";

    /** OpenTelemetry GenAI: provider type ({@code anthropic}, {@code openai}, {@code copilot}, {@code bedrock}). */
    public static final String PROVIDER = "gen_ai.provider.name";
    /** OpenTelemetry GenAI: the model the client asked for. */
    public static final String REQUEST_MODEL = "gen_ai.request.model";
    /** OpenTelemetry GenAI: the model the provider says answered. */
    public static final String RESPONSE_MODEL = "gen_ai.response.model";
    /** OpenTelemetry GenAI: the provider's message or response id. */
    public static final String RESPONSE_ID = "gen_ai.response.id";
    /** OpenTelemetry GenAI: input tokens, cached ones included (the convention's meaning). */
    public static final String INPUT_TOKENS = "gen_ai.usage.input_tokens";
    /** OpenTelemetry GenAI: output tokens, reasoning included. */
    public static final String OUTPUT_TOKENS = "gen_ai.usage.output_tokens";
    /** OpenTelemetry GenAI: input tokens read from the provider's cache. */
    public static final String CACHE_READ_TOKENS = "gen_ai.usage.cache_read.input_tokens";
    /** OpenTelemetry GenAI: input tokens written to the provider's cache. */
    public static final String CACHE_WRITE_TOKENS = "gen_ai.usage.cache_creation.input_tokens";
    /** OpenTelemetry GenAI: the tool the model called. */
    public static final String TOOL_NAME = "gen_ai.tool.name";
    /** OpenTelemetry GenAI: the tool call's id. */
    public static final String TOOL_CALL_ID = "gen_ai.tool.call.id";
    /** OpenTelemetry GenAI: the tool call's arguments as the model sent them. */
    public static final String TOOL_ARGUMENTS = "gen_ai.tool.call.arguments";

    /** Ours: the interception id (also the response id the client saw). */
    public static final String INTERCEPTION_ID = "aigw.interception.id";
    /** Ours: when the interception started, on every document. */
    public static final String INTERCEPTION_STARTED_AT = "aigw.interception.started_at";
    /** Ours: the provider instance's configured name. */
    public static final String PROVIDER_INSTANCE = "aigw.provider.instance";
    /** Ours: the gateway key's id (never the secret). */
    public static final String API_KEY_ID = "aigw.api_key.id";
    /** Ours: {@code CENTRALIZED} or {@code BYOK}. */
    public static final String CREDENTIAL_KIND = "aigw.credential.kind";
    /** Ours: the masked hint of the upstream credential. */
    public static final String CREDENTIAL_HINT = "aigw.credential.hint";
    /** Ours: the client the gateway recognised, e.g. Claude Code. */
    public static final String CLIENT = "aigw.client";
    /** Ours: whether the response was streamed. */
    public static final String STREAMING = "aigw.streaming";
    /** Ours: the tool call id this request answers. */
    public static final String CORRELATING_TOOL_CALL_ID = "aigw.correlating_tool_call.id";
    /** Ours: {@code completed}, {@code failed}, {@code cancelled}, {@code unknown}; summaries add {@code incomplete}. */
    public static final String STATUS = "aigw.status";
    /** Ours: input tokens not served from the cache (what the provider reports as input). */
    public static final String UNCACHED_INPUT_TOKENS = "aigw.usage.uncached_input_tokens";
    /** Ours: the part of the output tokens spent on reasoning. */
    public static final String REASONING_TOKENS = "aigw.usage.reasoning_tokens";
    /** Ours: other provider-specific counters, as {@code aigw.usage.extra.<name>}. */
    public static final String EXTRA_TOKENS_PREFIX = "aigw.usage.extra.";
    /** Ours: the user's last prompt, in clear. */
    public static final String PROMPT = "aigw.prompt.text";
    /** Ours: the Responses API output item id of a tool call. */
    public static final String TOOL_ITEM_ID = "aigw.tool.item_id";
    /** Ours: the MCP server URL of an injected tool. */
    public static final String TOOL_SERVER_URL = "aigw.tool.server_url";
    /** Ours: whether the gateway injected the tool. */
    public static final String TOOL_INJECTED = "aigw.tool.injected";
    /** Ours: the error of an injected tool's invocation. */
    public static final String TOOL_ERROR = "aigw.tool.invocation_error";
    /** Ours: the model's reasoning text, in clear. */
    public static final String THOUGHT = "aigw.thought.text";
    /** Ours: {@code thinking}, {@code reasoning_summary}, {@code commentary}, {@code unknown}. */
    public static final String THOUGHT_SOURCE = "aigw.thought.source";
    /** Ours: fields the gateway cut to their bounds: {@code field}, {@code original_length}, {@code sha256} each. */
    public static final String TRUNCATED = "aigw.truncated";
    /** Ours: text fields this stream cut further so the document stays under its bound. */
    public static final String DOCUMENT_CUT = "aigw.document.cut_fields";
    /** Ours, summaries: events counted. */
    public static final String EVENTS = "aigw.summary.events";
    /** Ours, summaries: whether every event up to the end was counted. */
    public static final String COMPLETE = "aigw.summary.complete";
    /** Ours, summaries: prompts recorded. */
    public static final String PROMPTS = "aigw.summary.prompts";
    /** Ours, summaries: tool calls made. */
    public static final String TOOL_CALLS = "aigw.summary.tool_calls";
    /** Ours, summaries: the distinct tool names called, at most {@link Tally#MAX_TOOL_NAMES}. */
    public static final String TOOL_NAMES = "aigw.summary.tool_names";
    /** Ours, summaries: reasoning texts recorded. */
    public static final String THOUGHTS = "aigw.summary.thoughts";

    private Fields() {
    }
}
