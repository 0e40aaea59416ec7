package org.medaudit.bench;

import org.openjdk.jmh.annotations.Threads;

/** {@link ChartEvaluation} on one thread per core, all evaluating at once: charts per second for the machine. */
@Threads(Threads.MAX)
public class AllThreads extends ChartEvaluation {
}
