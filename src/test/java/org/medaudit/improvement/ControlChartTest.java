package org.medaudit.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Centre lines and limits (clinical-reference.md §4.1, §4.3, §4.4). Every expected number is worked by hand in the
 * comments from the published formulae; none is taken from the code under test. Values and limits are fractions
 * (0.088 errors per order = 8.8 per 100).
 */
class ControlChartTest {

    /** For hand-worked values carried to four or more decimals. */
    private static final double CLOSE = 0.0005;
    /** For the reference's own examples, which it rounds to two decimals (or to 0.1 per 100). */
    private static final double AS_PUBLISHED = 0.005;

    private static Observation obs(String period, long numerator, long denominator) {
        return new Observation(period, numerator, denominator);
    }

    // ---- p chart: p̄ = Σx / Σn, limits p̄ ± 3·√(p̄(1−p̄)/nᵢ) clamped to [0, 1] ----

    @Test
    @DisplayName("p chart: the centre is the pooled proportion and the limits narrow as nᵢ grows")
    void pooledCentreAndLimitsThatVaryWithEachDenominator() {
        // Σx = 8 + 2 + 30 = 40, Σn = 20 + 10 + 70 = 100, so p̄ = 0.40.
        // (The unweighted mean of the three rates, (0.40 + 0.20 + 0.4286) / 3 = 0.343, would be wrong.)
        List<ChartPoint> chart = ControlChart.chart("p",
                List.of(obs("2024-01", 8, 20), obs("2024-02", 2, 10), obs("2024-03", 30, 70)));

        assertThat(chart).extracting(ChartPoint::centre)
                .allSatisfy(c -> assertThat(c).isCloseTo(0.40, within(CLOSE)));
        assertThat(chart).extracting(ChartPoint::value)
                .containsExactly(8 / 20.0, 2 / 10.0, 30 / 70.0); // 0.40, 0.20, 0.4286

        // n = 20 (the reference's example): σ = √(0.4·0.6/20) = √0.012 = 0.10954, 3σ = 0.32863
        //   → 0.40 − 0.32863 = 0.0714 and 0.40 + 0.32863 = 0.7286, published as 0.07–0.73.
        assertThat(chart.get(0).lower()).isCloseTo(0.07, within(AS_PUBLISHED));
        assertThat(chart.get(0).upper()).isCloseTo(0.73, within(AS_PUBLISHED));
        assertThat(chart.get(0).lower()).isCloseTo(0.0714, within(CLOSE));
        assertThat(chart.get(0).upper()).isCloseTo(0.7286, within(CLOSE));

        // n = 10: σ = √(0.24/10) = √0.024 = 0.15492, 3σ = 0.46476
        //   → lower 0.40 − 0.46476 = −0.0648, clamped to 0; upper 0.8648.
        assertThat(chart.get(1).lower()).isEqualTo(0.0);
        assertThat(chart.get(1).upper()).isCloseTo(0.8648, within(CLOSE));
        // The clamp is on the limit only: sigma stays 0.15492, so two-sigma bands stay true.
        assertThat(chart.get(1).sigma()).isCloseTo(0.15492, within(CLOSE));

        // n = 70: σ = √(0.24/70) = √0.0034286 = 0.058554, 3σ = 0.17566 → 0.2243–0.5757.
        assertThat(chart.get(2).lower()).isCloseTo(0.2243, within(CLOSE));
        assertThat(chart.get(2).upper()).isCloseTo(0.5757, within(CLOSE));
    }

