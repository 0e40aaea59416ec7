package org.medaudit.sample;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;
import org.medaudit.sample.SampleParts.AllergyRow;
import org.medaudit.sample.SampleParts.ConditionRow;
import org.medaudit.sample.SampleParts.MonitoringRow;
import org.medaudit.sample.SampleParts.OmittedDoseRow;
import org.medaudit.sample.SampleParts.OrderRow;
import org.medaudit.sample.SampleParts.PreAdmissionRow;

/** The repositories of a chart sample and its parts. */
final class SampleRepositories {

    private SampleRepositories() {
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface Samples extends CrudRepository<SampleRow, String> {
        Optional<SampleRow> findByIdempotencyKey(String idempotencyKey);

        Page<SampleRow> findAll(Pageable pageable);

        Page<SampleRow> findByWardId(long wardId, Pageable pageable);

        Page<SampleRow> findByPeriod(String period, Pageable pageable);

        Page<SampleRow> findByWardIdAndPeriod(long wardId, String period, Pageable pageable);
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface Conditions extends CrudRepository<ConditionRow, Long> {
        List<ConditionRow> findBySampleIdOrderByPosition(String sampleId);

        void deleteBySampleId(String sampleId);
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface Allergies extends CrudRepository<AllergyRow, Long> {
        List<AllergyRow> findBySampleIdOrderByPosition(String sampleId);

        void deleteBySampleId(String sampleId);
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface PreAdmissions extends CrudRepository<PreAdmissionRow, Long> {
        List<PreAdmissionRow> findBySampleIdOrderByPosition(String sampleId);

        void deleteBySampleId(String sampleId);
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface Orders extends CrudRepository<OrderRow, Long> {
        List<OrderRow> findBySampleIdOrderByPosition(String sampleId);

        void deleteBySampleId(String sampleId);
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface OmittedDoses extends CrudRepository<OmittedDoseRow, Long> {
        List<OmittedDoseRow> findBySampleIdOrderByPosition(String sampleId);

        void deleteBySampleId(String sampleId);
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface Monitoring extends CrudRepository<MonitoringRow, Long> {
        List<MonitoringRow> findBySampleIdOrderByPosition(String sampleId);

        void deleteBySampleId(String sampleId);
    }
}
