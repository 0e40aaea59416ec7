package org.medaudit.measure;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.medaudit.improvement.Annotation;
import org.medaudit.improvement.Annotations;
import org.medaudit.improvement.AssuranceIcon;
import org.medaudit.improvement.Baseline;
import org.medaudit.improvement.BaselinePlan;
import org.medaudit.improvement.ChartPoint;
import org.medaudit.improvement.ControlChart;
import org.medaudit.improvement.Improvement;
import org.medaudit.improvement.Observation;
import org.medaudit.improvement.Rebase;
import org.medaudit.improvement.SignalRules;
import org.medaudit.improvement.VariationIcon;
import org.medaudit.ward.SiteView;
import org.medaudit.ward.Ward;
import org.medaudit.ward.WardDirectory;
import org.medaudit.ward.WardView;

/**
 * Turns raw counts into each measure's series, for a ward or summed over a site or the network: value per period,
 * the measure's preferred chart with frozen baselines (centre and limits from each segment's first 12 points;
 * a ward's rebase annotations start new segments), its signal rules, the Making Data Count icons, and audit
 * completeness, by month or by ISO week. Periods not audited are gaps, never zeros; a series whose audited periods
 * rest on too few charts says so ({@link Series#sampleNote()}).
 */
@Singleton
public class RateCalculator {

    /** What a series is drawn for: its name, its level, its wards (null: all), and the ward annotations it shows. */
    private record Unit(String name, String level, List<Long> wardIds, long wardsExpected,
            List<Annotation> annotations) {
    }

    private final CountsQuery counts;
    private final SeriesCache cache;
    private final MeasureCatalogue measures;
    private final Annotations annotations;
    private final WardDirectory wards;
    /** Half the IHI minimum of 20 charts a month: below it one chart moves a point by ten percentage points. */
    static final int DEFAULT_MINIMUM_CHARTS_PER_POINT = 10;

    private final int targetChartsPerWardMonth;
    private final int minimumChartsPerPoint;

    RateCalculator(CountsQuery counts, SeriesCache cache, MeasureCatalogue measures, Annotations annotations,
            WardDirectory wards,
            @Value("${medaudit.target-charts-per-ward-month:20}") int targetChartsPerWardMonth,
            @Value("${medaudit.minimum-charts-per-point:10}") int minimumChartsPerPoint) {
        if (targetChartsPerWardMonth < 1) {
            throw new IllegalStateException("medaudit.target-charts-per-ward-month must be at least 1, not "
                    + targetChartsPerWardMonth);
        }
        this.counts = counts;
        this.cache = cache;
        this.measures = measures;
        this.annotations = annotations;
        this.wards = wards;
        this.targetChartsPerWardMonth = targetChartsPerWardMonth;
        this.minimumChartsPerPoint = minimumChartsPerPoint;
    }

    /** The charts a ward is expected to audit each month, against which completeness is measured. */
    long targetChartsPerWardMonth() {
        return targetChartsPerWardMonth;
    }

    /** A ward's series month by month, with its annotations on the points and its rebases in the baselines. */
    public WardRates wardRates(Ward ward, YearMonth from, YearMonth to, Basis basis) {
        return wardRates(ward, Periods.months(from, to), basis);
    }

    /** A ward's series over months or weeks, with its annotations on the points and its rebases in the baselines. */
    public WardRates wardRates(Ward ward, Periods periods, Basis basis) {
        List<Long> ids = List.of(ward.id());
        return cache.rates(new SeriesCache.Key("ward", ward.code(), ids, 1, periods, basis),
                () -> rates(new Unit(ward.code(), "ward", ids, 1, annotations.ofWard(ward.id())), periods, basis));
    }

    /**
     * A site's series: counts summed over all its wards, closed ones included (their history is the site's);
     * completeness is measured against the target sample of each ward still open. Ward annotations and rebases
     * are the wards' own and are not applied to the site.
     */
    public WardRates siteRates(SiteView site, YearMonth from, YearMonth to, Basis basis) {
        return siteRates(site, Periods.months(from, to), basis);
    }

