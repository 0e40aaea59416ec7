package org.medaudit.report.progress;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
interface ProgressReportRepository extends CrudRepository<ProgressReport, Long> {

    Optional<ProgressReport> findByWardIdAndMonth(Long wardId, String month);

    Optional<ProgressReport> findBySiteIdAndMonth(Long siteId, String month);

    List<ProgressReport> findByWardIdOrderByMonthDesc(Long wardId);

    List<ProgressReport> findBySiteIdOrderByMonthDesc(Long siteId);

    List<ProgressReport> findAllOrderByMonthDesc();
}
