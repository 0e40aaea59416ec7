package org.medaudit.improvement;

import java.util.List;

/**
 * A charted period: its value, the centre line and the limits at that point (fractions, before {@code per}), and
 * the signals it takes part in. Limits are NaN on a run chart.
 */
public record ChartPoint(Observation observation, double value, double centre, double lower, double upper,
        List<String> signals) {
}
