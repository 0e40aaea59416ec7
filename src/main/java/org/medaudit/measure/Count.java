package org.medaudit.measure;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The raw counts kept per ward and period, from which every measure's numerator and denominator are taken.
 * Measure documents name them ({@code count: orders-audited}); rates can always be re-derived from them. Counts of
 * findings follow the request's {@link Basis}; the others are read from the charts as entered, so reviewing a
 * finding never changes them.
 */
public enum Count {
    CHARTS_AUDITED("charts-audited", false, WardPeriodCounts::chartsAudited),
    ORDERS_AUDITED("orders-audited", false, WardPeriodCounts::ordersAudited),
    PRESCRIBING_ERRORS("prescribing-errors", true, WardPeriodCounts::prescribingErrors),
    CHARTS_WITH_PRESCRIBING_ERROR("charts-with-prescribing-error", true,
            WardPeriodCounts::chartsWithPrescribingError),
    CHARTS_WITH_SERIOUS_PRESCRIBING_ERROR("charts-with-serious-prescribing-error", true,
            WardPeriodCounts::chartsWithSeriousPrescribingError),
    HIGH_RISK_MEDICINE_ERRORS("high-risk-medicine-errors", true, WardPeriodCounts::highRiskMedicineErrors),
    OMITTED_CRITICAL_DOSES("omitted-critical-doses", true, WardPeriodCounts::omittedCriticalDoses),
    DOCUMENTATION_FINDINGS("documentation-findings", true, WardPeriodCounts::documentationFindings),
    POLICY_COMPLIANCE_FINDINGS("policy-compliance-findings", true, WardPeriodCounts::policyComplianceFindings),
    RECONCILIATION_JUDGED("reconciliation-judged", false, WardPeriodCounts::reconciliationJudged),
    RECONCILED_IN_TIME("reconciled-in-time", false, WardPeriodCounts::reconciledInTime),
    PRE_ADMISSION_MEDICINES_JUDGED("pre-admission-medicines-judged", false,
            WardPeriodCounts::preAdmissionMedicinesJudged),
    UNRECONCILED_PRE_ADMISSION_MEDICINES("unreconciled-pre-admission-medicines", false,
            WardPeriodCounts::unreconciledPreAdmissionMedicines),
    CHARTS_WITH_PATIENT_CONTEXT("charts-with-patient-context", false, WardPeriodCounts::chartsWithPatientContext),
    CHARTS_WITH_ALLERGY_STATUS("charts-with-allergy-status", false, WardPeriodCounts::chartsWithAllergyStatus);

    private final String id;
    private final boolean fromFindings;
    private final ToLongFunction<WardPeriodCounts> reader;

    Count(String id, boolean fromFindings, ToLongFunction<WardPeriodCounts> reader) {
        this.id = id;
        this.fromFindings = fromFindings;
        this.reader = reader;
    }

    public String id() {
        return id;
    }

    /** Counted from findings, so it depends on which findings count ({@link Basis}). */
    public boolean fromFindings() {
        return fromFindings;
    }

    public long of(WardPeriodCounts counts) {
        return reader.applyAsLong(counts);
    }

    public static Optional<Count> byId(String id) {
        return Arrays.stream(values()).filter(count -> count.id.equals(id)).findFirst();
    }
}
