package org.medaudit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.medaudit.rules.ChartFacts;
import org.medaudit.rules.RuleBook;
import org.medaudit.rules.RuleInfo;
import org.medaudit.sample.ChartSample;

/**
 * A companion to the JMH benchmarks for shared or busy machines: charts evaluated per second of this thread's own CPU
 * time (plus garbage-collection pauses), so that other processes competing for the cores do not lower the figure
 * (JMH measures wall-clock time).
 * One thread; each variant is warmed up, then measured in rounds, and the median round is printed.
 *
 * <pre>
 * java -cp target/benchmarks.jar org.medaudit.bench.CpuTimeHarness [variant ...]
 * </pre>
 *
 * <p>Variants: {@code full}, {@code subset}, {@code hand}, {@code facts} (the default is all four), and
 * {@code set:NAME} for the rule book of one rule-set folder alone ({@code sets} for every one of them), to find
 * the rules that cost the most. {@code -Dwarmup=40 -Drounds=5 -Dround=2} set the warm-up seconds, the number of
 * rounds and the seconds of CPU time per round.
 */
public final class CpuTimeHarness {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTimeHarness() {
    }

    public static void main(String[] args) {
        double warmup = Double.parseDouble(System.getProperty("warmup", "40"));
        int rounds = Integer.getInteger("rounds", 5);
        double round = Double.parseDouble(System.getProperty("round", "2"));
        Path rules = RuleBooks.rulesFolder();
        ChartSample[] charts = SyntheticCharts.generate(SyntheticCharts.DEFAULT_SEED, 10_000)
                .toArray(ChartSample[]::new);
        RuleBook full = RuleBooks.full(rules);
        Map<String, Function<ChartSample, ?>> variants = new LinkedHashMap<>();
        List<String> wanted = args.length == 0 ? List.of("full", "subset", "hand", "facts") : List.of(args);
        for (String name : wanted) {
            if (name.equals("full")) {
                variants.put("full rule book (" + full.rules().size() + " rules)", full::evaluate);
            } else if (name.equals("subset") || name.equals("hand")) {
                RuleBook subset = RuleBooks.only(rules, HandWrittenChecks.RULE_IDS);
                variants.put(name.equals("subset") ? "subset rule book (" + subset.rules().size() + " rules)"
                        : "hand-written (" + HandWrittenChecks.RULE_IDS.size() + " rules)",
                        name.equals("subset") ? subset::evaluate : new HandWrittenChecks(subset)::evaluate);
            } else if (name.equals("facts")) {
                variants.put("facts only", new ChartFacts(full.reference())::of);
            } else if (name.equals("sets") || name.startsWith("set:")) {
                for (String set : full.rules().stream().map(RuleInfo::ruleSet).distinct().sorted().toList()) {
                    if (name.equals("sets") || name.equals("set:" + set)) {
                        List<String> ids = full.rules().stream().filter(r -> r.ruleSet().equals(set))
                                .map(RuleInfo::id).toList();
                        variants.put("rule set " + set + " (" + ids.size() + " rules)",
                                RuleBooks.only(rules, ids)::evaluate);
                    }
                }
            } else {
                throw new IllegalArgumentException("Unknown variant " + name);
            }
        }
        System.out.printf("%d charts; warm-up %.0f s, %d rounds of %.0f s CPU time each; one thread%n",
                charts.length, warmup, rounds, round);
        for (var variant : variants.entrySet()) {
            run(charts, variant.getValue(), warmup);
            List<Double> rates = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                rates.add(run(charts, variant.getValue(), round));
            }
            List<Double> sorted = rates.stream().sorted().toList();
            System.out.printf("%-40s %9.0f charts per CPU-second (rounds %s)%n", variant.getKey(),
                    sorted.get(sorted.size() / 2), rates.stream().map(r -> String.format("%.0f", r)).toList());
        }
    }

    /**
     * Evaluates charts round and round for this many seconds of the thread's CPU time; the rate achieved, charging
     * garbage-collection pauses (which run on other threads) to the evaluations as well.
     */
    private static double run(ChartSample[] charts, Function<ChartSample, ?> evaluate, double cpuSeconds) {
        long gcStart = gcMillis();
        long start = THREADS.getCurrentThreadCpuTime();
        long budget = (long) (cpuSeconds * 1e9);
        long count = 0;
        int next = 0;
        long used;
        do {
            for (int i = 0; i < 100; i++) {
                if (evaluate.apply(charts[next]) == null) {
                    throw new IllegalStateException();
                }
                next = next + 1 == charts.length ? 0 : next + 1;
            }
            count += 100;
            used = THREADS.getCurrentThreadCpuTime() - start;
        } while (used < budget);
        return count / ((used + (gcMillis() - gcStart) * 1_000_000L) / 1e9);
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
    }
}
