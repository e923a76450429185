package dev.aigw.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExportServiceTest {
    @Test
    void shouldQuoteFieldsWithCommasQuotesOrLineBreaksAndLeaveNullsEmpty() {
        String line = ExportService.csvLine(Arrays.asList("plain", "a,b", "say \"hi\"", "two\nlines", null, ""));

        assertThat(line).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\r\n");
    }
}
