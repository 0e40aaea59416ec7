package org.medaudit.sample;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.LocalDate;

/** The stored parts of a chart sample, one table each, in the order the chart listed them ({@code position}). */
final class SampleParts {

    private SampleParts() {
    }

    @MappedEntity("sample_condition")
    record ConditionRow(@Id @GeneratedValue @Nullable Long id, String sampleId, int position, String code) {
    }

    @MappedEntity("sample_allergy")
    record AllergyRow(@Id @GeneratedValue @Nullable Long id, String sampleId, int position, String substance,
            @Nullable String reaction) {
    }

    @MappedEntity("pre_admission_medicine")
    record PreAdmissionRow(@Id @GeneratedValue @Nullable Long id, String sampleId, int position, String drug,
            @Nullable Double dose, @Nullable String unit, @Nullable String route, @Nullable String frequency,
            @Nullable Boolean onChart, @Nullable Boolean changeDocumented) {
    }

    @MappedEntity("medication_order")
    record OrderRow(@Id @GeneratedValue @Nullable Long id, String sampleId, int position, String drug,
            @Nullable Double dose, @Nullable String unit, @Nullable String doseText, @Nullable String route,
            @Nullable String frequency, @Nullable Boolean prn,
            @MappedProperty("prn_max_per24h") @Nullable Double prnMaxPer24h, @Nullable String indication,
            @Nullable LocalDate startDate, @Nullable LocalDate reviewDate, @Nullable Boolean signed) {
    }

    @MappedEntity("omitted_dose")
    record OmittedDoseRow(@Id @GeneratedValue @Nullable Long id, String sampleId, int position, String drug,
            @Nullable String reasonCode) {
    }

    @MappedEntity("monitoring_result")
    record MonitoringRow(@Id @GeneratedValue @Nullable Long id, String sampleId, int position, String test,
            @Nullable LocalDate resultDate, @Nullable Double result) {
    }
}
