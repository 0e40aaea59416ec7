package org.medaudit.improvement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Centre lines and limits for the charts MedAudit draws (clinical-reference.md §4): a run chart (median), p and u
 * charts whose 3-sigma limits vary with each period's denominator, and the XmR chart of NHS "Making Data Count"
 * (mean ± 2.66 × mean moving range). A {@link BaselinePlan} splits the series into baseline segments, each with a
 * centre and limits from its own first points. Periods with a zero denominator are left out before this is called.
 */
public final class ControlChart {

    /** One chart type: the centre and limits from a segment's baseline points, drawn for all its points. */
    private interface Method {
        List<ChartPoint> chart(List<Observation> baseline, List<Observation> segment, Baseline about);
    }

    private ControlChart() {
    }

    /**
     * Charts the observations (in period order) as the named chart type, the centre and limits computed from every
     * point (never frozen, as {@link BaselinePlan#unfrozen()}); signals are added separately.
     */
    public static List<ChartPoint> chart(String type, List<Observation> observations) {
        return chart(type, observations, BaselinePlan.unfrozen());
    }

    /**
     * Charts the observations (in period order) segment by segment: a segment starts at the first observation and
     * at each rebase (at the first observation on or after the rebase's period, since that period may not have been
     * audited); each segment's centre and limits come from its first {@code plan.points()} observations, or from all
     * of them (trial limits) while it has fewer. A rebase on or before the first observation gives the first segment
     * its reason; of two rebases that land on the same observation, the later one's reason is kept.
     */
    public static List<ChartPoint> chart(String type, List<Observation> observations, BaselinePlan plan) {
        Method method = switch (type) {
            case "p" -> (baseline, segment, about) -> attribute(baseline, segment, about, true);
            case "u" -> (baseline, segment, about) -> attribute(baseline, segment, about, false);
            case "xmr" -> ControlChart::individuals;
            case "run" -> ControlChart::run;
            default -> throw new IllegalArgumentException("Unknown chart type " + type);
        };
        TreeMap<Integer, String> starts = segmentStarts(observations, plan);
        List<ChartPoint> points = new ArrayList<>();
        int index = 0;
        for (Map.Entry<Integer, String> start : starts.entrySet()) {
            Integer next = starts.higherKey(start.getKey());
            List<Observation> segment = observations.subList(start.getKey(),
                    next == null ? observations.size() : next);
            int basedOn = Math.min(plan.points(), segment.size());
            Baseline about = new Baseline(index++, segment.get(0).period(), start.getValue(), basedOn,
                    segment.size() >= plan.points());
            points.addAll(method.chart(segment.subList(0, basedOn), segment, about));
        }
        return points;
    }

    /** The index of each segment's first observation, with the reason it starts there (null for the first). */
    private static TreeMap<Integer, String> segmentStarts(List<Observation> observations, BaselinePlan plan) {
        TreeMap<Integer, String> starts = new TreeMap<>();
        if (observations.isEmpty()) {
            return starts;
        }
        starts.put(0, null);
        for (Rebase rebase : plan.rebases()) {
            for (int i = 0; i < observations.size(); i++) {
                if (observations.get(i).period().compareTo(rebase.period()) >= 0) {
                    starts.put(i, rebase.reason());
                    break;
                }
            }
        }
        return starts;
    }

    /** p chart: p̄ ± 3·√(p̄(1−p̄)/nᵢ) clamped to [0, 1]; u chart: ū ± 3·√(ū/nᵢ), floored at 0. */
    private static List<ChartPoint> attribute(List<Observation> baseline, List<Observation> segment, Baseline about,
            boolean proportion) {
        long numerator = baseline.stream().mapToLong(Observation::numerator).sum();
        long denominator = baseline.stream().mapToLong(Observation::denominator).sum();
        double centre = denominator == 0 ? Double.NaN : (double) numerator / denominator;
        List<ChartPoint> points = new ArrayList<>();
        for (Observation o : segment) {
            double sigma = proportion ? Math.sqrt(centre * (1 - centre) / o.denominator())
                    : Math.sqrt(centre / o.denominator());
            double upper = centre + 3 * sigma;
            points.add(new ChartPoint(o, o.rate(), centre, sigma, Math.max(0, centre - 3 * sigma),
                    proportion ? Math.min(1, upper) : upper, List.of(), about));
        }
        return points;
    }

    /**
     * XmR: centre = mean, limits = mean ± 2.66 × mean moving range (no outlier screening, as the MDC tool), so one
     * sigma is 2.66 / 3 × the mean moving range (mR̄ / 1.128). Moving ranges are taken within the baseline only, so
     * none spans a rebase (NHSRplotthedots groups by rebase before differencing).
     */
    private static List<ChartPoint> individuals(List<Observation> baseline, List<Observation> segment,
            Baseline about) {
        double[] values = baseline.stream().mapToDouble(Observation::rate).toArray();
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        double movingRange = 0;
        for (int i = 1; i < values.length; i++) {
            movingRange += Math.abs(values[i] - values[i - 1]);
        }
        double meanMovingRange = values.length > 1 ? movingRange / (values.length - 1) : Double.NaN;
        List<ChartPoint> points = new ArrayList<>();
        for (Observation o : segment) {
            points.add(new ChartPoint(o, o.rate(), mean, 2.66 / 3 * meanMovingRange,
                    mean - 2.66 * meanMovingRange, mean + 2.66 * meanMovingRange, List.of(), about));
        }
        return points;
    }

    /** Run chart: the median of the baseline as centre line, no limits. */
    private static List<ChartPoint> run(List<Observation> baseline, List<Observation> segment, Baseline about) {
        double[] sorted = baseline.stream().mapToDouble(Observation::rate).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return segment.stream()
                .map(o -> new ChartPoint(o, o.rate(), median, Double.NaN, Double.NaN, Double.NaN, List.of(), about))
                .toList();
    }
}
