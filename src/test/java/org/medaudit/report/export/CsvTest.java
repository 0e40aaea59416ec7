package org.medaudit.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    @DisplayName("fields with commas, quotes and line breaks are quoted and read back exactly; absent is empty")
    void roundTrip() {
        List<Object> awkward = Arrays.asList("Ward 12, \"Care\" of\r\nOlder People", 7, null, 2.5, "plain");
        Csv csv = new Csv(List.of("name", "count", "absent", "value", "text"), List.of(awkward));

        String text = csv.text();

        assertThat(text).startsWith("name,count,absent,value,text\r\n")
                .contains("\"Ward 12, \"\"Care\"\" of\r\nOlder People\",7,,2.5,plain\r\n");
        assertThat(CsvReader.read(text)).containsExactly(List.of("name", "count", "absent", "value", "text"),
                List.of("Ward 12, \"Care\" of\r\nOlder People", "7", "", "2.5", "plain"));
    }

    @Test
    @DisplayName("a header with no rows is still a valid document")
    void headerOnly() {
        assertThat(new Csv(List.of("a", "b"), List.of()).text()).isEqualTo("a,b\r\n");
    }
}
