package org.medaudit.report.chart;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medaudit.improvement.VariationIcon;
import org.medaudit.measure.Series;
import org.medaudit.measure.SmallNumbers;

/**
 * What a chart draws, independent of where it came from: one measure's points month by month in its own units, the
 * chart type, which direction is better, the target, and the annotations to mark.
 *
 * @param label what the chart shows, e.g. "Prescribing errors per 100 orders, AMU"
 * @param unit the y axis unit: {@code %} or e.g. {@code per 100 orders}
 * @param chart {@code run}, {@code p}, {@code u} or {@code xmr}; a run chart draws its median and no limits
 * @param improvement {@code increase}, {@code decrease} or {@code neutral}
 * @param target the target in the measure's units, or null
 */
public record ChartData(String label, String unit, String chart, String improvement, Double target,
        List<Point> points, List<Mark> annotations) {

    /** Whether a month's value can be drawn, and if not, why not. */
    public enum State {
        /** Audited, with a value. */
        CHARTED,
        /** No chart audited: a gap, never a zero. */
        NOT_AUDITED,
        /** Audited, but no chart was eligible for this measure (a denominator of 0). */
        NO_DENOMINATOR,
        /** Counts too small to show outside the ward, hidden by {@code Disclosure} ({@link SmallNumbers}). */
        SUPPRESSED
    }

    /** A month: its state, and for a charted month its value, centre line, limits, segment and signals. */
    public record Point(YearMonth period, State state, Long numerator, Long denominator, Double value, Double centre,
            Double lower, Double upper, Integer segment, List<String> signals) {

        public boolean charted() {
            return state == State.CHARTED && value != null;
        }

        /** Special cause by the measure's rules (a point beyond a limit, a shift, a trend, two of three). */
        public boolean specialCause() {
            return charted() && VariationIcon.specialCause(signals);
        }
    }

    /**
     * An annotation drawn on the chart: its number in the page's list, its kind (pdsa, change, data-issue, rebase,
     * note), its title, and the dates it covers ({@code end} null for a single day).
     */
    public record Mark(int number, String kind, String title, LocalDate start, LocalDate end) {
    }

    private static final Pattern PER = Pattern.compile("per \\d+ [a-z][a-z -]*[a-z]", Pattern.CASE_INSENSITIVE);

    /** A proportion shown as a percentage: its axis stops at 100. */
    public boolean percentage() {
        return "%".equals(unit);
    }

    /** A run chart: the median and no limits. */
    public boolean run() {
        return "run".equals(chart);
    }

    /**
     * A measure's series as a chart, as its reader may see it: a month whose counts {@code Disclosure} hid (they
     * could point at a patient) is left out and marked as such, every other month is charted.
     */
    public static ChartData of(Series series, String label, List<Mark> marks) {
        List<Point> points = series.points().stream().map(p -> {
            YearMonth period = YearMonth.parse(p.period());
            if (!p.audited()) {
                return new Point(period, State.NOT_AUDITED, null, null, null, null, null, null, null, List.of());
            }
            if (Boolean.TRUE.equals(p.suppressed()) && p.value() == null) {
                return new Point(period, State.SUPPRESSED, null, p.denominator(), null, null, null, null, null,
                        List.of());
            }
            if (p.value() == null) {
                return new Point(period, State.NO_DENOMINATOR, p.numerator(), p.denominator(), null, null, null,
                        null, null, List.of());
            }
            return new Point(period, State.CHARTED, p.numerator(), p.denominator(), p.value(), p.centre(), p.lower(),
                    p.upper(), p.segment(), p.signals() == null ? List.of() : p.signals());
        }).toList();
        return new ChartData(label, unit(series), series.chart(), series.improvement(), series.target(), points,
                marks);
    }

    /** The unit of a series: {@code %} for a proportion per 100, else "per 100 orders" as its title says it. */
    public static String unit(Series series) {
        if ("p".equals(series.chart()) && series.per() == 100) {
            return "%";
        }
        Matcher matcher = PER.matcher(series.title());
        return matcher.find() ? matcher.group().toLowerCase(java.util.Locale.ROOT) : "per " + series.per();
    }
}
