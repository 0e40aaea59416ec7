package org.medaudit.sample;


/**
 * Whether a chart's medicines were reconciled within the time limit after admission (NICE QS120 statement 4).
 * Worked out once at intake with the rule book's threshold and stored as two flags, so that the measure counts
 * exactly what the late-reconciliation rule judged.
 *
 * @param judged the chart can be judged: admission recorded, and either reconciliation completed or the limit
 *     passed by the end of the audit day (a chart audited sooner is not yet late)
 * @param inTime reconciliation was completed within the limit
 */
public record ReconciliationTiming(boolean judged, boolean inTime) {

    /** The threshold in {@code rules/reference/thresholds.yaml} that sets the limit. */
    public static final String THRESHOLD = "reconciliation.within-hours";

    public static ReconciliationTiming of(ChartSample chart, double limitHours) {
        return org.medaudit.rules.fact.Admission.of(chart)
                .map(admission -> {
                    boolean judged = admission.judgeableWithin(limitHours);
                    return new ReconciliationTiming(judged, judged && !admission.reconciledLaterThan(limitHours));
                })
                .orElse(new ReconciliationTiming(false, false));
    }
}
