package org.medaudit.rules;

import java.util.List;
import java.util.Set;

/**
 * The controlled vocabularies of rule metadata and findings (DESIGN.md): categories, the EQUIP error types and
 * the EQUIP potential-severity scale, least to most severe.
 */
public final class Taxonomy {

    public static final Set<String> CATEGORIES = Set.of("prescribing-error", "reconciliation-gap", "documentation",
            "policy-compliance", "monitoring", "omitted-dose");

    public static final Set<String> ERROR_TYPES = Set.of("omission", "duplication", "allergy", "contraindication",
            "interaction", "overdose", "underdose", "wrong-frequency", "wrong-route", "wrong-formulation",
            "incomplete-order", "no-signature", "no-maximum-dose", "unapproved-abbreviation", "monitoring-missing",
            "unreconciled-medicine", "unintentional-discrepancy", "reconciliation-late", "allergy-status-missing",
            "omitted-critical-dose", "no-indication", "no-review-date", "not-in-formulary");

    public static final List<String> SEVERITIES = List.of("minor", "significant", "serious", "potentially-lethal");

    /** The category counted as prescribing errors; policy deviations and documentation never are (Dean 2000). */
    public static final String PRESCRIBING_ERROR = "prescribing-error";

    private Taxonomy() {
    }

    /** Higher for more severe findings, so that the most severe can be listed first. */
    public static int severityRank(String severity) {
        return SEVERITIES.indexOf(severity);
    }
}
