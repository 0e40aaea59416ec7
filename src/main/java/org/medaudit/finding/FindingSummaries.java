package org.medaudit.finding;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.medaudit.finding.FindingSummary.Tally;
import org.medaudit.measure.Basis;

/**
 * Counts of findings for a set of wards over a range of months, by category, error type, severity and drug: what a
 * ward page shows as its commonest errors and what other services read as findings summaries. Findings are counted
 * on the same basis as the rates ({@link Basis}), so the two always agree.
 */
@Singleton
public class FindingSummaries {

    /** Findings grouped on all four dimensions at once; each dimension is then summed from these few rows. */
    private static final String FINDINGS = """
            SELECT f.category, f.error_type, f.severity, f.drug, COUNT(*) AS findings
            FROM chart_sample s
            JOIN finding f ON f.sample_id = s.id AND %1$s
            WHERE %2$s s.period >= ? AND s.period <= ?
            GROUP BY f.category, f.error_type, f.severity, f.drug
            """;

    private static final String CHARTS = """
            SELECT COUNT(*) AS charts, COALESCE(SUM(s.orders_audited), 0) AS orders
            FROM chart_sample s
            WHERE %1$s s.period >= ? AND s.period <= ?
            """;

    private record Row(String category, String errorType, String severity, String drug, long findings) {
    }

    private final JdbcOperations jdbc;

    FindingSummaries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The summary for the given wards ({@code null}: every ward of the network) from {@code from} to {@code to},
     * both months included.
     */
    @Transactional
    public FindingSummary summarise(List<Long> wardIds, YearMonth from, YearMonth to, Basis basis) {
        if (wardIds != null && wardIds.isEmpty()) {
            return new FindingSummary(from.toString(), to.toString(), basis.code(), 0, 0, 0, List.of(), List.of(),
                    List.of(), List.of());
        }
        String wards = wardIds == null ? ""
                : "s.ward_id IN (" + String.join(", ", Collections.nCopies(wardIds.size(), "?")) + ") AND";
        List<Row> rows = jdbc.prepareStatement(FINDINGS.formatted(basis.condition(), wards), statement -> {
            bind(statement, wardIds, from, to);
            try (ResultSet result = statement.executeQuery()) {
                List<Row> found = new java.util.ArrayList<>();
                while (result.next()) {
                    found.add(new Row(result.getString("category"), result.getString("error_type"),
                            result.getString("severity"), result.getString("drug"), result.getLong("findings")));
                }
                return found;
            }
        });
        long[] charts = jdbc.prepareStatement(CHARTS.formatted(wards), statement -> {
            bind(statement, wardIds, from, to);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return new long[] {result.getLong("charts"), result.getLong("orders")};
            }
        });
        long findings = rows.stream().mapToLong(Row::findings).sum();
        return new FindingSummary(from.toString(), to.toString(), basis.code(), charts[0], charts[1], findings,
                tally(rows, Row::category), tally(rows, Row::errorType), tally(rows, Row::severity),
                tally(rows, Row::drug));
    }

    private static void bind(PreparedStatement statement, List<Long> wardIds, YearMonth from, YearMonth to)
            throws SQLException {
        int index = 1;
        if (wardIds != null) {
            for (Long id : wardIds) {
                statement.setLong(index++, id);
            }
        }
        statement.setString(index++, from.toString());
        statement.setString(index, to.toString());
    }

    /** One dimension summed; findings without a value there (a finding about no one drug) are left out of it. */
    private static List<Tally> tally(List<Row> rows, Function<Row, String> dimension) {
        Map<String, Long> counts = new HashMap<>();
        for (Row row : rows) {
            String key = dimension.apply(row);
            if (key != null) {
                counts.merge(key, row.findings(), Long::sum);
            }
        }
        return counts.entrySet().stream().map(entry -> new Tally(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingLong(Tally::count).reversed().thenComparing(Tally::key)).toList();
    }
}
