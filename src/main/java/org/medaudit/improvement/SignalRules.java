package org.medaudit.improvement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Signal rules as named profiles, applied within each baseline segment (a run never spans a rebase).
 *
 * <p>Control charts (clinical-reference.md §4.2–4.3): {@code nhs-mdc} — a point beyond a limit, 7 on one side of the
 * centre, 7 rising or falling, 2 of 3 beyond two sigma on one side (NHSRplotthedots); {@code ihi} — a point beyond a
 * limit, 8 on one side, 6 rising or falling, 2 of 3 beyond two sigma, 15 in the inner third. A point exactly on the
 * centre breaks a shift; ties break a trend. "Beyond two sigma" means in the band between two sigma and the limit,
 * with the point's own (unclamped) sigma. These need limits: on a run chart they find nothing.
 *
 * <p>Run charts (§4.1): {@code perla} and {@code anhoej}, see {@link RunChartRules}. They judge points against the
 * centre line they were drawn with (on a run chart, the baseline median).
 */
public final class SignalRules {

    public static final String OUTSIDE_LIMITS = "outside-limits";
    public static final String SHIFT = "shift";
    public static final String TREND = "trend";
    public static final String TWO_OF_THREE = "two-of-three";
    public static final String INNER_THIRD = "inner-third";
    public static final String TOO_FEW_RUNS = "too-few-runs";
    public static final String TOO_MANY_RUNS = "too-many-runs";
    public static final String LONG_RUN = "long-run";
    public static final String FEW_CROSSINGS = "few-crossings";

    /** The rules of one profile for one baseline segment: they add signal names to each point's set. */
    @FunctionalInterface
    interface SegmentRules {
        void flag(List<ChartPoint> segment, List<Set<String>> signals);
    }

    private SignalRules() {
    }

    /** The points with their signals filled in; an unknown profile leaves them as they are. */
    public static List<ChartPoint> apply(String profile, List<ChartPoint> points) {
        SegmentRules rules = switch (profile) {
            case "nhs-mdc" -> (segment, signals) -> controlChart(segment, signals, 7, 7, false);
            case "ihi" -> (segment, signals) -> controlChart(segment, signals, 8, 6, true);
            case "perla" -> RunChartRules::perla;
            case "anhoej" -> RunChartRules::anhoej;
            default -> null;
        };
        if (rules == null) {
            return points;
        }
        List<ChartPoint> result = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= points.size(); i++) {
            if (i == points.size() || points.get(i).baseline().segment() != points.get(start).baseline().segment()) {
                List<ChartPoint> segment = points.subList(start, i);
                List<Set<String>> signals = new ArrayList<>();
                segment.forEach(p -> signals.add(new LinkedHashSet<>()));
                rules.flag(segment, signals);
                for (int j = 0; j < segment.size(); j++) {
                    result.add(segment.get(j).withSignals(List.copyOf(signals.get(j))));
                }
                start = i;
            }
        }
        return result;
    }

    private static void controlChart(List<ChartPoint> points, List<Set<String>> signals, int shift, int trend,
            boolean innerThird) {
        if (Double.isNaN(points.get(0).upper())) {
            return; // a run chart, or an XmR segment of one point: no limits to judge against
        }
        int n = points.size();
        int[] side = new int[n];
        int[] step = new int[n];
        int[] inner = new int[n];
        for (int i = 0; i < n; i++) {
            ChartPoint p = points.get(i);
            if (p.value() > p.upper() || p.value() < p.lower()) {
                signals.get(i).add(OUTSIDE_LIMITS);
            }
            side[i] = p.side();
            step[i] = i == 0 ? 0 : (int) Math.signum(p.value() - points.get(i - 1).value());
            inner[i] = inInnerThird(p) ? 1 : 0;
        }
        for (int[] run : runs(side)) {
            flag(signals, run[0], run[1], shift, SHIFT);
        }
        for (int[] run : runs(step)) {
            flag(signals, run[0] - 1, run[1], trend, TREND); // k rising steps span k + 1 points
        }
        twoOfThree(points, signals);
        if (innerThird) {
            for (int[] run : runs(inner)) {
                flag(signals, run[0], run[1], 15, INNER_THIRD);
            }
        }
    }

    /** Maximal runs [start, end) of consecutive equal non-zero values. */
    static List<int[]> runs(int[] values) {
        List<int[]> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= values.length; i++) {
            if (i == values.length || values[i] != values[start]) {
                if (values[start] != 0) {
                    runs.add(new int[] {start, i});
                }
                start = i;
            }
        }
        return runs;
    }

    private static void flag(List<Set<String>> signals, int from, int to, int minimum, String name) {
        if (to - from >= minimum) {
            for (int i = from; i < to; i++) {
                signals.get(i).add(name);
            }
        }
    }

    /**
     * Two of three consecutive points in the band beyond two sigma but not beyond the limit (NHSRplotthedots:
     * {@code close_to_limits = !outside_limits & beyond the near limits}; IHI: the outer third), all three on one side.
     * Only the points in the band are flagged; a point beyond the limit is already an outside-limits signal.
     */
    private static void twoOfThree(List<ChartPoint> points, List<Set<String>> signals) {
        for (int i = 2; i < points.size(); i++) {
            for (int side : new int[] {1, -1}) {
                int inBand = 0;
                boolean sameSide = true;
                for (int j = i - 2; j <= i; j++) {
                    ChartPoint p = points.get(j);
                    sameSide &= p.side() == side;
                    inBand += inOuterBand(p, side) ? 1 : 0;
                }
                if (sameSide && inBand >= 2) {
                    for (int j = i - 2; j <= i; j++) {
                        if (inOuterBand(points.get(j), side)) {
                            signals.get(j).add(TWO_OF_THREE);
                        }
                    }
                }
            }
        }
    }

    /** Beyond two sigma on the given side, but not beyond that side's limit. */
    private static boolean inOuterBand(ChartPoint p, int side) {
        double twoSigma = 2 * p.sigma();
        return side > 0 ? p.value() > p.centre() + twoSigma && p.value() <= p.upper()
                : p.value() < p.centre() - twoSigma && p.value() >= p.lower();
    }

    /** Within one sigma of the centre (the inner third of an unclamped chart). */
    private static boolean inInnerThird(ChartPoint p) {
        return Math.abs(p.value() - p.centre()) <= p.sigma();
    }
}
