package org.medaudit.improvement;

import java.util.List;

/**
 * A charted period: its value, the centre line, one sigma and the limits at that point (fractions, before
 * {@code per}), the signals it takes part in, and the baseline its centre and limits come from. Sigma and limits are
 * NaN on a run chart. Limits may be clamped (a proportion cannot go below 0 or above 1); sigma never is, so the
 * two-sigma and inner-third bands stay true.
 */
public record ChartPoint(Observation observation, double value, double centre, double sigma, double lower,
        double upper, List<String> signals, Baseline baseline) {

    /** A point built by hand, outside any baseline plan: all such points form one segment. */
    public ChartPoint(Observation observation, double value, double centre, double sigma, double lower, double upper,
            List<String> signals) {
        this(observation, value, centre, sigma, lower, upper, signals, Baseline.UNPLANNED);
    }

    /** The same point with its signals. */
    public ChartPoint withSignals(List<String> found) {
        return new ChartPoint(observation, value, centre, sigma, lower, upper, List.copyOf(found), baseline);
    }

    /** Above (1) or below (−1) the centre line, or 0 when on it (or when either is undefined). */
    int side() {
        return Double.isNaN(value) || Double.isNaN(centre) ? 0 : (int) Math.signum(value - centre);
    }
}
