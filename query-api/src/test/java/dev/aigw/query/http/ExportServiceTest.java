package dev.aigw.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExportServiceTest {
    @Test
    void shouldQuoteFieldsWithCommasQuotesOrLineBreaksAndLeaveNullsEmpty() {
        String line = ExportService.csvLine(Arrays.asList("plain", "a,b", "say \"hi\"", "two\nlines", null, ""));

        assertThat(line).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\r\n");
    }

    @Test
    void shouldQuoteAndDefuseEveryCellAFormulaCouldStartWith() {
        Random random = new Random(14);
        List<String> payloads = List.of("cmd|' /C calc'!A0", "HYPERLINK(\"http://x\")", "1+1", "SUM(A1:A9)", "", ",\"");
        for (char start : new char[] {'=', '+', '-', '@', '\t', '\r'}) {
            for (String payload : payloads) {
                String cell = start + payload + randomTail(random);
                String line = ExportService.csvLine(Arrays.asList("plain", cell, null));

                assertThat(line).as(cell).isEqualTo("plain,\"'" + cell.replace("\"", "\"\"") + "\",\r\n");
            }
        }
    }

    @Test
    void shouldLeaveCellsThatStartWithAnythingElseAsTheyWere() {
        for (char start = ' '; start < 0x7f; start++) {
            if ("=+-@,\"".indexOf(start) >= 0) {
                continue;
            }
            String cell = start + "abc";
            assertThat(ExportService.csvLine(List.of(cell))).as(cell).isEqualTo(cell + "\r\n");
        }
    }

    private static String randomTail(Random random) {
        StringBuilder tail = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            tail.append((char) (' ' + random.nextInt(95)));
        }
        return tail.toString();
    }
}
