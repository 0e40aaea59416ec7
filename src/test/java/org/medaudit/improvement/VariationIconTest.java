package org.medaudit.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medaudit.improvement.Improvement.DECREASE;
import static org.medaudit.improvement.Improvement.INCREASE;
import static org.medaudit.improvement.Improvement.NEUTRAL;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Making Data Count variation icon (clinical-reference.md §4.3): from the latest point, by whether it is special
 * cause, its side of the centre line and the improvement direction. Hand-built points sit on one chart: centre 0.50,
 * limits 0.20–0.80, σ 0.10.
 */
class VariationIconTest {

    private static ChartPoint point(double value, String... signals) {
        return new ChartPoint(new Observation("P", 0, 1), value, 0.50, 0.10, 0.20, 0.80, List.of(signals));
    }

    private static List<ChartPoint> chart(double... values) {
        List<ChartPoint> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new ChartPoint(new Observation("P" + (i + 1), 0, 1), values[i], 0.50, 0.10, 0.20, 0.80,
                    List.of()));
        }
        return points;
    }

    private static VariationIcon variation(Improvement direction, ChartPoint... points) {
        return VariationIcon.latest(List.of(points), direction).orElseThrow();
    }

    @Test
    @DisplayName("a latest point with no special cause is common cause, whatever the direction")
    void commonCause() {
        for (Improvement direction : Improvement.values()) {
            assertThat(variation(direction, point(0.85, SignalRules.OUTSIDE_LIMITS), point(0.55)))
                    .as("only the latest point counts (%s)", direction).isEqualTo(VariationIcon.COMMON_CAUSE);
        }
    }

    @Test
    @DisplayName("special cause above the centre: improvement if higher is better, concern if lower is")
    void specialCauseHigh() {
        ChartPoint high = point(0.85, SignalRules.OUTSIDE_LIMITS);

        assertThat(variation(INCREASE, high)).isEqualTo(VariationIcon.IMPROVEMENT_HIGH);
        assertThat(variation(DECREASE, high)).isEqualTo(VariationIcon.CONCERN_HIGH);
        assertThat(variation(NEUTRAL, high)).isEqualTo(VariationIcon.NEUTRAL_HIGH);
    }

    @Test
    @DisplayName("special cause below the centre: concern if higher is better, improvement if lower is")
    void specialCauseLow() {
        ChartPoint low = point(0.45, SignalRules.SHIFT);

        assertThat(variation(INCREASE, low)).isEqualTo(VariationIcon.CONCERN_LOW);
        assertThat(variation(DECREASE, low)).isEqualTo(VariationIcon.IMPROVEMENT_LOW);
        assertThat(variation(NEUTRAL, low)).isEqualTo(VariationIcon.NEUTRAL_LOW);
    }

    @Test
    @DisplayName("a rising run still below the mean reads as low (the side decides, as MDC codes it)")
    void sideNotDirectionOfTheTrend() {
        // 0.31 → 0.43 in 6 rising steps, all below 0.50: nhs-mdc trend and shift on all 7. Higher is better, but
        // the latest point is below the mean: concern, low.
        List<ChartPoint> rising = SignalRules.apply("nhs-mdc", chart(0.31, 0.33, 0.35, 0.37, 0.39, 0.41, 0.43));

        assertThat(rising.get(6).signals()).contains(SignalRules.TREND);
        assertThat(VariationIcon.latest(rising, INCREASE)).contains(VariationIcon.CONCERN_LOW);
    }

    @Test
    @DisplayName("a trend ending exactly on the centre line is high or low by the way it went")
    void trendEndingOnTheCentre() {
        // 0.38 → 0.50 in 6 rising steps: a trend of 7; 6 below then one on the centre, so no shift.
        List<ChartPoint> rising = SignalRules.apply("nhs-mdc", chart(0.38, 0.40, 0.42, 0.44, 0.46, 0.48, 0.50));

        assertThat(rising.get(6).signals()).containsExactly(SignalRules.TREND);
        assertThat(VariationIcon.latest(rising, INCREASE)).contains(VariationIcon.IMPROVEMENT_HIGH);
        assertThat(VariationIcon.latest(rising, DECREASE)).contains(VariationIcon.CONCERN_HIGH);
    }

    @Test
    @DisplayName("signals about spread or the whole segment do not make the latest point special cause")
    void signalsWithoutASide() {
        for (String signal : List.of(SignalRules.INNER_THIRD, SignalRules.TOO_FEW_RUNS,
                SignalRules.TOO_MANY_RUNS, SignalRules.FEW_CROSSINGS)) {
            assertThat(variation(DECREASE, point(0.45, signal))).as(signal).isEqualTo(VariationIcon.COMMON_CAUSE);
        }
        assertThat(variation(DECREASE, point(0.45, SignalRules.LONG_RUN)))
                .isEqualTo(VariationIcon.IMPROVEMENT_LOW);
        assertThat(variation(DECREASE, point(0.45, SignalRules.TWO_OF_THREE)))
                .isEqualTo(VariationIcon.IMPROVEMENT_LOW);
    }

    @Test
    @DisplayName("end to end: a prescribing-error rate that fell and stayed down shows improvement, low")
    void prescribingErrorsFell() {
        // 12 baseline months alternating 8 and 12 errors per 100 orders (mean 10, mR̄ 4, limits 10 ± 10.64),
        // then 7 months at 6: 7 below the mean, an nhs-mdc shift; errors should decrease.
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            observations.add(new Observation(YearMonth.of(2024, 1).plusMonths(i).toString(),
                    i < 12 ? (i % 2 == 0 ? 8 : 12) : 6, 100));
        }
        List<ChartPoint> seven = SignalRules.apply("nhs-mdc",
                ControlChart.chart("xmr", observations, BaselinePlan.standard()));
        // A month earlier there were only 6 below: not yet a shift (and 6 is not beyond two sigma, 10 − 7.09).
        List<ChartPoint> six = SignalRules.apply("nhs-mdc",
                ControlChart.chart("xmr", observations.subList(0, 18), BaselinePlan.standard()));

        assertThat(VariationIcon.latest(seven, Improvement.of("decrease"))).contains(VariationIcon.IMPROVEMENT_LOW);
        assertThat(VariationIcon.latest(six, DECREASE)).contains(VariationIcon.COMMON_CAUSE);
    }

    @Test
    @DisplayName("no points, no icon; codes are the API's kebab-case names")
    void noPointsAndCodes() {
        assertThat(VariationIcon.latest(List.of(), DECREASE)).isEmpty();
        assertThat(VariationIcon.IMPROVEMENT_LOW.code()).isEqualTo("improvement-low");
        assertThat(VariationIcon.COMMON_CAUSE.code()).isEqualTo("common-cause");
    }

    @Test
    @DisplayName("directions are read from the measure documents' words")
    void directions() {
        assertThat(Improvement.of("Increase")).isEqualTo(INCREASE);
        assertThat(Improvement.of("neutral")).isEqualTo(NEUTRAL);
        assertThatThrownBy(() -> Improvement.of("down")).isInstanceOf(IllegalArgumentException.class);
    }
}
