package org.medaudit.measure;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.medaudit.rules.Taxonomy;

/**
 * Counts audited charts per period straight from the stored samples, their pre-admission medicines and their
 * findings, so that a reviewed (confirmed, overridden, added) finding changes the rate at once. One aggregate query
 * per request: each sample's findings are joined through the finding-by-sample index, and samples are chosen
 * through the ward-and-period index (for one ward or the wards of a site) or taken whole (the network).
 */
@Singleton
class CountsQuery {

    /**
     * Per sample, then per period (the month or the ISO week column). Only constants are formatted into the text
     * (categories, severities, the basis condition, the ward placeholders); every value that comes from a request is
     * a bound parameter. The high-risk-medicines rule set's ids all start with HRM- (a guard test holds the two
     * together), and a rule id is stable across rule-book versions, so the prefix picks out those findings in every
     * stored version.
     */
    private static final String SQL = """
            SELECT %9$s period,
                   COUNT(*) AS charts_audited,
                   SUM(orders_audited) AS orders_audited,
                   SUM(errors) AS prescribing_errors,
                   SUM(CASE WHEN errors > 0 THEN 1 ELSE 0 END) AS charts_with_prescribing_error,
                   SUM(CASE WHEN serious_errors > 0 THEN 1 ELSE 0 END) AS charts_with_serious_error,
                   SUM(high_risk_errors) AS high_risk_medicine_errors,
                   SUM(omitted_critical) AS omitted_critical_doses,
                   SUM(documentation) AS documentation_findings,
                   SUM(policy) AS policy_compliance_findings,
                   SUM(CASE WHEN reconciliation_judged THEN 1 ELSE 0 END) AS reconciliation_judged,
                   SUM(CASE WHEN reconciled_in_time THEN 1 ELSE 0 END) AS reconciled_in_time,
                   SUM(medicines_judged) AS pre_admission_medicines_judged,
                   SUM(medicines_unreconciled) AS unreconciled_medicines,
                   SUM(CASE WHEN patient_recorded THEN 1 ELSE 0 END) AS charts_with_patient_context,
                   SUM(CASE WHEN patient_recorded AND allergy_status IS NOT NULL THEN 1 ELSE 0 END)
                       AS charts_with_allergy_status
            FROM (SELECT s.id, s.ward_id, s.%8$s AS period, s.orders_audited, s.reconciliation_judged,
                         s.reconciled_in_time,
                         s.patient_recorded, s.allergy_status,
                         SUM(CASE WHEN f.category = '%1$s' THEN 1 ELSE 0 END) AS errors,
                         SUM(CASE WHEN f.category = '%1$s' AND f.severity IN (%2$s) THEN 1 ELSE 0 END)
                             AS serious_errors,
                         SUM(CASE WHEN f.category = '%1$s' AND f.rule_id LIKE 'HRM-%%' THEN 1 ELSE 0 END)
                             AS high_risk_errors,
                         SUM(CASE WHEN f.category = '%3$s' THEN 1 ELSE 0 END) AS omitted_critical,
                         SUM(CASE WHEN f.category = '%4$s' THEN 1 ELSE 0 END) AS documentation,
                         SUM(CASE WHEN f.category = '%5$s' THEN 1 ELSE 0 END) AS policy,
                         (SELECT COUNT(*) FROM pre_admission_medicine m
                          WHERE m.sample_id = s.id AND m.on_chart IS NOT NULL) AS medicines_judged,
                         (SELECT COUNT(*) FROM pre_admission_medicine m
                          WHERE m.sample_id = s.id AND m.on_chart = FALSE
                            AND (m.change_documented IS NULL OR m.change_documented = FALSE))
                             AS medicines_unreconciled
                  FROM chart_sample s
                  LEFT JOIN finding f ON f.sample_id = s.id AND %6$s
                  WHERE %7$s s.%8$s <= ?
                  GROUP BY s.id, s.ward_id, s.%8$s, s.orders_audited, s.reconciliation_judged,
                           s.reconciled_in_time, s.patient_recorded, s.allergy_status) per_sample
            GROUP BY %9$s period
            ORDER BY %9$s period
            """;

    private static final String SERIOUS = "'serious', 'potentially-lethal'";
    private static final String OMITTED_DOSE = category("omitted-dose");
    private static final String DOCUMENTATION = category("documentation");
    private static final String POLICY_COMPLIANCE = category("policy-compliance");

    /** The key of summed counts in {@link #query}'s answer. */
    private static final Long ALL = -1L;

    private final DataSource dataSource;

