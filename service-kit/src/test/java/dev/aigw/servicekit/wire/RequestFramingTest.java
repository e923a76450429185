package dev.aigw.servicekit.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RequestFramingTest {
    private static final String POST = "POST /v1/messages HTTP/1.1\r\nHost: x\r\n";
    private static final int LIMIT = 4096;

    @Test
    void shouldHandOnRequestsItHasNothingToChangeAsTheyCameAtEverySplit() {
        String requests = POST + "Content-Length: 12\r\n\r\n5;a=b\r\nhello\r\n"
                + "GET /v1/models?x=1 HTTP/1.1\r\nHost: x\r\n\r\n"
                + POST + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n";

        for (Result result : atEverySplit(requests)) {
            assertThat(result.handedOn()).isEqualTo(requests);
            assertThat(result.refusal()).isNull();
        }
    }

    @Test
    void shouldDropChunkExtensionsAndTrailersAtEverySplit() {
        String sent = POST + "transfer-encoding: Chunked\r\n\r\n5;name=value;quoted=\"a;b\"\r\nhello\r\n"
                + "6 ; ext\r\n world\r\n0;last=1\r\nX-Checksum: abc\r\nX-Other: d\r\n\r\n"
                + "GET / HTTP/1.1\r\n\r\n";
        String expected = POST + "transfer-encoding: Chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
                + "GET / HTTP/1.1\r\n\r\n";

        for (Result result : atEverySplit(sent)) {
            assertThat(result.handedOn()).isEqualTo(expected);
        }
    }

    @Test
    void shouldDecodeAnyChunkingOfAnyBodyToTheSameChunksWithoutExtensions() {
        Random random = new Random(42);
        for (int trial = 0; trial < 500; trial++) {
            byte[] body = new byte[random.nextInt(2_000)];
            random.nextBytes(body);
            StringBuilder sent = new StringBuilder(POST + "Transfer-Encoding: chunked\r\n\r\n");
            StringBuilder expected = new StringBuilder(sent);
            int at = 0;
            while (at < body.length) {
                int size = 1 + random.nextInt(Math.min(300, body.length - at));
                String hex = Integer.toHexString(size);
                hex = random.nextBoolean() ? hex.toUpperCase(java.util.Locale.ROOT) : hex;
                String chunk = new String(body, at, size, StandardCharsets.ISO_8859_1);
                sent.append(hex).append(random.nextBoolean() ? ";e" + trial + "=" + size : "").append("\r\n").append(chunk).append("\r\n");
                expected.append(hex).append("\r\n").append(chunk).append("\r\n");
                at += size;
            }
            sent.append("0\r\n").append(random.nextBoolean() ? "T: v\r\n" : "").append("\r\n");
            expected.append("0\r\n\r\n");

            Result result = fed(split(sent.toString(), random));

            assertThat(result.handedOn()).isEqualTo(expected.toString());
        }
    }

    @Test
    void shouldMakeAChunkWithoutItsCrlfUnreadableAtEverySplit() {
        String head = POST + "Transfer-Encoding: chunked\r\n\r\n3\r\nabc";
        for (Result result : atEverySplit(head + "XY4\r\nabcd\r\n0\r\n\r\n")) {
            assertThat(result.handedOn()).startsWith(head + "\r\nchunk-data-without-crlf\r\n");
        }
        for (Result result : atEverySplit(head + "\rY4\r\nabcd\r\n0\r\n\r\n")) {
            assertThat(result.handedOn()).startsWith(head + "\r\r\nchunk-data-without-crlf\r\n");
        }
    }

    @Test
    void shouldLeaveABodyFramedByContentLengthAloneWhateverItHolds() {
        String body = "0;x\r\nGET /evil HTTP/1.1\r\nget /x HTTP/1.0\r\n";
        String sent = POST + "Content-Length: " + body.length() + "\r\n\r\n" + body + "GET / HTTP/1.1\r\n\r\n";

        for (Result result : atEverySplit(sent)) {
            assertThat(result.handedOn()).isEqualTo(sent);
            assertThat(result.refusal()).isNull();
        }
    }

    @Test
    void shouldLeaveFramingItDoesNotShareWithHelidonToHelidon() {
        for (String headers : List.of(
                "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n",
                "Transfer-Encoding: gzip, chunked\r\n",
                "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n",
                "Content-Length: 5\r\nContent-Length: 5\r\n",
                "Content-Length: +5\r\n",
                "Upgrade: h2c\r\nContent-Length: 0\r\n",
                "X-Folded: a\r\n b\r\n",
                ": no name\r\n")) {
            String sent = POST + headers + "\r\n5;ext\r\nhello\r\n0\r\n\r\nget / HTTP/1.0\r\n\r\n";

            Result result = fed(List.of(sent.getBytes(StandardCharsets.ISO_8859_1)));

            assertThat(result.handedOn()).as(headers).isEqualTo(sent);
            assertThat(result.refusal()).as(headers).isNull();
        }
    }

    @Test
    void shouldRefuseAMethodThatIsNotUpperCaseAfterHandingOnTheRequestsBeforeIt() {
        String first = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n";
        for (String method : List.of("get", "Get", "pOST", "delete")) {
            for (Result result : atEverySplit(first + method + " /v1/messages?q=1 HTTP/1.1\r\nHost: x\r\n\r\n")) {
                assertThat(result.handedOn()).isEqualTo(first);
                assertThat(result.refusal()).isNotNull();
                assertThat(result.refusal().status()).isEqualTo(400);
                assertThat(result.refusal().target()).isEqualTo("/v1/messages?q=1");
                assertThat(result.refusal().message()).contains("case-sensitive");
            }
        }
    }

    @Test
    void shouldRefuseHttp10WithAReason() {
        for (Result result : atEverySplit("POST /api/v2/aibridge/anthropic/v1/messages HTTP/1.0\r\nContent-Length: 2\r\n\r\n{}")) {
            assertThat(result.handedOn()).isEmpty();
            assertThat(result.refusal().status()).isEqualTo(505);
            assertThat(result.refusal().target()).isEqualTo("/api/v2/aibridge/anthropic/v1/messages");
            assertThat(result.refusal().message()).contains("HTTP/1.1");
        }
    }

    @Test
    void shouldRefuseARequestLineItCannotPlace() {
        for (String line : List.of("GET / HTTP/1.1\n", "GARBAGE\r\n", "GET  / HTTP/1.1\r\n", "GET / HTTX/1.1\r\n",
                "GET /\r\n", "GET / HTTP/1.1 extra\r\n", "\u0000GET / HTTP/1.1\r\n")) {
            for (Result result : atEverySplit(line + "Host: x\r\n\r\n")) {
                assertThat(result.handedOn()).as(line).isEmpty();
                assertThat(result.refusal().status()).as(line).isEqualTo(400);
                assertThat(result.refusal().target()).as(line).isIn("", "/");
            }
        }
    }

    @Test
    void shouldAnswerARequestLineOverTheLimitWith414NamingItsTarget() {
        String line = "POST /api/v2/aibridge/anthropic/v1/messages?q=" + "a".repeat(LIMIT) + " HTTP/1.1\r\n";
        for (Result result : atEverySplit(line)) {
            assertThat(result.handedOn()).isEmpty();
            assertThat(result.refusal().status()).isEqualTo(414);
            assertThat(result.refusal().target()).startsWith("/api/v2/aibridge/anthropic/v1/messages?q=aaa");
        }
        String atTheLimit = "GET /" + "a".repeat(LIMIT - "GET / HTTP/1.1".length()) + " HTTP/1.1\r\n\r\n";
        assertThat(fed(List.of(atTheLimit.getBytes(StandardCharsets.ISO_8859_1))).handedOn()).isEqualTo(atTheLimit);
    }

    @Test
    void shouldAnswerAMethodItDoesNotKnowWith501AndAVersionButHttp11With505() {
        assertThat(fed(List.of("BREW /pot HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1))).refusal())
                .isEqualTo(new RequestFraming.Refusal(501, "method not implemented: BREW", "/pot"));
        for (String version : List.of("HTTP/2.0", "HTTP/0.9", "HTTP/1.2")) {
            RequestFraming.Refusal refusal = fed(List.of(("GET /x HTTP/1.1\r\n\r\nGET /y " + version + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1))).refusal();
            assertThat(refusal.status()).isEqualTo(505);
            assertThat(refusal.target()).isEqualTo("/y");
            assertThat(refusal.message()).startsWith(version + " is not supported");
        }
    }

    @Test
    void shouldHandOnWhatItCannotParseAfterARequestLineAndStopFollowing() {
        for (String sent : List.of(
                "GET / HTTP/1.1\r\nHost: x\n\nget / HTTP/1.1\r\n\r\n",
                POST + "Transfer-Encoding: chunked\r\n\r\nzz;ext\r\nget / HTTP/1.1\r\n\r\n",
                "GET / HTTP/1.1\r\nX-Long: " + "a".repeat(RequestFraming.MAX_LINE + 10))) {
            Result result = fed(List.of(sent.getBytes(StandardCharsets.ISO_8859_1)));

            assertThat(result.handedOn()).isEqualTo(sent);
            assertThat(result.refusal()).isNull();
        }
    }

    @Test
    void shouldHandOnAReadInsideABodyAsItCame() {
        RequestFraming framing = new RequestFraming(LIMIT);
        framing.feed((POST + "Content-Length: 10\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        byte[] inside = "abcd".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(framing.feed(inside).bytes()).isSameAs(inside);
        assertThat(framing.feed("efghij".getBytes(StandardCharsets.ISO_8859_1)).bytes()).asString(StandardCharsets.ISO_8859_1)
                .isEqualTo("efghij");
        assertThat(framing.state()).isEqualTo(RequestFraming.State.REQUEST_LINE);
    }

    @Test
    void shouldHandOnTheSameArrayWhenNothingChanged() {
        byte[] input = ("GET / HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(new RequestFraming(LIMIT).feed(input).bytes()).isSameAs(input);
    }

    private record Result(String handedOn, RequestFraming.Refusal refusal) {
    }

    private static List<Result> atEverySplit(String sent) {
        byte[] bytes = sent.getBytes(StandardCharsets.ISO_8859_1);
        List<Result> results = new ArrayList<>();
        for (int at = 0; at <= bytes.length; at++) {
            results.add(fed(List.of(java.util.Arrays.copyOfRange(bytes, 0, at), java.util.Arrays.copyOfRange(bytes, at, bytes.length))));
        }
        // And a byte at a time.
        List<byte[]> single = new ArrayList<>();
        for (byte b : bytes) {
            single.add(new byte[] {b});
        }
        results.add(fed(single));
        return results;
    }

    private static List<byte[]> split(String sent, Random random) {
        byte[] bytes = sent.getBytes(StandardCharsets.ISO_8859_1);
        List<byte[]> reads = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            int n = 1 + random.nextInt(Math.min(bytes.length - at, 700));
            reads.add(java.util.Arrays.copyOfRange(bytes, at, at + n));
            at += n;
        }
        return reads;
    }

    private static Result fed(List<byte[]> reads) {
        RequestFraming framing = new RequestFraming(LIMIT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] read : reads) {
            RequestFraming.Fed fed = framing.feed(read);
            out.writeBytes(fed.bytes());
            if (fed.refusal() != null) {
                return new Result(out.toString(StandardCharsets.ISO_8859_1), fed.refusal());
            }
        }
        return new Result(out.toString(StandardCharsets.ISO_8859_1), null);
    }
}
