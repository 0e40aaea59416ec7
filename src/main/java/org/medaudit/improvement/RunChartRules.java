package org.medaudit.improvement;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Run-chart rules (clinical-reference.md §4.1), the {@code perla} and {@code anhoej} profiles of {@link SignalRules}.
 * Both judge points against the centre line they were drawn with (on a run chart, the baseline median) and count
 * only <em>useful</em> observations, the points not on it: a point on the median neither adds to nor breaks a run.
 *
 * <p>{@code perla} (Perla, Provost &amp; Murray, BMJ Qual Saf 2011): shift — 6 or more useful points in a row on one
 * side; trend — 5 or more points in a row all rising or all falling, where consecutive equal values count once
 * (they neither add to nor break a trend); too few / too many runs — outside {@link RunsTable} for 10 or more useful
 * observations. {@code anhoej} (Anhøj &amp; Olesen, PLoS ONE 2014): long run — a run longer than
 * round(log₂ n + 3); few crossings — fewer than qbinom(0.05, n − 1, 0.5) crossings of the median; n = useful
 * observations; no trend rule.
 *
 * <p>Which points carry a signal: a shift or long run flags the useful points of the run (not a point on the median
 * inside it); a trend flags every point from its first to its last, repeated values included; too-few-runs,
 * too-many-runs and few-crossings describe the whole segment, so they flag every point of it, those on the median
 * too.
 */
public final class RunChartRules {

    private static final int PERLA_SHIFT = 6;
    private static final int PERLA_TREND = 5;
    /** Anhøj's crossings rule uses the 5th percentile of crossings under random variation. */
    private static final BigDecimal CROSSINGS_QUANTILE = new BigDecimal("0.05");

    private RunChartRules() {
    }

    /** Anhøj: a run of useful observations longer than this is unusually long (10 → 6, 24 → 8). */
    public static int longestRunLimit(int usefulObservations) {
        requirePositive(usefulObservations);
        return (int) Math.round(Math.log(usefulObservations) / Math.log(2) + 3);
    }

    /**
     * Anhøj: fewer crossings of the median than this are unusually few. It is qbinom(0.05, n − 1, 0.5), the smallest
     * x with P(X ≤ x) ≥ 0.05 for X ~ Binomial(n − 1, ½), computed exactly: Σₖ₌₀..ₓ C(n − 1, k) ≥ 0.05 · 2ⁿ⁻¹.
     */
    public static int fewestCrossings(int usefulObservations) {
        requirePositive(usefulObservations);
        int trials = usefulObservations - 1;
        BigDecimal needed = CROSSINGS_QUANTILE.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(trials)));
        BigInteger cumulative = BigInteger.ZERO;
        for (int x = 0; x < trials; x++) {
            cumulative = cumulative.add(RunsTable.binomial(trials, x));
            if (new BigDecimal(cumulative).compareTo(needed) >= 0) {
                return x;
            }
        }
        return trials;
    }

    static void perla(List<ChartPoint> points, List<Set<String>> signals) {
        Runs runs = Runs.of(points);
        for (int[] run : runs.runs()) {
            if (run.length >= PERLA_SHIFT) {
                flag(signals, run, SignalRules.SHIFT);
            }
        }
        trends(points, signals);
        RunsTable.expectedRuns(runs.useful()).ifPresent(expected -> {
            if (runs.runs().size() < expected.fewest()) {
                flagAll(signals, SignalRules.TOO_FEW_RUNS);
            } else if (runs.runs().size() > expected.most()) {
                flagAll(signals, SignalRules.TOO_MANY_RUNS);
            }
        });
    }

    static void anhoej(List<ChartPoint> points, List<Set<String>> signals) {
        Runs runs = Runs.of(points);
        if (runs.useful() == 0) {
            return;
        }
        int limit = longestRunLimit(runs.useful());
        for (int[] run : runs.runs()) {
            if (run.length > limit) {
                flag(signals, run, SignalRules.LONG_RUN);
            }
        }
        int crossings = runs.runs().size() - 1;
        if (crossings < fewestCrossings(runs.useful())) {
            flagAll(signals, SignalRules.FEW_CROSSINGS);
        }
    }

    /** Perla's trend: runs of rising (or falling) steps between distinct consecutive values, 5 values or more. */
    private static void trends(List<ChartPoint> points, List<Set<String>> signals) {
        // Collapse each stretch of equal consecutive values into one level, remembering where it starts and ends.
        List<int[]> levels = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (levels.isEmpty() || points.get(i).value() != points.get(levels.get(levels.size() - 1)[0]).value()) {
                levels.add(new int[] {i, i});
            } else {
                levels.get(levels.size() - 1)[1] = i;
            }
        }
        int[] step = new int[levels.size()];
        for (int k = 1; k < levels.size(); k++) {
            double rise = points.get(levels.get(k)[0]).value() - points.get(levels.get(k - 1)[0]).value();
            step[k] = (int) Math.signum(rise);
        }
        for (int[] run : SignalRules.runs(step)) {
            int first = run[0] - 1; // k steps join k + 1 levels
            int last = run[1] - 1;
            if (last - first + 1 >= PERLA_TREND) {
                for (int i = levels.get(first)[0]; i <= levels.get(last)[1]; i++) {
                    signals.get(i).add(SignalRules.TREND);
                }
            }
        }
    }

    private static void flag(List<Set<String>> signals, int[] indices, String name) {
        for (int i : indices) {
            signals.get(i).add(name);
        }
    }

    private static void flagAll(List<Set<String>> signals, String name) {
        signals.forEach(s -> s.add(name));
    }

    private static void requirePositive(int usefulObservations) {
        if (usefulObservations < 1) {
            throw new IllegalArgumentException("Needs at least one useful observation, not " + usefulObservations);
        }
    }

    /**
     * The runs of a segment: each run lists the indices of its useful points, in order; points on the centre line
     * belong to no run and do not end one.
     */
    private record Runs(int useful, List<int[]> runs) {

        static Runs of(List<ChartPoint> points) {
            List<Integer> useful = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                if (points.get(i).side() != 0) {
                    useful.add(i);
                }
            }
            int[] sides = useful.stream().mapToInt(i -> points.get(i).side()).toArray();
            List<int[]> runs = SignalRules.runs(sides).stream()
                    .map(run -> useful.subList(run[0], run[1]).stream().mapToInt(Integer::intValue).toArray())
                    .toList();
            return new Runs(useful.size(), runs);
        }
    }
}
