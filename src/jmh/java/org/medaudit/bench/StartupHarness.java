package org.medaudit.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Start-up time and resident memory of the packaged service (docs/performance.md, "Start-up and memory"): each run
 * launches {@code target/medaudit.jar} on a fresh SQLite database, times launch to the first 200 of
 * {@code GET /health}, reads the process's RSS, then posts synthetic charts from 8 clients for a while and reads the
 * RSS again. Medians over the runs.
 *
 * <pre>
 * mvn -q -DskipTests package
 * java -cp target/medaudit.jar:target/test-classes org.medaudit.bench.StartupHarness
 * java -Druns=5 -Dload=20 -Djvm="-Xmx256m -XX:TieredStopAtLevel=1" -cp target/medaudit.jar:target/test-classes org.medaudit.bench.StartupHarness
 * </pre>
 *
 * {@code -Djvm} gives the service's JVM options (space separated); {@code -Dload} the seconds of load (0: none).
 * {@code -Drestart=true} measures restarts of an installed service instead of first starts: one unmeasured start
 * creates the database and the cache of compiled rules, and every measured run starts again on both.
 * {@code scripts/measure-startup.sh} runs it with and without the recommended options.
 */
public final class StartupHarness {

    private StartupHarness() {
    }

    /** The service's JVM options from {@code -Djvm}. */
    static List<String> jvmOptions() {
        String jvm = System.getProperty("jvm", "").trim();
        return jvm.isEmpty() ? List.of() : List.of(jvm.split("\\s+"));
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("jar", "target/medaudit.jar"));
        String database = System.getProperty("database", "sqlite");
        int runs = Integer.getInteger("runs", 5);
        int load = Integer.getInteger("load", 20);
        List<String> jvm = jvmOptions();
        boolean restart = Boolean.getBoolean("restart");
        Path installation = restart ? Files.createTempDirectory("medaudit-installation") : null;
        String body = Files.readString(Path.of("src/test/resources/charts/design-example.json"));
        double[] ready = new double[runs];
        double[] cpu = new double[runs];
        double[] rssReady = new double[runs];
        double[] rssLoaded = new double[runs];
        System.out.println("JVM options: " + (jvm.isEmpty() ? "(none)" : String.join(" ", jvm)));
        System.out.println(restart ? "Restarts on an existing database and rule-book cache"
                : "First starts: a new database and no rule-book cache each time");
        if (restart) {
            try (RunningService install = RunningService.start(jar, database, jvm, installation)) {
                System.out.printf(Locale.ROOT, "installing start (not counted): first 200 after %.2f s (%.2f CPU s)%n",
                        install.ready.toMillis() / 1000.0, install.cpuSeconds());
                // The compiled rules are cached after start-up, beside it: let the write finish before stopping.
                Thread.sleep(5000);
            }
        }
        for (int run = 0; run < runs; run++) {
            try (RunningService service = RunningService.start(jar, database, jvm, installation)) {
                ready[run] = service.ready.toMillis() / 1000.0;
                cpu[run] = service.cpuSeconds();
                rssReady[run] = service.rssMib();
                int posted = load > 0 ? load(service, body, load) : 0;
                rssLoaded[run] = service.rssMib();
                System.out.printf(Locale.ROOT, "run %d: first 200 after %.2f s (%.2f CPU s), RSS %.0f MiB; after %d "
                        + "samples in %d s: RSS %.0f MiB%n", run + 1, ready[run], cpu[run], rssReady[run],
                        posted, load, rssLoaded[run]);
            }
        }
        System.out.printf(Locale.ROOT, "%nMedian of %d runs: first 200 after %.2f s (range %.2f–%.2f; %.2f CPU "
                + "s), RSS after start-up %.0f MiB, after load %.0f MiB (load average now %s)%n", runs,
                IntakeHarness.median(ready), Arrays.stream(ready).min().orElse(0),
                Arrays.stream(ready).max().orElse(0), IntakeHarness.median(cpu), IntakeHarness.median(rssReady),
                IntakeHarness.median(rssLoaded), Files.readString(Path.of("/proc/loadavg")).trim());
        if (installation != null) {
            try (var files = Files.walk(installation)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Posts the design example from 8 clients for {@code seconds}; returns how many were stored. */
    private static int load(RunningService service, String body, int seconds) throws Exception {
        String token = service.intakeToken();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger stored = new AtomicInteger();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            work.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                                    service.base.resolve("/api/v1/samples"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 201) {
                        stored.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : work) {
            future.get();
        }
        pool.shutdown();
        return stored.get();
    }
}
