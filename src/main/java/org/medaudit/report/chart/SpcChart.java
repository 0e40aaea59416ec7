package org.medaudit.report.chart;

import static org.medaudit.report.chart.Svg.escape;
import static org.medaudit.report.chart.Svg.num;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.medaudit.report.chart.ChartData.Mark;
import org.medaudit.report.chart.ChartData.Point;
import org.medaudit.report.chart.ChartData.State;
import org.medaudit.report.chart.Paths.XY;

/**
 * Draws a run or control chart as SVG text, in the style of NHS England's Making Data Count: the data line with its
 * points, the centre line solid, the process limits dashed, the target, special-cause points in orange (concern)
 * or blue (improvement) by the measure's better direction, gaps for months not audited (labelled on the axis),
 * limits that restart at each rebased segment, and annotations as numbered markers or bands at their dates.
 *
 * <p>Colours and line styles come from CSS classes ({@code ma-…} in medaudit.css), so the chart prints and the
 * page's Content-Security-Policy needs no inline style. Every text is escaped. The chart is an image with a title
 * and description for screen readers; the page puts its data table beside it.
 */
public final class SpcChart {

    /** The size and margins of a chart in SVG units; compact charts (small multiples) carry fewer labels. */
    public record Layout(int width, int height, int left, int right, int top, int bottom, boolean compact) {

        /** A ward page chart. */
        public static final Layout FULL = new Layout(760, 300, 58, 20, 34, 50, false);
        /** A small multiple on the site page. */
        public static final Layout COMPACT = new Layout(300, 130, 38, 10, 10, 22, true);

        double plotWidth() {
            return width - left - right;
        }

        double plotBottom() {
            return height - bottom;
        }
    }

    private static final double LABEL_RADIUS = 8;

    private final ChartData data;
    private final Layout layout;
    private final double slot;
    private final Scale y;

    private SpcChart(ChartData data, Layout layout) {
        this.data = data;
        this.layout = layout;
        this.slot = layout.plotWidth() / Math.max(1, data.points().size());
        this.y = yScale(data, layout);
    }

    /** The chart as an {@code <svg>} element; {@code id} prefixes the ids of its title and description. */
    public static String render(ChartData data, String id, Layout layout) {
        return new SpcChart(data, layout).svg(id);
    }

    /** The renderer itself, for tests of its geometry. */
    static SpcChart of(ChartData data, Layout layout) {
        return new SpcChart(data, layout);
    }

    /** The x of a month's slot centre, where its point is drawn. */
    double x(int index) {
        return layout.left() + (index + 0.5) * slot;
    }

    /** The x of a date: its month's slot, and within it by the day of the month. */
    double x(LocalDate date) {
        YearMonth first = data.points().get(0).period();
        long month = ChronoUnit.MONTHS.between(first, YearMonth.from(date));
        double within = (date.getDayOfMonth() - 1) / (double) date.lengthOfMonth();
        return layout.left() + (month + within) * slot;
    }

    double y(double value) {
        return y.map(value);
    }

    Scale yScale() {
        return y;
    }

    private static Scale yScale(ChartData data, Layout layout) {
        List<Double> values = data.points().stream().filter(Point::charted)
                .flatMap(p -> Stream.of(p.value(), p.centre(), p.lower(), p.upper()))
                .filter(v -> v != null && !v.isNaN()).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        if (data.target() != null) {
            values.add(data.target());
        }
        double ceiling = data.percentage() ? 100 : Double.MAX_VALUE;
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(data.percentage() ? 100 : 10);
        return Scale.nice(min, max, 0, ceiling, layout.compact() ? 3 : 5, layout.plotBottom(), layout.top());
    }

    private String svg(String id) {
        String safeId = escape(id);
        StringBuilder out = new StringBuilder(8192);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(layout.width()).append(' ')
                .append(layout.height()).append("\" class=\"ma-chart").append(layout.compact() ? " ma-chart--compact" : "")
                .append("\" role=\"img\" aria-label=\"").append(escape(data.label())).append("\" aria-describedby=\"")
                .append(safeId).append("-desc\">");
        out.append("<title>").append(escape(data.label())).append("</title>");
        out.append("<desc id=\"").append(safeId).append("-desc\">").append(escape(description())).append("</desc>");
        gaps(out);
        annotationShapes(out);
        yAxis(out);
        xAxis(out);
        limitsAndCentre(out);
        target(out);
        out.append("<path class=\"ma-line\" d=\"").append(Paths.line(dataLine())).append("\"/>");
        points(out);
        annotationLabels(out);
        out.append("</svg>");
        return out.toString();
    }

