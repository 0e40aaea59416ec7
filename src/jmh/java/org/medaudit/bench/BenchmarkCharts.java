package org.medaudit.bench;

import java.util.List;
import java.util.Set;
import org.medaudit.rules.ChartFacts;
import org.medaudit.rules.RuleBook;
import org.medaudit.rules.RuleFinding;
import org.medaudit.sample.ChartSample;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What every benchmark thread shares: the synthetic charts, the whole rule book, the rule book cut down to the
 * baseline's rules, and the hand-written baseline. Built once per fork; the rules come from {@code MEDAUDIT_RULES}
 * (or {@code rules/} in the working folder).
 */
@State(Scope.Benchmark)
public class BenchmarkCharts {

    /** How many distinct charts the benchmark cycles through. */
    @Param("10000")
    public int charts;

    ChartSample[] samples;
    RuleBook fullRuleBook;
    RuleBook subsetRuleBook;
    HandWrittenChecks handWritten;
    ChartFacts chartFacts;

    @Setup(Level.Trial)
    public void setUp() {
        samples = SyntheticCharts.generate(SyntheticCharts.DEFAULT_SEED, charts).toArray(ChartSample[]::new);
        fullRuleBook = RuleBooks.full(RuleBooks.rulesFolder());
        subsetRuleBook = RuleBooks.only(RuleBooks.rulesFolder(), HandWrittenChecks.RULE_IDS);
        handWritten = new HandWrittenChecks(subsetRuleBook);
        chartFacts = new ChartFacts(subsetRuleBook.reference());
        checkBaselineAgrees();
        System.out.printf("%n# MedAudit: %d charts (%.1f orders each), whole rule book %d rules, subset %d rules%n",
                samples.length, averageOrders(), fullRuleBook.rules().size(), subsetRuleBook.rules().size());
    }

    /**
     * A benchmark of a baseline that checks something else would be meaningless; HandWrittenChecksAgreeTest proves
     * the agreement in the build, and this refuses to measure if the rules on disk have drifted from it since.
     */
    private void checkBaselineAgrees() {
        Set<String> ids = Set.copyOf(HandWrittenChecks.RULE_IDS);
        for (int i = 0; i < Math.min(samples.length, 500); i++) {
            List<RuleFinding> drools = subsetRuleBook.evaluate(samples[i]);
            List<RuleFinding> baseline = handWritten.evaluate(samples[i]);
            List<RuleFinding> whole = fullRuleBook.evaluate(samples[i]).stream()
                    .filter(finding -> ids.contains(finding.ruleId())).toList();
            if (!drools.equals(baseline) || !identities(whole).equals(identities(baseline))) {
                throw new IllegalStateException("The hand-written baseline disagrees with the rules on chart #" + i
                        + ": Drools " + drools + ", baseline " + baseline
                        + "; run HandWrittenChecksAgreeTest and update HandWrittenChecks");
            }
        }
    }

    private static Set<List<Object>> identities(List<RuleFinding> findings) {
        return findings.stream().map(f -> java.util.Arrays.<Object>asList(f.ruleId(), f.drug(), f.orderIndex()))
                .collect(java.util.stream.Collectors.toSet());
    }

    private double averageOrders() {
        long orders = 0;
        for (ChartSample sample : samples) {
            orders += sample.orders().size();
        }
        return (double) orders / samples.length;
    }
}
