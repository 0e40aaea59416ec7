package org.medaudit.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medaudit.improvement.Annotation;
import org.medaudit.improvement.Rebase;
import org.medaudit.system.WeekRange;

/** Months and ISO weeks as series take them: the weekly target, annotations on weeks, rebases, thin series. */
class PeriodsTest {

    static final Periods WEEKS = Periods.weeks(new WeekRange(LocalDate.parse("2026-08-03"),
            LocalDate.parse("2026-08-24")));

    @Test
    @DisplayName("a week's target is the monthly target × 12 / 52 to the nearest chart: 20 → 5, 8 → 2, 140 → 32, never 0")
    void weeklyShareOfTheTarget() {
        assertThat(Periods.Kind.MONTH.target(20)).isEqualTo(20);
        assertThat(Periods.Kind.WEEK.target(20)).isEqualTo(5); // 4.62
        assertThat(Periods.Kind.WEEK.target(8)).isEqualTo(2); // 1.85
        assertThat(Periods.Kind.WEEK.target(140)).isEqualTo(32); // 7 wards: 32.3, not 7 × 5
        assertThat(Periods.Kind.WEEK.target(1)).isEqualTo(1); // 0.23
    }

    @Test
    @DisplayName("an annotation is on the weeks its dates meet; one without an end date on its start week only")
    void annotationsOnWeeks() {
        assertThat(WEEKS.labels()).containsExactly("2026-W32", "2026-W33", "2026-W34", "2026-W35");
        Annotation cycle = annotation(Annotation.PDSA, "2026-08-16", "2026-08-17"); // Sunday of W33, Monday of W34
        Annotation note = annotation(Annotation.NOTE, "2026-08-09", null); // Sunday of W32

        assertThat(WEEKS.labels()).filteredOn(week -> WEEKS.covers(cycle, week))
                .containsExactly("2026-W33", "2026-W34");
        assertThat(WEEKS.labels()).filteredOn(week -> WEEKS.covers(note, week)).containsExactly("2026-W32");
    }

    @Test
    @DisplayName("a rebase starts its new baseline in the week of its start date, with its reason")
    void rebaseInItsWeek() {
        Annotation rebase = new Annotation(1L, 1, "prescribing-errors-per-100-orders", Annotation.REBASE,
                "New baseline", "Electronic prescribing went live", LocalDate.parse("2026-08-12"), null, null, null,
                "test", Instant.EPOCH);

        assertThat(WEEKS.rebase(rebase, "prescribing-errors-per-100-orders"))
                .contains(new Rebase("2026-W33", "Electronic prescribing went live"));
        assertThat(new Periods(Periods.Kind.MONTH, List.of("2026-08")).rebase(rebase,
                "prescribing-errors-per-100-orders")).contains(new Rebase("2026-08", "Electronic prescribing went live"));
    }

    @Test
    @DisplayName("a series is too thin when the median audited period has fewer charts than the minimum; gaps do not count")
    void thinSeries() {
        List<Series.Point> points = List.of(point(true, 4), point(false, 0), point(true, 12), point(true, 9),
                point(false, 0));

        // Audited: 4, 9, 12 → median 9, under 10; the two gaps would have pulled it to 4.
        assertThat(RateCalculator.sampleNote(points, Periods.Kind.WEEK, 10)).startsWith(
                "Too few charts per week for a meaningful chart: a median of 9 charts in an audited week, under the "
                        + "10 a point needs. Read the monthly series instead.");
        assertThat(RateCalculator.sampleNote(points, Periods.Kind.MONTH, 9)).isNull();
        assertThat(RateCalculator.sampleNote(List.of(point(false, 0)), Periods.Kind.WEEK, 10)).isNull();
    }

    private static Series.Point point(boolean audited, long charts) {
        return new Series.Point("2026-W32", audited, null, null, null, null, null, null, null, null, List.of(),
                charts, 5, null, null);
    }

    private static Annotation annotation(String kind, String start, String end) {
        return new Annotation(1L, 1, null, kind, "Title", null, LocalDate.parse(start),
                end == null ? null : LocalDate.parse(end), null, null, "test", Instant.EPOCH);
    }
}