    /** What a screen reader hears: the latest value, centre and limits, signals, and months not audited. */
    String description() {
        List<Point> points = data.points();
        long notAudited = points.stream().filter(p -> p.state() == State.NOT_AUDITED).count();
        long suppressed = points.stream().filter(p -> p.state() == State.SUPPRESSED).count();
        long signals = points.stream().filter(Point::specialCause).count();
        StringBuilder text = new StringBuilder();
        text.append(data.run() ? "Run chart" : data.chart().toUpperCase(Locale.ROOT) + " chart").append(" of ")
                .append(points.size()).append(" months, ")
                .append(points.get(0).period()).append(" to ").append(points.get(points.size() - 1).period())
                .append(", in ").append(data.unit()).append(". ");
        points.stream().filter(Point::charted).reduce((a, b) -> b).ifPresentOrElse(last -> {
            text.append("Latest month charted ").append(last.period()).append(": ").append(value(last.value()));
            if (last.centre() != null) {
                text.append("; ").append(data.run() ? "median " : "centre line ").append(value(last.centre()));
            }
            if (last.lower() != null && last.upper() != null) {
                text.append("; limits ").append(value(last.lower())).append(" to ").append(value(last.upper()));
            }
            text.append(". ");
        }, () -> text.append("No month could be charted. "));
        text.append(signals).append(signals == 1 ? " point shows" : " points show").append(" special-cause variation. ");
        if (notAudited > 0) {
            text.append(notAudited).append(notAudited == 1 ? " month" : " months").append(" not audited. ");
        }
        if (suppressed > 0) {
            text.append(suppressed).append(suppressed == 1 ? " month" : " months")
                    .append(" not shown: too few to show outside the ward. ");
        }
        if (data.target() != null) {
            text.append("Target ").append(value(data.target())).append(". ");
        }
        if (!data.annotations().isEmpty()) {
            text.append(data.annotations().size()).append(" annotations marked. ");
        }
        return text.toString().strip();
    }

    private String value(double v) {
        return Svg.number(v, 2) + (data.percentage() ? "%" : " " + data.unit());
    }

    /** Months not audited: a shaded slot, labelled along the axis. */
    private void gaps(StringBuilder out) {
        List<Point> points = data.points();
        out.append("<g class=\"ma-gaps\">");
        for (int i = 0; i < points.size(); i++) {
            State state = points.get(i).state();
            if (state == State.CHARTED) {
                continue;
            }
            String kind = switch (state) {
                case NOT_AUDITED -> "not-audited";
                case SUPPRESSED -> "suppressed";
                default -> "no-denominator";
            };
            double left = x(i) - slot / 2;
            out.append("<rect class=\"ma-gap ma-gap--").append(kind).append("\" x=\"").append(num(left))
                    .append("\" y=\"").append(num(layout.top())).append("\" width=\"").append(num(slot))
                    .append("\" height=\"").append(num(layout.plotBottom() - layout.top())).append("\"><title>")
                    .append(points.get(i).period()).append(": ").append(gapText(state)).append("</title></rect>");
            if (!layout.compact() && slot >= 11) {
                double tx = x(i) + 3.5;
                double ty = layout.plotBottom() - 4;
                out.append("<text class=\"ma-gap__label\" x=\"").append(num(tx)).append("\" y=\"").append(num(ty))
                        .append("\" transform=\"rotate(-90 ").append(num(tx)).append(' ').append(num(ty))
                        .append(")\">").append(gapText(state)).append("</text>");
            }
        }
        out.append("</g>");
    }

    private static String gapText(State state) {
        return switch (state) {
            case NOT_AUDITED -> "not audited";
            case SUPPRESSED -> "too few to show";
            default -> "none eligible";
        };
    }

