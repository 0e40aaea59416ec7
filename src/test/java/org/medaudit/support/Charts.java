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
}
