package org.medaudit.measure;

/**
 * The raw counts of one ward in one period (a month, {@code YYYY-MM}). A period with no audited chart has no
 * counts at all: it is "not audited", never zero.
 *
 * @param prescribingErrors findings in the prescribing-error category that were not overridden
 * @param chartsWithPrescribingError charts with at least one such finding
 * @param reconciliationJudged charts whose reconciliation timing can be judged (admission recorded, and completed
 *     or the time limit passed by the audit day)
 * @param reconciledInTime of those, charts reconciled within the limit
 */
public record WardPeriodCounts(String period, long chartsAudited, long ordersAudited, long prescribingErrors,
        long chartsWithPrescribingError, long reconciliationJudged, long reconciledInTime) {
}
