package org.medaudit.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medaudit.report.chart.ChartData.Mark;
import org.medaudit.report.chart.ChartData.Point;
import org.medaudit.report.chart.ChartData.State;

/**
 * The chart renderer against hand-computed coordinates. The full layout is 760 wide with margins 58 and 20, so
 * four months get slots of 682 / 4 = 170.5 and points at x = 58 + (i + 0.5) × 170.5: 143.25, 313.75, 484.25,
 * 654.75. The values 2…20 give a y axis of 0 to 25 (8% room, then whole steps of 5) from y = 250 down to y = 34, so
 * y(v) = 250 − v × 216 / 25.
 */
class SpcChartTest {

    private static Point charted(String month, double value, double centre, double lower, double upper,
            int segment, String... signals) {
        return new Point(YearMonth.parse(month), State.CHARTED, 1L, 10L, value, centre, lower, upper, segment,
                List.of(signals));
    }

    private static Point notAudited(String month) {
        return new Point(YearMonth.parse(month), State.NOT_AUDITED, null, null, null, null, null, null, null,
                List.of());
    }

    private static final List<Point> FOUR_MONTHS = List.of(
            charted("2026-01", 10, 8, 2, 14, 0),
            notAudited("2026-02"),
            charted("2026-03", 20, 8, 2, 14, 0, "outside-limits"),
            charted("2026-04", 6, 8, 2, 14, 0));

    private static ChartData chart(List<Point> points, List<Mark> marks, String chart, String improvement) {
        return new ChartData("Errors per 100 orders, AMU", "per 100 orders", chart, improvement, null, points, marks);
    }

    private static String path(String svg, String cssClass) {
        Matcher m = Pattern.compile("<path class=\"" + Pattern.quote(cssClass) + "\" d=\"([^\"]*)\"").matcher(svg);
        assertThat(m.find()).as("a path of class " + cssClass).isTrue();
        return m.group(1);
    }

    @Test
    @DisplayName("points sit at their month's slot centre and at their value on the y scale")
    void coordinates() {
        SpcChart renderer = SpcChart.of(chart(FOUR_MONTHS, List.of(), "u", "decrease"), SpcChart.Layout.FULL);

        assertThat(renderer.x(0)).isEqualTo(143.25);
        assertThat(renderer.x(3)).isEqualTo(654.75);
        assertThat(renderer.yScale().domainMin()).isZero();
        assertThat(renderer.yScale().domainMax()).isEqualTo(25);
        assertThat(renderer.y(10)).isCloseTo(163.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(renderer.yScale().ticks(5)).containsExactly(0.0, 5.0, 10.0, 15.0, 20.0, 25.0);
    }

    @Test
    @DisplayName("a month not audited breaks the data line, is shaded and is labelled 'not audited' on the axis")
    void gapsBreakTheLine() {
        String svg = SpcChart.render(chart(FOUR_MONTHS, List.of(), "u", "decrease"), "c", SpcChart.Layout.FULL);

        // January alone, then a new move for March: nothing is drawn across February.
        assertThat(path(svg, "ma-line")).isEqualTo("M143.3 163.6 M484.3 77.2 L654.8 198.2");
        assertThat(svg).contains("<rect class=\"ma-gap ma-gap--not-audited\" x=\"228.5\"")
                .contains(">not audited</text>")
                .contains("<title>2026-02: not audited</title>");
        // The centre line and limits break at the gap too.
        assertThat(path(svg, "ma-centre")).isEqualTo("M58 180.9 H228.5 M399 180.9 H740");
        assertThat(path(svg, "ma-limit ma-limit--upper")).isEqualTo("M58 129 H228.5 M399 129 H740");
    }

    @Test
    @DisplayName("a special-cause point gets the signal class by the measure's better direction")
    void signalPoints() {
        String falling = SpcChart.render(chart(FOUR_MONTHS, List.of(), "u", "decrease"), "c", SpcChart.Layout.FULL);
        String rising = SpcChart.render(chart(FOUR_MONTHS, List.of(), "u", "increase"), "c", SpcChart.Layout.FULL);

        // 20 is above the centre line: worse when lower is better, better when higher is better.
        assertThat(falling).contains("<circle class=\"ma-point ma-point--concern\" cx=\"484.3\" cy=\"77.2\"");
        assertThat(rising).contains("<circle class=\"ma-point ma-point--improvement\" cx=\"484.3\" cy=\"77.2\"");
        assertThat(falling).contains("<circle class=\"ma-point\" cx=\"143.3\" cy=\"163.6\"");
        assertThat(falling.split("ma-point--").length - 1).isEqualTo(1);
    }

    @Test
    @DisplayName("an annotation is drawn at its date, numbered as in the page's list, with its title escaped")
    void annotationsAtTheirDates() {
        // 16 March: slot 2, 15/31 of the way through it: 58 + (2 + 15/31) × 170.5 = 481.5.
        Mark event = new Mark(3, "change", "New <rota> & \"board\"", LocalDate.of(2026, 3, 16), null);
        // A PDSA cycle from 1 January to 31 January covers exactly January's slot: 58 to 228.5.
        Mark cycle = new Mark(1, "pdsa", "Pharmacist on the ward round", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 31));
        String svg = SpcChart.render(chart(FOUR_MONTHS, List.of(cycle, event), "u", "decrease"), "c",
                SpcChart.Layout.FULL);

        assertThat(svg).contains("<line class=\"ma-annotation-line ma-annotation--change\" x1=\"481.5\" x2=\"481.5\"");
        assertThat(svg).contains("<rect class=\"ma-annotation-band ma-annotation--pdsa\" x=\"58\" y=\"34\" "
                + "width=\"170.5\"");
        assertThat(svg).contains("data-annotation=\"3\"").contains(">3</text>").contains("data-annotation=\"1\"");
        assertThat(svg).contains("New &lt;rota&gt; &amp; &quot;board&quot;").doesNotContain("<rota>");
    }

