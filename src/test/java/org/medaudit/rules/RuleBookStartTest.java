package org.medaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;
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

/**
 * The first rule book is built beside the rest of start-up, and may come from the cache of compiled rules, yet a broken
 * rule file still stops the service and a cached rule book serves only once it has passed every case.
 */
class RuleBookStartTest {

    @Test
    @DisplayName("a rule file that does not compile stops start-up with its file and line, before the server listens")
    void brokenRuleFileStopsStartUp() throws Exception {
        Path folder = copyOfShippedRules();
        // The rule book cached from the files before they broke must not stand in for them.
        Path cache = Files.createTempDirectory("medaudit-rule-book-cache");
        RuleBookCache.in(cache).write(RuleLibraryGuardTest.RULE_BOOK);
        Files.writeString(folder.resolve("renal/renal.drl"), "\nrule \"Broken on purpose\"\nwhen\n    Order( drug == )\n"
                + "then\nend\n", StandardOpenOption.APPEND);
        Map<String, Object> properties = new HashMap<>(TestDatabases.configured());
        properties.put("medaudit.rules-folder", folder.toString());
        properties.put("medaudit.rule-book-cache-folder", cache.toString());

        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, properties, "test").close())
                .hasStackTraceContaining("rules/renal/renal.drl line ");
    }

    @Test
    @DisplayName("a cache that holds other rules under this version is not served: the rules are compiled instead")
    void cachedRulesMustProveThemselves() throws Exception {
        Path folder = copyOfShippedRules();
        Path cache = Files.createTempDirectory("medaudit-rule-book-cache");
        RuleBook full = RuleLibraryGuardTest.RULE_BOOK;
        RuleBook renalOnly = RuleBookCompiler.compile(RuleLibraryGuardTest.SOURCES.only("renal"));
        // The renal rules alone, filed under the version of the whole rule book: they fail the other sets' cases.
        RuleBookCache.in(cache).write(new RuleBook(full.version(), renalOnly.builtAt(), renalOnly.rules(),
                renalOnly.reference(), renalOnly.kieBase(), renalOnly.ruleSetByPackage(), null, renalOnly.sessions()));
        Map<String, Object> properties = new HashMap<>(TestDatabases.configured());
        properties.put("medaudit.rules-folder", folder.toString());
        properties.put("medaudit.rule-book-cache-folder", cache.toString());

        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            RuleBook serving = server.getApplicationContext().getBean(RuleBookService.class).current();
            assertThat(serving.version()).isEqualTo(full.version());
            assertThat(serving.rules()).isEqualTo(full.rules());
        }
        // The compiled rule book replaced the bad cache, so the next start can use it (written after start-up, on the
        // rule book's own thread: waited for, not timed).
        RuleBookCache written = RuleBookCache.in(cache);
        for (int tries = 0; tries < 600 && written.read(full.version()).map(RuleBookStartTest::ruleCount)
                .orElse(0) != full.rules().size(); tries++) {
            Thread.sleep(100);
        }
        assertThat(written.read(full.version())).isPresent()
                .hasValueSatisfying(kieBase -> assertThat(ruleCount(kieBase)).isEqualTo(full.rules().size()));
    }

    private static int ruleCount(org.kie.api.KieBase kieBase) {
        return kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
    }

    private static Path copyOfShippedRules() throws Exception {
        Path shipped = Path.of("rules");
        Path folder = Files.createTempDirectory("medaudit-rules").resolve("rules");
        try (Stream<Path> files = Files.walk(shipped)) {
            for (Path source : files.toList()) {
                Files.copy(source, folder.resolve(shipped.relativize(source).toString()));
            }
        }
        return folder;
    }
}
