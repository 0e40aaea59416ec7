package org.medaudit.improvement;

import java.util.List;

/**
 * A charted period: its value, the centre line, one sigma and the limits at that point (fractions, before
 * {@code per}), and the signals it takes part in. Sigma and limits are NaN on a run chart. Limits may be clamped
 * (a proportion cannot go below 0 or above 1); sigma never is, so the two-sigma and inner-third bands stay true.
 */
public record ChartPoint(Observation observation, double value, double centre, double sigma, double lower,
        double upper, List<String> signals) {

    /** The same point with its signals. */
    public ChartPoint withSignals(List<String> found) {
        return new ChartPoint(observation, value, centre, sigma, lower, upper, List.copyOf(found));
    }
}
