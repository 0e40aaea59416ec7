package org.medaudit.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.medaudit.improvement.SignalRules.FEW_CROSSINGS;
import static org.medaudit.improvement.SignalRules.LONG_RUN;
import static org.medaudit.improvement.SignalRules.SHIFT;
import static org.medaudit.improvement.SignalRules.TOO_FEW_RUNS;
import static org.medaudit.improvement.SignalRules.TOO_MANY_RUNS;
import static org.medaudit.improvement.SignalRules.TREND;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Run-chart rule profiles (clinical-reference.md §4.1): {@code perla} (shift 6, trend 5, runs table) and
 * {@code anhoej} (longest run, crossings). Most examples sit on a fixed median of 0.50 (as a frozen baseline median
 * would); 0.50 itself is "on the median", so it is not a useful observation. Expected flags are worked by hand.
 */
class RunChartRulesTest {

    private static final String PERLA = "perla";
    private static final String ANHOEJ = "anhoej";

    /** Points on a run chart whose median is 0.50. */
    private static List<ChartPoint> onMedian(double... values) {
        List<ChartPoint> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new ChartPoint(new Observation("P" + (i + 1), 0, 1), values[i], 0.50, Double.NaN,
                    Double.NaN, Double.NaN, List.of()));
        }
        return points;
    }

    /** A run chart drawn by ControlChart from counts per 100, so the median is computed, not given. */
    private static List<ChartPoint> runChart(long... per100) {
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < per100.length; i++) {
            observations.add(new Observation("P" + (i + 1), per100[i], 100));
        }
        return ControlChart.chart("run", observations);
    }

    private static double[] repeat(double value, int times) {
        double[] values = new double[times];
        Arrays.fill(values, value);
        return values;
    }

    private static double[] concat(double[]... parts) {
        return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
    }

    private static double[] of(double... values) {
        return values;
    }

    private static List<Integer> flagged(List<ChartPoint> points, String signal) {
        return IntStream.range(0, points.size()).filter(i -> points.get(i).signals().contains(signal)).boxed()
                .toList();
    }

    private static List<Integer> range(int fromInclusive, int toInclusive) {
        return IntStream.rangeClosed(fromInclusive, toInclusive).boxed().toList();
    }

    private static List<Integer> all(List<ChartPoint> points) {
        return range(0, points.size() - 1);
    }

    private static void assertNoSignals(List<ChartPoint> points) {
        assertThat(points).allSatisfy(p -> assertThat(p.signals()).as(p.observation().period()).isEmpty());
    }

    // ---- the median on a run chart ----

    @Test
    @DisplayName("median: with ties, the points equal to the median are on it, and are not useful observations")
    void tiesOnTheMedian() {
        // 3, 5, 5, 5, 7, 9 per 100 (already sorted): an even count, median (5 + 5) / 2 = 5 per 100.
        // Three points sit on the median; only 3 (below), 7 and 9 (above) are useful.
        List<ChartPoint> chart = runChart(3, 5, 5, 5, 7, 9);

        assertThat(chart).allSatisfy(p -> assertThat(p.centre()).isCloseTo(0.05, within(1e-12)));
        assertThat(chart).extracting(ChartPoint::side).containsExactly(-1, 0, 0, 0, 1, 1);
    }

    @Test
    @DisplayName("median: end to end: points on the median neither break a shift nor count as runs")
    void pointsOnTheMedianAreSkipped() {
        // 2, 9, 9, 9, 5, 9, 9, 9, 1, 1, 1, 1, 5 per 100; sorted 1 1 1 1 2 5 5 9 9 9 9 9 9, median (7th of 13) = 5.
        // Sides: − + + + 0 + + + − − − − 0. The six 9s form one run of 6 above (the 5 between them is skipped):
        // a perla shift on P2–P4 and P6–P8, not on P5. (nhs-mdc would see 3 + 3.)
        // Useful observations: 11; runs: (−)(++++++)(−−−−) = 3; for 11 the table expects 4–9 → too few runs,
        // which flags every point, the two on the median too.
        // Trend: the levels 2, 9, 5, 9, 1, 5 alternate up and down: none.
        List<ChartPoint> result = SignalRules.apply(PERLA, runChart(2, 9, 9, 9, 5, 9, 9, 9, 1, 1, 1, 1, 5));

        assertThat(result.get(0).centre()).isCloseTo(0.05, within(1e-12));
        assertThat(flagged(result, SHIFT)).containsExactly(1, 2, 3, 5, 6, 7);
        assertThat(flagged(result, TOO_FEW_RUNS)).isEqualTo(all(result));
        assertThat(flagged(result, TREND)).isEmpty();
    }

    // ---- perla ----

    @Test
    @DisplayName("perla, shift: 6 useful points on one side are a shift (all 6 flagged); 5 are not")
    void sixIsAShift() {
        List<ChartPoint> six = SignalRules.apply(PERLA, onMedian(concat(of(0.6), repeat(0.4, 6), of(0.6))));
        List<ChartPoint> five = SignalRules.apply(PERLA, onMedian(concat(of(0.6), repeat(0.4, 5), of(0.6))));

        // 8 useful points (< 10): no runs test. Equal values are one level: no trend.
        assertThat(flagged(six, SHIFT)).isEqualTo(range(1, 6));
        assertThat(six.get(0).signals()).isEmpty();
        assertNoSignals(five);
    }

    @Test
    @DisplayName("perla, shift: a point on the median inside the run is skipped, neither counted nor breaking it")
    void pointOnTheMedianIsSkipped() {
        // 3 below, one on the median, 3 below: 6 useful points below → shift on all six, not on the 0.50.
        List<ChartPoint> result = SignalRules.apply(PERLA,
                onMedian(0.6, 0.4, 0.4, 0.4, 0.5, 0.4, 0.4, 0.4, 0.6));

        assertThat(flagged(result, SHIFT)).containsExactly(1, 2, 3, 5, 6, 7);
    }

    @Test
    @DisplayName("perla, trend: 5 rising points are a trend (all 5 flagged); 4 are not")
    void fiveRisingIsATrend() {
        // 0.40 → 0.65 in 4 rising steps (P2–P6). Sides + − − + + + −: no shift.
        List<ChartPoint> five = SignalRules.apply(PERLA, onMedian(0.70, 0.40, 0.45, 0.55, 0.60, 0.65, 0.30));
        List<ChartPoint> four = SignalRules.apply(PERLA, onMedian(0.70, 0.40, 0.45, 0.55, 0.60, 0.30));

        assertThat(flagged(five, TREND)).isEqualTo(range(1, 5));
        assertThat(five.get(0).signals()).isEmpty();
        assertThat(five.get(6).signals()).isEmpty();
        assertNoSignals(four);
    }

    @Test
    @DisplayName("perla, trend: 5 falling points are a trend")
    void fiveFallingIsATrend() {
        List<ChartPoint> result = SignalRules.apply(PERLA, onMedian(0.30, 0.65, 0.60, 0.55, 0.45, 0.40, 0.70));

        assertThat(flagged(result, TREND)).isEqualTo(range(1, 5));
    }

    @Test
    @DisplayName("perla, trend: consecutive equal values count once, neither adding to nor breaking the trend")
    void equalValuesCountOnce() {
        // 0.40, 0.45, 0.45, 0.55, 0.60: five points that never fall, but only four levels → no trend.
        List<ChartPoint> fourLevels = SignalRules.apply(PERLA,
                onMedian(0.70, 0.40, 0.45, 0.45, 0.55, 0.60, 0.30));
        // 0.40, 0.45, 0.45, 0.55, 0.60, 0.65: five levels → a trend, and all six points (the repeat too) flagged.
        // (nhs-mdc and ihi would let the tie break it.)
        List<ChartPoint> fiveLevels = SignalRules.apply(PERLA,
                onMedian(0.70, 0.40, 0.45, 0.45, 0.55, 0.60, 0.65, 0.30));

        assertThat(flagged(fourLevels, TREND)).isEmpty();
        assertThat(flagged(fiveLevels, TREND)).isEqualTo(range(1, 6));
    }

    @Test
    @DisplayName("perla, trend: a point on the median counts like any other (the trend rule is about values)")
    void trendThroughTheMedian() {
        List<ChartPoint> result = SignalRules.apply(PERLA, onMedian(0.70, 0.40, 0.45, 0.50, 0.55, 0.60, 0.30));

        assertThat(flagged(result, TREND)).isEqualTo(range(1, 5));
    }

    @Test
    @DisplayName("perla, runs: Quality Digest's 16 points (runs of 7, 7, 1, 1) are too few runs, and two shifts")
    void qualityDigestExample() {
        // 60 per 100 × 7, 40 × 7, 60, 40: sorted 8 × 40 then 8 × 60, median 50 per 100; no point on it.
        // Runs: 4; 16 useful observations expect 5–13 → too few, on every point.
        // The two runs of 7 (≥ 6) are shifts: P1–P14. Levels alternate 60, 40, 60, 40: no trend.
        List<ChartPoint> result = SignalRules.apply(PERLA,
                runChart(60, 60, 60, 60, 60, 60, 60, 40, 40, 40, 40, 40, 40, 40, 60, 40));

        assertThat(flagged(result, TOO_FEW_RUNS)).isEqualTo(range(0, 15));
        assertThat(flagged(result, SHIFT)).isEqualTo(range(0, 13));
        assertThat(flagged(result, TOO_MANY_RUNS)).isEmpty();
    }

    @Test
    @DisplayName("perla, runs: 5 runs in 16 useful points are not too few")
    void fiveRunsInSixteen() {
        // Runs of 4, 3, 3, 3, 3 (above, below, above, below, above): 5 runs, within 5–13; longest 4, no shift.
        List<ChartPoint> result = SignalRules.apply(PERLA, onMedian(concat(repeat(0.6, 4), repeat(0.4, 3),
                repeat(0.6, 3), repeat(0.4, 3), repeat(0.6, 3))));

        assertNoSignals(result);
    }

    @Test
    @DisplayName("perla, runs: 14 runs in 16 useful points are too many; 13 are not")
    void tooManyRuns() {
        // Runs of 2, 2, then 12 single points: 14 runs > 13 → too many, on every point.
        List<ChartPoint> fourteen = SignalRules.apply(PERLA, onMedian(
                0.6, 0.6, 0.4, 0.4, 0.6, 0.4, 0.6, 0.4, 0.6, 0.4, 0.6, 0.4, 0.6, 0.4, 0.6, 0.4));
        // Runs of 3, 2, then 11 single points: 13 runs, the most expected.
        List<ChartPoint> thirteen = SignalRules.apply(PERLA, onMedian(
                0.6, 0.6, 0.6, 0.4, 0.4, 0.6, 0.4, 0.6, 0.4, 0.6, 0.4, 0.6, 0.4, 0.6, 0.4, 0.6));

        assertThat(flagged(fourteen, TOO_MANY_RUNS)).isEqualTo(range(0, 15));
        assertThat(fourteen.get(0).signals()).containsExactly(TOO_MANY_RUNS);
        assertNoSignals(thirteen);
    }

    @Test
    @DisplayName("perla, runs: only useful observations count towards the 10 the table needs")
    void pointsOnTheMedianDoNotCountTowardsTen() {
        // 5 below, 5 above: 10 useful, 2 runs < 3 → too few. (No shift: 5 < 6.)
        List<ChartPoint> ten = SignalRules.apply(PERLA, onMedian(concat(repeat(0.4, 5), repeat(0.6, 5))));
        // The same with one point on the median: 9 useful observations, below the table: no runs test.
        List<ChartPoint> nine = SignalRules.apply(PERLA,
                onMedian(concat(repeat(0.4, 4), of(0.5), repeat(0.6, 5))));

        assertThat(flagged(ten, TOO_FEW_RUNS)).isEqualTo(range(0, 9));
        assertNoSignals(nine);
    }

    // ---- anhoej ----

    @Test
    @DisplayName("anhoej, longest-run limit is round(log₂ n + 3): 10 → 6, 12 → 7, 24 → 8, 100 → 10")
    void longestRunLimits() {
        // log₂ 10 = 3.32 → 6.32 → 6; log₂ 12 = 3.58 → 6.58 → 7; log₂ 24 = 4.58 → 7.58 → 8;
        // log₂ 100 = 6.64 → 9.64 → 10; log₂ 1 = 0 → 3.
        assertThat(RunChartRules.longestRunLimit(10)).isEqualTo(6);
        assertThat(RunChartRules.longestRunLimit(12)).isEqualTo(7);
        assertThat(RunChartRules.longestRunLimit(24)).isEqualTo(8);
        assertThat(RunChartRules.longestRunLimit(100)).isEqualTo(10);
        assertThat(RunChartRules.longestRunLimit(1)).isEqualTo(3);
    }

    @Test
    @DisplayName("anhoej, fewest crossings is qbinom(0.05, n − 1, 0.5): 10 → 2, 12 → 3, 20 → 6, 24 → 8")
    void fewestCrossings() {
        // n = 10: Binomial(9, ½); 5% of 2⁹ = 25.6. Σ C(9, k): k ≤ 1 → 1 + 9 = 10 < 25.6; k ≤ 2 → 10 + 36 = 46 ≥ 25.6.
        // n = 12: Binomial(11, ½); 5% of 2048 = 102.4. k ≤ 2 → 1 + 11 + 55 = 67 < 102.4; k ≤ 3 → 67 + 165 = 232.
        // n = 20: Binomial(19, ½); 5% of 524288 = 26214.4. k ≤ 5 → 1 + 19 + 171 + 969 + 3876 + 11628 = 16664;
        //   k ≤ 6 → 16664 + 27132 = 43796 ≥ 26214.4.
        // n = 24: Binomial(23, ½); 5% of 8388608 = 419430.4. k ≤ 7 → 390656 < 419430.4; k ≤ 8 → 880970.
        // n = 1: no pairs, no crossings possible: Binomial(0, ½) is 0.
        assertThat(RunChartRules.fewestCrossings(10)).isEqualTo(2);
        assertThat(RunChartRules.fewestCrossings(12)).isEqualTo(3);
        assertThat(RunChartRules.fewestCrossings(20)).isEqualTo(6);
        assertThat(RunChartRules.fewestCrossings(24)).isEqualTo(8);
        assertThat(RunChartRules.fewestCrossings(1)).isEqualTo(0);
    }

    @Test
    @DisplayName("anhoej, n = 10: a run of 7 is unusually long (all 7 flagged); a run of 6 is not")
    void longRunOfTen() {
        // 7 below, then + − +: 4 runs, 3 crossings (≥ 2). Longest 7 > 6 → long-run on P1–P7.
        List<ChartPoint> seven = SignalRules.apply(ANHOEJ, onMedian(concat(repeat(0.4, 7), of(0.6, 0.4, 0.6))));
        // 6 below, then + − + −: longest 6, not more than 6; 4 crossings.
        List<ChartPoint> six = SignalRules.apply(ANHOEJ, onMedian(concat(repeat(0.4, 6), of(0.6, 0.4, 0.6, 0.4))));

        assertThat(flagged(seven, LONG_RUN)).isEqualTo(range(0, 6));
        assertThat(seven.get(7).signals()).isEmpty();
        assertNoSignals(six);
    }

    @Test
    @DisplayName("anhoej, n = 24: a run of 9 is unusually long; a run of 8 is not")
    void longRunOfTwentyFour() {
        // 9 below, then 15 alternating: 16 runs, 15 crossings (≥ 8). Longest 9 > 8.
        double[] alternating = IntStream.range(0, 15).mapToDouble(i -> i % 2 == 0 ? 0.6 : 0.4).toArray();
        List<ChartPoint> nine = SignalRules.apply(ANHOEJ, onMedian(concat(repeat(0.4, 9), alternating)));
        // 8 below, then 16 alternating: longest 8 is not more than 8.
        double[] sixteen = IntStream.range(0, 16).mapToDouble(i -> i % 2 == 0 ? 0.6 : 0.4).toArray();
        List<ChartPoint> eight = SignalRules.apply(ANHOEJ, onMedian(concat(repeat(0.4, 8), sixteen)));

        assertThat(flagged(nine, LONG_RUN)).isEqualTo(range(0, 8));
        assertThat(flagged(nine, FEW_CROSSINGS)).isEmpty();
        assertNoSignals(eight);
    }

    @Test
    @DisplayName("anhoej, n = 10: 1 crossing is unusually few (every point flagged); 2 crossings are not")
    void fewCrossings() {
        // 5 below, 5 above: 1 crossing < 2. Longest 5 ≤ 6.
        List<ChartPoint> one = SignalRules.apply(ANHOEJ, onMedian(concat(repeat(0.4, 5), repeat(0.6, 5))));
        // 4 below, 3 above, 3 below: 2 crossings.
        List<ChartPoint> two = SignalRules.apply(ANHOEJ,
                onMedian(concat(repeat(0.4, 4), repeat(0.6, 3), repeat(0.4, 3))));

        assertThat(flagged(one, FEW_CROSSINGS)).isEqualTo(range(0, 9));
        assertThat(one.get(0).signals()).containsExactly(FEW_CROSSINGS);
        assertNoSignals(two);
    }

    @Test
    @DisplayName("anhoej, points on the median are skipped: not in n, not in a run, but flagged by few-crossings")
    void pointsOnTheMedian() {
        // 3 below, on the median, 4 below, then + − +: 10 useful; the run of 7 below skips the 0.50 → long-run on
        // P1–P3 and P5–P8, not P4. Crossings 3 (≥ 2).
        List<ChartPoint> longRun = SignalRules.apply(ANHOEJ,
                onMedian(0.4, 0.4, 0.4, 0.5, 0.4, 0.4, 0.4, 0.4, 0.6, 0.4, 0.6));
        // 5 below, on the median, 5 above: 10 useful, 1 crossing → few-crossings on all 11, the 0.50 too.
        List<ChartPoint> fewCrossings = SignalRules.apply(ANHOEJ,
                onMedian(concat(repeat(0.4, 5), of(0.5), repeat(0.6, 5))));

        assertThat(flagged(longRun, LONG_RUN)).containsExactly(0, 1, 2, 4, 5, 6, 7);
        assertThat(flagged(fewCrossings, FEW_CROSSINGS)).isEqualTo(range(0, 10));
    }

    @Test
    @DisplayName("anhoej, there is no trend rule: Perla's 5-point trend is not a signal here")
    void noTrendRule() {
        // n = 7: longest run 3 ≤ round(log₂ 7 + 3) = 6; sides + − − + + + −: 3 crossings ≥ qbinom(0.05, 6, ½) = 1.
        List<ChartPoint> points = onMedian(0.70, 0.40, 0.45, 0.55, 0.60, 0.65, 0.30);

        assertNoSignals(SignalRules.apply(ANHOEJ, points));
        assertThat(flagged(SignalRules.apply(PERLA, points), TREND)).isEqualTo(range(1, 5));
    }

    @Test
    @DisplayName("anhoej, every point on the median: no useful observations, no signals")
    void nothingUseful() {
        assertNoSignals(SignalRules.apply(ANHOEJ, onMedian(repeat(0.5, 12))));
        assertNoSignals(SignalRules.apply(PERLA, onMedian(repeat(0.5, 12))));
    }
}
