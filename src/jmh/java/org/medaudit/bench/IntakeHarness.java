package org.medaudit.bench;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medaudit.sample.ChartSample;

/**
 * Intake over HTTP, rules and storage together, against the same rows written by plain batched JDBC in the same
 * run (the storage limit), on SQLite and PostgreSQL with 1, 8 and 32 concurrent clients (docs/performance.md).
 *
 * <pre>
 * mvn -q -P bench clean package -DskipTests &amp;&amp; mvn -q -DskipTests package
 * java -cp target/benchmarks.jar org.medaudit.bench.IntakeHarness            # both databases, 3 rounds
 * java -Ddatabases=sqlite -Drounds=5 -Dseconds=10 -Dclients=1,8,32 -cp target/benchmarks.jar org.medaudit.bench.IntakeHarness
 * </pre>
 *
 * Each database gets a fresh service ({@code target/medaudit.jar}, its own process) and a warm-up; then each round
 * runs every client count for {@code seconds}: clients post synthetic charts (seeded, valid, about 9 orders each)
 * with an idempotency key, each waiting for its answer before sending the next. The samples just stored are then
 * read back and written again, with new ids, by plain JDBC: one transaction per sample, one batch per table, on as
 * many connections as the service's pool (or clients, if fewer). Medians over the rounds are printed as a table.
 */
public final class IntakeHarness {

    /** Every table one sample writes, parents first; the audit-trail row is written too. */
    private static final List<String> TABLES = List.of("chart_sample", "sample_condition", "sample_allergy",
            "pre_admission_medicine", "medication_order", "omitted_dose", "monitoring_result", "finding");

    private record Measure(String database, int clients, double samplesPerSecond, double p50Ms, double p99Ms,
            double jdbcSamplesPerSecond) {
    }

    /** One sample's rows, as read back: table → rows of column → value. */
    private record StoredSample(String id, Map<String, List<Map<String, Object>>> rows) {
    }

