package dev.aigw.servicekit.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PercentEncodingTest {
    @Test
    void shouldDecodeEscapesThatSpellUtf8Text() {
        assertThat(PercentEncoding.decodeUtf8("/a%20b/%C3%A9%e2%82%ac%F0%9F%98%80+c")).contains("/a b/é€😀+c");
        assertThat(PercentEncoding.decodeUtf8("")).contains("");
    }

    @Test
    void shouldRefuseMalformedEscapesAndBytesThatAreNotUtf8() {
        for (String raw : List.of("%", "%4", "%zz", "a%g0", "%ff", "%c0%af", "%e2%82", "%ed%a0%80", "%f8%88%80%80%80", "%80")) {
            assertThat(PercentEncoding.decodeUtf8(raw)).as(raw).isEmpty();
        }
    }

    @Test
    void shouldDecodeExactlyTheByteStringsThatAreUtf8() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = new byte[random.nextInt(7)];
            random.nextBytes(bytes);
            String escaped = HexFormat.of().formatHex(bytes).replaceAll("(..)", "%$1");
            String text = new String(bytes, StandardCharsets.UTF_8);
            boolean utf8 = java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes);

            assertThat(PercentEncoding.decodeUtf8(escaped)).as(escaped).isEqualTo(utf8 ? java.util.Optional.of(text)
                    : java.util.Optional.empty());
        }
    }
}
