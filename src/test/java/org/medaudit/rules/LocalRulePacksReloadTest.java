package org.medaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medaudit.security.Roles;
import org.medaudit.security.Scope;
import org.medaudit.security.Users;
import org.medaudit.support.Http;
import org.medaudit.support.People;
import org.medaudit.support.TestDatabases;

/**
 * The service with a local rule pack (a temporary folder, empty at start): reload and the folder watch pick up its
 * changes, a chart is evaluated with the rule sets active at its ward's site, the version records what the pack
 * changed, and a local rule that fails a guard never replaces the serving rule book.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalRulePacksReloadTest implements TestPropertyProvider {

    /** Naproxen with eGFR 47: REN-001 only with the NSAID threshold at 50. AMU is at site RGH, NCH-REHAB at NCH. */
    private static final String NAPROXEN_EGFR_47 = """
            {"ward": "%s", "auditDate": "2026-10-14", "patient": {"egfr": 47, "allergyStatus": "none-known"},
             "orders": [{"drug": "naproxen", "dose": 250, "unit": "mg", "route": "oral",
                         "frequency": "twice-daily", "signed": true}]}""";

    @Inject
    EmbeddedServer server;

    @Inject
    Users users;

    @Inject
    RuleBookService ruleBooks;

    @Inject
    RuleFolderWatch watch;

    Path local;
    Http admin;

    @Override
    public Map<String, String> getProperties() {
        try {
            local = Files.createTempDirectory("medaudit-local-rules");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> properties = new HashMap<>(TestDatabases.sqlite());
        properties.put("medaudit.local-rules-folder", local.toString());
        properties.put("medaudit.rules-watch", "true");
        properties.put("medaudit.rules-watch-interval", "1h");
        return properties;
    }

    @BeforeAll
    void signIn() {
        admin = People.signedIn(server, users, "local-rules-admin", List.of(Roles.ADMIN), Scope.NONE);
    }

    @AfterEach
    void emptyTheLocalFolder() throws IOException {
        try (Stream<Path> files = Files.walk(local)) {
            files.sorted((a, b) -> b.compareTo(a)).filter(path -> !path.equals(local)).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        admin.postJson("/api/v1/rule-books/reload", "{}");
    }

    @Test
    @DisplayName("an override and a site switch are picked up by reload: findings follow the ward's site and the "
            + "version records the pack")
    void reloadPicksUpLocalChanges() throws IOException {
        String before = ruleBooks.current().version();
        assertThat(ruleIds(sample("AMU"))).doesNotContain("REN-001");
        write("thresholds.yaml", "renal.nsaid.egfr-below: { value: 50, source: \"D&T Committee 2026/40\" }\n");
        write("local-rules.yaml", "sites:\n  NCH:\n    disabled: [renal]\n");

        Http.Response reload = admin.postJson("/api/v1/rule-books/reload", "{}");

        assertThat(reload.status()).as(reload.body()).isEqualTo(200);
        String after = (String) reload.object().get("after");
        assertThat(after).isNotEqualTo(before);
        Map<String, Object> atRiverside = sample("AMU");
        assertThat(atRiverside).containsEntry("ruleBookVersion", after);
        assertThat(ruleIds(atRiverside)).contains("REN-001");
        assertThat(ruleIds(sample("NCH-REHAB"))).doesNotContain("REN-001");
        assertThat(versions().get(0)).containsEntry("version", after).containsEntry("serving", true);
        assertThat((String) versions().get(0).get("localPacks"))
                .contains("thresholds renal.nsaid.egfr-below 45 → 50", "off at NCH [renal]");
        assertThat(admin.get("/rules", Http.BROWSER_ACCEPT).body()).contains("off at NCH [renal]");
    }

    @Test
    @DisplayName("the folder watch picks up a change to the local pack")
    void watchPicksUpLocalChanges() throws IOException {
        assertThat(watch.check()).isEqualTo(RuleFolderWatch.Outcome.UNCHANGED);
        String before = ruleBooks.current().version();
        write("thresholds.yaml", "renal.nsaid.egfr-below: alternative\n");

        assertThat(watch.check()).isEqualTo(RuleFolderWatch.Outcome.RELOADED);
        assertThat(ruleBooks.current().version()).isNotEqualTo(before);
        assertThat(ruleIds(sample("AMU"))).contains("REN-001");
    }

    @Test
    @DisplayName("a local rule without cases is refused naming its file, and the serving rule book keeps serving")
    void localRuleWithoutCasesKeepsTheServingBook() throws IOException {
        String serving = ruleBooks.current().version();
        write("naproxen/naproxen.drl", LocalRulePacksTest.LOCAL_RULE);

        Http.Response refused = admin.postJson("/api/v1/rule-books/reload", "{}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat((String) refused.object().get("detail"))
                .contains(local.getFileName() + "/naproxen/naproxen.drl: rule LOC-001")
                .contains("Rule book " + serving + " keeps serving");
        assertThat(ruleBooks.current().version()).isEqualTo(serving);
    }

    @Test
    @DisplayName("switches for a site the sites file does not have are refused, naming the file")
    void unknownSiteIsRefused() throws IOException {
        write("local-rules.yaml", "sites:\n  NHC:\n    disabled: [renal]\n");

        Http.Response refused = admin.postJson("/api/v1/rule-books/reload", "{}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat((String) refused.object().get("detail"))
                .contains(local.getFileName() + "/local-rules.yaml: no site has the code NHC");
    }

    @Test
    @DisplayName("a local rule set with its cases serves, and its findings are stored like any other")
    void localRuleSetServes() throws IOException {
        write("naproxen/naproxen.drl", LocalRulePacksTest.LOCAL_RULE);
        write("naproxen/cases/above-cap.yaml", LocalRulePacksTest.FIRES);
        write("naproxen/cases/at-cap.yaml", LocalRulePacksTest.DOES_NOT_FIRE);

        Http.Response reload = admin.postJson("/api/v1/rule-books/reload", "{}");

        assertThat(reload.status()).as(reload.body()).isEqualTo(200);
        Map<String, Object> stored = sample("AMU", NAPROXEN_EGFR_47.replace("\"dose\": 250", "\"dose\": 750"));
        assertThat(ruleIds(stored)).contains("LOC-001");
        assertThat(admin.get("/api/v1/rules/LOC-001").status()).isEqualTo(200);
    }

    // ---- helpers ----

    private void write(String name, String text) throws IOException {
        Path file = local.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> versions() {
        return (List<Map<String, Object>>) admin.get("/api/v1/rule-books").json();
    }

    private Map<String, Object> sample(String ward) {
        return sample(ward, NAPROXEN_EGFR_47);
    }

    private Map<String, Object> sample(String ward, String template) {
        Http.Response response = admin.postJson("/api/v1/samples", template.formatted(ward));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.object();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ruleIds(Map<String, Object> sample) {
        return ((List<Map<String, Object>>) sample.get("findings")).stream().map(f -> (String) f.get("ruleId"))
                .toList();
    }
}
