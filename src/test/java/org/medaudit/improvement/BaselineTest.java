package org.medaudit.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.medaudit.improvement.SignalRules.OUTSIDE_LIMITS;
import static org.medaudit.improvement.SignalRules.SHIFT;
import static org.medaudit.improvement.SignalRules.TOO_FEW_RUNS;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Baselines (clinical-reference.md §4.1, §4.3): a segment's centre and limits come from its first N points (trial
 * limits, recomputed with each point, until N exist; then frozen and extended forward); a rebase, with its reason,
 * starts a new segment with its own first N points; signals are found within each segment; a sustained shift at the
 * end of the latest segment suggests (never makes) a rebase. Numbers are worked by hand in the comments.
 */
class BaselineTest {

    private static final double CLOSE = 0.0005;

    /** Monthly observations from 2024-01, each the given count per the given denominator. */
    private static List<Observation> monthly(long denominator, long... counts) {
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            observations.add(new Observation(YearMonth.of(2024, 1).plusMonths(i).toString(), counts[i], denominator));
        }
        return observations;
    }

    private static List<Integer> flagged(List<ChartPoint> points, String signal) {
        return IntStream.range(0, points.size()).filter(i -> points.get(i).signals().contains(signal)).boxed()
                .toList();
    }

    // ---- trial and frozen limits ----

    @Test
    @DisplayName("XmR: limits come from the first N points and are frozen: later points do not move them")
    void frozenAfterN() {
        // First 5 (N = 5): 0.05, 0.08, 0.06, 0.09, 0.07 → mean 0.07; moving ranges 0.03, 0.02, 0.03, 0.02 →
        // mR̄ 0.025; 2.66 × 0.025 = 0.0665 → limits 0.0035–0.1365 for all seven points.
        // June's 0.20 is outside them. Over all seven the mean would be 0.58 / 7 = 0.0829.
        List<Observation> observations = monthly(100, 5, 8, 6, 9, 7, 20, 3);

        List<ChartPoint> chart = ControlChart.chart("xmr", observations, BaselinePlan.of(5));

        assertThat(chart).allSatisfy(p -> {
            assertThat(p.centre()).isCloseTo(0.07, within(CLOSE));
            assertThat(p.lower()).isCloseTo(0.0035, within(CLOSE));
            assertThat(p.upper()).isCloseTo(0.1365, within(CLOSE));
            assertThat(p.baseline()).isEqualTo(new Baseline(0, "2024-01", null, 5, true));
        });
        assertThat(flagged(SignalRules.apply("nhs-mdc", chart), OUTSIDE_LIMITS)).containsExactly(5);
        assertThat(ControlChart.chart("xmr", observations).get(0).centre()).isCloseTo(0.0829, within(CLOSE));
    }

    @Test
    @DisplayName("XmR: with fewer than N points the limits are trial limits, recomputed with each point")
    void trialUntilN() {
        // 4 of N = 5 points: 0.05, 0.08, 0.06, 0.09 → mean 0.07; moving ranges 0.03, 0.02, 0.03 → mR̄ 0.026667;
        // 2.66 × 0.026667 = 0.070933 → limits −0.0009–0.1409, trial.
        // The 5th point (0.07) recomputes them: 0.0035–0.1365, now frozen. The 6th (0.20) leaves them alone.
        BaselinePlan plan = BaselinePlan.of(5);
        List<Observation> observations = monthly(100, 5, 8, 6, 9, 7, 20);

        List<ChartPoint> four = ControlChart.chart("xmr", observations.subList(0, 4), plan);
        List<ChartPoint> five = ControlChart.chart("xmr", observations.subList(0, 5), plan);
        List<ChartPoint> six = ControlChart.chart("xmr", observations, plan);

        assertThat(four).allSatisfy(p -> {
            assertThat(p.lower()).isCloseTo(-0.0009, within(CLOSE));
            assertThat(p.upper()).isCloseTo(0.1409, within(CLOSE));
            assertThat(p.baseline().trial()).isTrue();
            assertThat(p.baseline().points()).isEqualTo(4);
        });
        assertThat(five).allSatisfy(p -> {
            assertThat(p.upper()).isCloseTo(0.1365, within(CLOSE));
            assertThat(p.baseline().frozen()).isTrue();
        });
        assertThat(six.get(5).upper()).isEqualTo(five.get(0).upper());
        assertThat(six.get(5).baseline()).isEqualTo(five.get(0).baseline());
    }

    @Test
    @DisplayName("the standard plan freezes after 12 points: a run chart's median stops moving")
    void standardPlanIsTwelve() {
        // 1..12 per 100 then 50 and 60. Baseline median of 1..12: (6 + 7) / 2 = 6.5 per 100, kept for the 13th
        // and 14th. Over all 14 the median would be (7 + 8) / 2 = 7.5. With 11 points: trial, median 6.
        List<Observation> observations = monthly(100, 3, 1, 4, 2, 6, 5, 8, 7, 10, 9, 12, 11, 50, 60);

        List<ChartPoint> frozen = ControlChart.chart("run", observations, BaselinePlan.standard());
        List<ChartPoint> trial = ControlChart.chart("run", observations.subList(0, 11), BaselinePlan.standard());

        assertThat(BaselinePlan.standard().points()).isEqualTo(12);
        assertThat(frozen).allSatisfy(p -> {
            assertThat(p.centre()).isCloseTo(0.065, within(1e-12));
            assertThat(p.baseline().frozen()).isTrue();
            assertThat(p.baseline().points()).isEqualTo(12);
        });
        assertThat(ControlChart.chart("run", observations).get(0).centre()).isCloseTo(0.075, within(1e-12));
        assertThat(trial).allSatisfy(p -> {
            assertThat(p.centre()).isCloseTo(0.06, within(1e-12));
            assertThat(p.baseline().trial()).isTrue();
        });
    }

    @Test
    @DisplayName("p chart: p̄ from the baseline months; a later month's limits use its own denominator")
    void pChartBaseline() {
        // Baseline (N = 3): 8/20, 2/10, 30/70 → p̄ = 40/100 = 0.40. April 1/20 = 0.05: σ = √(0.4 × 0.6 / 20) =
        // 0.10954 → limits 0.0714–0.7286, so April is below the lower limit. (Over all four months
        // p̄ = 41/120 = 0.3417.)
        List<Observation> observations = List.of(new Observation("2024-01", 8, 20),
                new Observation("2024-02", 2, 10), new Observation("2024-03", 30, 70),
                new Observation("2024-04", 1, 20));

        List<ChartPoint> chart = ControlChart.chart("p", observations, BaselinePlan.of(3));

        assertThat(chart.get(3).centre()).isCloseTo(0.40, within(CLOSE));
        assertThat(chart.get(3).lower()).isCloseTo(0.0714, within(CLOSE));
        assertThat(chart.get(3).upper()).isCloseTo(0.7286, within(CLOSE));
        assertThat(flagged(SignalRules.apply("nhs-mdc", chart), OUTSIDE_LIMITS)).containsExactly(3);
    }

    @Test
    @DisplayName("the two-argument chart is the unfrozen plan: every point, one trial segment")
    void unplannedChart() {
        List<ChartPoint> chart = ControlChart.chart("u", monthly(100, 5, 8, 6));

        assertThat(chart).allSatisfy(p -> assertThat(p.baseline())
                .isEqualTo(new Baseline(0, "2024-01", null, 3, false)));
        assertThat(ControlChart.chart("u", List.of())).isEmpty();
    }

    // ---- rebasing ----

    @Test
    @DisplayName("a rebase starts a segment whose centre and limits come from its own first N points")
    void newSegmentHasItsOwnLimits() {
        // Segment 0 (N = 3 of 4 points): 0.04, 0.08, 0.06 → mean 0.06, moving ranges 0.04, 0.02 → mR̄ 0.03,
        // 2.66 × 0.03 = 0.0798 → −0.0198–0.1398.
        // Rebase at 2024-05. Segment 1: 0.02, 0.03, 0.01 → mean 0.02, moving ranges 0.01, 0.02 → mR̄ 0.015,
        // 2.66 × 0.015 = 0.0399 → −0.0199–0.0599; its 4th point, 0.10, is outside them.
        Rebase rebase = new Rebase("2024-05", "Electronic prescribing went live");
        List<ChartPoint> chart = ControlChart.chart("xmr", monthly(100, 4, 8, 6, 10, 2, 3, 1, 10),
                BaselinePlan.of(3, rebase));

        assertThat(chart.subList(0, 4)).allSatisfy(p -> {
            assertThat(p.centre()).isCloseTo(0.06, within(CLOSE));
            assertThat(p.upper()).isCloseTo(0.1398, within(CLOSE));
            assertThat(p.baseline()).isEqualTo(new Baseline(0, "2024-01", null, 3, true));
        });
        assertThat(chart.subList(4, 8)).allSatisfy(p -> {
            assertThat(p.centre()).isCloseTo(0.02, within(CLOSE));
            assertThat(p.lower()).isCloseTo(-0.0199, within(CLOSE));
            assertThat(p.upper()).isCloseTo(0.0599, within(CLOSE));
            assertThat(p.baseline()).isEqualTo(
                    new Baseline(1, "2024-05", "Electronic prescribing went live", 3, true));
        });
        assertThat(flagged(SignalRules.apply("nhs-mdc", chart), OUTSIDE_LIMITS)).containsExactly(7);
    }

    @Test
    @DisplayName("signals are found within each segment: no shift or runs signal spans a rebase")
    void signalsStayWithinSegments() {
        // 2, 4, 1, 3, 7, 6, 8, 7 | 9, 8, 9, 8, 1, 2, 1, 2 per 100.
        // As one segment: sorted 1 1 1 2 2 2 3 4 6 7 7 8 8 8 9 9, median (4 + 6) / 2 = 5. Sides − − − − then 8 ×
        // + then − − − −: a perla shift on P5–P12, and 3 runs where 16 useful points expect 5–13: too few.
        // Rebased at 2024-09 with N = 8: segment 0 sorted 1 2 3 4 6 7 7 8 → median 5, sides − − − − + + + +;
        // segment 1 sorted 1 1 2 2 8 8 9 9 → median 5, sides + + + + − − − −. Each: longest run 4 (< 6), 8 useful
        // points (< 10, no runs test). No trend anywhere (no 5 levels in a row rise or fall).
        List<Observation> observations = monthly(100, 2, 4, 1, 3, 7, 6, 8, 7, 9, 8, 9, 8, 1, 2, 1, 2);

        List<ChartPoint> whole = SignalRules.apply("perla", ControlChart.chart("run", observations));
        List<ChartPoint> rebased = SignalRules.apply("perla", ControlChart.chart("run", observations,
                BaselinePlan.of(8, new Rebase("2024-09", "New ward pharmacist"))));

        assertThat(flagged(whole, SHIFT)).isEqualTo(IntStream.rangeClosed(4, 11).boxed().toList());
        assertThat(flagged(whole, TOO_FEW_RUNS)).hasSize(16);
        assertThat(rebased).allSatisfy(p -> assertThat(p.signals()).isEmpty());
        assertThat(rebased).extracting(p -> p.baseline().segment())
                .containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1);
    }

    @Test
    @DisplayName("a new segment with fewer than N points has trial limits from the points it has")
    void newSegmentStartsWithTrialLimits() {
        // N = 3. Segment 1 has 2 points, 0.02 and 0.04: mean 0.03, mR̄ 0.02, 2.66 × 0.02 = 0.0532 →
        // −0.0232–0.0832, trial.
        List<ChartPoint> chart = ControlChart.chart("xmr", monthly(100, 4, 8, 6, 2, 4),
                BaselinePlan.of(3, new Rebase("2024-04", "Audit form changed")));

        assertThat(chart.subList(3, 5)).allSatisfy(p -> {
            assertThat(p.centre()).isCloseTo(0.03, within(CLOSE));
            assertThat(p.upper()).isCloseTo(0.0832, within(CLOSE));
            assertThat(p.baseline().trial()).isTrue();
            assertThat(p.baseline().points()).isEqualTo(2);
        });
    }

    @Test
    @DisplayName("a rebase at a month that was not audited starts at the next audited month")
    void rebaseAtAGap() {
        // April was not audited: the segment starts in May.
        List<Observation> observations = List.of(new Observation("2024-01", 1, 10),
                new Observation("2024-02", 2, 10), new Observation("2024-03", 1, 10),
                new Observation("2024-05", 5, 10), new Observation("2024-06", 6, 10));

        List<ChartPoint> chart = ControlChart.chart("run", observations,
                BaselinePlan.of(2, new Rebase("2024-04", "New admission process")));

        assertThat(chart).extracting(p -> p.baseline().segment()).containsExactly(0, 0, 0, 1, 1);
        assertThat(chart.get(3).baseline().from()).isEqualTo("2024-05");
        assertThat(chart.get(3).centre()).isCloseTo(0.55, within(1e-12)); // median of 0.5 and 0.6
    }

    @Test
    @DisplayName("a rebase after the last month changes nothing yet; one at the first month names the first segment")
    void rebaseOutsideTheData() {
        List<Observation> observations = monthly(10, 1, 2, 3);

        List<ChartPoint> future = ControlChart.chart("run", observations,
                BaselinePlan.of(2, new Rebase("2025-01", "Planned ward move")));
        List<ChartPoint> before = ControlChart.chart("run", observations,
                BaselinePlan.of(2, new Rebase("2023-06", "Series starts with the new form")));

        assertThat(future).allSatisfy(p -> assertThat(p.baseline())
                .isEqualTo(new Baseline(0, "2024-01", null, 2, true)));
        assertThat(before).allSatisfy(p -> assertThat(p.baseline())
                .isEqualTo(new Baseline(0, "2024-01", "Series starts with the new form", 2, true)));
    }

    @Test
    @DisplayName("a plan needs 2+ points, reasons, and rebases in period order; rebasedAt keeps the order")
    void planValidation() {
        assertThatThrownBy(() -> BaselinePlan.of(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rebase("2024-05", " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> BaselinePlan.of(12, new Rebase("2024-09", "b"), new Rebase("2024-05", "a")))
                .isInstanceOf(IllegalArgumentException.class);

        BaselinePlan plan = BaselinePlan.of(12, new Rebase("2024-09", "b")).rebasedAt(new Rebase("2024-05", "a"));

        assertThat(plan.rebases()).extracting(Rebase::period).containsExactly("2024-05", "2024-09");
    }

    // ---- suggesting a rebase ----

    /**
     * 12 baseline months alternating 2/8 = 0.25 and 6/8 = 0.75 (mean 0.5, mR̄ 0.5, limits 0.5 ± 1.33), then the
     * given months at 3/8 = 0.375: below the mean, within the limits, all equal (so no trend).
     */
    private List<Observation> baselineThenLower(int lowerMonths, long... after) {
        long[] counts = new long[12 + lowerMonths + after.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = i < 12 ? (i % 2 == 0 ? 2 : 6) : i < 12 + lowerMonths ? 3 : after[i - 12 - lowerMonths];
        }
        return monthly(8, counts);
    }

    @Test
    @DisplayName("suggestRebase: nhs-mdc: 7 months below the centre at the end suggest a rebase where they began")
    void sevenBelowSuggestsARebase() {
        // Months 13–19 (2025-01 to 2025-07) are 7 below the mean: an nhs-mdc shift, flagged on all 7.
        List<ChartPoint> chart = SignalRules.apply("nhs-mdc",
                ControlChart.chart("xmr", baselineThenLower(7), BaselinePlan.standard()));

        assertThat(Baseline.suggestRebase(chart)).contains(new RebaseSuggestion("2025-01", 7, false));
    }

    @Test
    @DisplayName("suggestRebase: nhs-mdc: 6 months below are not yet a sustained shift; nor is a shift that has ended")
    void noSuggestionWithoutASustainedShift() {
        List<ChartPoint> six = SignalRules.apply("nhs-mdc",
                ControlChart.chart("xmr", baselineThenLower(6), BaselinePlan.standard()));
        // 7 below, then back above the mean (6/8): the shift did not last to the latest month.
        List<ChartPoint> ended = SignalRules.apply("nhs-mdc",
                ControlChart.chart("xmr", baselineThenLower(7, 6), BaselinePlan.standard()));

        assertThat(Baseline.suggestRebase(six)).isEmpty();
        assertThat(flagged(ended, SHIFT)).hasSize(7);
        assertThat(Baseline.suggestRebase(ended)).isEmpty();
        assertThat(Baseline.suggestRebase(List.of())).isEmpty();
    }

    @Test
    @DisplayName("suggestRebase: the profile sets the length: perla's run-chart shift of 6 is enough")
    void perlaSuggestsAfterSix() {
        // Run chart: the baseline median of six 0.25s and six 0.75s is 0.5; six months at 0.375 follow. Runs:
        // 12 alternating + 1 = 13, within 6–14 for 18 useful points.
        List<ChartPoint> chart = SignalRules.apply("perla",
                ControlChart.chart("run", baselineThenLower(6), BaselinePlan.standard()));

        assertThat(Baseline.suggestRebase(chart)).contains(new RebaseSuggestion("2025-01", 6, false));
    }

    @Test
    @DisplayName("suggestRebase: accepting it (with a reason) rebases, and the new segment suggests nothing")
    void acceptingASuggestion() {
        // The new segment is the 7 months at 0.375 (trial limits, fewer than 12): centre 0.375, no shift.
        List<Observation> observations = baselineThenLower(7);
        BaselinePlan plan = BaselinePlan.standard();
        RebaseSuggestion suggestion = Baseline.suggestRebase(
                SignalRules.apply("nhs-mdc", ControlChart.chart("xmr", observations, plan))).orElseThrow();

        BaselinePlan rebased = plan.rebasedAt(suggestion.accept("Omitted-doses bundle in place since January"));
        List<ChartPoint> chart = SignalRules.apply("nhs-mdc", ControlChart.chart("xmr", observations, rebased));

        assertThat(rebased.rebases()).containsExactly(
                new Rebase("2025-01", "Omitted-doses bundle in place since January"));
        assertThat(chart.get(18).centre()).isEqualTo(0.375);
        assertThat(chart.get(18).baseline().trial()).isTrue();
        assertThat(chart).allSatisfy(p -> assertThat(p.signals()).isEmpty());
        assertThat(Baseline.suggestRebase(chart)).isEmpty();
    }
}
