package org.medaudit.sample;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;

/** One medication order on the inpatient chart, as the auditor read it. */
@Serdeable
public record MedicationOrder(
        String drug,
        @Nullable Double dose,
        @Nullable String unit,
        @Nullable String doseText,
        @Nullable String route,
        @Nullable String frequency,
        @Nullable Boolean prn,
        @Nullable Double prnMaxPer24h,
        @Nullable String indication,
        @Nullable LocalDate startDate,
        @Nullable LocalDate reviewDate,
        @Nullable Boolean signed) {
}
