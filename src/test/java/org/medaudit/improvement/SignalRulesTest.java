package org.medaudit.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medaudit.improvement.SignalRules.INNER_THIRD;
import static org.medaudit.improvement.SignalRules.OUTSIDE_LIMITS;
import static org.medaudit.improvement.SignalRules.SHIFT;
import static org.medaudit.improvement.SignalRules.TREND;
import static org.medaudit.improvement.SignalRules.TWO_OF_THREE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Special-cause rules (clinical-reference.md §4.2 IHI, §4.3 NHS "Making Data Count" as coded in NHSRplotthedots).
 *
 * <p>Most examples use one fixed chart: centre 0.50, limits 0.20–0.80, so σ = 0.10, the two-sigma lines are 0.30 and
 * 0.70 (the "close to limits" band is 0.70–0.80 above and 0.20–0.30 below) and the inner third is 0.40–0.60. Values
 * are chosen to trip one rule at a time; the expected flags are worked by hand in the comments.
 */
class SignalRulesTest {

    private static final String MDC = "nhs-mdc";
    private static final String IHI = "ihi";

    /** Points on the fixed chart (centre 0.50, limits 0.20–0.80). */
    private static List<ChartPoint> chart(double... values) {
        List<ChartPoint> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new ChartPoint(new Observation("P" + (i + 1), 0, 1), values[i], 0.50, 0.10, 0.20, 0.80,
                    List.of()));
        }
        return points;
    }

    private static double[] repeat(double value, int times) {
        double[] values = new double[times];
        Arrays.fill(values, value);
        return values;
    }

    private static double[] concat(double[]... parts) {
        return Arrays.stream(parts).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    /** 0-based positions of the points carrying the named signal. */
    private static List<Integer> flagged(List<ChartPoint> points, String signal) {
        return IntStream.range(0, points.size()).filter(i -> points.get(i).signals().contains(signal)).boxed()
                .toList();
    }

    private static List<Integer> range(int fromInclusive, int toInclusive) {
        return IntStream.rangeClosed(fromInclusive, toInclusive).boxed().toList();
    }

    private static void assertNoSignals(List<ChartPoint> points) {
        assertThat(points).allSatisfy(p -> assertThat(p.signals()).as(p.observation().period()).isEmpty());
    }

    // ---- a point beyond a limit (both profiles) ----

    @Test
    @DisplayName("outside-limits: only points strictly beyond a limit are flagged; a point on the limit is not")
    void strictlyBeyondALimit() {
        // 0.85 > 0.80 and 0.15 < 0.20 are outside; 0.80 and 0.20 sit exactly on the limits.
        // No three consecutive points lie on one side, so nothing else can fire.
        List<ChartPoint> points = chart(0.55, 0.85, 0.45, 0.15, 0.80, 0.20);

        for (String profile : List.of(MDC, IHI)) {
            List<ChartPoint> result = SignalRules.apply(profile, points);
            assertThat(flagged(result, OUTSIDE_LIMITS)).as(profile).containsExactly(1, 3);
            assertThat(result.get(1).signals()).as(profile).containsExactly(OUTSIDE_LIMITS);
            assertThat(result.get(3).signals()).as(profile).containsExactly(OUTSIDE_LIMITS);
            assertThat(result.get(4).signals()).as(profile).isEmpty();
            assertThat(result.get(5).signals()).as(profile).isEmpty();
        }
    }

    @Test
    @DisplayName("outside-limits: uses each point's own limits (p chart limits vary with nᵢ)")
    void eachPointsOwnLimits() {
        // The same value 0.75 is inside 0.20–0.80 but outside 0.30–0.70.
        List<ChartPoint> points = List.of(
                new ChartPoint(new Observation("big month", 0, 1), 0.75, 0.50, 0.20 / 3, 0.30, 0.70, List.of()),
                new ChartPoint(new Observation("small month", 0, 1), 0.45, 0.50, 0.10, 0.20, 0.80, List.of()),
                new ChartPoint(new Observation("next", 0, 1), 0.75, 0.50, 0.10, 0.20, 0.80, List.of()));

        List<ChartPoint> result = SignalRules.apply(MDC, points);

        assertThat(flagged(result, OUTSIDE_LIMITS)).containsExactly(0);
    }

    // ---- shift: a run on one side of the centre (nhs-mdc ≥ 7, ihi ≥ 8), every point of the run flagged ----

    @Test
    @DisplayName("shift, nhs-mdc: exactly 7 above the centre flags all 7")
    void sevenAboveFlagsAllSeven() {
        // P1 below, P2–P8 (seven points) at 0.55 above, P9 below. Equal values: no trend.
        List<ChartPoint> result = SignalRules.apply(MDC, chart(concat(new double[] {0.45}, repeat(0.55, 7),
                new double[] {0.45})));

        assertThat(flagged(result, SHIFT)).isEqualTo(range(1, 7));
        assertThat(result.get(0).signals()).isEmpty();
        assertThat(result.get(8).signals()).isEmpty();
    }

    @Test
    @DisplayName("shift, nhs-mdc: exactly 7 below the centre flags all 7")
    void sevenBelowFlagsAllSeven() {
        List<ChartPoint> result = SignalRules.apply(MDC, chart(concat(new double[] {0.55}, repeat(0.45, 7),
                new double[] {0.55})));

        assertThat(flagged(result, SHIFT)).isEqualTo(range(1, 7));
    }

    @Test
    @DisplayName("shift, nhs-mdc: 6 on one side is not a signal")
    void sixIsNotAShift() {
        assertNoSignals(SignalRules.apply(MDC, chart(concat(new double[] {0.45}, repeat(0.55, 6),
                new double[] {0.45}))));
    }

    @Test
    @DisplayName("shift, nhs-mdc: a longer run is flagged end to end")
    void longerRunFlaggedWhole() {
        // Ten points below: all ten flagged.
        List<ChartPoint> result = SignalRules.apply(MDC, chart(concat(repeat(0.45, 10), new double[] {0.55})));

        assertThat(flagged(result, SHIFT)).isEqualTo(range(0, 9));
    }

    @Test
    @DisplayName("shift, ihi: 8 on one side flags all 8; 7 is not a signal")
    void ihiNeedsEight() {
        List<ChartPoint> eight = SignalRules.apply(IHI, chart(concat(new double[] {0.45}, repeat(0.55, 8),
                new double[] {0.45})));
        List<ChartPoint> seven = SignalRules.apply(IHI, chart(concat(new double[] {0.45}, repeat(0.55, 7),
                new double[] {0.45})));

        assertThat(flagged(eight, SHIFT)).isEqualTo(range(1, 8));
        assertNoSignals(seven);
    }

    @Test
    @DisplayName("shift: a point exactly on the centre breaks the run (it does not count, and it does not bridge)")
    void pointOnTheCentreBreaksTheRun() {
        // 4 above, one at exactly 0.50, 4 above: two runs of 4, neither reaches 7.
        // (Perla's run-chart rule would skip the point and see 8; MDC as coded gives sign 0, which breaks.)
        List<ChartPoint> onCentre = SignalRules.apply(MDC,
                chart(concat(repeat(0.55, 4), new double[] {0.50}, repeat(0.55, 4))));
        // Control: the same with 0.51 in the middle is one run of 9, all flagged.
        List<ChartPoint> justAbove = SignalRules.apply(MDC,
                chart(concat(repeat(0.55, 4), new double[] {0.51}, repeat(0.55, 4))));

        assertNoSignals(onCentre);
        assertThat(flagged(justAbove, SHIFT)).isEqualTo(range(0, 8));
    }

    // ---- trend: strictly rising or falling points (nhs-mdc 7 points = 6 steps, ihi 6 points = 5 steps) ----

    @Test
    @DisplayName("trend, nhs-mdc: 7 rising points (6 rising steps) flag all 7")
    void sevenRisingFlagsAllSeven() {
        // P1 0.60 falls to P2; P2–P8 rise 0.41 → 0.53 in 6 steps; P9 falls. The points cross the centre, so no
        // shift; all are within 0.30–0.70, so no two-of-three.
        List<ChartPoint> result = SignalRules.apply(MDC,
                chart(0.60, 0.41, 0.43, 0.45, 0.47, 0.49, 0.51, 0.53, 0.40));

        assertThat(flagged(result, TREND)).isEqualTo(range(1, 7));
        assertThat(result.get(0).signals()).isEmpty();
        assertThat(result.get(8).signals()).isEmpty();
    }

    @Test
    @DisplayName("trend, nhs-mdc: 7 falling points flag all 7")
    void sevenFallingFlagsAllSeven() {
        List<ChartPoint> result = SignalRules.apply(MDC,
                chart(0.40, 0.59, 0.57, 0.55, 0.53, 0.51, 0.49, 0.47, 0.60));

        assertThat(flagged(result, TREND)).isEqualTo(range(1, 7));
    }

    @Test
    @DisplayName("trend: 6 rising points: no signal for nhs-mdc, a trend for ihi (all 6 flagged)")
    void sixRisingPoints() {
        // P2–P7 rise 0.43 → 0.53 in 5 steps.
        List<ChartPoint> points = chart(0.60, 0.43, 0.45, 0.47, 0.49, 0.51, 0.53, 0.40);

        assertNoSignals(SignalRules.apply(MDC, points));
        assertThat(flagged(SignalRules.apply(IHI, points), TREND)).isEqualTo(range(1, 6));
    }

    @Test
    @DisplayName("trend, ihi: 5 rising points are not a trend")
    void ihiFiveIsNotATrend() {
        assertNoSignals(SignalRules.apply(IHI, chart(0.60, 0.45, 0.47, 0.49, 0.51, 0.53, 0.40)));
    }

    @Test
    @DisplayName("trend: a tie breaks a trend (NHSRplotthedots: a zero difference is neither rising nor falling)")
    void tieBreaksTheTrend() {
        // 0.41, 0.43, 0.45, 0.45, 0.47, 0.49, 0.51, 0.53: 8 points never falling, but the repeated 0.45 splits
        // them into a rise of 3 points and a rise of 5 points. (Perla's run-chart rule would skip the tie.)
        List<ChartPoint> points = chart(0.60, 0.41, 0.43, 0.45, 0.45, 0.47, 0.49, 0.51, 0.53, 0.40);

        assertNoSignals(SignalRules.apply(MDC, points));
        assertNoSignals(SignalRules.apply(IHI, points)); // the longer piece is 5 points, under ihi's 6 too
    }

    // ---- two of three: ≥ 2 of 3 consecutive points beyond two sigma, all 3 on the same side ----

    @Test
    @DisplayName("two-of-three: flags only the points in the band, not the third point of the window")
    void flagsOnlyThePointsInTheBand() {
        // Windows: (0.55, 0.75, 0.60) one in band; (0.75, 0.60, 0.72) all above, two in band (> 0.70);
        // (0.60, 0.72, 0.55) one in band. So P2 and P4 are flagged, P3 (0.60) is not.
        List<ChartPoint> points = chart(0.55, 0.75, 0.60, 0.72, 0.55);

        for (String profile : List.of(MDC, IHI)) {
            List<ChartPoint> result = SignalRules.apply(profile, points);
            assertThat(flagged(result, TWO_OF_THREE)).as(profile).containsExactly(1, 3);
            assertThat(result.get(2).signals()).as(profile).isEmpty();
        }
    }

    @Test
    @DisplayName("two-of-three: works below the centre too")
    void belowTheCentre() {
        // (0.45, 0.25, 0.28): all below, 0.25 and 0.28 are under 0.30 → P2 and P3 flagged.
        List<ChartPoint> result = SignalRules.apply(MDC, chart(0.45, 0.25, 0.28, 0.45));

        assertThat(flagged(result, TWO_OF_THREE)).containsExactly(1, 2);
        assertThat(result.get(1).signals()).containsExactly(TWO_OF_THREE);
    }

    @Test
    @DisplayName("two-of-three: does not fire when the three are not all on one side")
    void notAllOnOneSide() {
        // Every window of three mixes sides: (0.75, 0.45, 0.72), (0.45, 0.72, 0.25), (0.72, 0.25, 0.55),
        // (0.25, 0.55, 0.28).
        assertNoSignals(SignalRules.apply(MDC, chart(0.75, 0.45, 0.72, 0.25, 0.55, 0.28)));
        // A point exactly on the centre is on neither side: (0.75, 0.50, 0.72) does not fire.
        assertNoSignals(SignalRules.apply(MDC, chart(0.75, 0.50, 0.72)));
    }

    @Test
    @DisplayName("two-of-three: a point beyond the limit is not in the band and does not count towards two of three")
    void pointBeyondTheLimitDoesNotCount() {
        // NHSRplotthedots: close_to_limits = !outside_limits & beyond the near limits. In (0.55, 0.85, 0.75)
        // only 0.75 is in the band (0.85 is beyond 0.80): one of three, so no two-of-three. 0.85 is still an
        // outside-limits point.
        for (String profile : List.of(MDC, IHI)) {
            List<ChartPoint> result = SignalRules.apply(profile, chart(0.55, 0.85, 0.75, 0.55));
            assertThat(flagged(result, TWO_OF_THREE)).as(profile).isEmpty();
            assertThat(result.get(1).signals()).as(profile).containsExactly(OUTSIDE_LIMITS);
            assertThat(result.get(2).signals()).as(profile).isEmpty();
        }
    }

    // ---- inner third: ≥ 15 consecutive points within one sigma of the centre (ihi only) ----

    private static double[] alternating(int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = i % 2 == 0 ? 0.45 : 0.55; // within 0.40–0.60; alternating, so no shift and no trend
        }
        return values;
    }

    @Test
    @DisplayName("inner-third, ihi: 15 points hugging the centre are all flagged; nhs-mdc has no such rule")
    void fifteenInTheInnerThird() {
        List<ChartPoint> points = chart(alternating(15));

        assertThat(flagged(SignalRules.apply(IHI, points), INNER_THIRD)).isEqualTo(range(0, 14));
        assertThat(SignalRules.apply(IHI, points)).allSatisfy(p -> assertThat(p.signals())
                .containsExactly(INNER_THIRD));
        assertNoSignals(SignalRules.apply(MDC, points));
    }

    @Test
    @DisplayName("inner-third, ihi: 14 points in the inner third, bounded by points outside it, are not a signal")
    void fourteenIsNotASignal() {
        // 0.65 is beyond one sigma (0.60) but inside two sigma (0.70): it ends the run and trips nothing.
        List<ChartPoint> points = chart(concat(new double[] {0.65}, alternating(14), new double[] {0.65}));

        assertNoSignals(SignalRules.apply(IHI, points));
    }

    // ---- no signals ----

    @Test
    @DisplayName("an unknown profile leaves the points as they are")
    void unknownProfile() {
        // Would be outside-limits and a shift of 10 under either control-chart profile.
        List<ChartPoint> points = chart(concat(repeat(0.55, 10), new double[] {0.95}));

        // ("perla" was the example here until the run-chart profiles existed; it now finds a shift.)
        List<ChartPoint> result = SignalRules.apply("western-electric", points);

        assertThat(result).isEqualTo(points);
        assertNoSignals(result);
    }

    @Test
    @DisplayName("a run chart (no limits) gets no control-chart signals, whatever the profile")
    void runChart() {
        // Rates 0.1 × 7 then 0.9 × 8: the median is 0.9 (the 8th of 15 sorted values), so the first seven
        // months are seven below the centre line.
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            observations.add(new Observation("M" + i, i < 7 ? 1 : 9, 10));
        }
        List<ChartPoint> run = ControlChart.chart("run", observations);

        assertNoSignals(SignalRules.apply(MDC, run));
        assertNoSignals(SignalRules.apply(IHI, run));
    }

    @Test
    @DisplayName("no points, no signals")
    void empty() {
        assertThat(SignalRules.apply(MDC, Collections.emptyList())).isEmpty();
    }

    @Test
    @DisplayName("one point can carry several signals; the input points are not changed")
    void signalsAccumulateOnAPoint() {
        // Seven above (P1–P7) rising 0.51 → 0.85: shift and trend on all seven; P7 = 0.85 is also outside;
        // P6 = 0.75 is in the band and P7 is beyond the limit, so there is no two-of-three.
        List<ChartPoint> points = chart(0.51, 0.53, 0.55, 0.57, 0.59, 0.75, 0.85, 0.45);

        List<ChartPoint> result = SignalRules.apply(MDC, points);

        assertThat(result.get(6).signals()).containsExactlyInAnyOrder(OUTSIDE_LIMITS, SHIFT, TREND);
        assertThat(result.get(5).signals()).containsExactlyInAnyOrder(SHIFT, TREND);
        assertThat(result.get(7).signals()).isEmpty();
        assertThat(points).allSatisfy(p -> assertThat(p.signals()).isEmpty());
        assertThat(result).extracting(ChartPoint::value).containsExactly(0.51, 0.53, 0.55, 0.57, 0.59, 0.75, 0.85,
                0.45);
    }

    // ---- on charts whose limits were clamped at 0 (p and u charts with a small nᵢ) ----

    @Test
    @DisplayName("p chart clamped at 0: a zero month is about 1σ below p̄, not beyond two sigma")
    void zeroMonthsAreNotBeyondTwoSigma() {
        // Σx = 0+0+0+2+2+2 = 6, Σn = 6 × 20 = 120, p̄ = 0.05.
        // n = 20: σ = √(0.05 × 0.95 / 20) = √0.002375 = 0.048734, 3σ = 0.14620 → lower −0.0962 clamped to 0,
        // upper 0.1962. The two-sigma line below is 0.05 − 0.0975 = −0.0475: no month can fall under it.
        // A zero month is 0.05 / 0.048734 = 1.03σ below. So three zero months are not two-of-three.
        // (Taking two thirds of the clamped distance, 0.05 × 2/3 = 0.033, would wrongly put 0 "beyond 2σ".)
        // 0.10 is 1.03σ above; three and three on each side: no shift; ties: no trend.
        List<Observation> observations = List.of(new Observation("M1", 0, 20), new Observation("M2", 0, 20),
                new Observation("M3", 0, 20), new Observation("M4", 2, 20), new Observation("M5", 2, 20),
                new Observation("M6", 2, 20));
        List<ChartPoint> p = ControlChart.chart("p", observations);

        assertThat(p.get(0).lower()).isEqualTo(0.0); // the clamping this test is about
        assertNoSignals(SignalRules.apply(MDC, p));
        assertNoSignals(SignalRules.apply(IHI, p));
    }

    @Test
    @DisplayName("p chart clamped at 0: the inner third is within one sigma, not a third of the clamped distance")
    void innerThirdUsesSigmaNotTheClampedLimit() {
        // Alternating 1/40 = 0.025 and 3/40 = 0.075 for 16 months: Σx = 8 × 1 + 8 × 3 = 32, Σn = 640, p̄ = 0.05.
        // n = 40: σ = √(0.05 × 0.95 / 40) = √0.0011875 = 0.034460, 3σ = 0.10338 → lower clamped to 0,
        // upper 0.1534. Both values are 0.025 / 0.03446 = 0.73σ from p̄: inside one sigma, so 16 in the inner
        // third. (A third of the clamped distance, 0.05 / 3 = 0.0167, would wrongly put 0.025 outside it.)
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            observations.add(new Observation("M" + i, i % 2 == 0 ? 1 : 3, 40));
        }
        List<ChartPoint> p = ControlChart.chart("p", observations);

        assertThat(p.get(0).lower()).isEqualTo(0.0);
        assertThat(flagged(SignalRules.apply(IHI, p), INNER_THIRD)).isEqualTo(range(0, 15));
    }

    @Test
    @DisplayName("p chart clamped at both 0 and 1: sigma comes from p̄ and nᵢ, not from the clamped limits")
    void bothLimitsClamped() {
        // 3 charts audited a month; all three with an error for three months, none for three: Σx = 9, Σn = 18,
        // p̄ = 0.5. σ = √(0.5 × 0.5 / 3) = √0.083333 = 0.28868, 3σ = 0.8660 → limits −0.366 and 1.366, clamped
        // to 0 and 1. Two sigma = 0.5774: the two-sigma lines, −0.077 and 1.077, lie beyond what a proportion can
        // reach, so no month is in the band and two-of-three cannot fire. (Thirds of the clamped half-width 0.5
        // would put the lines at 0.167 and 0.833 and flag every month.) 1.0 and 0 are on the limits, not outside.
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            observations.add(new Observation("M" + i, i < 3 ? 3 : 0, 3));
        }
        List<ChartPoint> p = ControlChart.chart("p", observations);

        assertThat(p).allSatisfy(point -> {
            assertThat(point.lower()).isEqualTo(0.0);
            assertThat(point.upper()).isEqualTo(1.0);
        });
        assertNoSignals(SignalRules.apply(MDC, p));
        assertNoSignals(SignalRules.apply(IHI, p));
    }

    @Test
    @DisplayName("u chart floored at 0: the band below is two sigma, not two thirds of the way to 0")
    void uChartFlooredAtZero() {
        // n = 20 orders a month, error counts 0, 0, 0, 3, 3, 3, 2, 3 → Σc = 14, Σn = 160, ū = 0.0875.
        // σ = √(0.0875 / 20) = √0.004375 = 0.066144, 3σ = 0.19843 → lower clamped to 0,
        // upper 0.2859; two sigma above = 0.2198. A zero month is 0.0875 / 0.066144 = 1.32σ below (not beyond
        // 2σ); 0.15 (3/20) is 0.94σ above and 0.10 (2/20) 0.19σ above. Runs: 3 below, 5 above; no trend of 7.
        List<Observation> observations = new ArrayList<>();
        long[] counts = {0, 0, 0, 3, 3, 3, 2, 3};
        for (int i = 0; i < counts.length; i++) {
            observations.add(new Observation("M" + i, counts[i], 20));
        }
        List<ChartPoint> u = ControlChart.chart("u", observations);

        assertThat(u.get(0).lower()).isEqualTo(0.0);
        assertNoSignals(SignalRules.apply(MDC, u));
    }
}
