package org.medaudit.bench;

import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Threads;

/** {@link ChartEvaluation} on one thread: charts per second per core. */
@Threads(1)
public class OneThread extends ChartEvaluation {

    /** Building the facts of a chart alone: the share of every evaluation that is not rule checking. */
    @Benchmark
    public List<Object> factsOnly(BenchmarkCharts charts, ChartCursor cursor) {
        return charts.chartFacts.of(cursor.next(charts.samples));
    }
}
