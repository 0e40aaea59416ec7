package org.medaudit.rules.fact;

import java.util.Set;
import org.kie.api.definition.type.ClassReactive;

/**
 * The patient on the audited chart. Absent values were not recorded; {@code allergyStatus} null means the chart
 * does not document it (NICE CG183). Inserted only when the auditor recorded the patient context at all.
 */
@ClassReactive
public record Patient(
        Integer ageYears,
        String sex,
        Double weightKg,
        Double egfr,
        Double crcl,
        Set<String> conditions,
        String allergyStatus) {

    public boolean hasCondition(String condition) {
        return conditions.contains(condition);
    }

    public boolean allergyStatusDocumented() {
        return allergyStatus != null;
    }

    /** An eGFR or a creatinine clearance is recorded, so renal function was measured. */
    public boolean renalFunctionRecorded() {
        return egfr != null || crcl != null;
    }

    /**
     * Renal function as the direct oral anticoagulant licences define it: Cockcroft-Gault creatinine clearance when
     * recorded, otherwise eGFR; null when neither is recorded.
     */
    public Double doacRenalFunction() {
        return crcl != null ? crcl : egfr;
    }

    /** Which measure {@link #doacRenalFunction()} used, with its value and unit, for a finding message. */
    public String doacRenalFunctionText() {
        return crcl != null ? "CrCl " + Numbers.plain(crcl) + " mL/min (Cockcroft-Gault)"
                : "eGFR " + Numbers.plain(egfr) + " mL/min/1.73m2 (no CrCl recorded; the licence uses CrCl)";
    }
}