    /** As {@link #siteRates(SiteView, YearMonth, YearMonth, Basis)}, over months or weeks. */
    public WardRates siteRates(SiteView site, Periods periods, Basis basis) {
        List<Long> ids = site.wards().stream().map(view -> wards.ward(view.code()).orElseThrow().id()).toList();
        long open = site.wards().stream().filter(WardView::active).count();
        return cache.rates(new SeriesCache.Key("site", site.code(), ids, open, periods, basis),
                () -> rates(new Unit(site.code(), "site", ids, open, List.of()), periods, basis));
    }

    /** The whole network's series: every ward of every site, as {@link #siteRates} sums a site's. */
    public WardRates networkRates(YearMonth from, YearMonth to, Basis basis) {
        return networkRates(Periods.months(from, to), basis);
    }

    /** As {@link #networkRates(YearMonth, YearMonth, Basis)}, over months or weeks. */
    public WardRates networkRates(Periods periods, Basis basis) {
        long open = wards.sites().stream().flatMap(site -> site.wards().stream()).filter(WardView::active).count();
        return cache.rates(new SeriesCache.Key("network", "network", null, open, periods, basis),
                () -> rates(new Unit("network", "network", null, open, List.of()), periods, basis));
    }

    private WardRates rates(Unit unit, Periods periods, Basis basis) {
        Map<String, WardPeriodCounts> byPeriod = counts.upTo(unit.wardIds(), periods.kind(), periods.last(), basis)
                .stream()
                .collect(Collectors.toMap(WardPeriodCounts::period, Function.identity(), (a, b) -> a,
                        TreeMap::new));
        long chartsTarget = periods.kind().target(unit.wardsExpected() * targetChartsPerWardMonth);
        List<Series> series = measures.all().stream()
                .map(measure -> series(unit.name(), measure, periods, byPeriod, unit.annotations(), chartsTarget,
                        minimumChartsPerPoint))
                .toList();
        return new WardRates(unit.name(), unit.level(), periods.kind().code(), periods.first(), periods.last(),
                basis.code(), series);
    }

    /** A monthly series with the default minimum sample per point, as the tests of the chart logic take it. */
    static Series series(String unit, MeasureDefinition measure, List<String> months,
            Map<String, WardPeriodCounts> byPeriod, List<Annotation> annotations, long chartsTarget) {
        return series(unit, measure, new Periods(Periods.Kind.MONTH, months), byPeriod, annotations, chartsTarget,
                DEFAULT_MINIMUM_CHARTS_PER_POINT);
    }

