package org.medaudit.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear scale from a domain of values onto a range of pixels (the range may run downwards, as a y axis does),
 * with "nice" tick values: steps of 1, 2, 2.5 or 5 times a power of ten.
 */
public record Scale(double domainMin, double domainMax, double rangeMin, double rangeMax) {

    public Scale {
        if (!(domainMax > domainMin)) {
            throw new IllegalArgumentException("Empty domain " + domainMin + "–" + domainMax);
        }
    }

    /** The pixel position of a value. */
    public double map(double value) {
        return rangeMin + (value - domainMin) / (domainMax - domainMin) * (rangeMax - rangeMin);
    }

    /** The tick values from the domain's minimum to its maximum at {@link #step}; exact multiples of the step. */
    public List<Double> ticks(int about) {
        double step = step(domainMax - domainMin, about);
        List<Double> ticks = new ArrayList<>();
        long first = (long) Math.ceil(domainMin / step - 1e-9);
        for (long i = first; i * step <= domainMax + step * 1e-9; i++) {
            ticks.add(clean(i * step));
        }
        return ticks;
    }

    /**
     * A scale over the values with a little room above and below, widened to whole ticks and kept within
     * {@code [floor, ceiling]} (for a rate: not below 0; for a percentage: not above 100).
     */
    public static Scale nice(double min, double max, double floor, double ceiling, int about, double rangeMin,
            double rangeMax) {
        if (max - min < 1e-9) {
            // A flat line still needs a visible axis: give it some room around its one value.
            double pad = Math.max(Math.abs(max) * 0.1, 1);
            min -= pad;
            max += pad;
        }
        double pad = (max - min) * 0.08;
        double low = Math.max(floor, min - pad);
        double high = Math.min(ceiling, max + pad);
        double step = step(high - low, about);
        low = Math.max(floor, Math.floor(low / step + 1e-9) * step);
        high = Math.min(ceiling, Math.ceil(high / step - 1e-9) * step);
        if (!(high > low)) {
            high = low + step;
        }
        return new Scale(clean(low), clean(high), rangeMin, rangeMax);
    }

    /** The nice step that gives about {@code about} intervals over {@code span}. */
    static double step(double span, int about) {
        double raw = span / Math.max(1, about);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    /** Removes floating-point dust (0.30000000000000004 → 0.3) so ticks print and compare as written. */
    private static double clean(double value) {
        return Math.round(value * 1e9) / 1e9;
    }
}
