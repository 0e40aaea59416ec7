package org.medaudit.sample;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A drug allergy recorded on the chart (NICE CG183: the drug and the reaction). */
@Serdeable
public record Allergy(String substance, @Nullable String reaction) {
}
