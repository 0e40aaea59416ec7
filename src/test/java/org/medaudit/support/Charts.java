package org.medaudit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Chart-sample JSON for tests: the DESIGN.md example and small variations of it. */
public final class Charts {

    private Charts() {
    }

    /** The example chart of DESIGN.md ("The chart sample"), kept verbatim in test resources. */
    public static String designExample() {
        try {
            return Files.readString(Path.of("src/test/resources/charts/design-example.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal valid chart for a ward and date with the given orders (a JSON array). */
    public static String minimal(String ward, String auditDate, String ordersJson) {
        return """
                {"ward": "%s", "auditDate": "%s", "orders": %s}""".formatted(ward, auditDate, ordersJson);
    }

    private static final String[] WARDS = {"AMU", "W12", "W14", "SAU", "ICU", "NCH-REHAB", "NCH-STROKE"};

    /**
     * The n-th of an endless series of valid, different charts for load tests: the DESIGN.md example (which gives
     * several findings) on a ward, date and dose that vary with n, every third one with a second order.
     */
    public static String varied(int n) {
        String chart = designExample()
                .replace("\"ward\": \"AMU\"", "\"ward\": \"" + WARDS[n % WARDS.length] + "\"")
                .replace("\"auditDate\": \"2026-10-14\"", "\"auditDate\": \"2026-10-" + (14 + n % 14) + "\"")
                .replace("\"dose\": 10,", "\"dose\": " + (5 + n % 20) + ",");
        return n % 3 != 0 ? chart : chart.replace("\"signed\": true }", """
                "signed": true },
                    { "drug": "paracetamol", "dose": 1, "unit": "g", "route": "oral",
                      "frequency": "four-times-daily" }""");
    }
}
