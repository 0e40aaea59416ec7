package org.medaudit.report;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.medaudit.finding.FindingSummaries;
import org.medaudit.finding.FindingSummary;
import org.medaudit.improvement.Annotation;
import org.medaudit.improvement.Annotations;
import org.medaudit.measure.MeasureCatalogue;
import org.medaudit.measure.MeasureDefinition;
import org.medaudit.measure.RateCalculator;
import org.medaudit.measure.Series;
import org.medaudit.measure.SmallNumbers;
import org.medaudit.measure.WardRates;
import org.medaudit.report.chart.ChartData;
import org.medaudit.report.chart.Icons;
import org.medaudit.report.chart.SpcChart;
import org.medaudit.ward.Ward;
import org.medaudit.ward.WardView;

/**
 * What a ward page shows: the latest audited month at a glance (each measure's value with its Making Data Count
 * icons and signals, and audit completeness), a chart per measure with the ward's annotations on it, the commonest
 * error types and drugs, and the annotations listed with the numbers the charts use. The ward's own team reads it,
 * so no count is hidden.
 */
@Singleton
class WardPage {

    /** How many error types and drugs the page lists. */
    static final int TOP = 8;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    /** A measure's latest month in a line. */
    record Glance(String anchor, String title, String unit, String value, String counts, Icons.Badge variation,
            Icons.Badge assurance, String signals, String target) {
    }

    /** An annotation as the list shows it, with the number the charts mark it by. */
    record AnnotationRow(int number, String kind, String kindText, String title, String description, String dates,
            String measure, String owner, String outcome) {
    }

    /** One line of a top-N list: the value, its count and its share of all findings. */
    record Tally(String label, long count, String share) {
    }

    /** Audit completeness: the latest audited month's charts against the target, and months audited in the range. */
    record Completeness(String month, long charts, long target, String percent, long monthsAudited, long months) {
    }

    private final RateCalculator rates;
    private final FindingSummaries summaries;
    private final Annotations annotations;
    private final MeasureCatalogue measures;
    private final SmallNumbers smallNumbers;

    WardPage(RateCalculator rates, FindingSummaries summaries, Annotations annotations, MeasureCatalogue measures,
            SmallNumbers smallNumbers) {
        this.rates = rates;
        this.summaries = summaries;
        this.annotations = annotations;
        this.measures = measures;
        this.smallNumbers = smallNumbers;
    }

