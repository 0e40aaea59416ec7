package org.medaudit.rules;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medaudit.support.TestDatabases;

/** The first rule book is built beside the rest of start-up, yet a broken one still stops the service. */
class RuleBookStartTest {

    @Test
    @DisplayName("a rule file that does not compile stops start-up with its file and line, before the server listens")
    void brokenRuleFileStopsStartUp() throws Exception {
        Path shipped = Path.of("rules");
        Path folder = Files.createTempDirectory("medaudit-rules").resolve("rules");
        try (Stream<Path> files = Files.walk(shipped)) {
            for (Path source : files.toList()) {
                Files.copy(source, folder.resolve(shipped.relativize(source).toString()));
            }
        }
        Files.writeString(folder.resolve("renal/renal.drl"), "\nrule \"Broken on purpose\"\nwhen\n    Order( drug == )\n"
                + "then\nend\n", StandardOpenOption.APPEND);
        Map<String, Object> properties = new HashMap<>(TestDatabases.configured());
        properties.put("medaudit.rules-folder", folder.toString());

        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, properties, "test").close())
                .hasStackTraceContaining("rules/renal/renal.drl line ");
    }
}
