package org.medaudit.report.progress;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medaudit.measure.Series;
import org.medaudit.measure.WardRates;
import org.medaudit.report.chart.ChartData;
import org.medaudit.report.chart.SpcChart;

/**
 * A progress report as printed: the team's text, each measure in the month (value, numerator and denominator,
 * centre line and limits, signals, Making Data Count icons) with its year of history, audit completeness, and the
 * annotations in or next to the month.
 *
 * @param monthName the month in words, such as {@code October 2026}
 * @param chartsAudited charts audited in the month (all measures share them)
 * @param chartsTarget the month's target sample
 * @param completeness charts audited as a percentage of the target, when there is a target
 */
public record PrintedReport(ReportSubject subject, ReportView report, String monthName, boolean audited,
        long chartsAudited, long chartsTarget, @Nullable Double completeness, List<MeasureRow> measures,
        List<Note> notes) {

    private static final DateTimeFormatter MONTH_NAME = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    /** Making Data Count icons in words, so that the printed page reads in black and white. */
    static final Map<String, String> VARIATION = Map.of(
            "common-cause", "Common cause: no significant change",
            "improvement-high", "Special cause: improvement (higher)",
            "improvement-low", "Special cause: improvement (lower)",
            "concern-high", "Special cause: concern (higher)",
            "concern-low", "Special cause: concern (lower)",
            "neutral-high", "Special cause: neither better nor worse (higher)",
            "neutral-low", "Special cause: neither better nor worse (lower)");
    static final Map<String, String> ASSURANCE = Map.of(
            "consistently-pass", "Consistently meets the target",
            "consistently-fail", "Consistently misses the target",
            "inconsistent", "Hit and miss: may or may not meet the target",
            "none", "No target, or too few points");

    /**
     * One measure in the month.
     *
     * @param point the month's point (not audited: no value)
     * @param history the months up to this one, oldest first, for the chart's place in the report
     * @param variation the variation icon's code and words, of the latest charted month up to this one
     * @param chartSvg the year's chart, drawn as on the ward page; for the page only, not the JSON API
     */
    @Serdeable
    public record MeasureRow(String id, String title, String chart, int per, String improvement,
            @Nullable Double target, Series.Point point, List<Series.Point> history, @Nullable String variationIcon,
            String variation, String assuranceIcon, String assurance, @Nullable String sampleNote,
            @JsonIgnore String chartSvg) {

        /** "per 100 orders" style units are in the title; a proportion is a percentage. */
        public String unit() {
            return per == 100 && "p".equals(chart) ? "%" : "";
        }
    }

    /** An annotation of one of the subject's wards; {@code inMonth} when it covers the month itself. */
    @Serdeable
    public record Note(String ward, String kind, String title, @Nullable String description, LocalDate startDate,
            @Nullable LocalDate endDate, @Nullable String owner, @Nullable String outcome, @Nullable String measure,
            boolean inMonth) {
    }

    static PrintedReport of(ReportSubject subject, ReportView report, WardRates figures, List<Note> notes) {
        List<MeasureRow> rows = figures.series().stream().map(series -> {
            Series.Point point = series.points().get(series.points().size() - 1);
            String variation = series.variationIcon() == null ? "Not charted yet"
                    : VARIATION.getOrDefault(series.variationIcon(), series.variationIcon());
            return new MeasureRow(series.measure(), series.title(), series.chart(), series.per(),
                    series.improvement(), series.target(), point, series.points(), series.variationIcon(), variation,
                    series.assuranceIcon(), ASSURANCE.getOrDefault(series.assuranceIcon(), series.assuranceIcon()),
                    series.sampleNote(), SpcChart.render(ChartData.of(series, series.title() + ", " + subject.code(),
                            List.of()), "chart-" + series.measure(), SpcChart.Layout.FULL));
        }).toList();
        Series.Point any = rows.isEmpty() ? null : rows.get(0).point();
        return new PrintedReport(subject, report, YearMonth.parse(report.month()).format(MONTH_NAME),
                any != null && any.audited(), any == null ? 0 : any.chartsAudited(),
                any == null ? 0 : any.chartsTarget(), any == null ? null : any.completeness(), rows, notes);
    }
}
