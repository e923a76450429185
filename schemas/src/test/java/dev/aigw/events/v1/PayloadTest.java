package dev.aigw.events.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

class PayloadTest {
    @Test
    void shouldMapEveryBranchOfTheUnionToACaseAndBackToTheSameRecord() {
        List<Schema> branches = InterceptionEvent.getClassSchema().getField("payload").schema().getTypes();
        assertThat(branches).hasSize(Payload.class.getPermittedSubclasses().length);
        for (Schema branch : branches) {
            Object value = SpecificData.get().newRecord(null, branch);
            Payload payload = Payload.of(value);
            assertThat(payload.avro()).isSameAs(value);
            assertThat(payload.getClass().getRecordComponents()[0].getType()).isSameAs(value.getClass());
        }
    }

    @Test
    void shouldReadThePayloadOfAnEvent() {
        PromptUsage prompt = new PromptUsage(null, "hello");
        InterceptionEvent event = InterceptionEvent.newBuilder().setEventId("e").setInterceptionId("i").setSeq(0)
                .setOccurredAt(Instant.EPOCH).setInterceptionStartedAt(Instant.EPOCH).setGatewayNode("n")
                .setPayload(new Payload.Prompt(prompt).avro()).build();

        assertThat(Payload.of(event)).isEqualTo(new Payload.Prompt(prompt));
    }

    @Test
    void shouldRefuseWhatIsNotABranchOfTheUnion() {
        assertThatThrownBy(() -> Payload.of((Object) "a string")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
        assertThatThrownBy(() -> Payload.of((Object) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Payload.Tokens(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void shouldNameEachRecordTypeAsTheReferenceLogsDo() {
        List<String> types = InterceptionEvent.getClassSchema().getField("payload").schema().getTypes().stream()
                .map(branch -> Payload.of(SpecificData.get().newRecord(null, branch)).recordType())
                .toList();

        assertThat(types).containsExactlyInAnyOrder("interception_start", "interception_end", "token_usage",
                "prompt_usage", "tool_usage", "model_thought");
    }
}
