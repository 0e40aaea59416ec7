package org.medaudit.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medaudit.improvement.Annotation;
import org.medaudit.improvement.AnnotationMark;

/**
 * A measure's series from raw counts, without a database: frozen baselines over the whole history, rebases from
 * annotations, icons, suggested rebases and completeness.
 *
 * <p>The history: prescribing errors per 100 orders (u chart, lower is better), 100 orders a month. 2025: 8, 12,
 * 8, 12, … errors (ū = 120 / 1200 = 0.10). 2026-01 to 2026-07: 5 errors a month.
 */
class RateSeriesTest {

    static final MeasureDefinition ERRORS = MeasureCatalogue.load(Path.of("audit-forms/measures")).stream()
            .filter(m -> m.id().equals("prescribing-errors-per-100-orders")).findFirst().orElseThrow();
    static final MeasureDefinition RECONCILED = MeasureCatalogue.load(Path.of("audit-forms/measures")).stream()
            .filter(m -> m.id().equals("reconciled-within-24h")).findFirst().orElseThrow();

    static final Map<String, WardPeriodCounts> HISTORY = history();
    static final List<String> SHOWN = months("2026-01", "2026-07");

    @Test
    @DisplayName("limits freeze after 12 points: 2026's centre is 2025's 10 per 100, not a mean over the range shown")
    void frozenBaselineOverTheWholeHistory() {
        Series series = RateCalculator.series("W12", ERRORS, SHOWN, HISTORY, List.of(), 20);

        // ū from 2025 alone; σ = √(0.10 / 100) = 0.0316, limits 0.10 ± 0.0949.
        assertThat(series.points()).allSatisfy(p -> {
            assertThat(p.centre()).isEqualTo(10.0);
            assertThat(p.upper()).isEqualTo(19.49);
            assertThat(p.lower()).isEqualTo(0.51);
            assertThat(p.segment()).isZero();
        });
        assertThat(series.baseline()).isEqualTo(new Series.BaselineInfo(0, "2025-01", null, 12, true));
    }

    @Test
    @DisplayName("seven months below the frozen centre: a shift, an improvement icon and a suggested rebase")
    void sustainedShiftSuggestsARebase() {
        Series series = RateCalculator.series("W12", ERRORS, SHOWN, HISTORY, List.of(), 20);

        assertThat(series.points()).allSatisfy(p -> assertThat(p.signals()).contains("shift"));
        assertThat(series.variationIcon()).isEqualTo("improvement-low");
        assertThat(series.suggestedRebase()).isEqualTo(new Series.SuggestedRebase("2026-01", 7, "below"));
        assertThat(series.assuranceIcon()).isEqualTo("none"); // no target
    }

    @Test
    @DisplayName("a rebase annotation starts a new baseline for its measure, with trial limits and its reason")
    void rebaseAnnotationStartsANewBaseline() {
        Annotation rebase = annotation(1, ERRORS.id(), Annotation.REBASE, "2026-01-01", null);

        Series series = RateCalculator.series("W12", ERRORS, SHOWN, HISTORY, List.of(rebase), 20);

        // ū = 35 / 700 = 0.05 from the seven new points.
        assertThat(series.points()).allSatisfy(p -> {
            assertThat(p.centre()).isEqualTo(5.0);
            assertThat(p.segment()).isEqualTo(1);
            assertThat(p.signals()).doesNotContain("shift");
        });
        assertThat(series.baseline()).isEqualTo(new Series.BaselineInfo(1, "2026-01",
                "Electronic prescribing went live", 7, false));
        assertThat(series.suggestedRebase()).isNull();
        assertThat(series.variationIcon()).isEqualTo("common-cause");
        assertThat(series.points().get(0).annotations()).containsExactly(
                new AnnotationMark(1, Annotation.REBASE, "New baseline", ERRORS.id()));
        assertThat(series.points().get(1).annotations()).isEmpty();
    }

