package org.medaudit.measure;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.medaudit.improvement.ChartPoint;
import org.medaudit.improvement.ControlChart;
import org.medaudit.improvement.Observation;
import org.medaudit.improvement.SignalRules;
import org.medaudit.ward.Ward;

/**
 * Turns a ward's raw counts into each measure's series: value per period, the measure's preferred chart (centre
 * line and limits over the periods shown) and its signal rules. Months not audited are gaps, never zeros.
 */
@Singleton
public class RateCalculator {

    private final CountsQuery counts;
    private final MeasureCatalogue measures;

    RateCalculator(CountsQuery counts, MeasureCatalogue measures) {
        this.counts = counts;
        this.measures = measures;
    }

    public WardRates wardRates(Ward ward, YearMonth from, YearMonth to) {
        Map<String, WardPeriodCounts> byPeriod = counts.forWard(ward.id(), from.toString(), to.toString()).stream()
                .collect(Collectors.toMap(WardPeriodCounts::period, Function.identity()));
        List<String> periods = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            periods.add(month.toString());
        }
        List<Series> series = measures.all().stream()
                .map(measure -> series(ward.code(), measure, periods, byPeriod))
                .toList();
        return new WardRates(ward.code(), from.toString(), to.toString(), series);
    }

    static Series series(String ward, MeasureDefinition measure, List<String> periods,
            Map<String, WardPeriodCounts> byPeriod) {
        Count numerator = measure.numerator().countKind();
        Count denominator = measure.denominator().countKind();
        List<Observation> observations = periods.stream()
                .filter(byPeriod::containsKey)
                .map(period -> new Observation(period, numerator.of(byPeriod.get(period)),
                        denominator.of(byPeriod.get(period))))
                .toList();
        List<Observation> chartable = observations.stream().filter(o -> o.denominator() > 0).toList();
        Map<String, ChartPoint> charted = new HashMap<>();
        SignalRules.apply(measure.ruleProfile(), ControlChart.chart(measure.chart(), chartable))
                .forEach(point -> charted.put(point.observation().period(), point));
        Map<String, Observation> observed = observations.stream()
                .collect(Collectors.toMap(Observation::period, Function.identity()));
        List<Series.Point> points = periods.stream().map(period -> {
            Observation o = observed.get(period);
            if (o == null) {
                return Series.Point.notAudited(period);
            }
            ChartPoint c = charted.get(period);
            int per = measure.per();
            return c == null
                    ? new Series.Point(period, true, o.numerator(), o.denominator(), null, null, null, null,
                            List.of(), List.of())
                    : new Series.Point(period, true, o.numerator(), o.denominator(), scaled(c.value(), per),
                            scaled(c.centre(), per), scaled(c.lower(), per), scaled(c.upper(), per), c.signals(),
                            List.of());
        }).toList();
        return new Series(ward, measure.id(), measure.title(), measure.chart(), measure.per(), measure.improvement(),
                measure.ruleProfile(), points);
    }

    /** The value in the measure's units, to two decimal places; null where it is undefined (no limits). */
    private static Double scaled(double fraction, int per) {
        return Double.isNaN(fraction) ? null
                : BigDecimal.valueOf(fraction * per).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