    /**
     * One measure's series over the periods shown. {@code byPeriod} holds every audited period up to the last one
     * shown, earlier ones too: the chart is drawn over the whole history so that a frozen baseline stays where it
     * was, whatever range is asked for.
     */
    static Series series(String unit, MeasureDefinition measure, Periods periods,
            Map<String, WardPeriodCounts> byPeriod, List<Annotation> annotations, long chartsTarget,
            int minimumChartsPerPoint) {
        Count numerator = measure.numerator().countKind();
        Count denominator = measure.denominator().countKind();
        List<Observation> chartable = byPeriod.values().stream()
                .sorted(Comparator.comparing(WardPeriodCounts::period))
                .map(c -> new Observation(c.period(), numerator.of(c), denominator.of(c)))
                .filter(o -> o.denominator() > 0)
                .toList();
        List<ChartPoint> charted = SignalRules.apply(measure.ruleProfile(),
                ControlChart.chart(measure.chart(), chartable, plan(measure, annotations, periods)));
        Map<String, ChartPoint> byChartedPeriod = new HashMap<>();
        charted.forEach(point -> byChartedPeriod.put(point.observation().period(), point));
        int per = measure.per();
        List<Series.Point> points = periods.labels().stream().map(period -> {
            var marks = annotations.stream().filter(a -> a.concerns(measure.id()) && periods.covers(a, period))
                    .map(Annotation::mark).toList();
            WardPeriodCounts c = byPeriod.get(period);
            long audited = c == null ? 0 : c.chartsAudited();
            Double completeness = chartsTarget == 0 ? null : scaled((double) audited / chartsTarget, 100);
            if (c == null) {
                return new Series.Point(period, false, null, null, null, null, null, null, null, null, marks, 0L,
                        chartsTarget, completeness, null);
            }
            ChartPoint p = byChartedPeriod.get(period);
            return p == null
                    ? new Series.Point(period, true, numerator.of(c), denominator.of(c), null, null, null, null,
                            null, List.of(), marks, audited, chartsTarget, completeness, null)
                    : new Series.Point(period, true, numerator.of(c), denominator.of(c), scaled(p.value(), per),
                            scaled(p.centre(), per), scaled(p.lower(), per), scaled(p.upper(), per),
                            p.baseline().segment(), p.signals(), marks, audited, chartsTarget, completeness, null);
        }).toList();
        Improvement direction = Improvement.of(measure.improvement());
        Series.BaselineInfo baseline = charted.isEmpty() ? null : info(charted.get(charted.size() - 1).baseline());
        return new Series(unit, measure.id(), measure.title(), measure.chart(), per, measure.improvement(),
                measure.ruleProfile(), measure.target(), baseline,
                VariationIcon.latest(charted, direction).map(VariationIcon::code).orElse(null),
                AssuranceIcon.latest(charted, measure.targetFraction(), direction).code(),
                Baseline.suggestRebase(charted)
                        .map(s -> new Series.SuggestedRebase(s.period(), s.points(), s.above() ? "above" : "below"))
                        .orElse(null),
                sampleNote(points, periods.kind(), minimumChartsPerPoint),
                points);
    }

    /**
     * Why the series is too thin to read, or null: when the median audited period rests on fewer charts than the
     * minimum, each point swings with a single chart and its limits are too wide to show a change. Periods not
     * audited are gaps, not small samples, and do not count here.
     */
    static String sampleNote(List<Series.Point> points, Periods.Kind kind, int minimumChartsPerPoint) {
        long[] audited = points.stream().filter(Series.Point::audited).mapToLong(Series.Point::chartsAudited)
                .sorted().toArray();
        if (audited.length == 0) {
            return null;
        }
        double median = audited.length % 2 == 1 ? audited[audited.length / 2]
                : (audited[audited.length / 2 - 1] + audited[audited.length / 2]) / 2.0;
        if (median >= minimumChartsPerPoint) {
            return null;
        }
        String unit = kind.code();
        return ("Too few charts per %s for a meaningful chart: a median of %s charts in an audited %s, under the %d a "
                + "point needs. %s")
                .formatted(unit, median % 1 == 0 ? String.valueOf((long) median) : String.valueOf(median), unit,
                        minimumChartsPerPoint, kind == Periods.Kind.WEEK ? "Read the monthly series instead."
                                : "Audit more charts a month, or read the site's series.");
    }

    /**
     * The standard plan (limits frozen after 12 points) with the measure's rebase annotations. Two rebases of one
     * measure in the same month are refused when recorded; should the table hold two anyway, the later kept wins.
     */
    static BaselinePlan plan(MeasureDefinition measure, List<Annotation> annotations, Periods periods) {
        Map<String, Rebase> byPeriod = new TreeMap<>();
        annotations.stream()
                .sorted(Comparator.comparing(Annotation::id))
                .flatMap(a -> periods.rebase(a, measure.id()).stream())
                .forEach(rebase -> byPeriod.put(rebase.period(), rebase));
        return new BaselinePlan(BaselinePlan.DEFAULT_POINTS, List.copyOf(byPeriod.values()));
    }

    private static Series.BaselineInfo info(Baseline baseline) {
        return new Series.BaselineInfo(baseline.segment(), baseline.from(), baseline.reason(), baseline.points(),
                baseline.frozen());
    }

    /** The value in the measure's units, to two decimal places; null where it is undefined (no limits). */
    private static Double scaled(double fraction, int per) {
        return Double.isNaN(fraction) ? null
                : BigDecimal.valueOf(fraction * per).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
