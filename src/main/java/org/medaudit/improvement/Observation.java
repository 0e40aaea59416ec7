package org.medaudit.improvement;

/** One audited period of a measure: the raw numerator and denominator. */
public record Observation(String period, long numerator, long denominator) {

    /** The rate as a fraction (0.075 for 12 in 160); NaN when nothing was counted. */
    public double rate() {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
}
