package org.medaudit.rules.fact;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import org.medaudit.sample.ChartSample;
import org.kie.api.definition.type.ClassReactive;

/**
 * The admission and its medicines reconciliation.
 *
 * @param admittedAt when the patient was admitted
 * @param reconciliationStartedAt null when not started
 * @param reconciliationCompletedAt null when not completed
 * @param auditDayEnd the end of the audit day: reconciliation not completed by then counts as not completed
 */
@ClassReactive
public record Admission(LocalDateTime admittedAt, LocalDateTime reconciliationStartedAt,
        LocalDateTime reconciliationCompletedAt, LocalDateTime auditDayEnd) {

    /** The chart's admission, when an admission time was recorded. */
    public static Optional<Admission> of(ChartSample chart) {
        var admission = chart.admission();
        if (admission == null || admission.admittedAt() == null) {
            return Optional.empty();
        }
        return Optional.of(new Admission(admission.admittedAt(), admission.reconciliationStartedAt(),
                admission.reconciliationCompletedAt(), chart.auditDate().atTime(LocalTime.MAX)));
    }

    /** Hours from admission to completed reconciliation, or null when not completed. */
    public Double hoursToReconciliation() {
        return reconciliationCompletedAt == null ? null : hoursSinceAdmission(reconciliationCompletedAt);
    }

    /** Time from admission to completed reconciliation for a message, e.g. {@code 24 h 01 min}; null when not completed. */
    public String timeToReconciliation() {
        if (reconciliationCompletedAt == null) {
            return null;
        }
        long minutes = Duration.between(admittedAt, reconciliationCompletedAt).toMinutes();
        return String.format("%d h %02d min", minutes / 60, minutes % 60);
    }

    /**
     * Reconciliation was completed later than this many hours after admission, or had not been completed by the
     * end of the audit day although that many hours had passed. A chart audited sooner is not yet late.
     */
    public boolean reconciledLaterThan(double hours) {
        Double taken = hoursToReconciliation();
        return taken != null ? taken > hours : hoursSinceAdmission(auditDayEnd) > hours;
    }

    /** Whether a reconciliation measure with this time limit can judge the chart at all. */
    public boolean judgeableWithin(double hours) {
        return reconciliationCompletedAt != null || hoursSinceAdmission(auditDayEnd) > hours;
    }

    private double hoursSinceAdmission(LocalDateTime moment) {
        return Duration.between(admittedAt, moment).toMinutes() / 60.0;
    }
}
