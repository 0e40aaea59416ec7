package org.medaudit.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.medaudit.rules.RuleFinding;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Charts evaluated per second (one operation is one chart, facts built and every rule run), for:
 *
 * <ul>
 *   <li>{@code fullRuleBook}: the whole rule library, as the service runs it ({@code RuleBook.evaluate});
 *   <li>{@code subsetRuleBook}: Drools with only the baseline's rules ({@link HandWrittenChecks#RULE_IDS});
 *   <li>{@code handWritten}: the same rules written by hand in plain Java over the same facts;
 *   <li>{@code factsOnly} ({@link OneThread} only): building the facts alone, the part all three share.
 * </ul>
 *
 * <p>The ratio subsetRuleBook / handWritten compares like with like. {@link OneThread} and {@link AllThreads} run
 * the same benchmarks on one thread and on as many threads as the machine has cores.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 4) // Drools needs about 30 s of JIT warm-up on 2 cores to reach its steady state
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public abstract class ChartEvaluation {

    @Benchmark
    public List<RuleFinding> fullRuleBook(BenchmarkCharts charts, ChartCursor cursor) {
        return charts.fullRuleBook.evaluate(cursor.next(charts.samples));
    }

    @Benchmark
    public List<RuleFinding> subsetRuleBook(BenchmarkCharts charts, ChartCursor cursor) {
        return charts.subsetRuleBook.evaluate(cursor.next(charts.samples));
    }

    @Benchmark
    public List<RuleFinding> handWritten(BenchmarkCharts charts, ChartCursor cursor) {
        return charts.handWritten.evaluate(cursor.next(charts.samples));
    }
}
