package org.medaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.medaudit.security.ApiTokens;
import org.medaudit.security.Roles;
import org.medaudit.security.Scope;
import org.medaudit.security.TokenRequests;
import org.medaudit.security.Users;
import org.medaudit.support.Charts;
import org.medaudit.support.Http;
import org.medaudit.support.People;
import org.medaudit.support.Tables;
import org.medaudit.support.TestDatabases;

/**
 * Two MedAudit instances on one PostgreSQL database, as a national network runs them behind a load balancer: both
 * take samples at once and read each other's, one session works on both, and a rule-book reload on one reaches the
 * other (docs/deploy.md, "Rule book on many instances").
 */
@EnabledIf("org.medaudit.support.ExternalServices#postgresAvailable")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {

    private static final int THREADS_PER_INSTANCE = 4;
    private static final int SAMPLES_PER_THREAD = 15;
    private static final int SHARED_KEYS = 10;

    Path folderA;
    Path folderB;
    ApplicationContext a;
    ApplicationContext b;
    Http adminA;
    Http adminB;

    @BeforeAll
    void startTwoInstances() throws IOException {
        Map<String, String> database = TestDatabases.postgres();
        folderA = copyOfShippedRules();
        folderB = copyOfShippedRules();
        a = start(database, folderA);
        b = start(database, folderB);
        adminA = People.signedIn(server(a), a.getBean(Users.class), "two-instances-admin", List.of(Roles.ADMIN),
                Scope.NONE);
        adminB = adminA.at(server(b).getURI());
    }

    @AfterAll
    void stop() {
        for (ApplicationContext context : new ApplicationContext[] {b, a}) {
            if (context != null) {
                context.close();
            }
        }
    }

    @Test
    @Order(1)
    @DisplayName("samples written through both at once are all stored once, with their findings, and read alike on both")
    void concurrentIntake() throws Exception {
        String secret = a.getBean(ApiTokens.class)
                .create(new TokenRequests.NewToken("two-instances", "intake", null), "test").secret();
        List<Http> intake = List.of(Http.withToken(server(a).getURI(), secret),
                Http.withToken(server(b).getURI(), secret));
        String chart = Charts.designExample();
        ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_INSTANCE);
        List<Future<List<Http.Response>>> work = new ArrayList<>();
        for (int t = 0; t < 2 * THREADS_PER_INSTANCE; t++) {
            Http client = intake.get(t % 2);
            int thread = t;
            work.add(pool.submit(() -> {
                List<Http.Response> answers = new ArrayList<>();
                for (int i = 0; i < SAMPLES_PER_THREAD; i++) {
                    answers.add(client.postJson("/api/v1/samples", chart, "Idempotency-Key", "t" + thread + "-" + i));
                    // Both instances receive each shared key at about the same moment (a client retrying elsewhere).
                    if (i < SHARED_KEYS) {
                        answers.add(client.postJson("/api/v1/samples", chart, "Idempotency-Key", "shared-" + i));
                    }
                }
                return answers;
            }));
        }
        List<Http.Response> answers = new ArrayList<>();
        for (Future<List<Http.Response>> future : work) {
            answers.addAll(future.get());
        }
        pool.shutdown();

        int unique = 2 * THREADS_PER_INSTANCE * SAMPLES_PER_THREAD + SHARED_KEYS;
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(201));
        Set<String> ids = new HashSet<>();
        answers.forEach(answer -> ids.add((String) answer.object().get("id")));
        assertThat(ids).as("one sample per idempotency key, whichever instance answered").hasSize(unique);

        Map<String, Object> first = answers.get(0).object();
        int findings = ((List<?>) first.get("findings")).size();
        int orders = ((List<?>) first.get("orders")).size();
        assertThat(findings).isPositive();
        Map<String, Long> counts = Tables.counts(a.getBean(DataSource.class));
        assertThat(counts.get("chart_sample")).isEqualTo(unique);
        assertThat(counts.get("finding")).isEqualTo((long) findings * unique);
        assertThat(counts.get("medication_order")).isEqualTo((long) orders * unique);

        for (String id : ids) {
            Map<String, Object> onA = adminA.get("/api/v1/samples/" + id).object();
            Map<String, Object> onB = adminB.get("/api/v1/samples/" + id).object();
            assertThat(onB).as("the same sample through the other instance, with a session signed by the first")
                    .isEqualTo(onA);
            assertThat((List<?>) onA.get("findings")).hasSize(findings);
        }
        String rates = "/api/v1/wards/AMU/rates?from=2026-10&to=2026-10&basis=flagged";
        assertThat(adminB.get(rates).body()).isEqualTo(adminA.get(rates).body()).contains("\"denominator\":" + unique);
    }

    @Test
    @Order(2)
    @DisplayName("a rule-book reload on one instance is followed by the other within its sync interval")
    void reloadIsFollowed() throws InterruptedException {
        String before = a.getBean(RuleBookService.class).current().version();
        for (Path folder : List.of(folderA, folderB)) {
            append(folder, "renal/renal.drl", "\n// Changed on every instance, reloaded on one.\n");
        }

        Http.Response reload = adminA.postJson("/api/v1/rule-books/reload", "{}");

        assertThat(reload.status()).as(reload.body()).isEqualTo(200);
        String after = (String) reload.object().get("after");
        assertThat(after).isNotEqualTo(before);
        assertThat(serving(adminA)).isEqualTo(after);
        assertThat(waitUntilServing(adminB, after)).as("instance B follows within seconds").isEqualTo(after);
        Map<String, Object> sample = adminB.postJson("/api/v1/samples", Charts.designExample()).object();
        assertThat(sample).containsEntry("ruleBookVersion", after);
    }

    @Test
    @Order(3)
    @DisplayName("an instance whose rules folder differs keeps its rule book rather than serve other rules")
    void differentFolderIsNotFollowed() {
        String servingB = b.getBean(RuleBookService.class).current().version();
        append(folderA, "renal/renal.drl", "\n// Changed on instance A only.\n");
        String after = (String) adminA.postJson("/api/v1/rule-books/reload", "{}").object().get("after");

        RuleBookSync.Outcome outcome = b.getBean(RuleBookSync.class).check();

        assertThat(after).isNotEqualTo(servingB);
        assertThat(outcome).isIn(RuleBookSync.Outcome.REFUSED, RuleBookSync.Outcome.NOTHING_NEW);
        assertThat(serving(adminB)).isEqualTo(servingB);
        assertThat(serving(adminA)).isEqualTo(after);
    }

    // ---- helpers ----

    private static ApplicationContext start(Map<String, String> database, Path rules) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("medaudit.rules-folder", rules.toString());
        properties.put("medaudit.rules-sync-interval", "1s");
        return ApplicationContext.run(EmbeddedServer.class, properties, "test", "postgres").getApplicationContext();
    }

    private static EmbeddedServer server(ApplicationContext context) {
        return context.getBean(EmbeddedServer.class);
    }

    @SuppressWarnings("unchecked")
    private static String serving(Http admin) {
        List<Map<String, Object>> versions = (List<Map<String, Object>>) admin.get("/api/v1/rule-books").json();
        return versions.stream().filter(v -> Boolean.TRUE.equals(v.get("serving")))
                .map(v -> (String) v.get("version")).findFirst().orElseThrow();
    }

    private static String waitUntilServing(Http admin, String version) throws InterruptedException {
        String serving = serving(admin);
        for (int i = 0; i < 100 && !serving.equals(version); i++) {
            Thread.sleep(100);
            serving = serving(admin);
        }
        return serving;
    }

    private static void append(Path folder, String file, String text) {
        try {
            Files.writeString(folder.resolve(file), text, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copyOfShippedRules() throws IOException {
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
