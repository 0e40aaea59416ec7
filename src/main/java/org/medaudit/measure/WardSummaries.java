package org.medaudit.measure;

import jakarta.inject.Singleton;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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

    /** What a summary's charts depend on besides the stored data. */
    private record CountsKey(String kind, List<Long> wardIds, String month, Basis basis) {
    }

    /** A ward's counts in the summary's month (empty: not audited) and its charts, unsuppressed. */
    private record WardSeries(Optional<WardPeriodCounts> inPeriod, List<Series> series) {
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
        // Every ward's charts over its whole history are the costly part: kept while the wards' data (samples,
        // findings, reviews, annotations) are unchanged, and suppressed per caller afterwards.
        Map<Long, WardSeries> charted = cache.value(new CountsKey("summary", List.copyOf(ids), month, basis), ids,
                () -> chart(byCode.values(), month, basis));
        List<WardsSummary.WardLine> lines = wards.stream()
                .sorted(Comparator.comparing(WardView::site).thenComparing(WardView::code))
                .map(view -> {
                    WardSeries ward = charted.get(byCode.get(view.code()).id());
                    if (!view.active() && ward.inPeriod().isEmpty()) {
                        return null;
                    }
                    boolean full = fullCounts.test(view);
                    List<Series> series = ward.series().stream().map(s -> full ? s : disclosure.suppressed(s))
                            .toList();
                    long charts = ward.inPeriod().map(WardPeriodCounts::chartsAudited).orElse(0L);
                    boolean hidden = !full && disclosure.smallNumbers().suppressed(charts);
                    return new WardsSummary.WardLine(view.code(), view.name(), view.site(), view.active(),
                            ward.inPeriod().isPresent(), hidden ? null : charts, hidden ? Boolean.TRUE : null,
                            series.stream().map(WardsSummary.MeasureLine::of).toList());
                })
                .filter(line -> line != null)
                .toList();
        return new WardsSummary(month, basis.code(), lines);
    }

    /** Each ward's counts in the month, and its charts in full, from one grouped counts query. */
    private Map<Long, WardSeries> chart(Collection<Ward> wards, String month, Basis basis) {
        List<Long> ids = wards.stream().map(Ward::id).toList();
        Map<Long, List<WardPeriodCounts>> byWard = counts.byWardUpTo(ids, month, basis);
        Map<Long, List<Annotation>> notes = annotations.byWard();
        long target = calculator.targetChartsPerWardMonth();
        Map<Long, WardSeries> charted = new HashMap<>();
        for (Ward ward : wards) {
            Map<String, WardPeriodCounts> history = byWard.getOrDefault(ward.id(), List.of()).stream()
                    .collect(Collectors.toMap(WardPeriodCounts::period, Function.identity(), (a, b) -> a,
                            TreeMap::new));
            List<Series> series = measures.all().stream()
                    .map(measure -> RateCalculator.series(ward.code(), measure, List.of(month), history,
                            notes.getOrDefault(ward.id(), List.of()), target))
                    .toList();
            charted.put(ward.id(), new WardSeries(Optional.ofNullable(history.get(month)), series));
        }
        return charted;
    }
}