    private void yAxis(StringBuilder out) {
        out.append("<g class=\"ma-axis ma-axis--y\">");
        for (double tick : y.ticks(layout.compact() ? 3 : 5)) {
            double ty = y(tick);
            out.append("<line class=\"ma-grid\" x1=\"").append(num(layout.left())).append("\" x2=\"")
                    .append(num(layout.width() - layout.right())).append("\" y1=\"").append(num(ty))
                    .append("\" y2=\"").append(num(ty)).append("\"/>");
            out.append("<text class=\"ma-tick-label\" x=\"").append(num(layout.left() - 5)).append("\" y=\"")
                    .append(num(ty + 3.5)).append("\" text-anchor=\"end\">").append(Svg.number(tick, 2))
                    .append(data.percentage() ? "%" : "").append("</text>");
        }
        if (!layout.compact()) {
            double cy = (layout.top() + layout.plotBottom()) / 2;
            out.append("<text class=\"ma-axis-label\" x=\"14\" y=\"").append(num(cy))
                    .append("\" text-anchor=\"middle\" transform=\"rotate(-90 14 ").append(num(cy)).append(")\">")
                    .append(escape(data.percentage() ? "Per cent" : data.unit().substring(0, 1).toUpperCase(Locale.ROOT)
                            + data.unit().substring(1)))
                    .append("</text>");
        }
        out.append("</g>");
    }

    /** The month axis: a tick per month, month names where they fit, and the year under each January. */
    private void xAxis(StringBuilder out) {
        List<Point> points = data.points();
        double base = layout.plotBottom();
        out.append("<g class=\"ma-axis ma-axis--x\">");
        out.append("<line class=\"ma-axis-line\" x1=\"").append(num(layout.left())).append("\" x2=\"")
                .append(num(layout.width() - layout.right())).append("\" y1=\"").append(num(base)).append("\" y2=\"")
                .append(num(base)).append("\"/>");
        if (layout.compact()) {
            YearMonth first = points.get(0).period();
            YearMonth last = points.get(points.size() - 1).period();
            out.append("<text class=\"ma-tick-label\" x=\"").append(num(layout.left())).append("\" y=\"")
                    .append(num(base + 14)).append("\">").append(monthYear(first)).append("</text>");
            out.append("<text class=\"ma-tick-label\" x=\"").append(num(layout.width() - layout.right()))
                    .append("\" y=\"").append(num(base + 14)).append("\" text-anchor=\"end\">")
                    .append(monthYear(last)).append("</text>");
            out.append("</g>");
            return;
        }
        // Month names every so many months, counted from January so that the labels line up year on year.
        int every = Math.max(1, (int) Math.ceil(30 / slot));
        while (12 % every != 0) {
            every++;
        }
        boolean yearShown = false;
        for (int i = 0; i < points.size(); i++) {
            YearMonth period = points.get(i).period();
            double tx = x(i);
            out.append("<line class=\"ma-tick\" x1=\"").append(num(tx)).append("\" x2=\"").append(num(tx))
                    .append("\" y1=\"").append(num(base)).append("\" y2=\"").append(num(base + 4)).append("\"/>");
            if ((period.getMonthValue() - 1) % every != 0) {
                continue;
            }
            out.append("<text class=\"ma-tick-label\" x=\"").append(num(tx)).append("\" y=\"")
                    .append(num(base + 16)).append("\" text-anchor=\"middle\">")
                    .append(period.getMonth().getDisplayName(TextStyle.SHORT, Locale.UK)).append("</text>");
            // The year under each January, and under the first label when the first January is far off.
            boolean januarySoon = period.getMonthValue() != 1 && 13 - period.getMonthValue() <= every;
            if (period.getMonthValue() == 1 || !yearShown && !januarySoon) {
                out.append("<text class=\"ma-tick-label ma-tick-label--year\" x=\"").append(num(tx))
                        .append("\" y=\"").append(num(base + 30)).append("\" text-anchor=\"middle\">")
                        .append(period.getYear()).append("</text>");
            }
            yearShown = true;
        }
        out.append("</g>");
    }

    private static String monthYear(YearMonth period) {
        return period.getMonth().getDisplayName(TextStyle.SHORT, Locale.UK) + " " + period.getYear();
    }

