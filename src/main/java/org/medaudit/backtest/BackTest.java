package org.medaudit.backtest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.medaudit.measure.Count;
import org.medaudit.measure.FindingCounts;
import org.medaudit.measure.MeasureDefinition;
import org.medaudit.rules.RuleBook;
import org.medaudit.rules.RuleFinding;
import org.medaudit.sample.StoredCharts.StoredChart;
import org.medaudit.sample.StoredCharts.StoredFinding;

/**
 * One back-test while it runs: the candidate rule book, the progress, and the running totals that pages of charts,
 * evaluated on several threads, are merged into. Nothing here writes to the database.
 */
final class BackTest {

    /** Sample ids kept per rule and direction, to show where a change would happen. */
    static final int EXAMPLES = 5;

    final String id;
    final String from;
    final String to;
    final String candidateKind;
    final RuleBook candidate;
    final String servingVersion;
    final long total;
    final Instant startedAt;
    final AtomicLong processed = new AtomicLong();
    private volatile Instant finishedAt;
    private volatile String error;
    private volatile BackTestStatus.Result result;

    private final Map<Long, long[][]> byWard = new HashMap<>();
    private final Map<String, RuleTally> byRule = new TreeMap<>();

    BackTest(String id, String from, String to, String candidateKind, RuleBook candidate, String servingVersion,
            long total, Instant startedAt) {
        this.id = id;
        this.from = from;
        this.to = to;
        this.candidateKind = candidateKind;
        this.candidate = candidate;
        this.servingVersion = servingVersion;
        this.total = total;
        this.startedAt = startedAt;
    }

    /** The totals of one page of charts, built on a worker thread and then merged. */
    static final class Page {
        final Map<Long, long[][]> byWard = new HashMap<>();
        final Map<String, RuleTally> byRule = new HashMap<>();
        int charts;

        /** Adds one chart: its stored rule findings (now) and the candidate's findings for it. */
        void add(StoredChart stored, List<RuleFinding> found) {
            charts++;
            long[][] ward = byWard.computeIfAbsent(stored.wardId(), id -> new long[][] {FindingCounts.zero(),
                    FindingCounts.zero()});
            int orders = stored.chart().orders().size();
            FindingCounts.addChart(ward[0], orders, stored.findings().stream()
                    .map(f -> new FindingCounts.Classified(f.ruleId(), f.category(), f.severity())).toList());
            FindingCounts.addChart(ward[1], orders, found.stream()
                    .map(f -> new FindingCounts.Classified(f.ruleId(), f.category(), f.severity())).toList());
            // The same rule about the same drug and order, counted as a multiset on each side.
            Map<String, Integer> balance = new HashMap<>();
            Map<String, String> ruleOf = new HashMap<>();
            for (StoredFinding f : stored.findings()) {
                String key = f.ruleId() + "|" + f.drug() + "|" + f.orderIndex();
                balance.merge(key, -1, Integer::sum);
                ruleOf.put(key, f.ruleId());
            }
            for (RuleFinding f : found) {
                String key = f.ruleId() + "|" + f.drug() + "|" + f.orderIndex();
                balance.merge(key, 1, Integer::sum);
                ruleOf.put(key, f.ruleId());
            }
            balance.forEach((key, difference) -> {
                if (difference != 0) {
                    byRule.computeIfAbsent(ruleOf.get(key), RuleTally::new).add(difference, stored.id());
                }
            });
        }
    }

    /** Findings of one rule that would appear (positive) or disappear (negative), with example charts. */
    static final class RuleTally {
        final String ruleId;
        long appeared;
        long disappeared;
        final List<String> appearedIn = new ArrayList<>();
        final List<String> disappearedIn = new ArrayList<>();

        RuleTally(String ruleId) {
            this.ruleId = ruleId;
        }

        void add(int difference, String sampleId) {
            if (difference > 0) {
                appeared += difference;
                example(appearedIn, sampleId);
            } else {
                disappeared -= difference;
                example(disappearedIn, sampleId);
            }
        }

        void merge(RuleTally other) {
            appeared += other.appeared;
            disappeared += other.disappeared;
            other.appearedIn.forEach(id -> example(appearedIn, id));
            other.disappearedIn.forEach(id -> example(disappearedIn, id));
        }