    @Test
    @DisplayName("annotations wholly outside the months shown are left off the chart")
    void annotationsOutsideTheRange() {
        Mark before = new Mark(1, "pdsa", "Old cycle", LocalDate.of(2025, 6, 1), LocalDate.of(2025, 7, 1));
        String svg = SpcChart.render(chart(FOUR_MONTHS, List.of(before), "u", "decrease"), "c", SpcChart.Layout.FULL);

        assertThat(svg).doesNotContain("data-annotation=").doesNotContain("Old cycle");
    }

    @Test
    @DisplayName("a rebase restarts the centre line and limits at the new segment")
    void rebaseSegments() {
        List<Point> points = List.of(
                charted("2026-01", 10, 8, 2, 14, 0),
                charted("2026-02", 9, 8, 2, 14, 0),
                charted("2026-03", 4, 5, 1, 9, 1),
                charted("2026-04", 5, 5, 1, 9, 1));
        String svg = SpcChart.render(chart(points, List.of(), "u", "decrease"), "c", SpcChart.Layout.FULL);

        String centre = path(svg, "ma-centre");
        assertThat(centre.split("M").length - 1).as("two segments: " + centre).isEqualTo(2);
        assertThat(svg).contains("<line class=\"ma-rebase\" x1=\"399\" x2=\"399\"");
    }

    @Test
    @DisplayName("a run chart draws its median and no limits")
    void runChart() {
        String svg = SpcChart.render(chart(FOUR_MONTHS, List.of(), "run", "decrease"), "c", SpcChart.Layout.FULL);

        assertThat(path(svg, "ma-limit ma-limit--upper")).isEmpty();
        assertThat(path(svg, "ma-limit ma-limit--lower")).isEmpty();
        assertThat(path(svg, "ma-centre")).isNotEmpty();
        assertThat(svg).contains("Run chart of 4 months").contains("median 8");
    }

    @Test
    @DisplayName("the chart is an accessible image: role, label, title and a description with the latest figures")
    void accessible() {
        String svg = SpcChart.render(chart(FOUR_MONTHS, List.of(), "u", "decrease"), "prescribing", SpcChart.Layout.FULL);

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 760 300\"")
                .contains("role=\"img\" aria-label=\"Errors per 100 orders, AMU\"")
                .contains("aria-describedby=\"prescribing-desc\"")
                .contains("<title>Errors per 100 orders, AMU</title>")
                .contains("Latest month charted 2026-04: 6 per 100 orders; centre line 8 per 100 orders; limits 2 per 100 "
                        + "orders to 14 per 100 orders.")
                .contains("1 point shows special-cause variation. 1 month not audited.")
                .doesNotContain("style=");
    }

    @Test
    @DisplayName("a suppressed month is a gap, and its value appears nowhere in the chart")
    void suppressedMonths() {
        List<Point> points = List.of(
                charted("2026-01", 10, 8, 2, 14, 0),
                new Point(YearMonth.parse("2026-02"), State.SUPPRESSED, null, 40L, null, null, null, null, null,
                        List.of()),
                charted("2026-03", 12, 8, 2, 14, 0));
        String svg = SpcChart.render(chart(points, List.of(), "u", "decrease"), "c", SpcChart.Layout.COMPACT);

        assertThat(svg).contains("ma-gap--suppressed").contains("too few to show");
        assertThat(path(svg, "ma-line").split("M").length - 1).isEqualTo(2);
    }
}
