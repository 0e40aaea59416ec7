package org.medaudit.rules.fact;

import java.time.LocalDate;

/** A monitoring result on the chart; {@code test} is lower case (e.g. {@code inr}, {@code potassium}). */
public record Monitoring(String test, LocalDate date, Double value) {
}
