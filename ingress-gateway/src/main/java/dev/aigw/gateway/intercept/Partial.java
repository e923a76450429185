package dev.aigw.gateway.intercept;

import dev.aigw.events.v1.ToolUsage;

/**
 * Why a tool call was recorded before it was whole. The call is kept as far as it reached the client, and its
 * {@code invocation_error} says it is incomplete, so a reader never takes a cut-off argument list for the one the model
 * meant; the event model has no other place for the mark, and every reader already shows that field.
 */
public enum Partial {
    /** The stream ended (the provider or the client broke it off, or it failed) before the call's closing event. */
    STREAM_ENDED("incomplete: the stream ended before the call was complete"),
    /** The provider's output limit ({@code max_tokens}, {@code max_output_tokens}, {@code length}) cut the call short. */
    OUTPUT_LIMIT("incomplete: the output token limit cut the call short");

    private final String mark;

    Partial(String mark) {
        this.mark = mark;
    }

    /** The call with this mark as its invocation error. */
    public ToolUsage mark(ToolUsage call) {
        call.setInvocationError(mark);
        return call;
    }

    /** The text recorded as the call's invocation error. */
    public String text() {
        return mark;
    }
}
