package org.medaudit.rules;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.medaudit.system.MonthRange;

/**
 * Counts, per rule, the findings raised on charts audited in a period and how they were reviewed: one aggregate
 * pass over {@code finding} joined to {@code chart_sample}, straight from the stored rows, so that a review shows
 * at once. Findings a pharmacist added (no rule id) are not any rule's.
 */
@Singleton
class RuleActivityQuery {

    private static final String SQL = """
            SELECT f.rule_id,
                   COUNT(*) AS fired,
                   SUM(CASE WHEN f.status = 'confirmed' THEN 1 ELSE 0 END) AS confirmed,
                   SUM(CASE WHEN f.status = 'overridden' THEN 1 ELSE 0 END) AS overridden
            FROM finding f
            JOIN chart_sample s ON s.id = f.sample_id
            WHERE f.rule_id IS NOT NULL AND s.period >= ? AND s.period <= ?
            GROUP BY f.rule_id
            """;

    private final JdbcOperations jdbc;

    RuleActivityQuery(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The activity of every rule that fired in the period, by rule id; a rule that never fired is absent. */
    @Transactional
    Map<String, RuleActivity> byRule(MonthRange period) {
        return jdbc.prepareStatement(SQL, statement -> {
            statement.setString(1, period.from().toString());
            statement.setString(2, period.to().toString());
            try (ResultSet rows = statement.executeQuery()) {
                Map<String, RuleActivity> activity = new HashMap<>();
                while (rows.next()) {
                    activity.put(rows.getString("rule_id"), RuleActivity.of(period, rows.getLong("fired"),
                            rows.getLong("confirmed"), rows.getLong("overridden")));
                }
                return activity;
            }
        });
    }
}
