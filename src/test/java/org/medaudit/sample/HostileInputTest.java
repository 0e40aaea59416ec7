package org.medaudit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.medaudit.security.Users;
import org.medaudit.support.ChartGenerator;
import org.medaudit.support.Charts;
import org.medaudit.support.Http;
import org.medaudit.support.Identifiers;
import org.medaudit.support.JsonText;
import org.medaudit.support.People;
import org.medaudit.support.Tables;
import org.medaudit.support.TestDatabases;

/**
 * Hostile input, generated: valid charts from a seeded generator, each mutated one way — wrong types, huge numbers,
 * deep nesting, long strings, invalid UTF-8, duplicate keys, unknown fields, identifiers in text, truncation, empty
 * bodies, wrong content types — posted to the JSON intake and to the audit form. Whatever arrives: never a 5xx; a
 * refusal is a problem+json (API) or the page again (form) naming the offending field where there is one, and
 * stores nothing; an acceptance stores exactly one sample.
 *
 * <p>The seed is printed; replay a failure with {@code -Dmedaudit.seed=<seed>} (and {@code -Dmedaudit.cases=<n>} for
 * more cases).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest implements TestPropertyProvider {

    static final long SEED = Long.getLong("medaudit.seed", 20261130L);
    static final int CASES = Integer.getInteger("medaudit.cases", 240);
    /** The configured request limit (application.yml, max-request-size). */
    static final int MAX_BODY = 1_048_576;
    static final Set<Integer> API_REFUSALS = Set.of(400, 413, 415, 422);
    static final Set<Integer> FORM_ANSWERS = Set.of(303, 400, 404, 409, 413, 415, 422);

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    @Inject
    Users users;

    Http http;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabases.sqlite();
    }

    @BeforeAll
    void signIn() {
        http = People.pharmacist(server, users);
        System.out.println("HostileInputTest seed " + SEED + " (replay: -Dmedaudit.seed=" + SEED + ")");
    }

    /** What a case must get: an acceptance, a refusal, or either; and the field a 422 must name, if any. */
    enum Expect { ACCEPTED, REFUSED, EITHER }

    record Case(String name, String contentType, byte[] body, Expect expect, String pointer) {
    }

    // ---- the JSON intake ----

    @TestFactory
    Stream<DynamicTest> generatedChartsAreAccepted() {
        Random random = new Random(SEED);
        ChartGenerator charts = new ChartGenerator(random, LocalDate.now());
        return Stream.generate(charts::chart).limit(20).map(chart -> json("valid " + JsonText.write(chart), chart,
                Expect.ACCEPTED, null)).map(this::apiTest);
    }

    @TestFactory
    Stream<DynamicTest> mutatedChartsNeverBreakTheIntake() {
        Random random = new Random(SEED + 1);
        ChartGenerator charts = new ChartGenerator(random, LocalDate.now());
        List<Function<Map<String, Object>, Case>> mutations = List.of(
                chart -> wrongType(random, chart), chart -> nullValue(random, chart),
                chart -> hugeNumber(random, chart), chart -> deepNesting(random, chart),
                chart -> longString(random, chart), chart -> invalidUtf8(random, chart),
                chart -> duplicateKey(random, chart), chart -> unknownField(random, chart),
                chart -> identifier(random, chart), chart -> truncated(random, chart),
                chart -> emptyBody(random), chart -> wrongContentType(random, chart),
                chart -> notAnObject(random), chart -> tooManyOrders(random, chart),
                chart -> randomBytes(random), chart -> controlCharacter(random, chart));
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Case mutated = mutations.get(random.nextInt(mutations.size())).apply(charts.chart());
            cases.add(new Case("#" + i + " " + mutated.name(), mutated.contentType(), mutated.body(),
                    mutated.expect(), mutated.pointer()));
        }
        return cases.stream().map(this::apiTest);
    }

    private DynamicTest apiTest(Case hostile) {
        return DynamicTest.dynamicTest(abbreviate(hostile.name()), () -> {
            Map<String, Long> before = Tables.counts(dataSource);

            Http.Response response = http.post("/api/v1/samples", hostile.contentType(), hostile.body());

            String seen = "seed " + SEED + ", " + abbreviate(hostile.name()) + " → " + response.status() + " "
                    + abbreviate(response.body());
            assertThat(response.status()).as(seen).isLessThan(500);
            Map<String, Long> after = Tables.counts(dataSource);
            if (response.status() == 201) {
                assertThat(hostile.expect()).as("accepted: " + seen).isNotEqualTo(Expect.REFUSED);
                assertThat(after.get("chart_sample")).as(seen).isEqualTo(before.get("chart_sample") + 1);
                return;
            }
            assertThat(hostile.expect()).as("refused: " + seen).isNotEqualTo(Expect.ACCEPTED);
            assertThat(response.status()).as(seen).isIn(API_REFUSALS);
            assertThat(response.header("Content-Type")).as(seen).startsWith("application/problem+json");
            assertThat(response.object()).as(seen).containsEntry("status", response.status());
            assertThat(after).as("nothing stored on refusal: " + seen).isEqualTo(before);
            if (response.status() == 422 && hostile.pointer() != null) {
                assertThat(response.errorPointers()).as(seen).contains(hostile.pointer());
            }
        });
    }

    // ---- mutations of a chart ----

    private Case wrongType(Random random, Map<String, Object> chart) {
        String pointer = pickPath(random, chart, false);
        Object current = at(chart, pointer);
        Object replacement;
        do {
            replacement = List.<Object>of("text", 42, 4.5, true, new LinkedHashMap<>(Map.of("a", 1)), List.of(1, 2))
                    .get(random.nextInt(6));
        } while (sameKind(current, replacement));
        set(chart, pointer, replacement);
        return json("wrong type at " + pointer + ": " + JsonText.write(replacement), chart, Expect.REFUSED, pointer);
    }

    private Case nullValue(Random random, Map<String, Object> chart) {
        String pointer = pickPath(random, chart, false);
        set(chart, pointer, null);
        boolean required = pointer.matches("/(ward|auditDate|orders)|.*/(drug|substance|test)|.*/\\d+");
        return json("null at " + pointer, chart, required ? Expect.REFUSED : Expect.EITHER,
                required ? pointer : null);
    }

    private Case hugeNumber(Random random, Map<String, Object> chart) {
        String pointer = pickPath(random, chart, true);
        String number = List.of("1e308", "-1e308", "1e999", "-1e999", "123456789012345678901234567890", "-0.0",
                "4.9e-324", "1" + "0".repeat(150), "2147483648", "-2147483649", "0.0000000000000000000001")
                .get(random.nextInt(11));
        set(chart, pointer, new JsonText.Raw(number));
        return json("number " + number + " at " + pointer, chart, Expect.EITHER, pointer);
    }

    private Case deepNesting(Random random, Map<String, Object> chart) {
        String pointer = pickPath(random, chart, false);
        int depth = List.of(3, 20, 40, 1000, 100_000).get(random.nextInt(5));
        set(chart, pointer, new JsonText.Raw("[".repeat(depth) + "]".repeat(depth)));
        return json(depth + " nested arrays at " + pointer, chart, Expect.REFUSED, pointer);
    }

    private Case longString(Random random, Map<String, Object> chart) {
        String pointer = pickPath(random, chart, true);
        int length = List.of(201, 5_000, 100_000, 900_000, 2_000_000).get(random.nextInt(5));
        String letter = List.of("a", "é", "中", "😀").get(random.nextInt(4));
        set(chart, pointer, letter.repeat(length / letter.length()));
        return json(length + " × \"" + letter + "\" at " + pointer, chart, Expect.REFUSED, pointer);
    }

    private Case invalidUtf8(Random random, Map<String, Object> chart) {
        String pointer = pickPath(random, chart, true);
        set(chart, pointer, "MARK");
        byte[][] sequences = {{(byte) 0xff}, {(byte) 0xc3, 0x28}, {(byte) 0xe2, (byte) 0x82},
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xc0, (byte) 0xaf},
            {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}};
        byte[] bad = sequences[random.nextInt(sequences.length)];
        byte[] body = replace(JsonText.write(chart).getBytes(StandardCharsets.UTF_8), "\"MARK\"", bad);
        return new Case("invalid UTF-8 " + hex(bad) + " at " + pointer, "application/json", body, Expect.REFUSED,
                pointer);
    }

    private Case duplicateKey(Random random, Map<String, Object> chart) {
        String text = JsonText.write(chart);
        String duplicated = random.nextBoolean() ? "{\"ward\":\"W12\"," + text.substring(1)
                : text.replaceFirst("\\{\"drug\":", "{\"drug\":\"aspirin\",\"drug\":");
        return new Case("duplicate key", "application/json", duplicated.getBytes(StandardCharsets.UTF_8),
                Expect.REFUSED, null);
    }

    @SuppressWarnings("unchecked")
    private Case unknownField(Random random, Map<String, Object> chart) {
        List<String> objects = paths(chart, "", false).stream().filter(p -> at(chart, p) instanceof Map)
                .collect(Collectors.toCollection(ArrayList::new));
        objects.add("");
        String pointer = objects.get(random.nextInt(objects.size()));
        String key = List.of("nhsNumber", "name", "dateOfBirth", "a/b", "~tilde", "", "ünïcødé", "k".repeat(5000),
                "__proto__", "constructor").get(random.nextInt(10));
        Map<String, Object> object = pointer.isEmpty() ? chart : (Map<String, Object>) at(chart, pointer);
        object.put(key, "Jane Smith");
        return json("unknown field \"" + key + "\" at " + pointer, chart, Expect.REFUSED,
                pointer + "/" + key.replace("~", "~0").replace("/", "~1"));
    }

    @SuppressWarnings("unchecked")
    private Case identifier(Random random, Map<String, Object> chart) {
        List<Object> orders = (List<Object>) chart.get("orders");
        int index = random.nextInt(orders.size());
        String field = random.nextBoolean() ? "indication" : "doseText";
        String nhs = Identifiers.nhsNumber(random);
        String text = List.of("NHS " + nhs, "pt " + nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " "
                + nhs.substring(6), nhs.substring(0, 3) + "-" + nhs.substring(3, 6) + "-" + nhs.substring(6),
                "DOB 12/03/1950", "born 3 March 1941", "date of birth 1950-03-12").get(random.nextInt(6));
        ((Map<String, Object>) orders.get(index)).put(field, text);
        String pointer = "/orders/" + index + "/" + field;
        return json("identifier \"" + text + "\" at " + pointer, chart, Expect.REFUSED, pointer);
    }

    private Case truncated(Random random, Map<String, Object> chart) {
        byte[] body = JsonText.write(chart).getBytes(StandardCharsets.UTF_8);
        int cut = 1 + random.nextInt(body.length - 2);
        return new Case("truncated at byte " + cut + " of " + body.length, "application/json",
                java.util.Arrays.copyOf(body, cut), Expect.REFUSED, null);
    }

    private Case emptyBody(Random random) {
        String body = List.of("", " ", "\n\n", "\t").get(random.nextInt(4));
        return new Case("empty body " + JsonText.write(body), "application/json",
                body.getBytes(StandardCharsets.UTF_8), Expect.REFUSED, null);
    }

    private Case wrongContentType(Random random, Map<String, Object> chart) {
        String type = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "image/png", "application/json; charset=latin1")
                .get(random.nextInt(6));
        return new Case("content type " + type, type, JsonText.write(chart).getBytes(StandardCharsets.UTF_8),
                type.startsWith("application/json") ? Expect.EITHER : Expect.REFUSED, null);
    }

    private Case notAnObject(Random random) {
        String body = List.of("[]", "\"chart\"", "42", "null", "true", "[{\"ward\":\"AMU\"}]").get(random.nextInt(6));
        return new Case("body " + body, "application/json", body.getBytes(StandardCharsets.UTF_8), Expect.REFUSED,
                "");
    }

    @SuppressWarnings("unchecked")
    private Case tooManyOrders(Random random, Map<String, Object> chart) {
        List<Object> orders = (List<Object>) chart.get("orders");
        int count = 201 + random.nextInt(800);
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            many.add(orders.get(i % orders.size()));
        }
        chart.put("orders", many);
        return json(count + " orders", chart, Expect.REFUSED, "/orders");
    }

    private Case randomBytes(Random random) {
        byte[] body = new byte[1 + random.nextInt(2000)];
        random.nextBytes(body);
        return new Case("random bytes " + hex(java.util.Arrays.copyOf(body, Math.min(8, body.length))),
                "application/json", body, Expect.REFUSED, null);
    }

    private Case controlCharacter(Random random, Map<String, Object> chart) {
        String pointer = pickPath(random, chart, true);
        String text = "para" + List.of("\u0000", "\u0007", "\u001b[31m", "\r\n", "\u007f", "\ud800", "\udfff")
                .get(random.nextInt(7))
                + "cetamol";
        set(chart, pointer, text);
        return json("control character at " + pointer + ": " + JsonText.write(text), chart, Expect.REFUSED,
                pointer);
    }

    @Test
    @DisplayName("regression: a lone surrogate, escaped or as UTF-8 surrogate bytes, is refused at its field")
    void loneSurrogatesAreRefused() {
        Map<String, Long> before = Tables.counts(dataSource);
        byte[] surrogateBytes = replace(Charts.minimal("AMU", "2026-10-14", "[{\"drug\": \"MARK\"}]")
                .getBytes(StandardCharsets.UTF_8), "\"MARK\"", new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80});

        for (byte[] body : List.of(surrogateBytes, Charts.minimal("AMU", "2026-10-14",
                "[{\"drug\": \"para\\ud800cetamol\"}]").getBytes(StandardCharsets.UTF_8))) {
            Http.Response refused = http.post("/api/v1/samples", "application/json", body);
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.errorPointers()).containsExactly("/orders/0/drug");
        }
        assertThat(Tables.counts(dataSource)).isEqualTo(before);
    }

    @Test
    @DisplayName("regression: a form body that is not valid URL encoding is a 400 problem, not a 500")
    void malformedFormEncodingIsABadRequest() {
        Map<String, Long> before = Tables.counts(dataSource);

        for (String body : List.of("ward=%ZZ", "ward=AMU&orders-0-drug=%")) {
            Http.Response refused = http.postAsBrowser("/audits", "application/x-www-form-urlencoded",
                    body.getBytes(StandardCharsets.UTF_8));
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(Tables.counts(dataSource)).isEqualTo(before);
    }

    // ---- the audit form ----

    @TestFactory
    Stream<DynamicTest> hostileFormPostsNeverBreakTheAuditForm() {
        Random random = new Random(SEED + 2);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < CASES / 3; i++) {
            cases.add(formCase(random, i));
        }
        return cases.stream().map(this::formTest);
    }

    private Case formCase(Random random, int i) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("form", "prescribing-chart-audit");
        answers.put("ward", ChartGenerator.WARDS.get(random.nextInt(ChartGenerator.WARDS.size())));
        answers.put("auditDate", LocalDate.now().minusDays(1 + random.nextInt(200)).toString());
        answers.put("patient-ageYears", String.valueOf(random.nextInt(100)));
        answers.put("patient-conditions", "asthma\nheart-failure");
        answers.put("orders-0-drug", "paracetamol");
        answers.put("orders-0-dose", "1");
        answers.put("orders-0-unit", "g");
        answers.put("orders-0-route", "oral");
        answers.put("orders-0-frequency", "four-times-daily");
        answers.put("orders-0-indication", "pain");
        List<String> fields = List.copyOf(answers.keySet());
        String field = fields.get(1 + random.nextInt(fields.size() - 1));
        String name;
        String contentType = "application/x-www-form-urlencoded";
        byte[] body = null;
        int kind = random.nextInt(9);
        switch (kind) {
            case 0 -> {
                String value = List.of("x".repeat(201), "y".repeat(100_000), "1e999", "NaN", "Infinity", "-0",
                        "１２", "0x10", "2026-02-30", "9999-12-31", "\u0000", "<script>alert(1)</script>",
                        "' OR 1=1 --", "%00").get(random.nextInt(14));
                answers.put(field, value);
                name = field + " = " + abbreviate(value);
            }
            case 1 -> {
                String key = List.of("nhsNumber", "orders-0-nhs", "patient-name", "x".repeat(3000), "",
                        "orders-0-drug-extra").get(random.nextInt(6));
                answers.put(key, "Jane Smith");
                name = "unknown field " + abbreviate(key);
            }
            case 2 -> {
                String row = List.of("2147483647", "99999999", "-1", "1e3", "0x10", "007", "199", "200", "100000")
                        .get(random.nextInt(9));
                answers.put("orders-" + row + "-drug", "aspirin");
                answers.put("orders-" + row + "-route", "oral");
                name = "row index " + row;
            }
            case 3 -> {
                String nhs = Identifiers.nhsNumber(random);
                answers.put("orders-0-indication", List.of("NHS " + nhs, "DOB 12/03/1950").get(random.nextInt(2)));
                name = "identifier in the indication";
            }
            case 4 -> {
                String raw = List.of("ward=%ZZ", "ward=%C3%28", "ward=%", "ward=%FF%FE", "=&=&&", "ward",
                        "orders-0-drug=%E2%82").get(random.nextInt(7));
                body = (formBody(answers) + "&" + raw).getBytes(StandardCharsets.UTF_8);
                name = "raw " + raw;
            }
            case 5 -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                bytes.writeBytes((formBody(answers) + "&orders-0-indication=").getBytes(StandardCharsets.UTF_8));
                bytes.writeBytes(new byte[] {(byte) 0xff, (byte) 0xc3, 0x28});
                body = bytes.toByteArray();
                name = "raw invalid UTF-8 bytes";
            }
            case 6 -> {
                body = (formBody(answers) + "&ward=W12&ward=AMU&orders-0-drug=aspirin")
                        .getBytes(StandardCharsets.UTF_8);
                name = "duplicate fields";
            }
            case 7 -> {
                contentType = List.of("application/json", "text/plain", "multipart/form-data; boundary=zz")
                        .get(random.nextInt(3));
                name = "content type " + contentType;
            }
            default -> {
                answers.clear();
                name = "empty form";
            }
        }
        if (body == null) {
            body = formBody(answers).getBytes(StandardCharsets.UTF_8);
        }
        return new Case("#" + i + " " + name, contentType, body, Expect.EITHER, null);
    }

    private DynamicTest formTest(Case hostile) {
        return DynamicTest.dynamicTest(abbreviate(hostile.name()), () -> {
            Map<String, Long> before = Tables.counts(dataSource);

            Http.Response response = http.postAsBrowser("/audits", hostile.contentType(), hostile.body());

            String seen = "seed " + SEED + ", " + hostile.name() + " → " + response.status() + " "
                    + abbreviate(response.body());
            assertThat(response.status()).as(seen).isLessThan(500).isIn(FORM_ANSWERS);
            Map<String, Long> after = Tables.counts(dataSource);
            if (response.status() == 303) {
                assertThat(after.get("chart_sample")).as(seen).isEqualTo(before.get("chart_sample") + 1);
            } else {
                assertThat(after).as("nothing stored on refusal: " + seen).isEqualTo(before);
            }
            if (response.status() == 422) {
                assertThat(response.body()).as(seen).contains("govuk-error-summary");
            }
        });
    }

    private String formBody(Map<String, String> answers) {
        return answers.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    // ---- helpers ----

    private static Case json(String name, Map<String, Object> chart, Expect expect, String pointer) {
        return new Case(name, "application/json", JsonText.write(chart).getBytes(StandardCharsets.UTF_8), expect,
                pointer);
    }

    /** A random JSON pointer into the chart (not the root); leaves only if asked. */
    private static String pickPath(Random random, Map<String, Object> chart, boolean leavesOnly) {
        List<String> paths = paths(chart, "", leavesOnly);
        return paths.get(random.nextInt(paths.size()));
    }

    private static List<String> paths(Object node, String at, boolean leavesOnly) {
        List<String> paths = new ArrayList<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                String pointer = at + "/" + key;
                if (!leavesOnly || !(value instanceof Map || value instanceof List)) {
                    paths.add(pointer);
                }
                paths.addAll(paths(value, pointer, leavesOnly));
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String pointer = at + "/" + i;
                if (!leavesOnly || !(list.get(i) instanceof Map || list.get(i) instanceof List)) {
                    paths.add(pointer);
                }
                paths.addAll(paths(list.get(i), pointer, leavesOnly));
            }
        }
        return paths;
    }

    private static Object at(Object node, String pointer) {
        for (String part : pointer.substring(1).split("/")) {
            node = node instanceof Map<?, ?> map ? map.get(part) : ((List<?>) node).get(Integer.parseInt(part));
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static void set(Map<String, Object> chart, String pointer, Object value) {
        int last = pointer.lastIndexOf('/');
        Object parent = last == 0 ? chart : at(chart, pointer.substring(0, last));
        String key = pointer.substring(last + 1);
        if (parent instanceof Map<?, ?>) {
            ((Map<String, Object>) parent).put(key, value);
        } else {
            ((List<Object>) parent).set(Integer.parseInt(key), value);
        }
    }

    private static boolean sameKind(Object a, Object b) {
        return a instanceof String && b instanceof String || a instanceof Number && b instanceof Number
                || a instanceof Boolean && b instanceof Boolean || a instanceof Map && b instanceof Map
                || a instanceof List && b instanceof List;
    }

    private static byte[] replace(byte[] body, String marker, byte[] with) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at + 1);
        out.writeBytes(with);
        out.write(body, at + marker.length() - 1, body.length - at - marker.length() + 1);
        return out.toByteArray();
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + " characters)";
    }
}
