package org.medaudit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medaudit.finding.Finding;
import org.medaudit.finding.FindingRepository;
import org.medaudit.sample.SampleParts.AllergyRow;
import org.medaudit.sample.SampleParts.ConditionRow;
import org.medaudit.sample.SampleParts.MonitoringRow;
import org.medaudit.sample.SampleParts.OmittedDoseRow;
import org.medaudit.sample.SampleParts.OrderRow;
import org.medaudit.sample.SampleParts.PreAdmissionRow;
import org.medaudit.support.ChartGenerator;
import org.medaudit.support.JsonText;
import org.medaudit.support.TestDatabases;

/**
 * A chart's parts and findings are written in batches ({@code system.BatchInserts}), its reads go through the
 * repositories: every column a batch writes must be stored exactly as a repository would store the same record, or
 * dates and times would read differently (or not compare in SQL) depending on how a row was written.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchInsertsTest implements TestPropertyProvider {

    /** Copies get positions this far on, so that each batch-written row can be paired with its copy. */
    private static final int COPY = 1000;

    @Inject
    SampleIntake intake;

    @Inject
    SampleRepositories.Conditions conditions;

    @Inject
    SampleRepositories.Allergies allergies;

    @Inject
    SampleRepositories.PreAdmissions preAdmissions;

    @Inject
    SampleRepositories.Orders orders;

    @Inject
    SampleRepositories.OmittedDoses omittedDoses;

    @Inject
    SampleRepositories.Monitoring monitoring;

    @Inject
    FindingRepository findings;

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabases.configured();
    }

    @Test
    @DisplayName("every part and finding a batch wrote is stored column for column as its repository stores it")
    void batchRowsAreStoredAsRepositoriesStoreThem() throws SQLException {
        ChartGenerator charts = new ChartGenerator(new Random(7), LocalDate.now());
        int compared = 0;
        for (int i = 0; i < 20; i++) {
            String id = intake.submitJson(JsonText.write(charts.chart()).getBytes(StandardCharsets.UTF_8), null)
                    .sample().id();
            copyThroughRepositories(id);
            for (String table : List.of("sample_condition", "sample_allergy", "pre_admission_medicine",
                    "medication_order", "omitted_dose", "monitoring_result", "finding")) {
                List<Map<String, String>> rows = rows(table, id);
                List<Map<String, String>> batch = rows.subList(0, rows.size() / 2);
                List<Map<String, String>> copies = rows.subList(rows.size() / 2, rows.size());
                assertThat(copies).as("%s of sample %s", table, id).isEqualTo(batch);
                compared += batch.size();
            }
        }
        assertThat(compared).as("rows compared").isGreaterThan(200);
    }

    private void copyThroughRepositories(String id) {
        conditions.findBySampleIdOrderByPosition(id).forEach(r -> conditions.save(new ConditionRow(null, id,
                r.position() + COPY, r.code())));
        allergies.findBySampleIdOrderByPosition(id).forEach(r -> allergies.save(new AllergyRow(null, id,
                r.position() + COPY, r.substance(), r.reaction())));
        preAdmissions.findBySampleIdOrderByPosition(id).forEach(r -> preAdmissions.save(new PreAdmissionRow(null,
                id, r.position() + COPY, r.drug(), r.dose(), r.unit(), r.route(), r.frequency(), r.onChart(),
                r.changeDocumented())));
        orders.findBySampleIdOrderByPosition(id).forEach(r -> orders.save(new OrderRow(null, id,
                r.position() + COPY, r.drug(), r.dose(), r.unit(), r.doseText(), r.route(), r.frequency(), r.prn(),
                r.prnMaxPer24h(), r.indication(), r.startDate(), r.reviewDate(), r.signed())));
        omittedDoses.findBySampleIdOrderByPosition(id).forEach(r -> omittedDoses.save(new OmittedDoseRow(null, id,
                r.position() + COPY, r.drug(), r.reasonCode())));
        monitoring.findBySampleIdOrderByPosition(id).forEach(r -> monitoring.save(new MonitoringRow(null, id,
                r.position() + COPY, r.test(), r.resultDate(), r.result())));
        findings.findBySampleIdOrderByPosition(id).forEach(f -> findings.save(new Finding(
                UUID.randomUUID().toString(), f.sampleId(), f.position() + COPY, f.ruleId(), f.ruleName(),
                f.category(), f.errorType(), f.severity(), f.source(), f.message(), f.drug(), f.orderIndex(),
                f.status(), f.ruleBookVersion(), f.createdAt(), f.reviewReason(), f.reviewComment(),
                f.reviewedBy(), f.reviewedAt())));
    }

    /** Every column of a sample's rows as the database gives it back as text, without the row's own id. */
    private List<Map<String, String>> rows(String table, String sampleId) throws SQLException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT * FROM " + table + " WHERE sample_id = ? ORDER BY position")) {
            query.setString(1, sampleId);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    Map<String, String> row = new TreeMap<>();
                    for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                        String column = result.getMetaData().getColumnName(c).toLowerCase();
                        if (!column.equals("id") && !column.equals("position")) {
                            row.put(column, result.getString(c));
                        }
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
