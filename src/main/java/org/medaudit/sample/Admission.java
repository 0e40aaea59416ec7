package org.medaudit.sample;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDateTime;

/** When the patient was admitted and when medicines reconciliation started and was completed. */
@Serdeable
public record Admission(
        @Nullable LocalDateTime admittedAt,
        @Nullable LocalDateTime reconciliationStartedAt,
        @Nullable LocalDateTime reconciliationCompletedAt) {
}
