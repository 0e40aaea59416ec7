package org.medaudit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Consumer;
import org.kie.api.runtime.StatelessKieSession;
import org.medaudit.rules.ChartFacts;
import org.medaudit.rules.FindingCollector;
import org.medaudit.rules.RuleBook;
import org.medaudit.sample.ChartSample;

/**
 * Same-conditions comparison of evaluating a chart in a pooled session ({@link RuleBook#evaluate}) against a new
 * stateless session per chart (as before), alternating rounds so that both see the same machine load. CPU time of
 * this thread; charts per CPU-second.
 *
 * <pre>
 * java -cp target/benchmarks.jar org.medaudit.bench.PooledSessionComparison
 * </pre>
 */
public final class PooledSessionComparison {

    private PooledSessionComparison() {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static int next;
    public static void main(String[] args) {
        RuleBook book = RuleBooks.full(RuleBooks.rulesFolder());
        ChartSample[] charts = SyntheticCharts.generate(SyntheticCharts.DEFAULT_SEED, 10_000).toArray(ChartSample[]::new);
        Consumer<ChartSample> pooled = c -> book.evaluate(c);
        Consumer<ChartSample> stateless = c -> {
            FindingCollector collector = new FindingCollector();
            StatelessKieSession s = book.kieBase().newStatelessKieSession();
            s.setGlobal("findings", collector);
            s.execute(new ChartFacts(book.reference()).of(c));
            collector.findings();
        };
        run(pooled, charts, 10); run(stateless, charts, 10);
        for (int r = 0; r < 4; r++) {
            System.out.printf("round %d pooled %.0f stateless %.0f charts/CPU-s%n", r, run(pooled, charts, 1.5), run(stateless, charts, 1.5));
        }
    }
    private static double run(Consumer<ChartSample> f, ChartSample[] charts, double seconds) {
        long start = THREADS.getCurrentThreadCpuTime(); long n = 0;
        while (THREADS.getCurrentThreadCpuTime() - start < seconds * 1e9) { f.accept(charts[next++ % charts.length]); n++; }
        return n / ((THREADS.getCurrentThreadCpuTime() - start) / 1e9);
    }
}
