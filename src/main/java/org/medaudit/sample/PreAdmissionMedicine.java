package org.medaudit.sample;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A medicine the patient was taking before admission, and whether it reached the inpatient chart. */
@Serdeable
public record PreAdmissionMedicine(
        String drug,
        @Nullable Double dose,
        @Nullable String unit,
        @Nullable String route,
        @Nullable String frequency,
        @Nullable Boolean onChart,
        @Nullable Boolean changeDocumented) {
}
