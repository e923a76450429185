package dev.aigw.testkit.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.testkit.generate.NearRequests.NearRequest;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GeneratorTest {

    @Test
    void shouldDrawTheSameInputsFromTheSameSeed() {
        Generator one = Generator.seeded(7);
        Generator other = Generator.seeded(7);
        NearRequests oneNear = new NearRequests(one);
        NearRequests otherNear = new NearRequests(other);

        for (int i = 0; i < 300; i++) {
            assertThat(one.json(3)).isEqualTo(other.json(3));
            assertThat(oneNear.mixed()).isEqualTo(otherNear.mixed());
            assertThat(oneNear.oneReplaced(ValidRequest.CHAT.json()).body())
                    .isEqualTo(otherNear.oneReplaced(ValidRequest.CHAT.json()).body());
            assertThat(one.bytes(6)).isEqualTo(other.bytes(6));
        }
    }

    @Test
    void shouldTakeTheSeedFromTheSystemPropertyAndNameItInItsDescription() {
        String before = System.getProperty(Generator.SEED_PROPERTY);
        try {
            System.setProperty(Generator.SEED_PROPERTY, "42");
            assertThat(Generator.seeded().seed()).isEqualTo(42);
            assertThat(Generator.seeded()).hasToString("seed 42 (run again with -Daigw.seed=42)");
            System.clearProperty(Generator.SEED_PROPERTY);
            assertThat(Generator.seeded().seed()).isEqualTo(Generator.DEFAULT_SEED);
        } finally {
            if (before != null) {
                System.setProperty(Generator.SEED_PROPERTY, before);
            }
        }
    }

    @Test
    void shouldDrawEveryKindOfJsonValueNestedNoDeeperThanAsked() {
        Generator generate = Generator.seeded(1);
        List<JsonNode> nodes = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            JsonNode value = generate.json(3);
            assertThat(depth(value)).as("%s: %s", generate, value).isLessThanOrEqualTo(3);
            flatten(value, nodes);
        }

        assertThat(nodes).anyMatch(JsonNode::isNull).anyMatch(n -> n.isBoolean() && n.booleanValue())
                .anyMatch(n -> n.isBoolean() && !n.booleanValue())
                .anyMatch(n -> n.isIntegralNumber() && n.longValue() < 0).anyMatch(JsonNode::isBigInteger)
                .anyMatch(n -> n.isDouble() && n.doubleValue() != Math.rint(n.doubleValue()))
                .anyMatch(n -> n.isNumber() && n.toString().contains("E"))
                .anyMatch(n -> n.isBigDecimal() && Double.isInfinite(n.doubleValue()))
                .anyMatch(n -> n.isBigDecimal() && n.doubleValue() == 0 && n.decimalValue().signum() != 0)
                .anyMatch(n -> n.isTextual() && n.textValue().isEmpty())
                .anyMatch(text(s -> s.chars().anyMatch(c -> c < 0x20)))
                .anyMatch(text(s -> s.codePoints().anyMatch(Character::isSupplementaryCodePoint)))
                .anyMatch(text(GeneratorTest::hasLoneSurrogate))
                .anyMatch(text(s -> s.length() >= 1_000))
                .anyMatch(n -> n.isArray() && n.isEmpty()).anyMatch(n -> n.isObject() && n.isEmpty())
                .anyMatch(n -> n.isObject() && n.has("content"))
                .anyMatch(n -> depth(n) == 3);
    }

    @ParameterizedTest
    @EnumSource(ValidRequest.class)
    void shouldPutAnyValueAtEveryPositionOfAValidRequest(ValidRequest valid) {
        Generator generate = Generator.seeded(2);
        NearRequests near = new NearRequests(generate);
        JsonNode template = valid.json();
        Set<String> replaced = new HashSet<>();

        for (int i = 0; i < 1000; i++) {
            NearRequest request = near.oneReplaced(template);
            replaced.add(request.pointer());
            assertThat(request.body().at(request.pointer())).as("%s: %s", generate, request).isEqualTo(request.value());
        }

        assertThat(template).isEqualTo(valid.json());
        assertThat(replaced).containsExactlyInAnyOrderElementsOf(NearRequests.positions(template))
                .contains("", "/model", "/tools");
    }

    @Test
    void shouldMixFieldsThatArePresentAbsentWellTypedAndWrong() {
        NearRequests near = new NearRequests(Generator.seeded(3));
        List<JsonNode> requests = IntStream.range(0, 500).mapToObj(i -> near.mixed()).toList();

        assertThat(requests).anyMatch(r -> r.path("messages").path(0).path("content").path(0).path("type").isTextual())
                .anyMatch(r -> r.path("messages").path(0).path("content").isTextual())
                .anyMatch(r -> r.has("messages") && !r.get("messages").isArray())
                .anyMatch(r -> r.has("input") && r.get("input").isArray())
                .anyMatch(r -> r.has("model") && !r.get("model").isTextual())
                .anyMatch(r -> !r.has("model"))
                .anyMatch(r -> r.path("stream_options").has("include_usage"));
    }

    @Test
    void shouldDrawBytesThatAreUtf8TextAndBytesThatAreNot() {
        Generator generate = Generator.seeded(4);
        List<byte[]> drawn = IntStream.range(0, 1000).mapToObj(i -> generate.bytes(6)).toList();

        assertThat(drawn).allMatch(b -> b.length <= 6).anyMatch(b -> b.length == 0)
                .anyMatch(b -> utf8(b) && new String(b, StandardCharsets.UTF_8).codePoints().anyMatch(c -> c >= 0x800))
                .anyMatch(b -> utf8(b) && new String(b, StandardCharsets.UTF_8).chars().anyMatch(Character::isISOControl))
                .anyMatch(b -> !utf8(b));
    }

    private static Predicate<JsonNode> text(Predicate<String> test) {
        return n -> n.isTextual() && test.test(n.textValue());
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))) {
                return true;
            }
            if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean utf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static int depth(JsonNode node) {
        int below = 0;
        for (JsonNode child : node) {
            below = Math.max(below, depth(child));
        }
        return node.isContainerNode() ? below + 1 : 0;
    }

    private static void flatten(JsonNode node, List<JsonNode> into) {
        into.add(node);
        node.forEach(child -> flatten(child, into));
    }
}
