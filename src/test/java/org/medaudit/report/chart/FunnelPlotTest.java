package org.medaudit.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medaudit.report.chart.FunnelPlot.Limits;
import org.medaudit.report.chart.FunnelPlot.Model;
import org.medaudit.report.chart.FunnelPlot.Unit;

/** Funnel limits against values worked by hand, and what the plot leaves out. */
class FunnelPlotTest {

    @Test
    @DisplayName("binomial limits: 20% of 100 charts, σ = √(0.2 × 0.8 / 100) = 0.04")
    void binomialLimits() {
        Limits inner = FunnelPlot.limits(Model.BINOMIAL, 0.2, 100, FunnelPlot.Z95);
        Limits outer = FunnelPlot.limits(Model.BINOMIAL, 0.2, 100, FunnelPlot.Z998);

        // 1.96 × 0.04 = 0.0784; 3.09 × 0.04 = 0.1236.
        assertThat(inner.lower()).isCloseTo(0.1216, within(1e-4));
        assertThat(inner.upper()).isCloseTo(0.2784, within(1e-4));
        assertThat(outer.lower()).isCloseTo(0.0764, within(1e-4));
        assertThat(outer.upper()).isCloseTo(0.3236, within(1e-4));
    }

    @Test
    @DisplayName("Poisson limits: 8 errors per 100 orders over 160 orders, σ = √(0.08 / 160) = 0.02236")
    void poissonLimits() {
        Limits inner = FunnelPlot.limits(Model.POISSON, 0.08, 160, FunnelPlot.Z95);
        Limits outer = FunnelPlot.limits(Model.POISSON, 0.08, 160, FunnelPlot.Z998);

        assertThat(inner.lower()).isCloseTo(0.0362, within(1e-4));
        assertThat(inner.upper()).isCloseTo(0.1238, within(1e-4));
        assertThat(outer.lower()).isCloseTo(0.0109, within(1e-4));
        assertThat(outer.upper()).isCloseTo(0.1491, within(1e-4));
    }

    @Test
    @DisplayName("limits narrow as the denominator grows, and never leave [0, 1] for a proportion")
    void limitsNarrowAndClamp() {
        Limits small = FunnelPlot.limits(Model.BINOMIAL, 0.5, 4, FunnelPlot.Z998);
        Limits large = FunnelPlot.limits(Model.BINOMIAL, 0.5, 400, FunnelPlot.Z998);

        assertThat(small.lower()).isZero();
        assertThat(small.upper()).isEqualTo(1);
        assertThat(large.upper() - large.lower()).isLessThan(small.upper() - small.lower());
        assertThat(FunnelPlot.limits(Model.POISSON, 0.01, 10, FunnelPlot.Z998).lower()).isZero();
    }

    @Test
    @DisplayName("a ward is placed in its band: inside, beyond the 95% limits, or beyond the 99.8% limits")
    void bands() {
        // Site 20%, n = 100: 95% limits 12.2–27.8%, 99.8% limits 7.6–32.4%.
        assertThat(FunnelPlot.band(Model.BINOMIAL, 0.2, new Unit("A", 25, 100, false))).isEqualTo("inside");
        assertThat(FunnelPlot.band(Model.BINOMIAL, 0.2, new Unit("B", 30, 100, false))).isEqualTo("beyond-95");
        assertThat(FunnelPlot.band(Model.BINOMIAL, 0.2, new Unit("C", 35, 100, false))).isEqualTo("beyond-998");
    }

    @Test
    @DisplayName("the plot labels each ward, colours one beyond 99.8% by direction, and leaves out a suppressed ward")
    void plot() {
        List<Unit> units = List.of(new Unit("AMU", 25, 100, false), new Unit("W<12>", 35, 100, false),
                new Unit("ICU", 3, 40, true));
        String svg = FunnelPlot.render("funnel", "Charts with an error by ward", Model.BINOMIAL, 0.2, 100, "%",
                "charts audited", "decrease", units);

        assertThat(svg).contains("data-ward=\"AMU\"").contains(">AMU</text>");
        assertThat(svg).contains("data-ward=\"W&lt;12&gt;\"").doesNotContain("W<12>");
        assertThat(svg).contains("<circle class=\"ma-point ma-point--concern\"");
        assertThat(svg).doesNotContain("ICU").doesNotContain("7.5%");
        assertThat(svg).contains("1 ward is not plotted: too few to show outside the ward.");
        assertThat(svg.split("ma-funnel__limit--95").length - 1).isEqualTo(2);
        assertThat(svg.split("ma-funnel__limit--998").length - 1).isEqualTo(2);
    }
}
