package org.medaudit.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medaudit.report.chart.Paths.XY;

/** The building blocks of the charts: scales, ticks, broken lines, stepped limits and escaping. */
class ScaleAndPathsTest {

    @Test
    @DisplayName("a scale maps its domain onto its range, downwards for a y axis")
    void mapping() {
        Scale y = new Scale(0, 25, 250, 34);
        assertThat(y.map(0)).isEqualTo(250);
        assertThat(y.map(25)).isEqualTo(34);
        assertThat(y.map(12.5)).isEqualTo(142);
    }

    @Test
    @DisplayName("nice scales end on whole ticks of 1, 2, 2.5 or 5 times a power of ten, within floor and ceiling")
    void niceTicks() {
        assertThat(Scale.nice(2, 20, 0, 1e9, 5, 0, 1).ticks(5)).containsExactly(0.0, 5.0, 10.0, 15.0, 20.0, 25.0);
        assertThat(Scale.nice(0.3, 1.7, 0, 1e9, 5, 0, 1).ticks(5)).containsExactly(0.0, 0.5, 1.0, 1.5, 2.0);
        Scale percent = Scale.nice(88, 99, 0, 100, 5, 0, 1);
        assertThat(percent.domainMax()).isEqualTo(100);
        assertThat(percent.domainMin()).isEqualTo(85);
    }

    @Test
    @DisplayName("a flat series still gets an axis with room around its value")
    void flat() {
        Scale scale = Scale.nice(0, 0, 0, 1e9, 5, 0, 1);
        assertThat(scale.domainMin()).isZero();
        assertThat(scale.domainMax()).isPositive();
    }

    @Test
    @DisplayName("a line is broken at each null and restarts with a move")
    void brokenLine() {
        assertThat(Paths.line(Arrays.asList(new XY(1, 2), new XY(3, 4), null, new XY(5, 6), new XY(7, 8.25))))
                .isEqualTo("M1 2 L3 4 M5 6 L7 8.3");
        assertThat(Paths.line(Arrays.asList(null, null))).isEmpty();
    }

    @Test
    @DisplayName("a stepped line is level across each slot, vertical between slots, and broken at nulls")
    void steps() {
        assertThat(Paths.steps(Arrays.asList(new XY(10, 5), new XY(30, 5), new XY(50, 7), null, new XY(90, 7)), 10))
                .isEqualTo("M0 5 H40 V7 H60 M80 7 H100");
    }

    @Test
    @DisplayName("text is escaped for XML and numbers are written short, whatever the locale")
    void escaping() {
        assertThat(Svg.escape("<script>\"a\" & 'b'</script>"))
                .isEqualTo("&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;");
        assertThat(Svg.escape("bell\u0007")).isEqualTo("bell");
        assertThat(Svg.num(12.0)).isEqualTo("12");
        assertThat(Svg.num(-0.04)).isEqualTo("0");
        assertThat(Svg.number(7.456, 2)).isEqualTo("7.46");
        assertThat(Svg.number(100, 2)).isEqualTo("100");
    }
}
