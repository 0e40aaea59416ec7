package org.medaudit.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medaudit.improvement.Improvement.DECREASE;
import static org.medaudit.improvement.Improvement.INCREASE;
import static org.medaudit.improvement.Improvement.NEUTRAL;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Making Data Count assurance icon (clinical-reference.md §4.3, as NHSRplotthedots codes it): a target against
 * the latest limits, read by the improvement direction. Targets and limits are fractions (0.05 = 5 per 100).
 */
class AssuranceIconTest {

    // Latest limits 2–14 errors per 100 orders, as fractions.
    private static final double LOWER = 0.02;
    private static final double UPPER = 0.14;

    @Test
    @DisplayName("lower is better: a target above the upper limit is always met, below the lower never")
    void decrease() {
        // Target 20 per 100 > 14: every month will be under it → pass. Target 1 per 100 < 2: no month will
        // reach it → fail. Target 5 per 100 inside → hit and miss.
        assertThat(AssuranceIcon.of(0.20, DECREASE, LOWER, UPPER)).isEqualTo(AssuranceIcon.CONSISTENTLY_PASS);
        assertThat(AssuranceIcon.of(0.01, DECREASE, LOWER, UPPER)).isEqualTo(AssuranceIcon.CONSISTENTLY_FAIL);
        assertThat(AssuranceIcon.of(0.05, DECREASE, LOWER, UPPER)).isEqualTo(AssuranceIcon.INCONSISTENT);
    }

    @Test
    @DisplayName("higher is better: a target above the upper limit is never met, below the lower always")
    void increase() {
        assertThat(AssuranceIcon.of(0.20, INCREASE, LOWER, UPPER)).isEqualTo(AssuranceIcon.CONSISTENTLY_FAIL);
        assertThat(AssuranceIcon.of(0.01, INCREASE, LOWER, UPPER)).isEqualTo(AssuranceIcon.CONSISTENTLY_PASS);
        assertThat(AssuranceIcon.of(0.05, INCREASE, LOWER, UPPER)).isEqualTo(AssuranceIcon.INCONSISTENT);
    }

    @Test
    @DisplayName("a target exactly on a limit is within the limits: hit and miss")
    void targetOnALimit() {
        for (Improvement direction : List.of(INCREASE, DECREASE)) {
            assertThat(AssuranceIcon.of(UPPER, direction, LOWER, UPPER)).isEqualTo(AssuranceIcon.INCONSISTENT);
            assertThat(AssuranceIcon.of(LOWER, direction, LOWER, UPPER)).isEqualTo(AssuranceIcon.INCONSISTENT);
        }
    }

    @Test
    @DisplayName("no icon without a target, for a neutral measure, or without limits (a run chart)")
    void none() {
        assertThat(AssuranceIcon.of(null, DECREASE, LOWER, UPPER)).isEqualTo(AssuranceIcon.NONE);
        assertThat(AssuranceIcon.of(0.05, NEUTRAL, LOWER, UPPER)).isEqualTo(AssuranceIcon.NONE);
        assertThat(AssuranceIcon.of(0.05, DECREASE, Double.NaN, Double.NaN)).isEqualTo(AssuranceIcon.NONE);
        assertThat(AssuranceIcon.latest(List.of(), 0.05, DECREASE)).isEqualTo(AssuranceIcon.NONE);
        assertThat(AssuranceIcon.NONE.code()).isEqualTo("none");
        assertThat(AssuranceIcon.CONSISTENTLY_FAIL.code()).isEqualTo("consistently-fail");
    }

    @Test
    @DisplayName("p chart: the latest month's limits decide, since they vary with its denominator")
    void latestLimitsOfAPChart() {
        // % reconciled within 24 h, higher is better, target 65%. p̄ = 40/100 = 0.40 either way round.
        // Latest n = 70: limits 0.2243–0.5757, target above → consistently fail.
        // Latest n = 20: limits 0.0714–0.7286, target inside → inconsistent.
        List<ChartPoint> endsLarge = ControlChart.chart("p", List.of(new Observation("2024-01", 8, 20),
                new Observation("2024-02", 2, 10), new Observation("2024-03", 30, 70)));
        List<ChartPoint> endsSmall = ControlChart.chart("p", List.of(new Observation("2024-01", 30, 70),
                new Observation("2024-02", 2, 10), new Observation("2024-03", 8, 20)));

        assertThat(AssuranceIcon.latest(endsLarge, 0.65, INCREASE)).isEqualTo(AssuranceIcon.CONSISTENTLY_FAIL);
        assertThat(AssuranceIcon.latest(endsSmall, 0.65, INCREASE)).isEqualTo(AssuranceIcon.INCONSISTENT);
    }
}
