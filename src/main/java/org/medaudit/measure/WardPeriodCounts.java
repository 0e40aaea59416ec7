package org.medaudit.measure;

/**
 * The raw counts of one ward in one period (a month, {@code YYYY-MM}, or an ISO week, {@code YYYY-Www}), or of all
 * the wards of a site or of the network summed. A period with no audited chart has no counts at all: it is "not audited", never zero.
 *
 * <p>Counts of findings take the findings of the request's {@link Basis}: by default flagged, confirmed and manual
 * ones (not overridden).
 *
 * @param prescribingErrors findings in the prescribing-error category
 * @param chartsWithPrescribingError charts with at least one such finding
 * @param chartsWithSeriousPrescribingError charts with at least one such finding of severity serious or
 *     potentially-lethal
 * @param highRiskMedicineErrors prescribing-error findings raised by the high-risk-medicines rule set (rule ids
 *     {@code HRM-…})
 * @param omittedCriticalDoses findings in the omitted-dose category (doses of critical medicines omitted without a
 *     valid reason)
 * @param documentationFindings findings in the documentation category
 * @param policyComplianceFindings findings in the policy-compliance category
 * @param reconciliationJudged charts whose reconciliation timing can be judged (admission recorded, and completed
 *     or the time limit passed by the audit day)
 * @param reconciledInTime of those, charts reconciled within the limit
 * @param preAdmissionMedicinesJudged pre-admission medicines recorded with whether they are on the chart
 * @param unreconciledPreAdmissionMedicines of those, medicines not on the chart with no documented stop or change
 * @param chartsWithPatientContext charts with the patient part recorded
 * @param chartsWithAllergyStatus of those, charts with an allergy status documented
 */
public record WardPeriodCounts(String period, long chartsAudited, long ordersAudited, long prescribingErrors,
        long chartsWithPrescribingError, long chartsWithSeriousPrescribingError, long highRiskMedicineErrors,
        long omittedCriticalDoses, long documentationFindings, long policyComplianceFindings,
        long reconciliationJudged, long reconciledInTime, long preAdmissionMedicinesJudged,
        long unreconciledPreAdmissionMedicines, long chartsWithPatientContext, long chartsWithAllergyStatus) {
}
