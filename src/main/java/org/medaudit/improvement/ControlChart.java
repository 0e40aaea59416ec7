package org.medaudit.improvement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Centre lines and limits for the charts MedAudit draws (clinical-reference.md §4): a run chart (median), p and u
 * charts whose 3-sigma limits vary with each period's denominator, and the XmR chart of NHS "Making Data Count"
 * (mean ± 2.66 × mean moving range). Periods with a zero denominator are left out before this is called.
 */
public final class ControlChart {

    private ControlChart() {
    }

    /** Charts the observations (in period order) as the named chart type; signals are added separately. */
    public static List<ChartPoint> chart(String type, List<Observation> observations) {
        return switch (type) {
            case "p" -> attribute(observations, true);
            case "u" -> attribute(observations, false);
            case "xmr" -> individuals(observations);
            case "run" -> run(observations);
            default -> throw new IllegalArgumentException("Unknown chart type " + type);
        };
    }

    /** p chart: p̄ ± 3·√(p̄(1−p̄)/nᵢ) clamped to [0, 1]; u chart: ū ± 3·√(ū/nᵢ), floored at 0. */
    private static List<ChartPoint> attribute(List<Observation> observations, boolean proportion) {
        long numerator = observations.stream().mapToLong(Observation::numerator).sum();
        long denominator = observations.stream().mapToLong(Observation::denominator).sum();
        double centre = denominator == 0 ? Double.NaN : (double) numerator / denominator;
        List<ChartPoint> points = new ArrayList<>();
        for (Observation o : observations) {
            double sigma = proportion ? Math.sqrt(centre * (1 - centre) / o.denominator())
                    : Math.sqrt(centre / o.denominator());
            double upper = centre + 3 * sigma;
            points.add(new ChartPoint(o, o.rate(), centre, sigma, Math.max(0, centre - 3 * sigma),
                    proportion ? Math.min(1, upper) : upper, List.of()));
        }
        return points;
    }

    /**
     * XmR: centre = mean, limits = mean ± 2.66 × mean moving range (no outlier screening, as the MDC tool), so one
     * sigma is 2.66 / 3 × the mean moving range (mR̄ / 1.128).
     */
    private static List<ChartPoint> individuals(List<Observation> observations) {
        double[] values = observations.stream().mapToDouble(Observation::rate).toArray();
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        double movingRange = 0;
        for (int i = 1; i < values.length; i++) {
            movingRange += Math.abs(values[i] - values[i - 1]);
        }
        double meanMovingRange = values.length > 1 ? movingRange / (values.length - 1) : Double.NaN;
        List<ChartPoint> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new ChartPoint(observations.get(i), values[i], mean, 2.66 / 3 * meanMovingRange,
                    mean - 2.66 * meanMovingRange, mean + 2.66 * meanMovingRange, List.of()));
        }
        return points;
    }

    /** Run chart: the median as centre line, no limits. */
    private static List<ChartPoint> run(List<Observation> observations) {
        double[] sorted = observations.stream().mapToDouble(Observation::rate).sorted().toArray();
        int n = sorted.length;
        double median = n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return observations.stream()
                .map(o -> new ChartPoint(o, o.rate(), median, Double.NaN, Double.NaN, Double.NaN, List.of()))
                .toList();
    }
}
