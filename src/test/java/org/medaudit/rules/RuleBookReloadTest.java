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
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medaudit.security.ApiTokens;
import org.medaudit.security.Roles;
import org.medaudit.security.Scope;
import org.medaudit.security.TokenRequests;
import org.medaudit.security.Users;
import org.medaudit.support.Http;
import org.medaudit.support.People;
import org.medaudit.support.TestDatabases;

/**
 * Reloading the rules safely, over HTTP, with the rules folder a temporary copy of {@code rules/} that each test
 * edits (and that is put back after each): a broken rule file or a failing case never replaces the serving rule
 * book, and a valid change does, recorded with its version and in the audit trail.
 *
 * <p>The valid change is the one DESIGN.md expects a hospital to make: the NSAID eGFR threshold raised from
 * PINCER's 45 to STOPP's 50 (both named in thresholds.yaml), with the borderline case at eGFR 45 changed to expect
 * the finding. Oral naproxen with eGFR 47 is then REN-001; before, it was not.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleBookReloadTest implements TestPropertyProvider {

    private static final Path SHIPPED = Path.of("rules");
    private static final String NAPROXEN_EGFR_47 = """
            {"ward": "AMU", "auditDate": "2026-10-14", "patient": {"egfr": 47, "allergyStatus": "none-known"},
             "orders": [{"drug": "naproxen", "dose": 250, "unit": "mg", "route": "oral",
                         "frequency": "twice-daily", "signed": true}]}""";
    private static final String BROKEN_RULE = """

            rule "Broken on purpose"
                @id("REN-999")
            when
                Order( drug == )
            then
            end
            """;

    @Inject
    EmbeddedServer server;

    @Inject
    Users users;

    @Inject
    ApiTokens tokens;

    @Inject
    RuleBookService ruleBooks;

    @Inject
    RuleFolderWatch watch;

    Path folder;
    Http admin;

    @Override
    public Map<String, String> getProperties() {
        try {
            folder = Files.createTempDirectory("medaudit-rules").resolve("rules");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        copyShippedRules();
        Map<String, String> properties = new HashMap<>(TestDatabases.configured());
        properties.put("medaudit.rules-folder", folder.toString());
        // The watch is on, but only looks when a test asks it to: the interval is longer than the test run.
        properties.put("medaudit.rules-watch", "true");
        properties.put("medaudit.rules-watch-interval", "1h");
        return properties;
    }

    @BeforeAll
    void signIn() {
        admin = People.signedIn(server, users, "rules-admin", List.of(Roles.ADMIN), Scope.NONE);
    }

    @AfterEach
    void putTheShippedRulesBack() {
        copyShippedRules();
    }

    @Test
    @DisplayName("a broken rule file is refused naming file and line, and the serving rule book keeps serving")
    void brokenRuleFileKeepsTheOldVersion() {
        String serving = ruleBooks.current().version();
        List<Map<String, Object>> versionsBefore = versions();
        int brokenLine = lines("renal/renal.drl") + 5; // the Order( drug == ) line of BROKEN_RULE
        append("renal/renal.drl", BROKEN_RULE);

        Http.Response refused = admin.postJson("/api/v1/rule-books/reload", "{}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat((String) refused.object().get("detail"))
                .contains("rules/renal/renal.drl line " + brokenLine)
                .contains("Rule book " + serving + " keeps serving");
        assertThat(servingVersion()).isEqualTo(serving);
        assertThat(versions()).as("no version recorded").isEqualTo(versionsBefore);
        assertThat(sample(NAPROXEN_EGFR_47)).containsEntry("ruleBookVersion", serving);
    }

    @Test
    @DisplayName("a change that fails a case is refused naming the case, and the serving rule book keeps serving")
    void failingCaseKeepsTheOldVersion() {
        String serving = ruleBooks.current().version();
        raiseNsaidThresholdTo50();

        Http.Response refused = admin.postJson("/api/v1/rule-books/reload", "{}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat((String) refused.object().get("detail"))
                .contains("case renal/cases/nsaid-egfr-45.yaml (Oral naproxen with eGFR exactly 45")
                .contains("[REN-001] fired but must not");
        assertThat(servingVersion()).isEqualTo(serving);
        assertThat(ruleIds(sample(NAPROXEN_EGFR_47))).doesNotContain("REN-001");
    }

    @Test
    @DisplayName("a valid change replaces the rule book while charts are evaluated, is recorded, and changes findings")
    void validChangeSwitchesTheVersion() throws Exception {
        String before = ruleBooks.current().version();
        Map<String, Object> earlier = sample(NAPROXEN_EGFR_47);
        assertThat(earlier).containsEntry("ruleBookVersion", before);
        assertThat(ruleIds(earlier)).doesNotContain("REN-001");
        raiseNsaidThresholdTo50();
        replace("renal/cases/nsaid-egfr-45.yaml", "mustNotFind: [REN-001]", "mustFind: [REN-001]");

        // A pharmacist keeps entering charts during the reload: each is evaluated whole by one rule book.
        Http pharmacist = People.pharmacist(server, users);
        List<Map<String, Object>> during = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch first = new CountDownLatch(1);
        AtomicBoolean reloaded = new AtomicBoolean();
        CountDownLatch afterwards = new CountDownLatch(1);
        Thread entering = new Thread(() -> {
            while (afterwards.getCount() > 0) {
                boolean wasReloaded = reloaded.get();
                Http.Response response = pharmacist.postJson("/api/v1/samples", NAPROXEN_EGFR_47);
                during.add(Map.of("status", response.status(), "sample", response.status() == 201
                        ? response.object() : Map.of()));
                first.countDown();
                if (wasReloaded) {
                    afterwards.countDown();
                }
            }
        });
        entering.start();
        assertThat(first.await(60, TimeUnit.SECONDS)).isTrue();
        Http.Response reload = admin.postJson("/api/v1/rule-books/reload", "{}");
        reloaded.set(true);
        assertThat(afterwards.await(60, TimeUnit.SECONDS)).isTrue();
        entering.join(60_000);

        assertThat(reload.status()).as(reload.body()).isEqualTo(200);
        String after = (String) reload.object().get("after");
        assertThat(after).isNotEqualTo(before).matches("sha256:[0-9a-f]{64}");
        assertThat(reload.object()).containsEntry("before", before).containsEntry("changed", true)
                .containsEntry("ruleCount", ruleBooks.current().rules().size());
        assertThat(servingVersion()).isEqualTo(after);
        assertThat(versions().get(0)).containsEntry("version", after).containsEntry("serving", true);
        assertThat(versions()).anySatisfy(v -> assertThat(v).containsEntry("version", before)
                .containsEntry("serving", false));

        Map<String, Object> later = sample(NAPROXEN_EGFR_47);
        assertThat(later).containsEntry("ruleBookVersion", after);
        assertThat(ruleIds(later)).contains("REN-001");

        assertThat(during).allSatisfy(entry -> assertThat(entry).containsEntry("status", 201));
        List<Map<String, Object>> samples = during.stream().map(this::sampleOf).toList();
        assertThat(samples).extracting(s -> s.get("ruleBookVersion")).contains(before, after)
                .allMatch(version -> version.equals(before) || version.equals(after));
        // The findings of each chart are those of the version it records.
        assertThat(samples).allSatisfy(s -> assertThat(ruleIds(s).contains("REN-001"))
                .isEqualTo(after.equals(s.get("ruleBookVersion"))));

        Map<String, Object> events = admin.get("/api/v1/admin/audit-events?subjectType=rule-book&subjectId="
                + after).object();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) events.get("events");
        assertThat(list).hasSize(1);
        assertThat(list.get(0)).containsEntry("action", "rules.reloaded").containsEntry("actor", "rules-admin");
        assertThat((String) list.get(0).get("beforeState")).contains(before);
        assertThat((String) list.get(0).get("afterState")).contains(after);
    }

    @Test
    @DisplayName("reloading the files already serving changes nothing and records nothing")
    void reloadWithoutChangeKeepsTheRuleBook() {
        admin.postJson("/api/v1/rule-books/reload", "{}"); // serve the shipped rules, whatever ran before
        String serving = ruleBooks.current().version();
        RuleBook servingBook = ruleBooks.current();

        Http.Response reload = admin.postJson("/api/v1/rule-books/reload", "{}");

        assertThat(reload.status()).isEqualTo(200);
        assertThat(reload.object()).containsEntry("before", serving).containsEntry("after", serving)
                .containsEntry("changed", false);
        assertThat(ruleBooks.current()).isSameAs(servingBook);
    }

    @Test
    @DisplayName("the page's reload button: a broken file comes back with 422 naming it, a valid one redirects")
    void reloadFromThePage() {
        String serving = ruleBooks.current().version();
        int brokenLine = lines("renal/renal.drl") + 5;
        append("renal/renal.drl", BROKEN_RULE);

        Http.Response refused = admin.form("/rules/reload", Map.of());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("The new rules were not adopted",
                "rules/renal/renal.drl line " + brokenLine, serving);
        assertThat(servingVersion()).isEqualTo(serving);

        copyShippedRules();
        append("renal/renal.drl", "\n// Reviewed by the drugs and therapeutics committee.\n");
        Http.Response done = admin.form("/rules/reload", Map.of());

        assertThat(done.status()).isEqualTo(303);
        assertThat(done.header("Location")).startsWith("/rules?done=");
        String after = ruleBooks.current().version();
        assertThat(after).isNotEqualTo(serving);
        assertThat(admin.get(done.header("Location"), Http.BROWSER_ACCEPT).body())
                .contains("Rule book " + after + " is now serving");
    }

    @Test
    @DisplayName("only admins reload: pharmacists and service tokens are refused with 403, and nothing changes")
    void onlyAdminsReload() {
        String serving = ruleBooks.current().version();
        append("renal/renal.drl", "\n// A pharmacist's edit.\n");
        Http pharmacist = People.pharmacist(server, users);
        Http service = Http.withToken(server.getURI(),
                tokens.create(new TokenRequests.NewToken("reload-intake", "intake", null), "test").secret());

        assertThat(pharmacist.postJson("/api/v1/rule-books/reload", "{}").status()).isEqualTo(403);
        assertThat(pharmacist.form("/rules/reload", Map.of()).status()).isEqualTo(403);
        assertThat(service.postJson("/api/v1/rule-books/reload", "{}").status()).isEqualTo(403);
        assertThat(ruleBooks.current().version()).isEqualTo(serving);
    }

    @Test
    @DisplayName("watching the folder: a change is adopted, a broken one is refused once and not retried until fixed")
    void watchingTheFolder() {
        append("renal/renal.drl", "\n// Watched change 1.\n");
        assertThat(watch.check()).isEqualTo(RuleFolderWatch.Outcome.RELOADED);
        String adopted = ruleBooks.current().version();
        assertThat(adopted).isEqualTo(ruleBooks.folderVersion().orElseThrow());
        assertThat(watch.check()).isEqualTo(RuleFolderWatch.Outcome.UNCHANGED);

        append("renal/renal.drl", BROKEN_RULE);
        assertThat(watch.check()).isEqualTo(RuleFolderWatch.Outcome.REJECTED);
        assertThat(watch.check()).isEqualTo(RuleFolderWatch.Outcome.STILL_REJECTED);
        assertThat(ruleBooks.current().version()).isEqualTo(adopted);

        copyShippedRules();
        append("renal/renal.drl", "\n// Watched change 2.\n");
        assertThat(watch.check()).isEqualTo(RuleFolderWatch.Outcome.RELOADED);
        assertThat(ruleBooks.current().version()).isNotEqualTo(adopted);
    }

    // ---- helpers ----

    private String servingVersion() {
        return versions().stream().filter(v -> Boolean.TRUE.equals(v.get("serving")))
                .map(v -> (String) v.get("version")).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> versions() {
        Http.Response response = admin.get("/api/v1/rule-books");
        assertThat(response.status()).isEqualTo(200);
        return (List<Map<String, Object>>) response.json();
    }

    private Map<String, Object> sample(String chart) {
        Http.Response response = admin.postJson("/api/v1/samples", chart);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.object();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> sampleOf(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("sample");
    }

    @SuppressWarnings("unchecked")
    private static List<String> ruleIds(Map<String, Object> sample) {
        return ((List<Map<String, Object>>) sample.get("findings")).stream().map(f -> (String) f.get("ruleId"))
                .toList();
    }

    private void raiseNsaidThresholdTo50() {
        replace("reference/thresholds.yaml", "renal.nsaid.egfr-below:\n  value: 45\n",
                "renal.nsaid.egfr-below:\n  value: 50\n");
    }

    private int lines(String file) {
        try {
            return Files.readAllLines(folder.resolve(file)).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void append(String file, String text) {
        try {
            Files.writeString(folder.resolve(file), text, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void replace(String file, String from, String to) {
        try {
            String text = Files.readString(folder.resolve(file));
            assertThat(text).as(file).contains(from);
            Files.writeString(folder.resolve(file), text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void copyShippedRules() {
        try {
            if (Files.exists(folder)) {
                try (Stream<Path> old = Files.walk(folder)) {
                    for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            try (Stream<Path> shipped = Files.walk(SHIPPED)) {
                for (Path source : shipped.toList()) {
                    Files.copy(source, folder.resolve(SHIPPED.relativize(source).toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
