package org.medaudit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medaudit.security.Users;
import org.medaudit.support.Charts;
import org.medaudit.support.Http;
import org.medaudit.support.IntakeLoad;
import org.medaudit.support.People;
import org.medaudit.support.Tables;
import org.medaudit.support.TestDatabases;

/**
 * Sustained load on loopback, bounded in time ({@code -Dmedaudit.soak.seconds}, default 20): concurrent writers,
 * a client that retries every chart with its idempotency key, and readers of rates and samples, all on one SQLite
 * file. It ends with exact counts: every acknowledged sample stored once, none lost, no duplicate, and not one
 * answer other than success (no SQLITE_BUSY, no 5xx) reaching a client. Runs in {@code mvn verify} (Failsafe).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoakIT implements TestPropertyProvider {

    static final int SECONDS = Integer.getInteger("medaudit.soak.seconds", 20);
    static final int WRITERS = 4;
    static final int READERS = 2;

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    @Inject
    Users users;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabases.sqlite();
    }

    @Test
    @DisplayName("concurrent writers, retries and readers end with exact counts and no error reaching a client")
    void soak() throws Exception {
        long before = Tables.counts(dataSource).get("chart_sample");
        List<Http> writers = IntStream.range(0, WRITERS).mapToObj(i -> People.pharmacist(server, users)).toList();
        Set<String> retried = ConcurrentHashMap.newKeySet();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger reads = new AtomicInteger();
        long end = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
        IntakeLoad load;
        List<Thread> others = new ArrayList<>();
        try (IntakeLoad running = new IntakeLoad(writers, Charts::varied)) {
            load = running;
            others.add(start("retrying", () -> retryWithKey(People.pharmacist(server, users), retried, errors, end)));
            for (int i = 0; i < READERS; i++) {
                Http reader = People.pharmacist(server, users);
                others.add(start("reader-" + i, () -> read(reader, running, reads, errors, end)));
            }
            while (System.nanoTime() < end) {
                Thread.sleep(200);
            }
            for (Thread thread : others) {
                thread.join();
            }
        }

        long stored = Tables.counts(dataSource).get("chart_sample") - before;
        System.out.printf("soak %d s: %d samples acknowledged by %d writers, %d retried pairs, %d reads, %d stored%n",
                SECONDS, load.createdCount(), WRITERS, retried.size(), reads.get(), stored);
        assertThat(load.failures()).as("writers' answers other than 201").isEmpty();
        assertThat(load.connectionFailures()).as("writers' failed connections").isZero();
        assertThat(errors).as("readers' and the retrying client's errors").isEmpty();
        assertThat(load.acknowledgedCount()).as("one id per 201: no duplicate").isEqualTo(load.createdCount());
        assertThat(stored).as("stored = acknowledged: nothing lost, nothing twice")
                .isEqualTo(load.acknowledgedCount() + retried.size());
        Http reader = People.pharmacist(server, users);
        for (Map.Entry<String, Map<String, Object>> sample : load.acknowledged().entrySet()) {
            assertThat(reader.get("/api/v1/samples/" + sample.getKey()).object()).isEqualTo(sample.getValue());
        }
    }

    /** Posts each chart twice with one key, as a client whose first answer was lost: one sample, same answer. */
    private void retryWithKey(Http client, Set<String> retried, List<String> errors, long end) {
        for (int n = 0; System.nanoTime() < end; n++) {
            String key = UUID.randomUUID().toString();
            String chart = Charts.varied(500_000 + n);
            Http.Response first = client.postJson("/api/v1/samples", chart, "Idempotency-Key", key);
            Http.Response again = client.postJson("/api/v1/samples", chart, "Idempotency-Key", key);
            if (first.status() != 201 || again.status() != 201) {
                errors.add("retry " + first.status() + "/" + again.status() + " " + again.body());
            } else if (!first.object().get("id").equals(again.object().get("id"))
                    || !"true".equals(again.header("Idempotent-Replayed"))) {
                errors.add("a retry with the same key stored a second sample: " + again.body());
            } else {
                retried.add((String) first.object().get("id"));
            }
        }
    }

    /** Reads rates for a random ward and a random acknowledged sample, as ward pages and other services do. */
    private void read(Http reader, IntakeLoad load, AtomicInteger reads, List<String> errors, long end) {
        List<String> wards = List.of("AMU", "W12", "W14", "SAU", "ICU");
        while (System.nanoTime() < end) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Http.Response rates = reader.get("/api/v1/wards/" + wards.get(random.nextInt(wards.size())) + "/rates");
            if (rates.status() != 200) {
                errors.add("rates " + rates.status() + " " + rates.body());
            }
            List<String> ids = List.copyOf(load.acknowledged().keySet());
            if (!ids.isEmpty()) {
                Http.Response sample = reader.get("/api/v1/samples/" + ids.get(random.nextInt(ids.size())));
                if (sample.status() != 200) {
                    errors.add("sample " + sample.status() + " " + sample.body());
                }
            }
            reads.addAndGet(2);
        }
    }

    private static Thread start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
