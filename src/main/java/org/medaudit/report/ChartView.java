package org.medaudit.report;

import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.medaudit.report.chart.ChartData;
import org.medaudit.report.chart.Svg;

/**
 * A chart as a page shows it: its SVG and, beside it, the same numbers as a table, so that the chart reads without
 * seeing it and prints with its data.
 *
 * @param anchor the id of the chart's section on the page
 * @param svg the rendered SVG (escaped where it holds text)
 * @param rows one row per month
 */
record ChartView(String anchor, String title, String kind, String unit, String svg, List<Row> rows) {

    /** A month in the table; every cell is text, blank where there is nothing to show. */
    record Row(String month, String state, String numerator, String denominator, String value, String centre,
            String limits, String signals, String notes) {
    }

    /** The chart kind in words, as a caption says it. */
    static String kind(String chart) {
        return switch (chart) {
            case "p" -> "p-chart (proportion; limits vary with each month's sample)";
            case "u" -> "u-chart (rate; limits vary with each month's sample)";
            case "xmr" -> "XmR chart (individuals; mean ± 2.66 × average moving range)";
            default -> "Run chart (median)";
        };
    }

    /** The table rows of a chart; {@code minimum} is the small-number threshold named for hidden months. */
    static List<Row> rows(ChartData data, int minimum) {
        return data.points().stream().map(p -> {
            String month = p.period().getMonth().getDisplayName(TextStyle.SHORT, Locale.UK) + " "
                    + p.period().getYear();
            String notes = data.annotations().stream()
                    .filter(mark -> covers(mark, p.period()))
                    .map(mark -> mark.number() + ". " + mark.title())
                    .collect(Collectors.joining("; "));
            return switch (p.state()) {
                case NOT_AUDITED -> new Row(month, "not audited", "", "", "", "", "", "", notes);
                case SUPPRESSED -> new Row(month, "fewer than " + minimum, "fewer than " + minimum,
                        text(p.denominator()), "", "", "", "", notes);
                case NO_DENOMINATOR -> new Row(month, "none eligible", text(p.numerator()), text(p.denominator()),
                        "", "", "", "", notes);
                default -> new Row(month, "", text(p.numerator()), text(p.denominator()), number(p.value()),
                        number(p.centre()), p.lower() == null || p.upper() == null || data.run() ? ""
                                : number(p.lower()) + " – " + number(p.upper()),
                        String.join(", ", p.signals()), notes);
            };
        }).toList();
    }

    private static boolean covers(ChartData.Mark mark, java.time.YearMonth period) {
        java.time.YearMonth start = java.time.YearMonth.from(mark.start());
        java.time.YearMonth end = java.time.YearMonth.from(mark.end() == null ? mark.start() : mark.end());
        return !period.isBefore(start) && !period.isAfter(end);
    }

    private static String text(Long count) {
        return count == null ? "" : count.toString();
    }

    static String number(Double value) {
        return value == null ? "" : Svg.number(value, 2);
    }
}
