package org.medaudit.sample;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/**
 * One audited chart as the JSON contract v1 describes it (DESIGN.md, "The chart sample").
 *
 * <p>A {@code null} part was not recorded by the auditor; an empty list was recorded as none.
 * The two stay different all the way to the measures.
 */
@Serdeable
public record ChartSample(
        String ward,
        LocalDate auditDate,
        @Nullable String sampleType,
        @Nullable Patient patient,
        @Nullable Admission admission,
        @Nullable List<PreAdmissionMedicine> preAdmissionMedicines,
        List<MedicationOrder> orders,
        @Nullable List<OmittedDose> omittedDoses,
        @Nullable List<MonitoringResult> monitoring) {
}