    CountsQuery(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /**
     * The counts of every audited period of the kind (months or ISO weeks) up to {@code to} (inclusive, a label of
     * that kind), summed over the given wards; {@code wardIds} null means every ward of the network. Earlier periods
     * are included because a frozen baseline is taken from a series' first points, whatever range is shown.
     */
    List<WardPeriodCounts> upTo(List<Long> wardIds, Periods.Kind kind, String to, Basis basis) {
        return query(wardIds, kind, to, basis, false).getOrDefault(ALL, List.of());
    }

    /**
     * The same monthly counts kept apart per ward, in the same single query: each ward's audited months up to
     * {@code to}, by ward id. What a summary of many wards needs without one query per ward.
     */
    Map<Long, List<WardPeriodCounts>> byWardUpTo(List<Long> wardIds, String to, Basis basis) {
        return query(wardIds, Periods.Kind.MONTH, to, basis, true);
    }

    private Map<Long, List<WardPeriodCounts>> query(List<Long> wardIds, Periods.Kind kind, String to, Basis basis,
            boolean byWard) {
        if (wardIds != null && wardIds.isEmpty()) {
            return Map.of();
        }
        String wards = wardIds == null ? ""
                : "s.ward_id IN (" + String.join(", ", Collections.nCopies(wardIds.size(), "?")) + ") AND";
        String sql = SQL.formatted(Taxonomy.PRESCRIBING_ERROR, SERIOUS, OMITTED_DOSE, DOCUMENTATION,
                POLICY_COMPLIANCE, basis.condition(), wards, kind.column(), byWard ? "ward_id," : "");
        // One statement in auto-commit (a consistent snapshot by itself), outside any transaction: an immediate
        // SQLite transaction would hold the write lock for the whole aggregation — seconds for a network's history —
        // and every writer and token check would wait for it.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            if (wardIds != null) {
                for (Long id : wardIds) {
                    statement.setLong(index++, id);
                }
            }
            statement.setString(index, to);
            try (ResultSet rows = statement.executeQuery()) {
                Map<Long, List<WardPeriodCounts>> counts = new LinkedHashMap<>();
                while (rows.next()) {
                    Long ward = byWard ? rows.getLong("ward_id") : ALL;
                    counts.computeIfAbsent(ward, key -> new ArrayList<>()).add(read(rows));
                }
                return counts;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the stored samples", e);
        }
    }

    /** The latest audited period of any of the wards, not after {@code notAfter}; empty when none was audited. */
    Optional<String> latestPeriod(List<Long> wardIds, String notAfter) {
        if (wardIds.isEmpty()) {
            return Optional.empty();
        }
        String sql = "SELECT MAX(period) AS latest FROM chart_sample WHERE ward_id IN ("
                + String.join(", ", Collections.nCopies(wardIds.size(), "?")) + ") AND period <= ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (Long id : wardIds) {
                statement.setLong(index++, id);
            }
            statement.setString(index, notAfter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString("latest")) : Optional.<String>empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not find the latest audited period", e);
        }
    }

    /**
     * The data version of the given wards (every ward of the network when null): the sum of their
     * {@code ward_data_version} rows, which database triggers raise with every write their rates depend on. It
     * changes whenever any of the wards' data does, so {@link SeriesCache} can tell a current entry from a stale one.
     */
    long dataVersion(List<Long> wardIds) {
        if (wardIds != null && wardIds.isEmpty()) {
            return 0;
        }
        String sql = "SELECT COALESCE(SUM(version), 0) FROM ward_data_version" + (wardIds == null ? ""
                : " WHERE ward_id IN (" + String.join(", ", Collections.nCopies(wardIds.size(), "?")) + ")");
        // One statement in auto-commit, outside any transaction: SQLite's immediate transactions would take the
        // write lock for this read, and every cached answer would queue behind writers and each other.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (wardIds != null) {
                for (int i = 0; i < wardIds.size(); i++) {
                    statement.setLong(i + 1, wardIds.get(i));
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the wards' data version", e);
        }
    }

    /** A category name, checked against the taxonomy so that a misspelling fails at start-up, not as a zero. */
    private static String category(String name) {
        if (!Taxonomy.CATEGORIES.contains(name)) {
            throw new IllegalStateException("Not a finding category: " + name);
        }
        return name;
    }

    private static WardPeriodCounts read(ResultSet rows) throws SQLException {
        return new WardPeriodCounts(rows.getString("period"), rows.getLong("charts_audited"),
                rows.getLong("orders_audited"), rows.getLong("prescribing_errors"),
                rows.getLong("charts_with_prescribing_error"), rows.getLong("charts_with_serious_error"),
                rows.getLong("high_risk_medicine_errors"), rows.getLong("omitted_critical_doses"),
                rows.getLong("documentation_findings"), rows.getLong("policy_compliance_findings"),
                rows.getLong("reconciliation_judged"), rows.getLong("reconciled_in_time"),
                rows.getLong("pre_admission_medicines_judged"), rows.getLong("unreconciled_medicines"),
                rows.getLong("charts_with_patient_context"), rows.getLong("charts_with_allergy_status"));
    }
}