    Map<String, Object> model(Ward ward, WardView view, PageQuery query) {
        YearMonth from = query.months().from();
        YearMonth to = query.months().to();
        WardRates wardRates = rates.wardRates(ward, from, to, query.basis());
        List<Annotation> notes = annotations.ofWard(ward.id());
        List<ChartData.Mark> marks = new ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            Annotation a = notes.get(i);
            marks.add(new ChartData.Mark(i + 1, a.kind(), a.title(), a.startDate(), a.endDate()));
        }
        List<ChartView> charts = new ArrayList<>();
        List<Glance> glance = new ArrayList<>();
        Optional<String> latest = latestAudited(wardRates);
        for (Series series : wardRates.series()) {
            List<ChartData.Mark> own = new ArrayList<>();
            for (int i = 0; i < notes.size(); i++) {
                if (notes.get(i).concerns(series.measure())) {
                    own.add(marks.get(i));
                }
            }
            ChartData data = ChartData.of(series, series.title() + ", " + ward.code(), own);
            String anchor = "measure-" + series.measure();
            charts.add(new ChartView(anchor, series.title(), ChartView.kind(series.chart()), data.unit(),
                    SpcChart.render(data, "chart-" + series.measure(), SpcChart.Layout.FULL),
                    ChartView.rows(data, smallNumbers.minimum())));
            glance.add(glance(series, data, anchor, latest.orElse(null)));
        }
        FindingSummary summary = summaries.summarise(List.of(ward.id()), from, to, query.basis());
        Map<String, Object> model = new HashMap<>();
        model.put("ward", view);
        model.put("query", query);
        model.put("errors", query.errors());
        model.put("rangeText", monthYear(from) + " to " + monthYear(to));
        model.put("reviewedLink", query.withBasis(org.medaudit.measure.Basis.REVIEWED));
        model.put("flaggedLink", query.withBasis(org.medaudit.measure.Basis.FLAGGED));
        model.put("latestMonth", latest.map(p -> monthYear(YearMonth.parse(p))).orElse(null));
        model.put("completeness", completeness(wardRates, latest.orElse(null)));
        model.put("glance", glance);
        model.put("charts", charts);
        model.put("summary", summary);
        model.put("errorTypes", top(summary.byErrorType(), summary.findings()));
        model.put("drugs", top(summary.byDrug(), summary.findings()));
        model.put("severities", top(summary.bySeverity(), summary.findings()));
        model.put("annotations", annotationRows(notes));
        return model;
    }

    /** The latest month in the range with an audited chart. */
    private static Optional<String> latestAudited(WardRates wardRates) {
        return wardRates.series().stream().findFirst().flatMap(series -> series.points().stream()
                .filter(Series.Point::audited).map(Series.Point::period).reduce((a, b) -> b));
    }

    private Glance glance(Series series, ChartData data, String anchor, String latest) {
        Series.Point point = latest == null ? null : series.points().stream()
                .filter(p -> p.period().equals(latest)).findFirst().orElse(null);
        String value = point == null || point.value() == null ? "–" : ChartView.number(point.value())
                + (data.percentage() ? "%" : "");
        String counts = point == null || point.numerator() == null ? "no eligible charts"
                : point.numerator() + " of " + point.denominator();
        String signals = point == null || point.signals() == null || point.signals().isEmpty() ? "none"
                : String.join(", ", point.signals());
        String target = series.target() == null ? null
                : ChartView.number(series.target()) + (data.percentage() ? "%" : " " + data.unit());
        return new Glance(anchor, series.title(), data.percentage() ? "" : data.unit(), value, counts,
                Icons.variation(series.variationIcon()), Icons.assurance(series.assuranceIcon()), signals, target);
    }

    private static Completeness completeness(WardRates wardRates, String latest) {
        List<Series.Point> points = wardRates.series().isEmpty() ? List.of() : wardRates.series().get(0).points();
        long audited = points.stream().filter(Series.Point::audited).count();
        Series.Point point = points.stream().filter(p -> p.period().equals(latest)).findFirst().orElse(null);
        if (point == null) {
            return new Completeness(null, 0, 0, null, audited, points.size());
        }
        return new Completeness(monthYear(YearMonth.parse(latest)), point.chartsAudited(), point.chartsTarget(),
                point.completeness() == null ? null : ChartView.number(point.completeness()) + "%", audited,
                points.size());
    }

    private List<AnnotationRow> annotationRows(List<Annotation> notes) {
        List<AnnotationRow> rows = new ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            Annotation a = notes.get(i);
            String measure = a.measureId() == null ? "All measures"
                    : measures.byId(a.measureId()).map(MeasureDefinition::title).orElse(a.measureId());
            rows.add(new AnnotationRow(i + 1, a.kind(), kindText(a.kind()), a.title(), a.description(),
                    day(a.startDate()) + (a.endDate() == null ? "" : " to " + day(a.endDate())), measure, a.owner(),
                    a.outcome()));
        }
        return rows;
    }

    static String kindText(String kind) {
        return switch (kind) {
            case Annotation.PDSA -> "PDSA cycle";
            case Annotation.CHANGE -> "Change made";
            case Annotation.DATA_ISSUE -> "Data issue";
            case Annotation.REBASE -> "New baseline";
            default -> "Note";
        };
    }

    private static List<Tally> top(List<FindingSummary.Tally> tallies, long total) {
        return tallies.stream().limit(TOP).map(t -> new Tally(words(t.key()), t.count(),
                total == 0 ? "" : Math.round(100.0 * t.count() / total) + "%")).toList();
    }

    /** A code as words: {@code wrong-frequency} → "Wrong frequency". */
    static String words(String code) {
        String text = code.replace('-', ' ');
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    static String monthYear(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + month.getYear();
    }

    private static String day(LocalDate date) {
        return DAY.format(date);
    }
}