    @Test
    @DisplayName("p chart: the upper limit is clamped to 1 when p̄ is high and nᵢ small")
    void upperLimitClampedToOne() {
        // Σx = 9 + 18 = 27, Σn = 30, p̄ = 0.90.
        // n = 10: σ = √(0.9·0.1/10) = √0.009 = 0.094868, 3σ = 0.28460 → 0.6154 – 1.1846, clamped to 1.
        // n = 20: σ = √0.0045 = 0.067082, 3σ = 0.20125 → 0.6988 – 1.1012, clamped to 1.
        List<ChartPoint> chart = ControlChart.chart("p", List.of(obs("Q1", 9, 10), obs("Q2", 18, 20)));

        assertThat(chart.get(0).lower()).isCloseTo(0.6154, within(CLOSE));
        assertThat(chart.get(0).upper()).isEqualTo(1.0);
        assertThat(chart.get(1).lower()).isCloseTo(0.6988, within(CLOSE));
        assertThat(chart.get(1).upper()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("p chart: both limits are clamped when 3σ exceeds both p̄ and 1 − p̄")
    void bothLimitsClamped() {
        // p̄ = 2/4 = 0.5; n = 2: σ = √(0.25/2) = 0.35355, 3σ = 1.0607 → −0.5607 – 1.5607, clamped to 0–1.
        List<ChartPoint> chart = ControlChart.chart("p", List.of(obs("A", 1, 2), obs("B", 1, 2)));

        assertThat(chart).allSatisfy(p -> {
            assertThat(p.centre()).isCloseTo(0.5, within(CLOSE));
            assertThat(p.lower()).isEqualTo(0.0);
            assertThat(p.upper()).isEqualTo(1.0);
        });
    }

    // ---- u chart: ū = Σc / Σn, limits ū ± 3·√(ū/nᵢ) floored at 0 ----

    @Test
    @DisplayName("u chart, the reference example: ū = 0.088 with 160 orders gives 1.8–15.8 errors per 100 orders")
    void referenceExample() {
        // Σc = 14 + 30 = 44, Σn = 160 + 340 = 500, ū = 0.088.
        List<ChartPoint> chart = ControlChart.chart("u", List.of(obs("Jan", 14, 160), obs("Feb", 30, 340)));

        assertThat(chart).extracting(ChartPoint::centre)
                .allSatisfy(c -> assertThat(c).isCloseTo(0.088, within(CLOSE)));
        assertThat(chart).extracting(ChartPoint::value).containsExactly(14 / 160.0, 30 / 340.0);

        // n = 160: σ = √(0.088/160) = √0.00055 = 0.023452, 3σ = 0.070356
        //   → 0.01764 – 0.15836, i.e. 1.8 – 15.8 per 100 as published.
        assertThat(chart.get(0).lower() * 100).isCloseTo(1.8, within(0.05));
        assertThat(chart.get(0).upper() * 100).isCloseTo(15.8, within(0.05));
        assertThat(chart.get(0).lower()).isCloseTo(0.0176, within(CLOSE));
        assertThat(chart.get(0).upper()).isCloseTo(0.1584, within(CLOSE));

        // n = 340: σ = √(0.088/340) = √0.00025882 = 0.016088, 3σ = 0.048264 → 0.0397 – 0.1363.
        assertThat(chart.get(1).lower()).isCloseTo(0.0397, within(CLOSE));
        assertThat(chart.get(1).upper()).isCloseTo(0.1363, within(CLOSE));
    }

    @Test
    @DisplayName("u chart: the lower limit is floored at 0 when nᵢ is small")
    void lowerLimitFlooredAtZero() {
        // Σc = 2 + 20 = 22, Σn = 20 + 230 = 250, ū = 0.088.
        // n = 20: σ = √(0.088/20) = √0.0044 = 0.066332, 3σ = 0.19900 → −0.1110, floored to 0; upper 0.2870.
        // n = 230: σ = √(0.088/230) = √0.00038261 = 0.019560, 3σ = 0.058681 → 0.0293 – 0.1467.
        List<ChartPoint> chart = ControlChart.chart("u", List.of(obs("Jan", 2, 20), obs("Feb", 20, 230)));

        assertThat(chart.get(0).lower()).isEqualTo(0.0);
        assertThat(chart.get(0).upper()).isCloseTo(0.2870, within(CLOSE));
        assertThat(chart.get(1).lower()).isCloseTo(0.0293, within(CLOSE));
        assertThat(chart.get(1).upper()).isCloseTo(0.1467, within(CLOSE));
    }

    @Test
    @DisplayName("u chart: a rate per order is not a proportion: the upper limit may exceed 1")
    void upperLimitNotCappedAtOne() {
        // 3 errors in 2 orders each month: ū = 6/4 = 1.5; σ = √(1.5/2) = 0.86603, 3σ = 2.5981
        //   → lower −1.0981 floored to 0, upper 4.0981 (no cap at 1, unlike a p chart).
        List<ChartPoint> chart = ControlChart.chart("u", List.of(obs("Jan", 3, 2), obs("Feb", 3, 2)));

        assertThat(chart).allSatisfy(p -> {
            assertThat(p.centre()).isCloseTo(1.5, within(CLOSE));
            assertThat(p.lower()).isEqualTo(0.0);
            assertThat(p.upper()).isCloseTo(4.0981, within(CLOSE));
        });
    }

    // ---- XmR (Making Data Count): centre = mean, limits = mean ± 2.66 × mean moving range ----

    @Test
    @DisplayName("XmR: mean, mean moving range and ±2.66 mR̄, the same for every point")
    void meanAndMovingRangeLimits() {
        // Rates 0.05, 0.08, 0.06, 0.09, 0.07: mean = 0.35 / 5 = 0.07.
        // Moving ranges |0.08−0.05| = 0.03, 0.02, 0.03, 0.02: mR̄ = 0.10 / 4 = 0.025.
        // 2.66 × 0.025 = 0.0665 → limits 0.0035 and 0.1365.
        List<ChartPoint> chart = ControlChart.chart("xmr", List.of(obs("M1", 5, 100), obs("M2", 8, 100),
                obs("M3", 6, 100), obs("M4", 9, 100), obs("M5", 7, 100)));

        assertThat(chart).hasSize(5).allSatisfy(p -> {
            assertThat(p.centre()).isCloseTo(0.07, within(CLOSE));
            assertThat(p.lower()).isCloseTo(0.0035, within(CLOSE));
            assertThat(p.upper()).isCloseTo(0.1365, within(CLOSE));
        });
        assertThat(chart).extracting(ChartPoint::value).containsExactly(0.05, 0.08, 0.06, 0.09, 0.07);
    }

    @Test
    @DisplayName("XmR: the centre is the mean of the rates, not the pooled rate, and outliers are not screened out")
    void meanOfRatesWithoutOutlierScreening() {
        // Rates 1/10, 1/10, 1/10, 1/10 = 0.10 and 90/100 = 0.90.
        // Mean of rates = (4 × 0.10 + 0.90) / 5 = 1.30 / 5 = 0.26
        //   (the pooled rate 94/140 = 0.671 would be a p chart's centre).
        // Moving ranges 0, 0, 0, 0.80: mR̄ = 0.80 / 4 = 0.20. Screening would drop 0.80 (≥ 3.267 × 0.20 = 0.653)
        //   and leave mR̄ = 0; the MDC Excel tool does not screen, so mR̄ stays 0.20.
        // 2.66 × 0.20 = 0.532 → limits 0.26 − 0.532 = −0.272 and 0.26 + 0.532 = 0.792 (not clamped).
        List<ChartPoint> chart = ControlChart.chart("xmr", List.of(obs("M1", 1, 10), obs("M2", 1, 10),
                obs("M3", 1, 10), obs("M4", 1, 10), obs("M5", 90, 100)));

        assertThat(chart).allSatisfy(p -> {
            assertThat(p.centre()).isCloseTo(0.26, within(CLOSE));
            assertThat(p.lower()).isCloseTo(-0.272, within(CLOSE));
            assertThat(p.upper()).isCloseTo(0.792, within(CLOSE));
        });
    }

    // ---- run chart: the median as centre line, no limits ----

    @Test
    @DisplayName("run chart, odd count: the median is the middle value")
    void medianOfOddCount() {
        // Rates 0.30, 0.10, 0.50 sort to 0.10, 0.30, 0.50: the median is 0.30 (the mean would be also 0.30,
        // so the next test uses a skewed set).
        List<ChartPoint> chart = ControlChart.chart("run",
                List.of(obs("W1", 3, 10), obs("W2", 1, 10), obs("W3", 5, 10)));

        assertThat(chart).allSatisfy(p -> {
            assertThat(p.centre()).isCloseTo(0.30, within(CLOSE));
            assertThat(p.lower()).isNaN();
            assertThat(p.upper()).isNaN();
        });
    }

    @Test
    @DisplayName("run chart, odd count with a skewed value: the median, not the mean")
    void medianIsNotTheMean() {
        // Rates 0.10, 0.20, 0.90 (sorted already): median 0.20; mean would be 0.40.
        List<ChartPoint> chart = ControlChart.chart("run",
                List.of(obs("W1", 9, 10), obs("W2", 1, 10), obs("W3", 2, 10)));

        assertThat(chart).extracting(ChartPoint::centre)
                .allSatisfy(c -> assertThat(c).isCloseTo(0.20, within(CLOSE)));
    }

    @Test
    @DisplayName("run chart, even count: the median is the average of the two middle values")
    void medianOfEvenCount() {
        // Rates 0.30, 0.10, 0.50, 0.20 sort to 0.10, 0.20, 0.30, 0.50: median (0.20 + 0.30) / 2 = 0.25
        // (the mean would be 1.10 / 4 = 0.275).
        List<ChartPoint> chart = ControlChart.chart("run",
                List.of(obs("W1", 3, 10), obs("W2", 1, 10), obs("W3", 5, 10), obs("W4", 2, 10)));

        assertThat(chart).extracting(ChartPoint::centre)
                .allSatisfy(c -> assertThat(c).isCloseTo(0.25, within(CLOSE)));
        assertThat(chart).extracting(ChartPoint::value).containsExactly(0.3, 0.1, 0.5, 0.2);
    }

    @Test
    @DisplayName("points keep the period order and their observation, with no signals yet")
    void pointsKeepOrderAndObservation() {
        List<Observation> observations = List.of(obs("2024-03", 1, 4), obs("2024-01", 3, 4), obs("2024-02", 2, 4));

        for (String type : List.of("p", "u", "xmr", "run")) {
            List<ChartPoint> chart = ControlChart.chart(type, observations);
            assertThat(chart).extracting(ChartPoint::observation).containsExactlyElementsOf(observations);
            assertThat(chart).extracting(ChartPoint::value).containsExactly(0.25, 0.75, 0.5);
            assertThat(chart).allSatisfy(p -> assertThat(p.signals()).isEmpty());
        }
    }

    @Test
    @DisplayName("an unknown chart type is refused")
    void unknownTypeIsRefused() {
        assertThatThrownBy(() -> ControlChart.chart("c", List.of(obs("M1", 1, 10))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c");
    }
}
