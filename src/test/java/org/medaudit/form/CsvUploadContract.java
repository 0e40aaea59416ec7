package org.medaudit.form;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medaudit.security.Users;
import org.medaudit.support.Charts;
import org.medaudit.support.Http;
import org.medaudit.support.People;
import org.medaudit.support.Tables;

/**
 * Uploading audited charts as CSV over real HTTP, as a browser posts the upload form: the template and its
 * documented columns, each chart stored exactly as the same chart's JSON would be, a per-chart report naming the
 * line and column of every problem, re-uploads that store nothing twice, CSRF on the multipart form, and the
 * command-line import through the same code. Each database runs the same specification through a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CsvUploadContract implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationContext context;

    @Inject
    Users users;

    @Inject
    DataSource dataSource;

    Http pharmacist;

    @BeforeAll
    void signIn() {
        pharmacist = People.pharmacist(server, users);
        pharmacist.get("/audits/upload", Http.BROWSER_ACCEPT);
    }

    static String designExampleCsv() {
        try {
            return Files.readString(Path.of("src/test/resources/charts/design-example.csv"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A second chart on lines 3 and 4, whose second order has a route outside the vocabulary. */
    static String withBadChart(String csv, String route) {
        String header = csv.lines().findFirst().orElseThrow();
        List<String> columns = List.of(header.split(","));
        return csv + line(columns, Map.of("chart", "2", "ward", "AMU", "auditDate", "2026-10-15",
                "orders.drug", "paracetamol", "orders.dose", "1", "orders.unit", "g", "orders.route", "oral",
                "orders.frequency", "four-times-daily"))
                + line(columns, Map.of("chart", "2", "orders.drug", "aspirin", "orders.dose", "75", "orders.unit",
                "mg", "orders.route", route, "orders.frequency", "once-daily"));
    }

    static String line(List<String> columns, Map<String, String> values) {
        return String.join(",", columns.stream().map(column -> values.getOrDefault(column, "")).toList()) + "\n";
    }

    /** Uploads a file and waits for its import to finish; the report page. */
    Http.Response upload(String filename, String csv, String ward) {
        Http.Response response = pharmacist.multipart("/audits/upload", List.of(
                Http.Part.field("_csrf", pharmacist.cookie("MEDAUDIT_CSRF").orElseThrow()),
                Http.Part.field("form", "prescribing-chart-audit"),
                Http.Part.field("ward", ward),
                Http.Part.file("file", filename, csv)));
        assertThat(response.status()).as(response.body()).isEqualTo(303);
        String report = response.header("Location");
        assertThat(report).matches("/audits/upload/[0-9a-f-]{36}");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Boolean.TRUE.equals(pharmacist.get(report + "/status").object().get("done"))) {
            assertThat(System.nanoTime()).as("the import finishes within a minute").isLessThan(deadline);
            sleep();
        }
        Http.Response page = pharmacist.get(report, Http.BROWSER_ACCEPT);
        assertThat(page.status()).isEqualTo(200);
        return page;
    }

    static List<String> sampleIds(String reportPage) {
        Matcher links = Pattern.compile("href=\"/audits/([0-9a-f-]{36})\"").matcher(reportPage);
        return links.results().map(match -> match.group(1)).toList();
    }

    @Test
    @DisplayName("the template is the header line of the form's columns, and the page documents every column")
    void templateAndColumns() {
        Http.Response template = pharmacist.get("/audits/upload/template.csv", "text/csv,*/*;q=0.8");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.header("Content-Type")).startsWith("text/csv");
        assertThat(template.header("Content-Disposition")).contains("attachment", "prescribing-chart-audit.csv");
        List<String> columns = List.of(template.body().strip().split(","));
        assertThat(columns).startsWith("chart", "ward", "auditDate").contains("patient.ageYears", "orders.drug",
                "orders.route", "preAdmissionMedicines.none", "omittedDoses.reasonCode", "monitoring.value");
        assertThat(template.body().lines()).hasSize(1);
        // The design example uses only template columns.
        assertThat(columns).containsAll(List.of(designExampleCsv().lines().findFirst().orElseThrow().split(",")));

        Http.Response page = pharmacist.get("/audits/upload", Http.BROWSER_ACCEPT);
        assertThat(page.status()).isEqualTo(200);
        columns.forEach(column -> assertThat(page.body()).contains(">" + column + "<"));
        assertThat(page.body()).contains("enctype=\"multipart/form-data\"", "first line of the chart",
                "one per line");
        // The CSRF token is the form's first part, before the file.
        assertThat(page.body().indexOf("name=\"_csrf\"", page.body().indexOf("multipart/form-data")))
                .isLessThan(page.body().indexOf("type=\"file\""));
    }

    @Test
    @DisplayName("an uploaded chart is stored exactly as its JSON would be; a bad chart is refused at its line and column")
    void designExampleAndABadChart() {
        Map<String, Long> before = Tables.counts(dataSource);
        Http.Response report = upload("audits.csv", withBadChart(designExampleCsv(), "by mouth"), "");

        assertThat(report.body()).contains("1 chart stored", "1 chart refused", "Line 4, orders.route",
                "by mouth", "findings to review");
        List<String> ids = sampleIds(report.body());
        assertThat(ids).hasSize(1);
        Map<String, Object> fromCsv = pharmacist.get("/api/v1/samples/" + ids.get(0)).object();
        Map<String, Object> fromJson = pharmacist.postJson("/api/v1/samples", Charts.designExample()).object();
        for (String part : AuditFormContract.CHART_PARTS) {
            assertThat(fromCsv.get(part)).as(part).isEqualTo(fromJson.get(part));
        }
        assertThat(fromCsv.get("form")).isEqualTo(Map.of("id", "prescribing-chart-audit", "version", 1));
        assertThat(ruleIds(fromCsv)).isEqualTo(ruleIds(fromJson)).contains("HRM-001", "REC-002", "OMD-001");
        // Two samples: one from the CSV (the refused chart stored nothing), one from the JSON.
        assertThat(Tables.counts(dataSource).get("chart_sample")).isEqualTo(before.get("chart_sample") + 2);
    }

    @Test
    @DisplayName("uploading the same file again stores nothing new; a corrected file stores only the chart fixed")
    void reuploadsDoNotDuplicate() {
        String file = withBadChart(designExampleCsv().replace("2026-10-14", "2026-10-20"), "mouth");
        Http.Response first = upload("a.csv", file, "");
        assertThat(first.body()).contains("1 chart stored", "1 chart refused");
        Map<String, Long> afterFirst = Tables.counts(dataSource);

        Http.Response again = upload("a.csv", file, "");
        assertThat(again.body()).contains("0 charts stored", "1 chart was stored by an earlier upload",
                "1 chart refused");
        assertThat(Tables.counts(dataSource)).isEqualTo(afterFirst);
        assertThat(sampleIds(again.body())).isEqualTo(sampleIds(first.body()));

        Http.Response corrected = upload("a-corrected.csv", file.replace(",mouth,", ",oral,"), "");
        assertThat(corrected.body()).contains("1 chart stored", "1 chart was stored by an earlier upload",
                "0 charts refused");
        assertThat(Tables.counts(dataSource).get("chart_sample")).isEqualTo(afterFirst.get("chart_sample") + 1);
    }

    @Test
    @DisplayName("a column outside the form refuses the whole file (it could carry an identifier); nothing is stored")
    void unknownColumnRefusesTheFile() {
        Map<String, Long> before = Tables.counts(dataSource);
        Http.Response report = upload("ids.csv", "chart,ward,auditDate,nhsNumber,orders.drug\n"
                + "1,AMU,2026-10-14,9434765919,aspirin\n", "");
        assertThat(report.body()).contains("There is a problem with the file", "Line 1, column nhsNumber",
                "0 charts stored").doesNotContain("9434765919");
        assertThat(Tables.counts(dataSource)).isEqualTo(before);
    }

    @Test
    @DisplayName("charts that leave the ward blank take the ward chosen on the upload page")
    void defaultWard() {
        Http.Response report = upload("ward.csv", "chart,ward,auditDate,orders.drug\n1,,2026-10-02,aspirin\n"
                + "2,,2026-10-02,amoxicillin\n", "W12");
        assertThat(report.body()).contains("2 charts stored");
        sampleIds(report.body()).forEach(id -> assertThat(pharmacist.get("/api/v1/samples/" + id).object()
                .get("ward")).isEqualTo("W12"));
    }

    @Test
    @DisplayName("an upload needs the CSRF token as the form's first part: missing, late or wrong is 403")
    void uploadNeedsTheCsrfTokenFirst() {
        String token = pharmacist.cookie("MEDAUDIT_CSRF").orElseThrow();
        Http.Part file = Http.Part.file("file", "x.csv", designExampleCsv());
        assertThat(pharmacist.multipart("/audits/upload", List.of(file)).status()).isEqualTo(403);
        assertThat(pharmacist.multipart("/audits/upload", List.of(file, Http.Part.field("_csrf", token))).status())
                .isEqualTo(403);
        assertThat(pharmacist.multipart("/audits/upload", List.of(Http.Part.field("_csrf", token + "x"), file))
                .status()).isEqualTo(403);
    }

    @Test
    @DisplayName("no file chosen: the page again with the message beside the field, linked from the summary")
    void noFile() {
        Http.Response response = pharmacist.multipart("/audits/upload", List.of(
                Http.Part.field("_csrf", pharmacist.cookie("MEDAUDIT_CSRF").orElseThrow()),
                Http.Part.field("ward", ""),
                // What a browser sends when no file was chosen.
                Http.Part.file("file", "", "")));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("href=\"#file\"", "Choose a CSV file to upload", "id=\"file-error\"");
    }

    @Test
    @DisplayName("a file larger than a request body may be streams in and is imported in the background")
    void largeFile() {
        String header = designExampleCsv().lines().findFirst().orElseThrow();
        List<String> columns = List.of(header.split(","));
        StringBuilder csv = new StringBuilder(header).append('\n');
        String indication = "secondary prevention after ischaemic stroke and continued from home ".repeat(2).strip();
        int charts = 260;
        for (int chart = 1; chart <= charts; chart++) {
            for (int order = 0; order < 20; order++) {
                csv.append(line(columns, Map.of("chart", String.valueOf(chart), "ward", order == 0 ? "AMU" : "",
                        "auditDate", order == 0 ? "2026-09-" + (10 + chart % 18) : "", "orders.drug", "aspirin",
                        "orders.dose", String.valueOf(order + 1), "orders.unit", "mg", "orders.route", "oral",
                        "orders.frequency", "once-daily", "orders.indication", indication)));
            }
        }
        assertThat(csv.length()).isGreaterThan(1_048_576);
        Http.Response report = upload("large.csv", csv.toString(), "");
        assertThat(report.body()).contains(charts + " charts stored", "0 charts refused",
                (charts * 20 + 1) + " lines read");
    }

    @Test
    @DisplayName("the command-line import uses the same import and prints the per-chart report")
    void commandLine() throws IOException {
        Path file = Files.createTempFile("medaudit-cli", ".csv");
        Files.writeString(file, withBadChart(designExampleCsv().replace("2026-10-14", "2026-10-21"), "by mouth"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CsvImportCommand.run(context, CsvImportCommand.Options.parse(new String[] {file.toString(),
                "--user", "pharmacist"}).orElseThrow(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        assertThat(report).contains("line 2 (chart 1): stored AMU 2026-10-21, 6 findings, sample",
                "lines 3-4 (chart 2): refused", "line 4, orders.route:",
                "4 lines read: 1 charts stored, 0 already stored by an earlier import, 1 refused");

        assertThat(CsvImportCommand.run(context, CsvImportCommand.Options.parse(new String[] {file.toString(),
                "--user", "nobody"}).orElseThrow(), new PrintStream(out), new PrintStream(err))).isEqualTo(2);
        assertThat(CsvImportCommand.Options.parse(new String[] {file.toString()})).isEmpty();
        Files.delete(file);
    }

    @SuppressWarnings("unchecked")
    static List<String> ruleIds(Map<String, Object> sample) {
        return ((List<Map<String, Object>>) sample.get("findings")).stream().map(f -> (String) f.get("ruleId"))
                .sorted().toList();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
