package org.medaudit.backtest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * What an admin asks to back-test.
 *
 * @param from the first month ({@code YYYY-MM}); by default eleven months before {@code to}
 * @param to the last month; by default this month
 * @param candidate {@code files} (the default): the rule book the rules folder and local pack would build now;
 *     {@code serving}: the rule book serving now
 * @param thresholds threshold values to try on top of the candidate, by name (as in thresholds.yaml)
 */
@Serdeable
public record BackTestRequest(@Nullable String from, @Nullable String to, @Nullable String candidate,
        @Nullable Map<String, Double> thresholds) {

    public static final String FILES = "files";
    public static final String SERVING = "serving";
}
