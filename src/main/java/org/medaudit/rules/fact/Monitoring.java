package org.medaudit.rules.fact;

import java.time.LocalDate;
import org.kie.api.definition.type.ClassReactive;

/**
 * A monitoring result on the chart; {@code test} is lower case, one of the codes in
 * {@code rules/reference/monitoring-tests.yaml} (e.g. {@code inr}, {@code potassium}).
 */
@ClassReactive
public record Monitoring(String test, LocalDate date, Double value) {

    /**
     * The result was taken within this many months before that day (PINCER look-back windows). A result recorded
     * without a date was seen on the current chart and counts as recent.
     */
    public boolean takenWithinMonthsOf(LocalDate day, double months) {
        return date == null || !date.isBefore(day.minusMonths((long) months));
    }

    /** Both results are dated and this one is the later: {@code not Monitoring( test == "inr", laterThan($inr) )}. */
    public boolean laterThan(Monitoring other) {
        return date != null && other.date() != null && date.isAfter(other.date());
    }
}