    private IntakeHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("jar", "target/medaudit.jar"));
        List<String> databases = List.of(System.getProperty("databases", "sqlite,postgres").split(","));
        int[] clientCounts = Arrays.stream(System.getProperty("clients", "1,8,32").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int rounds = Integer.getInteger("rounds", 3);
        int seconds = Integer.getInteger("seconds", 10);
        int warmup = Integer.getInteger("warmup", 20);
        List<String> jvm = StartupHarness.jvmOptions();
        List<String> bodies = charts(20_000);

        List<Measure> all = new ArrayList<>();
        for (String database : databases) {
            try (RunningService service = RunningService.start(jar, database, jvm)) {
                String token = service.intakeToken();
                System.out.printf("%s: service ready in %d ms; warming up %d s%n", database,
                        service.ready.toMillis(), warmup);
                post(service.base, token, bodies, 8, warmup);
                int pool = database.equals("postgres") ? 10 : 4;
                for (int round = 1; round <= rounds; round++) {
                    for (int clients : clientCounts) {
                        Posted posted = post(service.base, token, bodies, clients, seconds);
                        double jdbc = jdbcRewrite(service, posted.ids(), Math.min(clients, pool));
                        Measure measure = new Measure(database, clients, posted.perSecond(), posted.p50(),
                                posted.p99(), jdbc);
                        all.add(measure);
                        System.out.printf(Locale.ROOT, "%s round %d, %2d clients: %7.1f samples/s, p50 %6.1f ms, "
                                + "p99 %6.1f ms; JDBC %8.1f samples/s (%.0f %%), %d errors%n", database, round,
                                clients, measure.samplesPerSecond(), measure.p50Ms(), measure.p99Ms(), jdbc,
                                100 * measure.samplesPerSecond() / jdbc, posted.errors());
                    }
                }
            }
        }
        System.out.println();
        System.out.printf("Medians of %d rounds of %d s (load average now %s)%n%n", rounds, seconds,
                java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.println("| database | clients | samples/s | p50 ms | p99 ms | plain JDBC samples/s | HTTP / JDBC |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (String database : databases) {
            for (int clients : clientCounts) {
                List<Measure> runs = all.stream()
                        .filter(m -> m.database().equals(database) && m.clients() == clients).toList();
                double rate = median(runs.stream().mapToDouble(Measure::samplesPerSecond).toArray());
                double jdbc = median(runs.stream().mapToDouble(Measure::jdbcSamplesPerSecond).toArray());
                System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.2f |%n", database, clients,
                        rate, median(runs.stream().mapToDouble(Measure::p50Ms).toArray()),
                        median(runs.stream().mapToDouble(Measure::p99Ms).toArray()), jdbc, rate / jdbc);
            }
        }
    }

    /** The wards of the shipped audit-forms/sites.yaml; the synthetic charts' own wards are not all there. */
    static final List<String> WARDS = List.of("AMU", "W12", "W14", "SAU", "ICU", "NCH-REHAB", "NCH-STROKE");

    /** Synthetic charts as contract JSON (dated 2025, so every one is accepted), spread over the known wards. */
    private static List<String> charts(int count) {
        List<String> bodies = new ArrayList<>(count);
        for (ChartSample chart : SyntheticCharts.generate(SyntheticCharts.DEFAULT_SEED, count)) {
            ChartSample onKnownWard = new ChartSample(WARDS.get(bodies.size() % WARDS.size()), chart.auditDate(),
                    chart.sampleType(), chart.patient(), chart.admission(), chart.preAdmissionMedicines(),
                    chart.orders(), chart.omittedDoses(), chart.monitoring());
            StringBuilder json = new StringBuilder();
            write(onKnownWard, json);
            bodies.add(json.toString());
        }
        return bodies;
    }

    /**
     * Writes a contract record as JSON: component names are the contract's field names, an absent (null) part is
     * left out, dates are ISO text. (Serde would start an application context to do this.)
     */
    private static void write(Object value, StringBuilder json) {
        if (value instanceof Record record) {
            json.append('{');
            boolean first = true;
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object part;
                try {
                    part = component.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                if (part == null) {
                    continue;
                }
                json.append(first ? "" : ",").append('"').append(component.getName()).append("\":");
                write(part, json);
                first = false;
            }
            json.append('}');
        } else if (value instanceof List<?> list) {
            json.append('[');
            for (int i = 0; i < list.size(); i++) {
                json.append(i == 0 ? "" : ",");
                write(list.get(i), json);
            }
            json.append(']');
        } else if (value instanceof Number || value instanceof Boolean) {
            json.append(value);
        } else {
            json.append('"').append(value.toString().replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
    }

    private record Posted(List<String> ids, double perSecond, double p50, double p99, int errors) {
    }

    private static final AtomicInteger KEYS = new AtomicInteger();

    /** {@code clients} threads post charts, one at a time each, for {@code seconds}. */
    private static Posted post(URI base, String token, List<String> bodies, int clients, int seconds)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Pattern idPattern = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
        AtomicInteger next = new AtomicInteger(KEYS.get());
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<long[]>>> work = new ArrayList<>();
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < clients; c++) {
            work.add(pool.submit(() -> {
                List<long[]> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                    int n = next.getAndIncrement();
                    HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/samples"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .header("Idempotency-Key", "bench-" + n).timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(n % bodies.size()))).build();
                    long sent = System.nanoTime();
                    HttpResponse<String> response = http.send(request,
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    long took = System.nanoTime() - sent;
                    if (response.statusCode() != 201) {
                        if (errors.incrementAndGet() <= 3) {
                            System.err.println("Intake answered " + response.statusCode() + ": "
                                    + response.body().substring(0, Math.min(300, response.body().length())));
                        }
                        continue;
                    }
                    Matcher id = idPattern.matcher(response.body());
                    if (id.find()) {
                        ids.add(id.group(1));
                    }
                    latencies.add(new long[] {took});
                }
                return latencies;
            }));
        }
        List<Long> latencies = new ArrayList<>();
        for (Future<List<long[]>> future : work) {
            future.get().forEach(l -> latencies.add(l[0]));
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        KEYS.set(next.get());
        latencies.sort(null);
        return new Posted(List.copyOf(ids), latencies.size() / elapsed, percentile(latencies, 50),
                percentile(latencies, 99), errors.get());
    }

    /**
     * Reads back the samples just stored and writes them again, with new ids, by plain batched JDBC on
     * {@code connections} threads: one transaction per sample, one batch per table, the audit-trail row included.
     */
    private static double jdbcRewrite(RunningService service, List<String> ids, int connections) throws Exception {
        List<StoredSample> samples = read(service, ids);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<Integer>> work = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            work.add(pool.submit(() -> {
                int written = 0;
                try (Connection connection = service.connect()) {
                    connection.setAutoCommit(false);
                    Map<String, PreparedStatement> statements = new HashMap<>();
                    for (int i = next.getAndIncrement(); i < samples.size(); i = next.getAndIncrement()) {
                        write(connection, statements, samples.get(i));
                        connection.commit();
                        written++;
                    }
                    for (PreparedStatement statement : statements.values()) {
                        statement.close();
                    }
                }
                return written;
            }));
        }
        int written = 0;
        for (Future<Integer> future : work) {
            written += future.get();
        }
        pool.shutdown();
        return written / ((System.nanoTime() - start) / 1e9);
    }

    private static void write(Connection connection, Map<String, PreparedStatement> statements, StoredSample sample)
            throws SQLException {
        String id = UUID.randomUUID().toString();
        for (Map.Entry<String, List<Map<String, Object>>> table : sample.rows().entrySet()) {
            List<Map<String, Object>> rows = table.getValue();
            if (rows.isEmpty()) {
                continue;
            }
            List<String> columns = new ArrayList<>(rows.get(0).keySet());
            PreparedStatement insert = statements.computeIfAbsent(table.getKey(), name -> prepare(connection, name,
                    columns));
            for (Map<String, Object> row : rows) {
                int i = 1;
                for (String column : columns) {
                    Object value = row.get(column);
                    if (column.equals("sample_id") || (column.equals("id") && table.getKey().equals("chart_sample"))
                            || column.equals("subject_id")) {
                        value = id;
                    } else if (column.equals("id")) {
                        value = UUID.randomUUID().toString(); // finding ids are text
                    } else if (column.equals("idempotency_key")) {
                        value = "jdbc-" + id;
                    }
                    insert.setObject(i++, value);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static PreparedStatement prepare(Connection connection, String table, List<String> columns) {
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        try {
            return connection.prepareStatement(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The stored rows of these samples, every column but generated integer ids. */
    private static List<StoredSample> read(RunningService service, List<String> ids) throws SQLException {
        Map<String, StoredSample> samples = new LinkedHashMap<>();
        ids.forEach(id -> samples.put(id, new StoredSample(id, new LinkedHashMap<>())));
        try (Connection connection = service.connect(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>(TABLES);
            tables.add("audit_event");
            for (String table : tables) {
                samples.values().forEach(sample -> sample.rows().put(table, new ArrayList<>()));
                String key = table.equals("chart_sample") ? "id"
                        : table.equals("audit_event") ? "subject_id" : "sample_id";
                String where = table.equals("audit_event") ? " WHERE action = 'sample.created'" : "";
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table + where)) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        StoredSample sample = samples.get(rows.getString(key));
                        if (sample == null) {
                            continue;
                        }
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            String column = meta.getColumnName(c).toLowerCase(Locale.ROOT);
                            boolean generated = column.equals("id") && !table.equals("chart_sample")
                                    && !table.equals("finding");
                            if (!generated) {
                                row.put(column, rows.getObject(c));
                            }
                        }
                        sample.rows().get(table).add(row);
                    }
                }
            }
        }
        return List.copyOf(samples.values());
    }

    static double percentile(List<Long> sortedNanos, int percent) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
