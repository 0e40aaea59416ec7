package org.medaudit.sample;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A dose that was due but not given, with the reason code recorded on the chart (absent: none recorded). */
@Serdeable
public record OmittedDose(String drug, @Nullable String reasonCode) {
}
