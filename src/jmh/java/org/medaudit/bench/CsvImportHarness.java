package org.medaudit.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medaudit.sample.ChartSample;

/**
 * CSV import of synthetic charts on a fresh database: through the upload page as a pharmacist uploads a file (time
 * from the first upload to the last report saying done) and through the {@code import-csv} command (time of the
 * whole process). Each run also imports the same file a second time, which must store nothing. docs/performance.md,
 * "CSV import".
 *
 * <pre>
 * mvn -q -DskipTests package
 * java -cp target/medaudit.jar:target/test-classes org.medaudit.bench.CsvImportHarness
 * java -Dcharts=100000 -Druns=3 -Ddatabases=sqlite,postgres -Dvia=upload,command \
 *      -cp target/medaudit.jar:target/test-classes org.medaudit.bench.CsvImportHarness
 * </pre>
 *
 * The file is written once from {@link SyntheticCharts} (seeded, valid, 6 to 12 orders each, spread over the wards
 * of {@code audit-forms/sites.yaml}) in the layout of the service's own template ({@code /audits/upload/template.csv}):
 * one line per order, a chart's single answers on its first line, its lists down its lines. An upload may not exceed
 * {@code MEDAUDIT_MAX_UPLOAD_SIZE} (50 MB by default), so for the upload the file is cut, at chart boundaries, into
 * parts under {@code -Dpart-mb} (default 48) MiB, uploaded one after another as a pharmacist would; the service
 * imports them one at a time. The command takes the whole file. Every run starts a fresh service
 * ({@code target/medaudit.jar}, its own process) on a new, empty database.
 */
public final class CsvImportHarness {

