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
}
