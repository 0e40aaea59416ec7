package org.medaudit.measure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.medaudit.rules.Taxonomy;

/**
 * Counts a ward's audited charts per period straight from the stored samples and findings, so that a reviewed
 * (confirmed, overridden, added) finding changes the rate at once. One indexed pass per request.
 */
@Singleton
class CountsQuery {

    /**
     * Prescribing errors are findings of the prescribing-error category that a pharmacist has not overridden:
     * flagged, confirmed and manual ones count. Documentation and policy-compliance findings never do.
     */
    private static final String SQL = """
            SELECT period,
                   COUNT(*) AS charts_audited,
                   SUM(orders_audited) AS orders_audited,
                   SUM(errors) AS prescribing_errors,
                   SUM(CASE WHEN errors > 0 THEN 1 ELSE 0 END) AS charts_with_prescribing_error,
                   SUM(CASE WHEN reconciliation_judged THEN 1 ELSE 0 END) AS reconciliation_judged,
                   SUM(CASE WHEN reconciled_in_time THEN 1 ELSE 0 END) AS reconciled_in_time
            FROM (SELECT s.period, s.orders_audited, s.reconciliation_judged, s.reconciled_in_time,
                         (SELECT COUNT(*) FROM finding f
                          WHERE f.sample_id = s.id AND f.category = ? AND f.status <> 'overridden') AS errors
                  FROM chart_sample s
                  WHERE s.ward_id = ? AND s.period >= ? AND s.period <= ?) audited
            GROUP BY period
            ORDER BY period
            """;

    private final JdbcOperations jdbc;

    CountsQuery(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The counts of every audited period from {@code from} to {@code to} (inclusive, {@code YYYY-MM}). */
    @Transactional
    List<WardPeriodCounts> forWard(long wardId, String from, String to) {
        return jdbc.prepareStatement(SQL, statement -> {
            statement.setString(1, Taxonomy.PRESCRIBING_ERROR);
            statement.setLong(2, wardId);
            statement.setString(3, from);
            statement.setString(4, to);
            try (ResultSet rows = statement.executeQuery()) {
                List<WardPeriodCounts> counts = new ArrayList<>();
                while (rows.next()) {
                    counts.add(read(rows));
                }
                return counts;
            }
        });
    }

    private static WardPeriodCounts read(ResultSet rows) throws SQLException {
        return new WardPeriodCounts(rows.getString("period"), rows.getLong("charts_audited"),
                rows.getLong("orders_audited"), rows.getLong("prescribing_errors"),
                rows.getLong("charts_with_prescribing_error"), rows.getLong("reconciliation_judged"),
                rows.getLong("reconciled_in_time"));
    }
}
