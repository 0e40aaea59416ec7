package org.medaudit.sample;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;

/** A monitoring test result seen on the chart, e.g. an INR or a potassium. */
@Serdeable
public record MonitoringResult(String test, @Nullable LocalDate date, @Nullable Double value) {
}