    @Test
    @DisplayName("a rebase of another measure changes nothing here, and annotations appear on the months they cover")
    void annotationsCoverTheirMonths() {
        Annotation otherRebase = annotation(1, RECONCILED.id(), Annotation.REBASE, "2026-01-01", null);
        Annotation cycle = annotation(2, null, Annotation.PDSA, "2025-11-15", "2026-02-10");
        Annotation note = annotation(3, ERRORS.id(), Annotation.NOTE, "2026-03-31", null);

        Series series = RateCalculator.series("W12", ERRORS, SHOWN, HISTORY, List.of(otherRebase, cycle, note),
                20);

        assertThat(series.points()).allSatisfy(p -> assertThat(p.centre()).isEqualTo(10.0));
        assertThat(series.points()).extracting(p -> p.annotations().stream().map(AnnotationMark::id).toList())
                .containsExactly(List.of(2L), List.of(2L), List.of(3L), List.of(), List.of(), List.of(), List.of());
    }

    @Test
    @DisplayName("a target in the measure's units is judged against the limits as a fraction (80% is 0.8)")
    void assuranceUsesTheTargetInItsUnits() {
        Map<String, WardPeriodCounts> reconciled = new TreeMap<>();
        for (String month : months("2026-01", "2026-03")) {
            reconciled.put(month, reconciliation(month, 20, 19)); // 95% reconciled in time
        }
        Series series = RateCalculator.series("W12", RECONCILED, months("2026-01", "2026-03"), reconciled,
                List.of(), 20);

        // p̄ = 0.95, σ = √(0.95 × 0.05 / 20) = 0.0487, lower limit 0.804 > target 0.80: consistently passing.
        assertThat(series.target()).isEqualTo(80.0);
        assertThat(series.points().get(0).lower()).isEqualTo(80.38);
        assertThat(series.assuranceIcon()).isEqualTo("consistently-pass");
    }

    @Test
    @DisplayName("completeness is charts audited over the target; months not audited are 0%, not missing")
    void completeness() {
        Map<String, WardPeriodCounts> one = new TreeMap<>(Map.of("2026-02", errors("2026-02", 5, 50, 0)));

        Series series = RateCalculator.series("W12", ERRORS, months("2026-01", "2026-02"), one, List.of(), 20);

        assertThat(series.points().get(0)).satisfies(p -> {
            assertThat(p.audited()).isFalse();
            assertThat(p.chartsAudited()).isZero();
            assertThat(p.completeness()).isEqualTo(0.0);
            assertThat(p.value()).isNull();
        });
        assertThat(series.points().get(1).chartsAudited()).isEqualTo(5);
        assertThat(series.points().get(1).completeness()).isEqualTo(25.0);
    }

    private static Map<String, WardPeriodCounts> history() {
        Map<String, WardPeriodCounts> history = new TreeMap<>();
        List<String> months = months("2025-01", "2026-07");
        for (int i = 0; i < months.size(); i++) {
            long found = i < 12 ? (i % 2 == 0 ? 8 : 12) : 5;
            history.put(months.get(i), errors(months.get(i), 10, 100, found));
        }
        return history;
    }

    /** A month's counts: charts audited, orders audited and prescribing errors. */
    private static WardPeriodCounts errors(String period, long charts, long orders, long errors) {
        return new WardPeriodCounts(period, charts, orders, errors, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** A month's counts: charts audited, all judged for reconciliation timing, and those reconciled in time. */
    private static WardPeriodCounts reconciliation(String period, long charts, long inTime) {
        return new WardPeriodCounts(period, charts, 0, 0, 0, 0, 0, 0, 0, 0, charts, inTime, 0, 0, 0, 0);
    }

    private static Annotation annotation(long id, String measure, String kind, String start, String end) {
        return new Annotation(id, 1, measure, kind, Annotation.REBASE.equals(kind) ? "New baseline" : "Cycle " + id,
                Annotation.REBASE.equals(kind) ? "Electronic prescribing went live" : null, LocalDate.parse(start),
                end == null ? null : LocalDate.parse(end), null, null, "lead", Instant.EPOCH);
    }

    private static List<String> months(String from, String to) {
        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.parse(from); !m.isAfter(YearMonth.parse(to)); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        return months;
    }
}
