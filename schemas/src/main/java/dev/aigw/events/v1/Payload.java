package dev.aigw.events.v1;

import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * The payload of an {@link InterceptionEvent}: one of the six records of its Avro union, as a closed type. Avro types
 * the union as {@code Object}, and its generated classes cannot implement a sealed interface, so each case wraps its
 * generated record; producers build a case (a payload of another type does not compile) and consumers switch over the
 * cases exhaustively. {@link #of} and {@link #avro} are the one mapping to and from the union; the wire format is the
 * union's, unchanged.
 */
public sealed interface Payload {
    /** The Avro record, as the union of {@code InterceptionEvent.payload} holds it. */
    SpecificRecord avro();

    /**
     * The payload's record type as the reference's structured logs name it ({@code interception_start},
     * {@code interception_end}, {@code token_usage}, {@code prompt_usage}, {@code tool_usage}, {@code model_thought}):
     * the name logs and SIEM documents give it.
     */
    default String recordType() {
        return switch (this) {
            case Started s -> "interception_start";
            case Ended e -> "interception_end";
            case Tokens t -> "token_usage";
            case Prompt p -> "prompt_usage";
            case Tool t -> "tool_usage";
            case Thought t -> "model_thought";
        };
    }

    /** The payload of {@code event}. */
    static Payload of(InterceptionEvent event) {
        return of(event.getPayload());
    }

    /** The case of a value of the {@code InterceptionEvent.payload} union; anything else is an {@link IllegalArgumentException}. */
    static Payload of(Object avroUnionValue) {
        return switch (avroUnionValue) {
            case InterceptionStarted s -> new Started(s);
            case InterceptionEnded e -> new Ended(e);
            case TokenUsage t -> new Tokens(t);
            case PromptUsage p -> new Prompt(p);
            case ToolUsage t -> new Tool(t);
            case ModelThought m -> new Thought(m);
            case null -> throw new IllegalArgumentException("an InterceptionEvent payload cannot be null");
            default -> throw new IllegalArgumentException("not a payload of InterceptionEvent: "
                    + avroUnionValue.getClass().getName());
        };
    }

    /** A new intercepted request begins. */
    record Started(InterceptionStarted avro) implements Payload {
        /** Requires the record. */
        public Started {
            Objects.requireNonNull(avro, "avro");
        }
    }

    /** The interception ends. */
    record Ended(InterceptionEnded avro) implements Payload {
        /** Requires the record. */
        public Ended {
            Objects.requireNonNull(avro, "avro");
        }
    }

    /** Token usage reported by the provider. */
    record Tokens(TokenUsage avro) implements Payload {
        /** Requires the record. */
        public Tokens {
            Objects.requireNonNull(avro, "avro");
        }
    }

    /** The prompt the person sent. */
    record Prompt(PromptUsage avro) implements Payload {
        /** Requires the record. */
        public Prompt {
            Objects.requireNonNull(avro, "avro");
        }
    }

    /** A tool call the model made. */
    record Tool(ToolUsage avro) implements Payload {
        /** Requires the record. */
        public Tool {
            Objects.requireNonNull(avro, "avro");
        }
    }

    /** The model's reasoning. */
    record Thought(ModelThought avro) implements Payload {
        /** Requires the record. */
        public Thought {
            Objects.requireNonNull(avro, "avro");
        }
    }
}
