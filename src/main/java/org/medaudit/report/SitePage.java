package org.medaudit.report;

import jakarta.inject.Singleton;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medaudit.measure.Basis;
import org.medaudit.measure.Disclosure;
import org.medaudit.measure.MeasureCatalogue;
import org.medaudit.measure.MeasureDefinition;
import org.medaudit.measure.RateCalculator;
import org.medaudit.measure.Series;
import org.medaudit.measure.SmallNumbers;
import org.medaudit.report.chart.ChartData;
import org.medaudit.report.chart.FunnelPlot;
import org.medaudit.report.chart.SpcChart;
import org.medaudit.ward.SiteView;
import org.medaudit.ward.WardDirectory;
import org.medaudit.ward.WardView;

/**
 * What a site page shows for one measure: the site's own chart, every open ward side by side as small multiples with
 * its audit completeness, and a funnel plot of the wards against the site's rate. Its readers go beyond each ward's
 * team, so every count {@link Disclosure} hides from them (a numerator, denominator or number of charts between 1 and
 * the small-number minimum) stays hidden here: such a month is left out of a chart and such a ward out of the
 * funnel, and tables say "fewer than 5".
 */
@Singleton
class SitePage {

    /** A ward's small multiple with its completeness. */
    record WardTile(String code, String name, String svg, String latest, String completeness, long monthsAudited,
            long months) {
    }

    /** A ward's row under the funnel plot. */
    record FunnelRow(String code, String name, String numerator, String denominator, String rate, String comparison) {
    }

    /** A measure the page can show, for the selector. */
    record Choice(String id, String title, boolean selected) {
    }

    private final RateCalculator rates;
    private final MeasureCatalogue measures;
    private final WardDirectory wards;
    private final Disclosure disclosure;
    private final SmallNumbers smallNumbers;

    SitePage(RateCalculator rates, MeasureCatalogue measures, WardDirectory wards, Disclosure disclosure) {
        this.rates = rates;
        this.measures = measures;
        this.wards = wards;
        this.disclosure = disclosure;
        this.smallNumbers = disclosure.smallNumbers();
    }

    /** The measure to show: the one asked for, else the first measure (prescribing errors come first). */
    MeasureDefinition measure(String id) {
        return (id == null ? java.util.Optional.<MeasureDefinition>empty() : measures.byId(id))
                .orElseGet(() -> measures.byId("prescribing-errors-per-100-orders").orElse(measures.all().get(0)));
    }

