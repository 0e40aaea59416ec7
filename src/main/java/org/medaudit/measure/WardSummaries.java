package org.medaudit.measure;

import jakarta.inject.Singleton;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.medaudit.improvement.Annotation;
import org.medaudit.improvement.Annotations;
import org.medaudit.ward.Ward;
import org.medaudit.ward.WardDirectory;
import org.medaudit.ward.WardView;

/**
 * The latest-period summary of many wards: one counts query grouped by ward and one read of the annotations,
 * however many wards there are, then each ward's charts drawn as {@link RateCalculator} draws them (over the whole
 * history, so baselines and signals are the same as in the ward's own series).
 */
@Singleton
public class WardSummaries {

    private final CountsQuery counts;
    private final MeasureCatalogue measures;
    private final Annotations annotations;
    private final WardDirectory directory;
    private final Disclosure disclosure;
    private final RateCalculator calculator;
    private final SeriesCache cache;

    /** What the grouped counts of a summary depend on besides the stored data. */
    private record CountsKey(String kind, List<Long> wardIds, String month, Basis basis) {
    }

    WardSummaries(CountsQuery counts, MeasureCatalogue measures, Annotations annotations, WardDirectory directory,
            Disclosure disclosure, RateCalculator calculator, SeriesCache cache) {
        this.cache = cache;
        this.counts = counts;
        this.measures = measures;
        this.annotations = annotations;
        this.directory = directory;
        this.disclosure = disclosure;
        this.calculator = calculator;
    }

    /**
     * The period's summary of the given wards (sorted by site, then code): open wards always, closed ones only when
     * audited in the period. {@code period} null means the latest month with an audit on any of them, not after
     * {@code now}; with none, {@code now}. {@code fullCounts} says for which wards the caller sees counts in full.
     */
    public WardsSummary summary(List<WardView> wards, YearMonth period, YearMonth now, Basis basis,
            Predicate<WardView> fullCounts) {
        Map<String, Ward> byCode = wards.stream().map(view -> directory.ward(view.code()).orElseThrow())
                .collect(Collectors.toMap(Ward::code, Function.identity()));
        List<Long> ids = byCode.values().stream().map(Ward::id).toList();
        String month = period != null ? period.toString()
                : counts.latestPeriod(ids, now.toString()).orElse(now.toString());
        // The grouped counts are the costly part (every ward's whole history): kept while the data are unchanged.
        Map<Long, List<WardPeriodCounts>> byWard = cache.value(new CountsKey("summary", List.copyOf(ids), month,
                basis), ids, () -> counts.byWardUpTo(ids, month, basis));
        Map<Long, List<Annotation>> notes = annotations.byWard();
        long target = calculator.targetChartsPerWardMonth();
        List<WardsSummary.WardLine> lines = wards.stream()
                .sorted(Comparator.comparing(WardView::site).thenComparing(WardView::code))
                .map(view -> {
                    Ward ward = byCode.get(view.code());
                    Map<String, WardPeriodCounts> history = byWard.getOrDefault(ward.id(), List.of()).stream()
                            .collect(Collectors.toMap(WardPeriodCounts::period, Function.identity(), (a, b) -> a,
                                    TreeMap::new));
                    Optional<WardPeriodCounts> inPeriod = Optional.ofNullable(history.get(month));
                    if (!view.active() && inPeriod.isEmpty()) {
                        return null;
                    }
                    List<Series> series = measures.all().stream()
                            .map(measure -> RateCalculator.series(view.code(), measure, List.of(month), history,
                                    notes.getOrDefault(ward.id(), List.of()), target))
                            .map(s -> fullCounts.test(view) ? s : disclosure.suppressed(s))
                            .toList();
                    long charts = inPeriod.map(WardPeriodCounts::chartsAudited).orElse(0L);
                    boolean hidden = !fullCounts.test(view) && disclosure.smallNumbers().suppressed(charts);
                    return new WardsSummary.WardLine(view.code(), view.name(), view.site(), view.active(),
                            inPeriod.isPresent(), hidden ? null : charts, hidden ? Boolean.TRUE : null,
                            series.stream().map(WardsSummary.MeasureLine::of).toList());
                })
                .filter(line -> line != null)
                .toList();
        return new WardsSummary(month, basis.code(), lines);
    }
}