    private static final Pattern JOB = Pattern.compile("/audits/upload/([0-9a-f-]{36})");
    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) lines read: (\\d+) charts stored, (\\d+) already stored by an earlier import, (\\d+) refused");

    /** One import of the file: wall and CPU seconds, and what the import reported and the database holds. */
    record Import(double seconds, double cpuSeconds, long stored, long alreadyStored, long refused,
            long samplesInDatabase) {

        double perSecond(int charts) {
            return charts / seconds;
        }
    }

    private record Measure(String database, String via, int run, Import first, Import second, String load) {
    }

    private CsvImportHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("jar", "target/medaudit.jar")).toAbsolutePath();
        int charts = Integer.getInteger("charts", 100_000);
        int runs = Integer.getInteger("runs", 3);
        long partBytes = Long.getLong("part-mb", 48) * 1024 * 1024;
        List<String> databases = List.of(System.getProperty("databases", "sqlite").split(","));
        List<String> vias = List.of(System.getProperty("via", "upload,command").split(","));
        List<String> jvm = StartupHarness.jvmOptions();
        Path folder = Files.createTempDirectory("medaudit-csv-bench");
        try {
            List<String> columns;
            try (RunningService service = RunningService.start(jar, databases.get(0), jvm)) {
                columns = template(service);
            }
            Path whole = folder.resolve("charts.csv");
            long lines = write(whole, columns, charts);
            List<Path> parts = split(whole, partBytes, folder);
            System.out.printf(Locale.ROOT, "%,d charts, %,d lines, %.1f MiB (%d upload parts of at most %d MiB); "
                    + "load average %s%n", charts, lines, Files.size(whole) / 1048576.0, parts.size(),
                    partBytes / 1048576, loadAverage());

            List<Measure> all = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                for (String database : databases) {
                    for (String via : vias) {
                        try (RunningService service = RunningService.start(jar, database, jvm)) {
                            Import first = via.equals("upload") ? upload(service, parts) : command(service, jar,
                                    whole, jvm, folder);
                            Import second = via.equals("upload") ? upload(service, parts) : command(service, jar,
                                    whole, jvm, folder);
                            Measure measure = new Measure(database, via, run, first, second, loadAverage());
                            all.add(measure);
                            print(measure, charts);
                            check(measure, charts);
                        }
                    }
                }
            }
            System.out.printf("%nMedians of %d runs, %,d charts (load average now %s)%n%n", runs, charts,
                    loadAverage());
            System.out.println("| database | via | total s | samples/s | CPU s | stored | again: s | again: stored "
                    + "| again: already stored |");
            System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
            for (String database : databases) {
                for (String via : vias) {
                    List<Measure> these = all.stream().filter(m -> m.database().equals(database)
                            && m.via().equals(via)).toList();
                    double seconds = median(these.stream().mapToDouble(m -> m.first().seconds()).toArray());
                    System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.0f | %.1f | %d | %.1f | %d | %d |%n",
                            database, via, seconds, charts / seconds,
                            median(these.stream().mapToDouble(m -> m.first().cpuSeconds()).toArray()),
                            these.get(0).first().samplesInDatabase(),
                            median(these.stream().mapToDouble(m -> m.second().seconds()).toArray()),
                            these.get(0).second().stored(), these.get(0).second().alreadyStored());
                }
            }
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void print(Measure m, int charts) {
        System.out.printf(Locale.ROOT, "%s %s run %d: %.1f s, %.0f samples/s, CPU %.1f s; stored %d, refused %d, "
                + "%d in the database; again: %.1f s, stored %d, already stored %d, %d in the database "
                + "(load average %s)%n", m.database(), m.via(), m.run(), m.first().seconds(),
                m.first().perSecond(charts), m.first().cpuSeconds(), m.first().stored(), m.first().refused(),
                m.first().samplesInDatabase(), m.second().seconds(), m.second().stored(), m.second().alreadyStored(),
                m.second().samplesInDatabase(), m.load());
    }

    /** Every chart stored once; the second import stores nothing. A failure here is printed, not thrown. */
    private static void check(Measure m, int charts) {
        List<String> wrong = new ArrayList<>();
        if (m.first().stored() != charts || m.first().samplesInDatabase() != charts) {
            wrong.add("first import stored " + m.first().stored() + " (database: " + m.first().samplesInDatabase()
                    + ") of " + charts);
        }
        if (m.second().stored() != 0 || m.second().alreadyStored() != charts
                || m.second().samplesInDatabase() != charts) {
            wrong.add("second import stored " + m.second().stored() + ", already stored " + m.second().alreadyStored()
                    + " (database: " + m.second().samplesInDatabase() + ")");
        }
        if (!wrong.isEmpty()) {
            System.out.println("  WRONG: " + String.join("; ", wrong));
        }
    }

    // ---- the two ways in ----

    /** Uploads every part, one after another, then waits until every report says done. */
    private static Import upload(RunningService service, List<Path> parts) throws Exception {
        RunningService.Session session = service.signIn();
        session.client().send(HttpRequest.newBuilder(service.base.resolve("/audits/upload"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.discarding());
        double cpuBefore = service.cpuSeconds();
        long start = System.nanoTime();
        List<String> jobs = new ArrayList<>();
        for (Path part : parts) {
            jobs.add(post(service.base, session, part));
        }
        long stored = 0;
        long already = 0;
        long refused = 0;
        for (String job : jobs) {
            while (true) {
                HttpResponse<String> status = session.client().send(HttpRequest.newBuilder(
                        service.base.resolve("/audits/upload/" + job + "/status")).header("Accept",
                        "application/json").build(), HttpResponse.BodyHandlers.ofString());
                if (status.statusCode() != 200) {
                    throw new IllegalStateException("Import status answered " + status.statusCode());
                }
                if (status.body().contains("\"done\":true")) {
                    if (!status.body().contains("\"state\":\"done\"")) {
                        throw new IllegalStateException("Import " + job + " failed: " + status.body());
                    }
                    stored += number(status.body(), "stored");
                    already += number(status.body(), "alreadyStored");
                    refused += number(status.body(), "refused");
                    break;
                }
                Thread.sleep(200);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Import(seconds, service.cpuSeconds() - cpuBefore, stored, already, refused, samples(service));
    }

    /** Posts one file as the upload form does (the CSRF token first); the import's id. */
    private static String post(URI base, RunningService.Session session, Path file) throws Exception {
        String boundary = "----MedAuditBench" + System.nanoTime();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + session.csrf()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"ward\"\r\n\r\n\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: text/csv\r\n\r\n";
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/audits/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                .build();
        HttpResponse<String> response = session.client().send(request, HttpResponse.BodyHandlers.ofString());
        Matcher job = JOB.matcher(response.headers().firstValue("Location").orElse(""));
        if (response.statusCode() != 303 || !job.find()) {
            throw new IllegalStateException("Upload answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        return job.group(1);
    }

    /**
     * Runs {@code java -jar medaudit.jar import-csv FILE --user admin} on the service's database (beside the
     * running service, as two instances share one), timing the whole process: JVM start, context, import.
     */
    private static Import command(RunningService service, Path jar, Path file, List<String> jvm, Path folder)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "cpu %U %S",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvm);
        command.addAll(List.of("-jar", jar.toString(), "import-csv", file.toString(), "--user", "admin"));
        Path out = folder.resolve("command.out");
        Path err = folder.resolve("command.err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(service.databaseEnvironment());
        long start = System.nanoTime();
        Process process = builder.start();
        int status = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        String report = tail(out);
        Matcher summary = SUMMARY.matcher(report);
        Matcher cpu = Pattern.compile("cpu ([0-9.]+) ([0-9.]+)").matcher(Files.readString(err));
        if (!summary.find() || !cpu.find()) {
            throw new IllegalStateException("import-csv exited " + status + ": " + report + "\n"
                    + Files.readString(err));
        }
        return new Import(seconds, Double.parseDouble(cpu.group(1)) + Double.parseDouble(cpu.group(2)),
                Long.parseLong(summary.group(2)), Long.parseLong(summary.group(3)), Long.parseLong(summary.group(4)),
                samples(service));
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    private static long samples(RunningService service) throws Exception {
        try (Connection connection = service.connect(); Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM chart_sample")) {
            count.next();
            return count.getLong(1);
        }
    }

    // ---- the file ----

    /** The template's columns, as a pharmacist downloads them. */
    private static List<String> template(RunningService service) throws Exception {
        HttpResponse<String> template = service.signIn().client().send(HttpRequest.newBuilder(
                service.base.resolve("/audits/upload/template.csv")).header("Accept", "text/csv").build(),
                HttpResponse.BodyHandlers.ofString());
        if (template.statusCode() != 200) {
            throw new IllegalStateException("The template answered " + template.statusCode());
        }
        return List.of(template.body().strip().split(","));
    }

    /** Writes {@code count} synthetic charts in the template's layout; the number of lines written. */
    static long write(Path file, List<String> columns, int count) throws IOException {
        long lines = 1;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", columns));
            out.write("\r\n");
            SyntheticCharts generator = new SyntheticCharts(SyntheticCharts.DEFAULT_SEED);
            for (int n = 1; n <= count; n++) {
                ChartSample chart = generator.next();
                Map<String, Map<Integer, String>> cells = cells(onKnownWard(chart, n));
                int height = cells.values().stream().mapToInt(byLine -> byLine.keySet().stream()
                        .mapToInt(Integer::intValue).max().orElse(0) + 1).max().orElse(1);
                for (int k = 0; k < height; k++) {
                    StringBuilder line = new StringBuilder();
                    for (String column : columns) {
                        if (!column.equals(columns.get(0))) {
                            line.append(',');
                        }
                        String value = column.equals("chart") ? Integer.toString(n)
                                : cells.getOrDefault(column, Map.of()).getOrDefault(k, "");
                        line.append(quoted(value));
                    }
                    out.write(line.append("\r\n").toString());
                    lines++;
                }
            }
        }
        return lines;
    }

    private static ChartSample onKnownWard(ChartSample chart, int n) {
        return new ChartSample(IntakeHarness.WARDS.get(n % IntakeHarness.WARDS.size()), chart.auditDate(),
                chart.sampleType(), chart.patient(), chart.admission(), chart.preAdmissionMedicines(), chart.orders(),
                chart.omittedDoses(), chart.monitoring());
    }

    /**
     * A chart as CSV cells: column (the contract path with dots) → line of the chart → value. A single answer is on
     * line 0; the k-th item of a list on line k; a list of codes is one cell separated by semicolons; an empty list
     * is "yes" in its {@code .none} column.
     */
    static Map<String, Map<Integer, String>> cells(ChartSample chart) {
        Map<String, Map<Integer, String>> cells = new TreeMap<>();
        cells(chart, "", 0, cells);
        return cells;
    }

    private static void cells(Record record, String prefix, int line, Map<String, Map<Integer, String>> cells) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String name = prefix + component.getName();
            if (value == null) {
                continue;
            }
            if (value instanceof List<?> list && (list.isEmpty() || list.get(0) instanceof Record)) {
                if (list.isEmpty()) {
                    cells.computeIfAbsent(name + ".none", c -> new LinkedHashMap<>()).put(line, "yes");
                }
                for (int k = 0; k < list.size(); k++) {
                    cells((Record) list.get(k), name + ".", k, cells);
                }
            } else if (value instanceof List<?> codes) {
                cells.computeIfAbsent(name, c -> new LinkedHashMap<>()).put(line,
                        String.join(";", codes.stream().map(String::valueOf).toList()));
            } else if (value instanceof Record part) {
                cells(part, name + ".", line, cells);
            } else {
                String text = value instanceof Boolean yes ? (yes ? "yes" : "no") : value.toString();
                cells.computeIfAbsent(name, c -> new LinkedHashMap<>()).put(line, text);
            }
        }
    }

    private static String quoted(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /** Cuts the file at chart boundaries into parts of at most {@code maxBytes}, each with the header line. */
    private static List<Path> split(Path whole, long maxBytes, Path folder) throws IOException {
        List<Path> parts = new ArrayList<>();
        List<String> lines = Files.readAllLines(whole, StandardCharsets.UTF_8);
        String header = lines.get(0) + "\r\n";
        StringBuilder part = new StringBuilder(header);
        StringBuilder chart = new StringBuilder();
        String reference = null;
        for (int i = 1; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : null;
            String ref = line == null ? null : line.substring(0, line.indexOf(','));
            if (reference != null && !reference.equals(ref)) {
                if (part.length() + chart.length() > maxBytes && part.length() > header.length()) {
                    parts.add(writePart(folder, parts.size(), part));
                    part = new StringBuilder(header);
                }
                part.append(chart);
                chart.setLength(0);
            }
            if (line != null) {
                chart.append(line).append("\r\n");
                reference = ref;
            }
        }
        parts.add(writePart(folder, parts.size(), part));
        return parts;
    }

    private static Path writePart(Path folder, int index, StringBuilder content) throws IOException {
        Path part = folder.resolve("part-" + (index + 1) + ".csv");
        Files.writeString(part, content, StandardCharsets.UTF_8);
        return part;
    }

    private static long number(String json, String field) {
        Matcher value = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        return value.find() ? Long.parseLong(value.group(1)) : -1;
    }

    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return String.join(" ", Arrays.copyOf(fields, 3));
    }

    private static double median(double[] values) {
        return IntakeHarness.median(values);
    }
}