    Map<String, Object> model(SiteView site, PageQuery query, MeasureDefinition measure, boolean wholeRange) {
        YearMonth from = query.months().from();
        YearMonth to = query.months().to();
        Basis basis = query.basis();
        int minimum = smallNumbers.minimum();
        Series siteSeries = disclosure.suppressed(pick(rates.siteRates(site, from, to, basis).series(), measure));
        ChartData siteData = ChartData.of(siteSeries, measure.title() + ", " + site.name(), List.of());
        ChartView siteChart = new ChartView("site-chart", measure.title() + " — " + site.name(),
                ChartView.kind(siteSeries.chart()), siteData.unit(),
                SpcChart.render(siteData, "site-chart", SpcChart.Layout.FULL), ChartView.rows(siteData, minimum));

        List<WardView> open = site.wards().stream().filter(WardView::active).toList();
        List<WardTile> tiles = new ArrayList<>();
        List<Series> wardSeries = new ArrayList<>();
        for (WardView view : open) {
            Series series = pick(rates.wardRates(wards.ward(view.code()).orElseThrow(), from, to, basis).series(),
                    measure);
            wardSeries.add(series);
            Series shown = disclosure.suppressed(series);
            tiles.add(tile(view, shown, ChartData.of(shown, measure.title() + ", " + view.name(), List.of())));
        }

        String funnelPeriod = wholeRange ? null : latestAudited(wardSeries);
        List<FunnelPlot.Unit> units = new ArrayList<>();
        List<FunnelRow> rows = new ArrayList<>();
        long numerator = 0;
        long denominator = 0;
        for (int i = 0; i < open.size(); i++) {
            long n = 0;
            long d = 0;
            boolean any = false;
            for (Series.Point p : wardSeries.get(i).points()) {
                if (p.audited() && p.denominator() != null && (wholeRange || p.period().equals(funnelPeriod))) {
                    n += p.numerator();
                    d += p.denominator();
                    any = true;
                }
            }
            numerator += n;
            denominator += d;
            WardView view = open.get(i);
            if (!any || d == 0) {
                rows.add(new FunnelRow(view.code(), view.name(), "", "", any ? "none eligible" : "not audited", ""));
                continue;
            }
            // As Disclosure hides a point: a small numerator, or a small denominator, could point at a patient.
            boolean hidden = smallNumbers.suppressed(n) || smallNumbers.suppressed(d);
            units.add(new FunnelPlot.Unit(view.code(), n, d, hidden));
            rows.add(new FunnelRow(view.code(), view.name(), hidden ? "fewer than " + minimum : String.valueOf(n),
                    String.valueOf(d), hidden ? "not shown" : ChartView.number(measure.per() * (double) n / d),
                    null));
        }
        FunnelPlot.Model model = FunnelPlot.Model.forChart(measure.chart());
        String funnel = null;
        String centreText = null;
        if (denominator > 0) {
            double centre = (double) numerator / denominator;
            centreText = ChartView.number(centre * measure.per()) + ("%".equals(siteData.unit()) ? "%" : " "
                    + siteData.unit());
            String label = "Funnel plot: " + measure.title() + " by ward against the " + site.name() + " rate";
            funnel = FunnelPlot.render("funnel", label, model, centre, measure.per(), siteData.unit(),
                    measure.denominator().count().replace('-', ' '), measure.improvement(), units);
            rows = rows.stream().map(row -> {
                FunnelPlot.Unit unit = units.stream().filter(u -> u.code().equals(row.code())).findFirst()
                        .orElse(null);
                if (unit == null || unit.suppressed()) {
                    return row;
                }
                String band = switch (FunnelPlot.band(model, centre, unit)) {
                    case "beyond-998" -> "Outside the 99.8% limits";
                    case "beyond-95" -> "Outside the 95% limits";
                    default -> "Within the limits";
                };
                return new FunnelRow(row.code(), row.name(), row.numerator(), row.denominator(), row.rate(), band);
            }).toList();
        }

        Map<String, Object> out = new HashMap<>();
        out.put("site", site);
        out.put("query", query);
        out.put("errors", query.errors());
        out.put("measure", measure);
        out.put("choices", measures.all().stream()
                .map(m -> new Choice(m.id(), m.title(), m.id().equals(measure.id()))).toList());
        out.put("wholeRange", wholeRange);
        out.put("rangeText", WardPage.monthYear(from) + " to " + WardPage.monthYear(to));
        out.put("siteChart", siteChart);
        out.put("tiles", tiles);
        out.put("funnel", funnel);
        out.put("funnelPeriod", wholeRange ? WardPage.monthYear(from) + " to " + WardPage.monthYear(to)
                : funnelPeriod == null ? null : WardPage.monthYear(YearMonth.parse(funnelPeriod)));
        out.put("funnelModel", model == FunnelPlot.Model.BINOMIAL ? "binomial" : "Poisson");
        out.put("funnelCentre", centreText);
        out.put("funnelRows", rows);
        out.put("minimum", minimum);
        out.put("unit", siteData.unit());
        return out;
    }

    private WardTile tile(WardView view, Series series, ChartData data) {
        String svg = SpcChart.render(data, "ward-" + view.code(), SpcChart.Layout.COMPACT);
        long audited = series.points().stream().filter(Series.Point::audited).count();
        Series.Point last = series.points().stream().filter(Series.Point::audited).reduce((a, b) -> b).orElse(null);
        String latest = "not audited in these months";
        String completeness = "";
        if (last != null) {
            ChartData.Point shown = data.points().stream()
                    .filter(p -> p.period().toString().equals(last.period())).findFirst().orElseThrow();
            String month = WardPage.monthYear(YearMonth.parse(last.period()));
            latest = switch (shown.state()) {
                case CHARTED -> month + ": " + ChartView.number(shown.value()) + (data.percentage() ? "%" : "");
                case SUPPRESSED -> month + ": fewer than " + smallNumbers.minimum() + " counted";
                default -> month + ": none eligible";
            };
            completeness = (last.chartsAudited() == null ? "fewer than " + smallNumbers.minimum()
                    : String.valueOf(last.chartsAudited())) + " of " + last.chartsTarget() + " charts"
                    + (last.completeness() == null ? "" : " (" + ChartView.number(last.completeness()) + "%)");
        }
        return new WardTile(view.code(), view.name(), svg, latest, completeness, audited, series.points().size());
    }

    /** The latest month of the range in which any ward had a chart eligible for the measure. */
    private static String latestAudited(List<Series> wardSeries) {
        return wardSeries.stream().flatMap(s -> s.points().stream())
                .filter(p -> p.audited() && p.denominator() != null && p.denominator() > 0)
                .map(Series.Point::period).max(String::compareTo).orElse(null);
    }

    private static Series pick(List<Series> all, MeasureDefinition measure) {
        return all.stream().filter(s -> s.measure().equals(measure.id())).findFirst().orElseThrow();
    }
}
