package org.medaudit.bench;

import org.medaudit.sample.ChartSample;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.ThreadParams;

/** Each benchmark thread walks the shared charts round and round, starting at its own place. */
@State(Scope.Thread)
public class ChartCursor {

    private int next;

    @Setup(Level.Trial)
    public void start(BenchmarkCharts charts, ThreadParams thread) {
        next = (int) ((long) thread.getThreadIndex() * charts.samples.length / thread.getThreadCount());
    }

    ChartSample next(ChartSample[] samples) {
        ChartSample sample = samples[next];
        next = next + 1 == samples.length ? 0 : next + 1;
        return sample;
    }
}
