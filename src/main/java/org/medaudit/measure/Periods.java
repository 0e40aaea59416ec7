package org.medaudit.measure;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medaudit.improvement.Annotation;
import org.medaudit.improvement.Rebase;
import org.medaudit.system.WeekRange;

/**
 * The periods a series is drawn over: calendar months ({@code YYYY-MM}, the default) or ISO weeks
 * ({@code YYYY-Www}, Monday to Sunday), each counted from the samples' audit dates through its own stored column.
 *
 * @param kind months or weeks
 * @param labels every period shown, in order
 */
public record Periods(Kind kind, List<String> labels) {

    /** Months or weeks: the column samples are grouped by and the share of the monthly target sample. */
    public enum Kind {
        MONTH("month", "period"), WEEK("week", "week");

        private final String code;
        private final String column;

        Kind(String code, String column) {
            this.code = code;
            this.column = column;
        }

        /** As the {@code period} query parameter and the rates' JSON name it. */
        public String code() {
            return code;
        }

        /** The chart_sample column holding each sample's period of this kind. */
        String column() {
            return column;
        }

        /**
         * The target sample for one period of this kind, given the target per month: a week's share is
         * {@code monthly × 12 / 52}, rounded to the nearest chart (20 a month gives 4.6, so 5 a week), never under 1.
         */
        public long target(long monthlyTarget) {
            return this == MONTH ? monthlyTarget : Math.max(1, Math.round(monthlyTarget * 12.0 / 52.0));
        }
    }

    public Periods {
        labels = List.copyOf(labels);
    }

    public static Periods months(YearMonth from, YearMonth to) {
        List<String> labels = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            labels.add(month.toString());
        }
        return new Periods(Kind.MONTH, labels);
    }

    public static Periods weeks(WeekRange range) {
        return new Periods(Kind.WEEK, range.labels());
    }

    public String first() {
        return labels.get(0);
    }

    public String last() {
        return labels.get(labels.size() - 1);
    }

    /**
     * The annotation covers this period: for a month, as {@link Annotation#covers}; for a week, when its dates
     * (its start day alone when it has no end) meet the week's Monday to Sunday.
     */
    boolean covers(Annotation annotation, String label) {
        if (kind == Kind.MONTH) {
            return annotation.covers(label);
        }
        LocalDate monday = WeekRange.monday(label);
        LocalDate end = annotation.endDate() == null ? annotation.startDate() : annotation.endDate();
        return !annotation.startDate().isAfter(monday.with(DayOfWeek.SUNDAY)) && !end.isBefore(monday);
    }

    /** The rebase the annotation makes on this measure's chart, at the period its start date falls in. */
    Optional<Rebase> rebase(Annotation annotation, String measure) {
        return annotation.rebaseOf(measure).map(rebase -> kind == Kind.MONTH ? rebase
                : new Rebase(WeekRange.label(annotation.startDate()), rebase.reason()));
    }
}