        private static void example(List<String> examples, String sampleId) {
            if (examples.size() < EXAMPLES && !examples.contains(sampleId)) {
                examples.add(sampleId);
            }
        }
    }

    synchronized void merge(Page page) {
        page.byWard.forEach((ward, counts) -> {
            long[][] into = byWard.computeIfAbsent(ward, id -> new long[][] {FindingCounts.zero(),
                    FindingCounts.zero()});
            FindingCounts.add(into[0], counts[0]);
            FindingCounts.add(into[1], counts[1]);
        });
        page.byRule.forEach((rule, tally) -> byRule.computeIfAbsent(rule, RuleTally::new).merge(tally));
        processed.addAndGet(page.charts);
    }

    void fail(String message) {
        if (error == null) {
            error = message;
        }
        finishedAt = Instant.now();
    }

    boolean failed() {
        return error != null;
    }

    /** Turns the totals into the result, once every page is merged. */
    synchronized void finish(List<MeasureDefinition> measures, Map<Long, String[]> wardAndSite) {
        List<BackTestStatus.WardChange> wards = new ArrayList<>();
        long[][] all = {FindingCounts.zero(), FindingCounts.zero()};
        byWard.values().forEach(counts -> {
            FindingCounts.add(all[0], counts[0]);
            FindingCounts.add(all[1], counts[1]);
        });
        wards.add(change("ALL", "", all, measures));
        byWard.entrySet().stream()
                .map(entry -> {
                    String[] names = wardAndSite.getOrDefault(entry.getKey(), new String[] {"?", "?"});
                    return change(names[0], names[1], entry.getValue(), measures);
                })
                .sorted(Comparator.comparing(BackTestStatus.WardChange::site)
                        .thenComparing(BackTestStatus.WardChange::ward))
                .forEach(wards::add);
        List<BackTestStatus.RuleChange> rules = byRule.values().stream()
                .sorted(Comparator.comparing((RuleTally t) -> -(t.appeared + t.disappeared))
                        .thenComparing(t -> t.ruleId))
                .map(t -> new BackTestStatus.RuleChange(t.ruleId, t.appeared, t.disappeared,
                        List.copyOf(t.appearedIn), List.copyOf(t.disappearedIn)))
                .toList();
        result = new BackTestStatus.Result(List.copyOf(wards), rules);
        finishedAt = Instant.now();
    }

    /** Only the measures counted from findings can change with the rules; the others are left out. */
    private static BackTestStatus.WardChange change(String ward, String site, long[][] counts,
            List<MeasureDefinition> measures) {
        List<BackTestStatus.MeasureChange> changes = measures.stream()
                .filter(measure -> measure.numerator().countKind().fromFindings())
                .map(measure -> {
                    Count numerator = measure.numerator().countKind();
                    long denominator = counts[0][measure.denominator().countKind().ordinal()];
                    long now = counts[0][numerator.ordinal()];
                    long then = counts[1][numerator.ordinal()];
                    Double currentRate = rate(now, denominator, measure.per());
                    Double candidateRate = rate(then, denominator, measure.per());
                    return new BackTestStatus.MeasureChange(measure.id(), measure.title(), measure.per(), now, then,
                            denominator, currentRate, candidateRate,
                            currentRate == null ? null : round(candidateRate - currentRate));
                })
                .toList();
        return new BackTestStatus.WardChange(ward, site, counts[0][Count.CHARTS_AUDITED.ordinal()],
                counts[0][Count.ORDERS_AUDITED.ordinal()], changes);
    }

    private static Double rate(long numerator, long denominator, int per) {
        return denominator == 0 ? null : round((double) numerator * per / denominator);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    BackTestStatus status() {
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        long done = processed.get();
        double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
        String state = error != null ? "failed" : result != null ? "done" : "running";
        return new BackTestStatus(id, state, from, to, candidateKind, candidate.version(), servingVersion,
                candidate.localDescription(), total, done, total == 0 ? 100 : (int) Math.min(100, done * 100 / total),
                startedAt, finishedAt, Math.round(done / seconds * 10) / 10.0, error, result);
    }
}
