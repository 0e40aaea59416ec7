package org.medaudit.measure;

import java.util.Collection;
import org.medaudit.rules.Taxonomy;

/**
 * The counts of one chart that come from its findings, in Java, for findings that are not stored (a candidate rule
 * book's, in a back-test). They follow {@link CountsQuery}'s definitions exactly under {@link Basis#FLAGGED}: every
 * finding a rule raised counts, whatever its review. Totals are arrays indexed by {@link Count#ordinal()}.
 */
public final class FindingCounts {

    /** What a count needs to know of a finding. */
    public record Classified(String ruleId, String category, String severity) {
    }

    private FindingCounts() {
    }

    /** A new, zero total of every count. */
    public static long[] zero() {
        return new long[Count.values().length];
    }

    /** Adds one audited chart with this many orders and these rule findings to the totals. */
    public static void addChart(long[] totals, int orders, Collection<Classified> findings) {
        totals[Count.CHARTS_AUDITED.ordinal()]++;
        totals[Count.ORDERS_AUDITED.ordinal()] += orders;
        long errors = 0;
        long serious = 0;
        for (Classified finding : findings) {
            switch (finding.category()) {
                case Taxonomy.PRESCRIBING_ERROR -> {
                    errors++;
                    if ("serious".equals(finding.severity()) || "potentially-lethal".equals(finding.severity())) {
                        serious++;
                    }
                    // The high-risk-medicines rule set's ids all start with HRM- (as CountsQuery counts them).
                    if (finding.ruleId() != null && finding.ruleId().startsWith("HRM-")) {
                        totals[Count.HIGH_RISK_MEDICINE_ERRORS.ordinal()]++;
                    }
                }
                case "omitted-dose" -> totals[Count.OMITTED_CRITICAL_DOSES.ordinal()]++;
                case "documentation" -> totals[Count.DOCUMENTATION_FINDINGS.ordinal()]++;
                case "policy-compliance" -> totals[Count.POLICY_COMPLIANCE_FINDINGS.ordinal()]++;
                default -> {
                    // reconciliation-gap and monitoring findings feed no finding count.
                }
            }
        }
        totals[Count.PRESCRIBING_ERRORS.ordinal()] += errors;
        if (errors > 0) {
            totals[Count.CHARTS_WITH_PRESCRIBING_ERROR.ordinal()]++;
        }
        if (serious > 0) {
            totals[Count.CHARTS_WITH_SERIOUS_PRESCRIBING_ERROR.ordinal()]++;
        }
    }

    /** Adds one total to another. */
    public static void add(long[] totals, long[] more) {
        for (int i = 0; i < totals.length; i++) {
            totals[i] += more[i];
        }
    }
}
