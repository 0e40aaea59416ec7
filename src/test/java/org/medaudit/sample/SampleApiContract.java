package org.medaudit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medaudit.security.Users;
import org.medaudit.support.ChartGenerator;
import org.medaudit.support.Charts;
import org.medaudit.support.Http;
import org.medaudit.support.JsonText;
import org.medaudit.support.People;
import org.medaudit.support.Tables;

/**
 * The chart-sample intake contract, over real HTTP against a real database. Each database (SQLite, PostgreSQL)
 * runs the same specification through a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // so that TestPropertyProvider runs before the context starts
abstract class SampleApiContract implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    @Inject
    Users users;

    Http http;

    @BeforeAll
    void signIn() {
        http = People.pharmacist(server, users);
    }

    @Test
    @DisplayName("the DESIGN.md example chart is stored with the methotrexate, warfarin and co-careldopa findings")
    void designExampleGivesItsFindings() {
        Http.Response response = http.postJson("/api/v1/samples", Charts.designExample());

        assertThat(response.status()).isEqualTo(201);
        Map<String, Object> sample = response.object();
        assertThat(response.header("Location")).isEqualTo("/api/v1/samples/" + sample.get("id"));
        assertThat(sample).containsEntry("ward", "AMU").containsEntry("auditDate", "2026-10-14")
                .containsEntry("ordersAudited", 1);
        assertThat((String) sample.get("ruleBookVersion")).matches("sha256:[0-9a-f]{64}");
        List<Map<String, Object>> findings = findings(sample);
        assertThat(findings).extracting(f -> f.get("ruleId")).contains("HRM-001", "REC-002", "OMD-001")
                .doesNotContain("ALG-002", "ALG-003");
        Map<String, Object> methotrexate = findings.stream().filter(f -> "HRM-001".equals(f.get("ruleId")))
                .findFirst().orElseThrow();
        assertThat(methotrexate).containsEntry("category", "prescribing-error")
                .containsEntry("errorType", "wrong-frequency").containsEntry("severity", "potentially-lethal")
                .containsEntry("drug", "methotrexate").containsEntry("orderIndex", 0)
                .containsEntry("status", "flagged");
        assertThat(findings.stream().filter(f -> "REC-002".equals(f.get("ruleId"))).findFirst().orElseThrow())
                .containsEntry("drug", "warfarin").doesNotContainKey("orderIndex");
    }

    @Test
    @DisplayName("GET returns exactly what POST answered")
    void storedSampleReadsBackAsSubmitted() {
        Http.Response created = http.postJson("/api/v1/samples", Charts.designExample());

        Http.Response read = http.get(created.header("Location"));

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.object()).isEqualTo(created.object());
        Map<String, Object> patient = (Map<String, Object>) read.object().get("patient");
        assertThat(patient).containsEntry("egfr", 38.0).doesNotContainKey("crcl")
                .containsEntry("conditions", List.of("asthma", "peptic-ulcer-history"));
    }

    @Test
    @DisplayName("GET returns exactly what POST answered, for every part of a hundred generated charts")
    void generatedChartsReadBackAsAnswered() {
        long seed = 20261130L;
        ChartGenerator charts = new ChartGenerator(new Random(seed), LocalDate.now());
        for (int i = 0; i < 100; i++) {
            Map<String, Object> chart = charts.chart();
            Http.Response created = http.postJson("/api/v1/samples", JsonText.write(chart));
            assertThat(created.status()).as("chart %d of seed %d: %s", i, seed, created.body()).isEqualTo(201);

            Http.Response read = http.get(created.header("Location"));

            assertThat(read.object()).as("chart %d of seed %d", i, seed).isEqualTo(created.object());
        }
    }

    @Test
    @DisplayName("a list recorded as empty stays empty and a list not recorded stays absent")
    void notRecordedStaysApartFromRecordedAsNone() {
        String chart = """
                {"ward": "AMU", "auditDate": "2026-10-14", "omittedDoses": [],
                 "patient": {"allergyStatus": "none-known", "allergies": []},
                 "orders": [{"drug": "paracetamol", "dose": 1, "unit": "g", "route": "oral",
                             "frequency": "four-times-daily"}]}""";

        Map<String, Object> sample = http.get(http.postJson("/api/v1/samples", chart).header("Location")).object();

        assertThat(sample).containsEntry("omittedDoses", List.of()).doesNotContainKeys("monitoring",
                "preAdmissionMedicines", "admission");
        assertThat((Map<String, Object>) sample.get("patient")).containsEntry("allergies", List.of())
                .doesNotContainKey("conditions");
    }

    @Test
    @DisplayName("a retried POST with the same Idempotency-Key returns the first result and stores nothing new")
    void idempotentRetry() {
        String key = UUID.randomUUID().toString();
        Http.Response first = http.postJson("/api/v1/samples", Charts.designExample(), "Idempotency-Key", key);
        Map<String, Long> afterFirst = Tables.counts(dataSource);

        Http.Response retry = http.postJson("/api/v1/samples", Charts.designExample(), "Idempotency-Key", key);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.object()).isEqualTo(first.object());
        assertThat(Tables.counts(dataSource)).isEqualTo(afterFirst);
    }

    @Test
    @DisplayName("an Idempotency-Key reused for a different chart is refused with 409 and nothing is stored")
    void idempotencyKeyReusedForAnotherChart() {
        String key = UUID.randomUUID().toString();
        http.postJson("/api/v1/samples", Charts.designExample(), "Idempotency-Key", key);
        Map<String, Long> before = Tables.counts(dataSource);

        Http.Response reused = http.postJson("/api/v1/samples",
                Charts.designExample().replace("\"auditDate\": \"2026-10-14\"", "\"auditDate\": \"2026-10-15\""),
                "Idempotency-Key", key);

        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Tables.counts(dataSource)).isEqualTo(before);
    }

    @Test
    @DisplayName("one refusal lists every invalid field by JSON pointer, and stores nothing")
    void everyInvalidFieldIsListed() {
        String chart = """
                {"ward": "NOWHERE", "auditDate": "2999-01-01", "sampleType": "sometimes",
                 "patient": {"ageYears": 130, "sex": "female", "weightKg": "heavy", "name": "Jane Smith",
                             "allergyStatus": "none-known", "allergies": [{"substance": "penicillin"}]},
                 "admission": {"admittedAt": "2026-10-12T14:05", "reconciliationCompletedAt": "2026-10-11T09:00"},
                 "orders": [{"drug": "amoxicillin", "route": "mouth", "dose": -5,
                             "indication": "NHS 943 476 5919", "doseText": "DOB 12/03/1950"},
                            "not an order"],
                 "omittedDoses": [{"drug": "insulin", "reasonCode": "forgot"}]}""";
        Map<String, Long> before = Tables.counts(dataSource);

        Http.Response refused = http.postJson("/api/v1/samples", chart);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.object()).containsEntry("status", 422).containsKey("title").containsKey("type");
        assertThat(refused.errorPointers()).containsExactlyInAnyOrder(
                "/ward", "/auditDate", "/sampleType", "/patient/ageYears", "/patient/sex", "/patient/weightKg",
                "/patient/name", "/patient/allergyStatus", "/admission/reconciliationCompletedAt",
                "/orders/0/route", "/orders/0/dose", "/orders/0/indication", "/orders/0/doseText", "/orders/1",
                "/omittedDoses/0/reasonCode");
        assertThat(Tables.counts(dataSource)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} is refused at {1}")
    @CsvSource(delimiter = '|', textBlock = """
            no orders list             | /orders                      | {"ward": "AMU", "auditDate": "2026-10-14"}
            an empty orders list       | /orders                      | {"ward": "AMU", "auditDate": "2026-10-14", "orders": []}
            no ward                    | /ward                        | {"auditDate": "2026-10-14", "orders": [{"drug": "aspirin"}]}
            no audit date              | /auditDate                   | {"ward": "AMU", "orders": [{"drug": "aspirin"}]}
            a date not ISO             | /auditDate                   | {"ward": "AMU", "auditDate": "14/10/2026", "orders": [{"drug": "aspirin"}]}
            an order without a drug    | /orders/0/drug               | {"ward": "AMU", "auditDate": "2026-10-14", "orders": [{"dose": 5}]}
            a blank drug               | /orders/0/drug               | {"ward": "AMU", "auditDate": "2026-10-14", "orders": [{"drug": "  "}]}
            a string for a boolean     | /orders/0/signed             | {"ward": "AMU", "auditDate": "2026-10-14", "orders": [{"drug": "aspirin", "signed": "yes"}]}
            an eGFR over 200           | /patient/egfr                | {"ward": "AMU", "auditDate": "2026-10-14", "patient": {"egfr": 201}, "orders": [{"drug": "aspirin"}]}
            a weight under 0.3 kg      | /patient/weightKg            | {"ward": "AMU", "auditDate": "2026-10-14", "patient": {"weightKg": 0.2}, "orders": [{"drug": "aspirin"}]}
            a fractional age           | /patient/ageYears            | {"ward": "AMU", "auditDate": "2026-10-14", "patient": {"ageYears": 70.5}, "orders": [{"drug": "aspirin"}]}
            an unknown route           | /orders/0/route              | {"ward": "AMU", "auditDate": "2026-10-14", "orders": [{"drug": "aspirin", "route": "by mouth"}]}
            reconciliation w/o arrival | /admission/admittedAt        | {"ward": "AMU", "auditDate": "2026-10-14", "admission": {"reconciliationStartedAt": "2026-10-13T09:00"}, "orders": [{"drug": "aspirin"}]}
            an NHS number in a text    | /orders/0/indication         | {"ward": "AMU", "auditDate": "2026-10-14", "orders": [{"drug": "aspirin", "indication": "pt 4010232137"}]}
            a date of birth in a text  | /patient/conditions/0        | {"ward": "AMU", "auditDate": "2026-10-14", "patient": {"conditions": ["born 3 March 1941"]}, "orders": [{"drug": "aspirin"}]}
            an unknown top-level field | /nhsNumber                   | {"ward": "AMU", "auditDate": "2026-10-14", "nhsNumber": "x", "orders": [{"drug": "aspirin"}]}
            an array as the body       | ''                           | []
            """)
    void invalidChartIsRefusedAndNothingStored(String what, String pointer, String chart) {
        Map<String, Long> before = Tables.counts(dataSource);

        Http.Response refused = http.postJson("/api/v1/samples", chart);

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.errorPointers()).contains(pointer);
        assertThat(Tables.counts(dataSource)).isEqualTo(before);
    }

    @Test
    @DisplayName("an NHS-number-shaped value with an invalid check digit is not an identifier")
    void tenDigitsWithABadCheckDigitAreAccepted() {
        Http.Response stored = http.postJson("/api/v1/samples", Charts.minimal("AMU", "2026-10-14",
                "[{\"drug\": \"aspirin\", \"indication\": \"batch 9434765918\"}]"));

        assertThat(stored.status()).isEqualTo(201);
    }

    @Test
    @DisplayName("a body that is not JSON is a 400 problem, and nothing is stored")
    void malformedJson() {
        Map<String, Long> before = Tables.counts(dataSource);

        Http.Response truncated = http.postJson("/api/v1/samples", "{\"ward\": \"AMU\", ");
        Http.Response duplicateKey = http.postJson("/api/v1/samples",
                "{\"ward\": \"AMU\", \"ward\": \"W12\", \"auditDate\": \"2026-10-14\", \"orders\": []}");

        assertThat(truncated.status()).isEqualTo(400);
        assertThat(truncated.header("Content-Type")).startsWith("application/problem+json");
        assertThat(duplicateKey.status()).isEqualTo(400);
        assertThat(duplicateKey.object().get("detail").toString()).contains("ward");
        assertThat(Tables.counts(dataSource)).isEqualTo(before);
    }

    @Test
    @DisplayName("HTTP errors are problem+json: unknown sample 404, wrong method 405, wrong media type 415")
    void httpErrorsAreProblems() {
        Http.Response unknown = http.get("/api/v1/samples/" + UUID.randomUUID());
        Http.Response wrongMethod = http.send("DELETE", "/api/v1/samples/" + UUID.randomUUID());
        Http.Response wrongType = http.post("/api/v1/samples", "text/plain", "ward=AMU".getBytes());

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongType.status()).isEqualTo(415);
        for (Http.Response response : List.of(unknown, wrongMethod, wrongType)) {
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.object()).containsKeys("type", "title", "status");
            assertThat(response.body()).doesNotContain("at org.", "Exception");
        }
    }

    @Test
    @DisplayName("a body over the size limit is refused with 413")
    void oversizedBody() {
        byte[] huge = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');

        Http.Response refused = http.post("/api/v1/samples", "application/json", huge);

        assertThat(refused.status()).isEqualTo(413);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> findings(Map<String, Object> sample) {
        return (List<Map<String, Object>>) sample.get("findings");
    }
}
