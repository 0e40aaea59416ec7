package org.medaudit.sample;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The patient context of a chart: no identifiers, only what the rules need. */
@Serdeable
public record Patient(
        @Nullable Integer ageYears,
        @Nullable String sex,
        @Nullable Double weightKg,
        @Nullable Double egfr,
        @Nullable Double crcl,
        @Nullable List<String> conditions,
        @Nullable String allergyStatus,
        @Nullable List<Allergy> allergies) {
}
