package org.medaudit.sample;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.medaudit.finding.FindingView;

/**
 * A stored chart sample with its findings, as {@code POST} and {@code GET /api/v1/samples} return it: the chart as
 * submitted, the rule-book version that evaluated it, and what the rules (and pharmacists) found.
 */
@Serdeable
public record SampleView(
        String id,
        String ward,
        LocalDate auditDate,
        @Nullable String sampleType,
        String ruleBookVersion,
        @Nullable SampleForm form,
        int ordersAudited,
        @Nullable Patient patient,
        @Nullable Admission admission,
        @Nullable List<PreAdmissionMedicine> preAdmissionMedicines,
        List<MedicationOrder> orders,
        @Nullable List<OmittedDose> omittedDoses,
        @Nullable List<MonitoringResult> monitoring,
        List<FindingView> findings,
        Instant recordedAt) {
}
