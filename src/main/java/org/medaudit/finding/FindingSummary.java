package org.medaudit.finding;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * How many findings a ward (or a set of wards) had over a range of months, by category, error type, severity and
 * drug: counts only, never a patient-level row. Each list is sorted by count, largest first, then by key, so that
 * the same data always read the same way.
 *
 * @param basis which findings were counted: {@code reviewed} or {@code flagged} (see the measure package's Basis)
 * @param chartsAudited charts audited in the range, the denominator a reader needs to judge the counts
 * @param ordersAudited medication orders on those charts
 * @param findings every finding counted
 */
@Serdeable
public record FindingSummary(String from, String to, String basis, long chartsAudited, long ordersAudited,
        long findings, List<Tally> byCategory, List<Tally> byErrorType, List<Tally> bySeverity,
        List<Tally> byDrug) {

    /** One value of a dimension (e.g. the error type {@code wrong-dose}) and how many findings had it. */
    @Serdeable
    public record Tally(String key, long count) {
    }
}