    /** Centre line and limits, stepped per month, broken at gaps and where a rebase starts a new segment. */
    private void limitsAndCentre(StringBuilder out) {
        List<XY> centre = new ArrayList<>();
        List<XY> lower = new ArrayList<>();
        List<XY> upper = new ArrayList<>();
        Integer segment = null;
        List<Double> rebases = new ArrayList<>();
        List<Point> points = data.points();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (!p.charted()) {
                centre.add(null);
                lower.add(null);
                upper.add(null);
                continue;
            }
            if (segment != null && p.segment() != null && !segment.equals(p.segment())) {
                centre.add(null);
                lower.add(null);
                upper.add(null);
                rebases.add(x(i) - slot / 2);
            }
            segment = p.segment();
            centre.add(p.centre() == null ? null : new XY(x(i), y(p.centre())));
            lower.add(p.lower() == null || data.run() ? null : new XY(x(i), y(p.lower())));
            upper.add(p.upper() == null || data.run() ? null : new XY(x(i), y(p.upper())));
        }
        for (double rx : rebases) {
            out.append("<line class=\"ma-rebase\" x1=\"").append(num(rx)).append("\" x2=\"").append(num(rx))
                    .append("\" y1=\"").append(num(layout.top())).append("\" y2=\"").append(num(layout.plotBottom()))
                    .append("\"><title>New baseline: limits recalculated from here</title></line>");
        }
        out.append("<path class=\"ma-limit ma-limit--upper\" d=\"").append(Paths.steps(upper, slot / 2))
                .append("\"/>");
        out.append("<path class=\"ma-limit ma-limit--lower\" d=\"").append(Paths.steps(lower, slot / 2))
                .append("\"/>");
        out.append("<path class=\"ma-centre\" d=\"").append(Paths.steps(centre, slot / 2)).append("\"/>");
    }

    private void target(StringBuilder out) {
        if (data.target() == null) {
            return;
        }
        double ty = y(data.target());
        out.append("<line class=\"ma-target\" x1=\"").append(num(layout.left())).append("\" x2=\"")
                .append(num(layout.width() - layout.right())).append("\" y1=\"").append(num(ty)).append("\" y2=\"")
                .append(num(ty)).append("\"><title>Target ").append(escape(value(data.target())))
                .append("</title></line>");
        if (!layout.compact()) {
            out.append("<text class=\"ma-target__label\" x=\"").append(num(layout.width() - layout.right() - 2))
                    .append("\" y=\"").append(num(ty - 4)).append("\" text-anchor=\"end\">Target ")
                    .append(escape(value(data.target()))).append("</text>");
        }
    }

    /** The data line through the charted months, null where a month cannot be drawn. */
    List<XY> dataLine() {
        List<XY> line = new ArrayList<>();
        List<Point> points = data.points();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            line.add(p.charted() ? new XY(x(i), y(p.value())) : null);
        }
        return line;
    }

    private void points(StringBuilder out) {
        List<Point> points = data.points();
        out.append("<g class=\"ma-points\">");
        Double previous = null;
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (!p.charted()) {
                continue;
            }
            String kind = signalKind(p, previous);
            previous = p.value();
            out.append("<circle class=\"ma-point").append(kind == null ? "" : " ma-point--" + kind)
                    .append("\" cx=\"").append(num(x(i))).append("\" cy=\"").append(num(y(p.value())))
                    .append("\" r=\"").append(kind == null ? (layout.compact() ? "2.2" : "3.2")
                            : (layout.compact() ? "3.2" : "5"))
                    .append("\"><title>").append(escape(pointTitle(p, kind))).append("</title></circle>");
        }
        out.append("</g>");
    }

    private String pointTitle(Point p, String kind) {
        StringBuilder text = new StringBuilder().append(monthYear(p.period())).append(": ").append(value(p.value()));
        if (p.numerator() != null && p.denominator() != null) {
            text.append(" (").append(p.numerator()).append(" of ").append(p.denominator()).append(')');
        }
        if (kind != null) {
            text.append("; special cause ").append(kind).append(": ").append(String.join(", ", p.signals()));
        }
        return text.toString();
    }

    /**
     * {@code concern}, {@code improvement} or {@code neutral} for a special-cause point, by its side of the centre
     * line and the measure's better direction (a point on the line, flagged by a trend, by the way the trend went);
     * null for common cause.
     */
    String signalKind(Point p, Double previous) {
        if (!p.specialCause()) {
            return null;
        }
        double side = p.centre() == null ? 0 : Math.signum(p.value() - p.centre());
        if (side == 0 && previous != null) {
            side = Math.signum(p.value() - previous);
        }
        return switch (data.improvement()) {
            case "increase" -> side > 0 ? "improvement" : "concern";
            case "decrease" -> side > 0 ? "concern" : "improvement";
            default -> "neutral";
        };
    }

    /** Bands for annotations with a span (a PDSA cycle), dashed lines for single dates, clipped to the range. */
    private void annotationShapes(StringBuilder out) {
        out.append("<g class=\"ma-annotations\">");
        for (Mark mark : data.annotations()) {
            double[] span = span(mark);
            if (span == null) {
                continue;
            }
            String kind = " ma-annotation--" + kindClass(mark.kind());
            if (span[1] - span[0] > 1) {
                out.append("<rect class=\"ma-annotation-band").append(kind).append("\" x=\"").append(num(span[0]))
                        .append("\" y=\"").append(num(layout.top())).append("\" width=\"")
                        .append(num(span[1] - span[0])).append("\" height=\"")
                        .append(num(layout.plotBottom() - layout.top())).append("\"/>");
            }
            out.append("<line class=\"ma-annotation-line").append(kind).append("\" x1=\"").append(num(span[0]))
                    .append("\" x2=\"").append(num(span[0])).append("\" y1=\"").append(num(layout.top()))
                    .append("\" y2=\"").append(num(layout.plotBottom())).append("\"/>");
        }
        out.append("</g>");
    }

    /** Numbered circles above the plot at each annotation's start, moved apart where they would overlap. */
    private void annotationLabels(StringBuilder out) {
        if (layout.compact()) {
            return;
        }
        out.append("<g class=\"ma-annotation-labels\">");
        List<Double> placed = new ArrayList<>();
        for (Mark mark : data.annotations()) {
            double[] span = span(mark);
            if (span == null) {
                continue;
            }
            double cx = Math.max(layout.left() + LABEL_RADIUS, span[0]);
            while (true) {
                double at = cx;
                if (placed.stream().noneMatch(p -> Math.abs(p - at) < 2 * LABEL_RADIUS + 1)) {
                    break;
                }
                cx += 2 * LABEL_RADIUS + 1;
            }
            placed.add(cx);
            double cy = layout.top() - LABEL_RADIUS - 4;
            out.append("<g class=\"ma-annotation-label ma-annotation--").append(kindClass(mark.kind()))
                    .append("\" data-annotation=\"").append(mark.number()).append("\"><title>")
                    .append(mark.number()).append(": ").append(escape(mark.title())).append(" (")
                    .append(mark.start()).append(mark.end() == null ? "" : " to " + mark.end()).append(")</title>")
                    .append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"")
                    .append(num(LABEL_RADIUS)).append("\"/><text x=\"").append(num(cx)).append("\" y=\"")
                    .append(num(cy + 3.5)).append("\" text-anchor=\"middle\">").append(mark.number())
                    .append("</text></g>");
        }
        out.append("</g>");
    }

    /** The x range an annotation covers within the chart, or null when it lies wholly outside. */
    double[] span(Mark mark) {
        LocalDate first = data.points().get(0).period().atDay(1);
        LocalDate last = data.points().get(data.points().size() - 1).period().atEndOfMonth();
        LocalDate end = mark.end() == null ? mark.start() : mark.end();
        if (end.isBefore(first) || mark.start().isAfter(last)) {
            return null;
        }
        double from = mark.start().isBefore(first) ? layout.left() : x(mark.start());
        double to = end.isAfter(last) ? layout.width() - layout.right() : x(end.plusDays(1));
        return new double[] {from, mark.end() == null ? from : to};
    }

    /** A kind as a CSS class suffix: letters and hyphens only, whatever was stored. */
    static String kindClass(String kind) {
        String clean = kind == null ? "" : kind.toLowerCase(Locale.ROOT).replaceAll("[^a-z-]", "");
        return clean.isEmpty() ? "note" : clean;
    }
}
