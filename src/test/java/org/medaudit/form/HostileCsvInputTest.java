package org.medaudit.form;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.medaudit.security.Users;
import org.medaudit.support.ChartGenerator;
import org.medaudit.support.Http;
import org.medaudit.support.Identifiers;
import org.medaudit.support.People;
import org.medaudit.support.Tables;
import org.medaudit.support.TestDatabases;

/**
 * Hostile CSV files, generated: valid charts from the seeded {@link ChartGenerator} written in the upload's layout,
 * then one chart or the file mutated one way — wrong types, huge numbers, very long strings, invalid UTF-8, a
 * byte-order mark, control characters, unbalanced quotes, line breaks inside values, too many or too few values on a
 * line, unknown, duplicate or empty header columns, a header only, an empty file, thousands of orders in one chart,
 * identifiers in free text and in the chart reference, contradicting answers, a file over the upload limit — uploaded
 * as a pharmacist does, then imported again by the {@code import-csv} command. Whatever arrives: never a 5xx; a
 * refused chart is reported with its line and column and stores nothing; an accepted chart is stored once, and the
 * command, given the same file afterwards, stores nothing more and refuses the same charts.
 *
 * <p>The JSON intake and the audit form have the same treatment in {@code HostileInputTest}. The seed is printed;
 * replay a failure with {@code -Dmedaudit.seed=<seed>} ({@code -Dmedaudit.csv-cases=<n>} for more cases).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileCsvInputTest implements TestPropertyProvider {

    static final long SEED = Long.getLong("medaudit.seed", 20261130L);
    static final int CASES = Integer.getInteger("medaudit.csv-cases", 80);
    /** A smaller upload limit than the default 50 MB, so that going over it costs little. */
    static final int MAX_UPLOAD = 2 * 1024 * 1024;

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationContext context;

    @Inject
    DataSource dataSource;

    @Inject
    Users users;

    @Inject
    ImportJobs jobs;

    @Inject
    FormCatalogue forms;

    Http http;
    CsvLayout layout;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabases.sqlite());
        properties.put("micronaut.server.max-request-size", String.valueOf(MAX_UPLOAD));
        properties.put("micronaut.server.multipart.max-file-size", String.valueOf(MAX_UPLOAD));
        return properties;
    }

    @BeforeAll
    void signIn() {
        http = People.pharmacist(server, users);
        http.get("/audits/upload", Http.BROWSER_ACCEPT);
        layout = CsvLayout.of(forms.defaultForm());
        System.out.println("HostileCsvInputTest seed " + SEED + " (replay: -Dmedaudit.seed=" + SEED + ")");
    }

    /** What a chart of the file must become. */
    enum Expect { ACCEPTED, REFUSED, EITHER, NOT_STORED }

    /**
     * One chart of a file: its lines (each a list of raw CSV cells, already quoted where needed), what it must
     * become, and the cell a refusal must name (0-based line of the chart, column name), if any.
     */
    static final class Chart {
        final List<List<String>> lines = new ArrayList<>();
        Expect expect = Expect.ACCEPTED;
        int problemLine = -1;
        String problemColumn;
        /** Lines of the chart that a line break inside a value split in two. */
        int extraLines;
    }

    /** A file: the header cells, the charts, and what the file as a whole must get. */
    static final class CsvFile {
        List<String> header;
        final List<Chart> charts = new ArrayList<>();
        String name;
        byte[] prefix = new byte[0];
        /** The whole file refused at line 1 (a header problem): nothing stored. */
        boolean refusedFile;
        /** Bytes given as they are (an empty file, invalid UTF-8), instead of the charts written out. */
        byte[] raw;
        /** Mutations that cannot name a chart (the file is cut short at an unbalanced quote). */
        boolean cutShort;
        /** An identifier in the file, which no report may show. */
        String secret;

        byte[] bytes() {
            if (raw != null) {
                return raw;
            }
            StringBuilder text = new StringBuilder(String.join(",", header)).append("\r\n");
            for (Chart chart : charts) {
                for (List<String> line : chart.lines) {
                    text.append(String.join(",", line)).append("\r\n");
                }
            }
            byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(prefix);
            out.writeBytes(body);
            return out.toByteArray();
        }
    }

    @TestFactory
    Stream<DynamicTest> hostileCsvFilesNeverBreakTheImport() {
        Random random = new Random(SEED + 3);
        ChartGenerator generator = new ChartGenerator(random, LocalDate.now());
        List<CsvFile> files = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            CsvFile file = file(random, generator);
            mutate(random, file);
            file.name = "#" + i + " " + file.name;
            files.add(file);
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.name, () -> check(file)));
    }

    // ---- a valid file ----

    private CsvFile file(Random random, ChartGenerator generator) {
        CsvFile file = new CsvFile();
        file.header = new ArrayList<>(layout.names());
        file.name = "valid";
        int count = 1 + random.nextInt(3);
        for (int n = 0; n < count; n++) {
            file.charts.add(chart(generator.chart(), String.valueOf(n + 1), file.header));
        }
        return file;
    }

    /** A contract chart as CSV lines: single answers on the first line, the k-th item of each list on line k. */
    static Chart chart(Map<String, Object> tree, String reference, List<String> header) {
        Map<String, Map<Integer, String>> cells = new HashMap<>();
        cells(tree, "", 0, cells);
        int height = cells.values().stream().mapToInt(lines -> lines.keySet().stream().mapToInt(k -> k).max()
                .orElse(0) + 1).max().orElse(1);
        Chart chart = new Chart();
        for (int k = 0; k < height; k++) {
            List<String> line = new ArrayList<>();
            for (String column : header) {
                line.add(column.equals(CsvLayout.CHART) ? reference
                        : quoted(cells.getOrDefault(column, Map.of()).getOrDefault(k, "")));
            }
            chart.lines.add(line);
        }
        return chart;
    }

    private static void cells(Object node, String prefix, int line, Map<String, Map<Integer, String>> cells) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                String name = prefix + key;
                if (value instanceof List<?> list && (list.isEmpty() || list.get(0) instanceof Map)) {
                    if (list.isEmpty()) {
                        cells.computeIfAbsent(name + ".none", c -> new HashMap<>()).put(line, "yes");
                    }
                    for (int k = 0; k < list.size(); k++) {
                        cells(list.get(k), name + ".", k, cells);
                    }
                } else if (value instanceof List<?> codes) {
                    cells.computeIfAbsent(name, c -> new HashMap<>()).put(line,
                            String.join(";", codes.stream().map(String::valueOf).toList()));
                } else if (value instanceof Map<?, ?>) {
                    cells(value, name + ".", line, cells);
                } else if (value != null) {
                    cells.computeIfAbsent(name, c -> new HashMap<>()).put(line,
                            value instanceof Boolean yes ? (yes ? "yes" : "no") : String.valueOf(value));
                }
            });
        }
    }

    static String quoted(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    // ---- mutations ----

    private void mutate(Random random, CsvFile file) {
        Chart chart = file.charts.get(random.nextInt(file.charts.size()));
        switch (random.nextInt(20)) {
            case 0 -> file.name = "valid";
            case 1 -> wrongType(random, file, chart);
            case 2 -> hugeNumber(random, file, chart);
            case 3 -> longString(random, file, chart);
            case 4 -> invalidUtf8(random, file, chart);
            case 5 -> {
                file.prefix = new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
                file.name = "UTF-8 byte-order mark";
            }
            case 6 -> controlCharacter(random, file, chart);
            case 7 -> unbalancedQuote(random, file, chart);
            case 8 -> lineBreakInValue(random, file, chart);
            case 9 -> wrongWidth(random, file, chart);
            case 10 -> headerProblem(random, file);
            case 11 -> {
                file.charts.clear();
                file.name = "header only";
            }
            case 12 -> emptyFile(random, file);
            case 13 -> manyOrders(random, file, chart);
            case 14 -> identifier(random, file, chart);
            case 15 -> identifyingReference(random, file, chart);
            case 16 -> contradiction(random, file, chart);
            case 17 -> splitChart(file, chart);
            case 18 -> overTheLimit(file, chart);
            default -> wrongType(random, file, chart);
        }
    }

    /** A column of the layout of one of these types, with the line of the chart to put a value on. */
    private CsvLayout.Column column(Random random, List<String> types) {
        List<CsvLayout.Column> columns = layout.columns().stream().filter(c -> c.field() != null
                && types.contains(c.field().type())).toList();
        return columns.get(random.nextInt(columns.size()));
    }

    private void set(Random random, Chart chart, List<String> header, CsvLayout.Column column, String value,
            Expect expect) {
        int line = column.once() ? 0 : lineWithItem(random, chart, header, column);
        chart.lines.get(line).set(header.indexOf(column.name()), value);
        chart.expect = expect;
        chart.problemLine = line;
        chart.problemColumn = column.name();
    }

    /**
     * A line of the chart that holds an item of the column's list, so that a bad value is the item's only problem
     * (a value on a line of its own would also leave the item's required answers missing); any line if none does.
     */
    private static int lineWithItem(Random random, Chart chart, List<String> header, CsvLayout.Column column) {
        String list = column.name().substring(0, column.name().lastIndexOf('.') + 1);
        List<Integer> withItem = new ArrayList<>();
        for (int k = 0; k < chart.lines.size(); k++) {
            List<String> cells = chart.lines.get(k);
            for (int c = 0; c < header.size(); c++) {
                if (header.get(c).startsWith(list) && !header.get(c).endsWith(".none") && !cells.get(c).isEmpty()) {
                    withItem.add(k);
                    break;
                }
            }
        }
        return withItem.isEmpty() ? random.nextInt(chart.lines.size()) : withItem.get(random.nextInt(withItem.size()));
    }

    private void wrongType(Random random, CsvFile file, Chart chart) {
        CsvLayout.Column column = column(random, List.of(FormField.NUMBER, FormField.DATE, FormField.DATETIME,
                FormField.YES_NO, FormField.CHOICE));
        String value = switch (column.field().type()) {
            case FormField.NUMBER -> random(random, "abc", "12abc", "1.2.3", "--1", "\"1,5\"", "NaN", "Infinity",
                    "0x10", "1e");
            case FormField.DATE -> random(random, "2026-02-30", "14/10/2026", "tomorrow", "2026-13-01", "20261014");
            case FormField.DATETIME -> random(random, "2026-10-12 25:00", "12/10/2026 14:05", "noon", "2026-10-12T");
            case FormField.YES_NO -> random(random, "maybe", "2", "ja", "yes please");
            default -> random(random, "by mouth", "unknown-code", "<script>alert(1)</script>", "' OR 1=1 --");
        };
        set(random, chart, file.header, column, value, Expect.REFUSED);
        file.name = "wrong type in " + column.name() + ": " + value;
    }

    private void hugeNumber(Random random, CsvFile file, Chart chart) {
        CsvLayout.Column column = column(random, List.of(FormField.NUMBER));
        String value = random(random, "1e308", "-1e308", "1e999", "123456789012345678901234567890", "-0.0",
                "4.9e-324", "1" + "0".repeat(150), "2147483648", "-2147483649", "0.0000000000000000000001",
                "9".repeat(200_000), "1e2147483647", "1e-2147483648");
        set(random, chart, file.header, column, value, Expect.EITHER);
        file.name = "number " + value + " in " + column.name();
    }

    private void longString(Random random, CsvFile file, Chart chart) {
        CsvLayout.Column column = column(random, List.of(FormField.TEXT, FormField.CHOICE));
        int length = random(random, 201, 5_000, 100_000);
        String letter = random(random, "a", "é", "中", "😀");
        set(random, chart, file.header, column, letter.repeat(length), Expect.REFUSED);
        file.name = length + " × \"" + letter + "\" in " + column.name();
    }

    /** Bytes that are not UTF-8 in one cell (a file saved as Latin-1 by a spreadsheet, or corrupted). */
    private void invalidUtf8(Random random, CsvFile file, Chart chart) {
        CsvLayout.Column column = column(random, List.of(FormField.TEXT));
        set(random, chart, file.header, column, "para@BAD@cetamol", Expect.REFUSED);
        byte[][] sequences = {{(byte) 0xff}, {(byte) 0xc3, 0x28}, {(byte) 0xe2, (byte) 0x82},
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xe9}, {(byte) 0x80}};
        byte[] bad = sequences[random.nextInt(sequences.length)];
        file.raw = replace(file.bytes(), "@BAD@", bad);
        file.name = "invalid UTF-8 " + java.util.HexFormat.of().formatHex(bad) + " in " + column.name();
    }

    private void controlCharacter(Random random, CsvFile file, Chart chart) {
        CsvLayout.Column column = column(random, List.of(FormField.TEXT));
        String control = random(random, "\u0000", "\u0007", "\u001b[31m", "\u007f", "\u0008");
        set(random, chart, file.header, column, "para" + control + "cetamol", Expect.REFUSED);
        file.name = "control character U+" + String.format("%04X", (int) control.charAt(0)) + " in "
                + column.name();
    }

    /** A value opened with a quote that never closes: the rest of the file is one value, and cannot be trusted. */
    private void unbalancedQuote(Random random, CsvFile file, Chart chart) {
        CsvLayout.Column column = column(random, List.of(FormField.TEXT));
        boolean atStart = random.nextBoolean();
        set(random, chart, file.header, column, atStart ? "\"paracetamol" : "para\"cetamol", atStart
                ? Expect.NOT_STORED : Expect.EITHER);
        if (atStart) {
            file.cutShort = true;
            chart.problemColumn = null;
            int at = file.charts.indexOf(chart);
            file.charts.subList(at + 1, file.charts.size()).forEach(later -> later.expect = Expect.NOT_STORED);
            if (chart.problemLine == 0 && at > 0) {
                // The chart before is still open when the file stops being readable: it may be refused as cut short.
                file.charts.get(at - 1).expect = Expect.EITHER;
            }
        }
        file.name = "unbalanced quote " + (atStart ? "opening" : "inside") + " a value in " + column.name();
    }

    /** A line break inside a quoted value (refused as a control character), or bare, splitting the line in two. */
    private void lineBreakInValue(Random random, CsvFile file, Chart chart) {
        CsvLayout.Column column = column(random, List.of(FormField.TEXT));
        String lineBreak = random(random, "\n", "\r", "\r\n");
        boolean quotedValue = random.nextBoolean();
        String value = quotedValue ? "\"para" + lineBreak + "cetamol\"" : "para" + lineBreak + "cetamol";
        set(random, chart, file.header, column, value, quotedValue ? Expect.REFUSED : Expect.NOT_STORED);
        chart.extraLines = 1;
        if (!quotedValue) {
            // The line is cut in two: the first half is short, the second starts a chart of its own.
            chart.problemColumn = null;
        }
        file.name = (quotedValue ? "quoted" : "bare") + " line break "
                + lineBreak.replace("\r", "CR").replace("\n", "LF") + " in " + column.name();
    }

    /** Values that do not line up with the header: an unquoted comma, or a line cut short. */
    private void wrongWidth(Random random, CsvFile file, Chart chart) {
        int line = random.nextInt(chart.lines.size());
        List<String> cells = chart.lines.get(line);
        chart.expect = Expect.REFUSED;
        chart.problemLine = line;
        if (random.nextBoolean()) {
            String extra = random(random, "extra", Identifiers.nhsNumber(random), "Jane Smith", "");
            file.secret = extra.matches("\\d{10}") ? extra : null;
            int more = 1 + random.nextInt(3);
            for (int i = 0; i < more; i++) {
                cells.add(extra);
            }
            chart.problemColumn = file.header.get(file.header.size() - 1);
            file.name = more + " values too many on a line: " + extra;
        } else {
            int keep = 1 + random.nextInt(cells.size() - 1);
            cells.subList(keep, cells.size()).clear();
            chart.problemColumn = file.header.get(keep);
            file.name = "a line of " + keep + " values";
        }
    }

    /** Unknown, duplicate, empty or misspelt column names: the whole file is refused, nothing stored. */
    private void headerProblem(Random random, CsvFile file) {
        String column = random(random, "nhsNumber", "patient.name", "dateOfBirth", "orders.drugs", "", "Ward",
                "chart ", "DUPLICATE", "DUPLICATE-chart");
        if (column.equals("DUPLICATE")) {
            column = file.header.get(1 + random.nextInt(file.header.size() - 1));
        } else if (column.equals("DUPLICATE-chart")) {
            column = CsvLayout.CHART;
        }
        String value = column.equals("nhsNumber") ? Identifiers.nhsNumber(random) : "Jane Smith";
        file.secret = column.equals("nhsNumber") ? value : null;
        file.header.add(column);
        String added = column;
        file.charts.forEach(chart -> chart.lines.forEach(line -> line.add(value)));
        file.refusedFile = true;
        file.name = "header column \"" + added + "\"";
    }

    private void emptyFile(Random random, CsvFile file) {
        String content = random(random, "", "\r\n", "\n\n\n", " ", "\uFEFF");
        file.raw = content.getBytes(StandardCharsets.UTF_8);
        file.refusedFile = true;
        file.charts.clear();
        file.name = "empty file " + content.replace("\r", "CR").replace("\n", "LF");
    }

    /** More orders in one chart than a chart sample holds: refused at its first line, nothing kept in memory. */
    private void manyOrders(Random random, CsvFile file, Chart chart) {
        int count = random(random, 201, 1_000, 5_000);
        List<String> order = chart.lines.get(0);
        List<String> next = new ArrayList<>(order);
        for (int i = 0; i < next.size(); i++) {
            String column = file.header.get(i);
            if (!column.equals(CsvLayout.CHART) && !column.startsWith("orders.")) {
                next.set(i, "");
            }
        }
        while (chart.lines.size() < count) {
            chart.lines.add(new ArrayList<>(next));
        }
        chart.expect = Expect.REFUSED;
        chart.problemLine = 0;
        chart.problemColumn = CsvLayout.CHART;
        file.name = count + " orders in one chart";
    }

    private void identifier(Random random, CsvFile file, Chart chart) {
        String nhs = Identifiers.nhsNumber(random);
        String text = random(random, "NHS " + nhs, "pt " + nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " "
                + nhs.substring(6), nhs.substring(0, 3) + "-" + nhs.substring(3, 6) + "-" + nhs.substring(6),
                "DOB 12/03/1950", "born 3 March 1941", "date of birth 1950-03-12");
        CsvLayout.Column column = layout.column(random(random, "orders.indication", "orders.doseText"))
                .orElseThrow();
        set(random, chart, file.header, column, text, Expect.REFUSED);
        file.secret = text.contains(nhs) ? nhs : text;
        file.name = "identifier \"" + text + "\" in " + column.name();
    }

    /** An NHS number, a name or a long reference as the chart's reference: refused, and never echoed. */
    private void identifyingReference(Random random, CsvFile file, Chart chart) {
        String reference = random(random, Identifiers.nhsNumber(random), "x".repeat(41), "MRN 12345678", "");
        chart.lines.forEach(line -> line.set(0, quoted(reference)));
        file.secret = reference.isEmpty() ? null : reference;
        chart.expect = Expect.REFUSED;
        chart.problemLine = 0;
        chart.problemColumn = CsvLayout.CHART;
        file.name = "chart reference \"" + reference + "\"";
    }

    /** A chart's single answer given again, differently, on a later line. */
    private void contradiction(Random random, CsvFile file, Chart chart) {
        if (chart.lines.size() < 2) {
            chart.lines.add(new ArrayList<>(java.util.Collections.nCopies(file.header.size(), "")));
            chart.lines.get(1).set(0, chart.lines.get(0).get(0));
        }
        String column = random(random, "ward", "auditDate", "patient.ageYears");
        String value = column.equals("ward") ? "W14x" : column.equals("auditDate") ? "2025-01-01" : "121";
        chart.lines.get(1).set(file.header.indexOf(column), value);
        chart.expect = Expect.REFUSED;
        chart.problemLine = 1;
        chart.problemColumn = column;
        file.name = "contradicting " + column + " on a chart's second line";
    }

    /** A chart whose lines are not together: the second part is refused, the first stands. */
    private void splitChart(CsvFile file, Chart chart) {
        Chart again = chart(Map.of("ward", "AMU", "auditDate", LocalDate.now().minusDays(3).toString(), "orders",
                List.of(Map.of("drug", "aspirin"))), chart.lines.get(0).get(0), file.header);
        Chart between = chart(Map.of("ward", "W12", "auditDate", LocalDate.now().minusDays(4).toString(), "orders",
                List.of(Map.of("drug", "senna"))), "between", file.header);
        file.charts.add(between);
        file.charts.add(again);
        again.expect = Expect.REFUSED;
        again.problemLine = 0;
        again.problemColumn = CsvLayout.CHART;
        file.name = "chart " + chart.lines.get(0).get(0) + " again after another chart";
    }

    private void overTheLimit(CsvFile file, Chart chart) {
        String indication = "a".repeat(150);
        List<String> cells = new ArrayList<>(chart.lines.get(0));
        cells.set(file.header.indexOf("orders.indication"), indication);
        int lines = MAX_UPLOAD / String.join(",", cells).length() + 10;
        for (int i = 0; i < lines; i++) {
            Chart filler = new Chart();
            List<String> line = new ArrayList<>(cells);
            line.set(0, "f" + i);
            filler.lines.add(line);
            filler.expect = Expect.NOT_STORED;
            file.charts.add(filler);
        }
        file.charts.forEach(c -> c.expect = Expect.NOT_STORED);
        file.name = "a file over the upload limit of " + MAX_UPLOAD + " bytes";
    }

    // ---- the check ----

    private void check(CsvFile file) throws Exception {
        byte[] bytes = file.bytes();
        Map<String, Long> before = Tables.counts(dataSource);

        Http.Response response = http.multipart("/audits/upload", List.of(
                Http.Part.field("_csrf", http.cookie("MEDAUDIT_CSRF").orElseThrow()),
                Http.Part.field("form", "prescribing-chart-audit"), Http.Part.field("ward", ""),
                new Http.Part("file", "hostile.csv", bytes)));

        String seen = "seed " + SEED + ", " + abbreviate(file.name) + " → " + response.status();
        assertThat(response.status()).as(seen + " " + abbreviate(response.body())).isLessThan(500).isIn(303, 413,
                422);
        if (response.status() != 303) {
            // Refused before any import: the page again (an empty file) or the upload limit.
            assertThat(file.refusedFile || bytes.length > MAX_UPLOAD).as(seen).isTrue();
            assertThat(Tables.counts(dataSource)).as("nothing stored: " + seen).isEqualTo(before);
            return;
        }
        assertThat(bytes.length).as(seen + ": over the limit, yet taken").isLessThanOrEqualTo(MAX_UPLOAD);
        ImportJobs.JobView job = finished(response.header("Location"), seen);
        seen += " " + job.stored() + " stored, " + job.alreadyStored() + " already stored, " + job.refused()
                + " refused, file problems " + job.fileProblems();
        assertThat(job.state()).as(seen).isEqualTo("done");
        Map<String, Long> after = Tables.counts(dataSource);
        assertThat(after.get("chart_sample") - before.get("chart_sample")).as("each chart stored once: " + seen)
                .isEqualTo(job.stored());
        if (job.stored() == 0) {
            assertThat(after).as("nothing stored: " + seen).isEqualTo(before);
        }
        Http.Response page = http.get(response.header("Location"), Http.BROWSER_ACCEPT);
        assertThat(page.status()).as(seen).isEqualTo(200);
        assertThat(page.body()).as(seen).doesNotContain("<script>alert");

        if (file.refusedFile) {
            assertThat(job.fileProblems()).as(seen).isNotEmpty().allSatisfy(p -> assertThat(p.line()).isEqualTo(1));
            assertThat(job.stored() + job.alreadyStored() + job.refused()).as(seen).isZero();
        }
        if (file.cutShort) {
            assertThat(job.fileProblems()).as(seen).isNotEmpty();
        }
        for (CsvImport.ChartOutcome outcome : job.charts()) {
            assertThat(outcome.status() == CsvImport.Status.REFUSED).as(seen)
                    .isEqualTo(!outcome.problems().isEmpty());
            for (CsvImport.Problem problem : outcome.problems()) {
                assertThat(problem.line()).as(seen + ": " + problem).isBetween(outcome.firstLine(),
                        outcome.lastLine());
                assertThat(problem.column()).as(seen + ": " + problem).isIn(file.header);
            }
        }
        if (file.secret != null) {
            assertThat(page.body()).as(seen + ": the report shows no identifier").doesNotContain(file.secret);
            assertThat(job.charts()).as(seen).noneSatisfy(o -> assertThat(o.toString()).contains(file.secret));
        }
        checkCharts(file, job, seen);
        checkCommand(file, bytes, job, seen);
    }

    /** Each chart as expected, found by the line it starts on. */
    private void checkCharts(CsvFile file, ImportJobs.JobView job, String seen) {
        if (file.refusedFile || job.unlisted() > 0) {
            return;
        }
        long line = 2;
        for (Chart chart : file.charts) {
            long first = line;
            long last = line + chart.lines.size() - 1 + chart.extraLines;
            line = last + 1;
            List<CsvImport.ChartOutcome> outcomes = job.charts().stream()
                    .filter(o -> o.firstLine() >= first && o.firstLine() <= last).toList();
            String about = seen + ", the chart on lines " + first + "-" + last + ": " + outcomes;
            switch (chart.expect) {
                case ACCEPTED -> assertThat(outcomes).as(about).singleElement().satisfies(o -> assertThat(o.status())
                        .isIn(CsvImport.Status.STORED, CsvImport.Status.ALREADY_STORED));
                case REFUSED -> {
                    assertThat(outcomes).as(about).isNotEmpty()
                            .allSatisfy(o -> assertThat(o.status()).isEqualTo(CsvImport.Status.REFUSED));
                    if (chart.problemColumn != null) {
                        long at = first + chart.problemLine;
                        assertThat(outcomes.stream().flatMap(o -> o.problems().stream()))
                                .as(about + " names line " + at + ", column " + chart.problemColumn)
                                .anySatisfy(p -> {
                                    assertThat(p.column()).isEqualTo(chart.problemColumn);
                                    assertThat(p.line()).isBetween(at, at + chart.extraLines);
                                });
                    }
                }
                case NOT_STORED -> assertThat(outcomes).as(about)
                        .noneSatisfy(o -> assertThat(o.status()).isEqualTo(CsvImport.Status.STORED));
                case EITHER -> {
                    if (chart.problemColumn != null) {
                        long at = first + chart.problemLine;
                        outcomes.stream().filter(o -> o.status() == CsvImport.Status.REFUSED).forEach(o ->
                                assertThat(o.problems()).as(about + " names line " + at).anySatisfy(p ->
                                        assertThat(p.line()).isBetween(at, at + chart.extraLines)));
                    }
                }
            }
        }
    }

    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) lines read: (\\d+) charts stored, (\\d+) already stored by an earlier import, (\\d+) refused");

    /** The same file through the command: nothing stored again, the same charts refused. */
    private void checkCommand(CsvFile file, byte[] bytes, ImportJobs.JobView job, String seen) throws Exception {
        Path path = Files.createTempFile("medaudit-hostile", ".csv");
        try {
            Files.write(path, bytes);
            Map<String, Long> before = Tables.counts(dataSource);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = CsvImportCommand.run(context, CsvImportCommand.Options.parse(new String[] {path.toString(),
                    "--user", "pharmacist"}).orElseThrow(), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String report = out.toString(StandardCharsets.UTF_8);
            String about = seen + "; the command: " + status + " " + abbreviate(report) + " "
                    + err.toString(StandardCharsets.UTF_8);
            Matcher summary = SUMMARY.matcher(report);
            assertThat(summary.find()).as(about).isTrue();
            assertThat(Long.parseLong(summary.group(2))).as("the command stores nothing again: " + about).isZero();
            assertThat(Long.parseLong(summary.group(3))).as(about).isEqualTo(job.stored() + job.alreadyStored());
            assertThat(Long.parseLong(summary.group(4))).as(about).isEqualTo(job.refused());
            assertThat(status).as(about).isEqualTo(job.refused() == 0 && job.fileProblems().isEmpty() ? 0 : 1);
            assertThat(Tables.counts(dataSource)).as(about).isEqualTo(before);
        } finally {
            Files.deleteIfExists(path);
        }
    }

    private ImportJobs.JobView finished(String location, String seen) throws InterruptedException {
        String id = location.substring(location.lastIndexOf('/') + 1);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            ImportJobs.JobView job = jobs.find(id, "pharmacist", false).orElseThrow();
            if (job.done()) {
                return job;
            }
            assertThat(System.nanoTime()).as("the import finishes within two minutes: " + seen).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    // ---- helpers ----

    @SafeVarargs
    private static <T> T random(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    private static byte[] replace(byte[] body, String marker, byte[] with) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.writeBytes(with);
        out.write(body, at + marker.length(), body.length - at - marker.length());
        return out.toByteArray();
    }

    private static String abbreviate(String text) {
        String visible = text.replaceAll("\\p{Cntrl}", "?");
        return visible.length() <= 300 ? visible : visible.substring(0, 300) + "… (" + visible.length()
                + " characters)";
    }
}
