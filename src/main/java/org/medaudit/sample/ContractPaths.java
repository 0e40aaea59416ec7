package org.medaudit.sample;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every value of the chart-sample contract v1 by its JSON pointer, with the kind of value it holds: what forms
 * (and any other mapping onto the contract, such as CSV columns) may map answers to. A repeated item's fields are
 * written with {@code *} for the index ({@code /orders/*}{@code /drug}).
 */
public final class ContractPaths {

    /** The kind of value at a path; each has the form field types that can supply it. */
    public enum Kind {
        TEXT, NUMBER, WHOLE_NUMBER, YES_NO, DATE, DATETIME, TEXT_LIST
    }

    /** In contract order, so a reader sees the shape of DESIGN.md. */
    public static final Map<String, Kind> PATHS;

    /** Without these a chart cannot be stored. */
    public static final Set<String> REQUIRED = Set.of("/ward", "/auditDate", "/orders/*/drug");

    /** Lists that must have at least one item: a chart is audited for its orders. */
    public static final Set<String> NON_EMPTY_LISTS = Set.of("/orders");

    /** The field each repeated item cannot do without (an allergy names a substance, any other item a drug). */
    public static final Map<String, String> ITEM_KEYS = Map.of(
            "/patient/allergies", "/patient/allergies/*/substance",
            "/preAdmissionMedicines", "/preAdmissionMedicines/*/drug",
            "/orders", "/orders/*/drug",
            "/omittedDoses", "/omittedDoses/*/drug",
            "/monitoring", "/monitoring/*/test");

    static {
        Map<String, Kind> paths = new LinkedHashMap<>();
        paths.put("/ward", Kind.TEXT);
        paths.put("/auditDate", Kind.DATE);
        paths.put("/sampleType", Kind.TEXT);
        paths.put("/patient/ageYears", Kind.WHOLE_NUMBER);
        paths.put("/patient/sex", Kind.TEXT);
        paths.put("/patient/weightKg", Kind.NUMBER);
        paths.put("/patient/egfr", Kind.NUMBER);
        paths.put("/patient/crcl", Kind.NUMBER);
        paths.put("/patient/conditions", Kind.TEXT_LIST);
        paths.put("/patient/allergyStatus", Kind.TEXT);
        paths.put("/patient/allergies/*/substance", Kind.TEXT);
        paths.put("/patient/allergies/*/reaction", Kind.TEXT);
        paths.put("/admission/admittedAt", Kind.DATETIME);
        paths.put("/admission/reconciliationStartedAt", Kind.DATETIME);
        paths.put("/admission/reconciliationCompletedAt", Kind.DATETIME);
        paths.put("/preAdmissionMedicines/*/drug", Kind.TEXT);
        paths.put("/preAdmissionMedicines/*/dose", Kind.NUMBER);
        paths.put("/preAdmissionMedicines/*/unit", Kind.TEXT);
        paths.put("/preAdmissionMedicines/*/route", Kind.TEXT);
        paths.put("/preAdmissionMedicines/*/frequency", Kind.TEXT);
        paths.put("/preAdmissionMedicines/*/onChart", Kind.YES_NO);
        paths.put("/preAdmissionMedicines/*/changeDocumented", Kind.YES_NO);
        paths.put("/orders/*/drug", Kind.TEXT);
        paths.put("/orders/*/dose", Kind.NUMBER);
        paths.put("/orders/*/unit", Kind.TEXT);
        paths.put("/orders/*/doseText", Kind.TEXT);
        paths.put("/orders/*/route", Kind.TEXT);
        paths.put("/orders/*/frequency", Kind.TEXT);
        paths.put("/orders/*/prn", Kind.YES_NO);
        paths.put("/orders/*/prnMaxPer24h", Kind.NUMBER);
        paths.put("/orders/*/indication", Kind.TEXT);
        paths.put("/orders/*/startDate", Kind.DATE);
        paths.put("/orders/*/reviewDate", Kind.DATE);
        paths.put("/orders/*/signed", Kind.YES_NO);
        paths.put("/omittedDoses/*/drug", Kind.TEXT);
        paths.put("/omittedDoses/*/reasonCode", Kind.TEXT);
        paths.put("/monitoring/*/test", Kind.TEXT);
        paths.put("/monitoring/*/date", Kind.DATE);
        paths.put("/monitoring/*/value", Kind.NUMBER);
        PATHS = java.util.Collections.unmodifiableMap(paths);
    }

    private ContractPaths() {
    }

    public static Optional<Kind> kind(String path) {
        return Optional.ofNullable(PATHS.get(path));
    }

    /** The list a repeated item's path belongs to ({@code /orders/*}{@code /drug} → {@code /orders}); empty if none. */
    public static Optional<String> listOf(String path) {
        int star = path.indexOf("/*/");
        return star < 0 ? Optional.empty() : Optional.of(path.substring(0, star));
    }
}
