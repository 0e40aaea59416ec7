package org.medaudit.rules.fact;

import java.time.LocalDate;
import org.kie.api.definition.type.ClassReactive;

/** A monitoring result on the chart; {@code test} is lower case (e.g. {@code inr}, {@code potassium}). */
@ClassReactive
public record Monitoring(String test, LocalDate date, Double value) {
}
