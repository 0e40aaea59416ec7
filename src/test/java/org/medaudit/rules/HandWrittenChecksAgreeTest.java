package org.medaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medaudit.bench.HandWrittenChecks;
import org.medaudit.bench.RuleBooks;
import org.medaudit.bench.SyntheticCharts;
import org.medaudit.sample.ChartSample;
import org.medaudit.sample.SampleValidator;

/**
 * The benchmark's hand-written baseline ({@code src/jmh/java/org/medaudit/bench}) implements the same checks as the
 * rules it is compared with: on thousands of seeded synthetic charts, and on every worked case of the rule library,
 * it finds exactly what Drools finds for those rules. Without this the throughput ratio would compare unlike work.
 */
class HandWrittenChecksAgreeTest {

    static final Path RULES = Path.of("rules");
    static final int CHARTS = 2_000;

    static final RuleBook FULL = RuleBooks.full(RULES);
    static final RuleBook SUBSET = RuleBooks.only(RULES, HandWrittenChecks.RULE_IDS);
    static final HandWrittenChecks BASELINE = new HandWrittenChecks(SUBSET);
    static final List<ChartSample> SAMPLES = SyntheticCharts.generate(SyntheticCharts.DEFAULT_SEED, CHARTS);
    /** What the subset rule book finds on each synthetic chart (evaluated once, used by several tests). */
    static final List<List<RuleFinding>> SUBSET_FINDINGS = SAMPLES.stream().map(SUBSET::evaluate).toList();

    /** What identifies a finding: the rule, and the drug and order it is about. */
    record Identity(String ruleId, String drug, Integer orderIndex) {
        static Identity of(RuleFinding finding) {
            return new Identity(finding.ruleId(), finding.drug(), finding.orderIndex());
        }
    }

    @Test
    @DisplayName("the synthetic charts are charts the service accepts, and the same seed gives the same charts")
    void syntheticChartsAreValidAndRepeatable() {
        for (int i = 0; i < SAMPLES.size(); i++) {
            assertThat(SampleValidator.validate(SAMPLES.get(i), LocalDate.of(2030, 1, 1))).as("chart #%d", i)
                    .isEmpty();
        }
        assertThat(SyntheticCharts.generate(SyntheticCharts.DEFAULT_SEED, 50)).isEqualTo(SAMPLES.subList(0, 50));
        assertThat(SAMPLES).allSatisfy(chart -> assertThat(chart.orders()).hasSizeBetween(6, 12));
    }

    @Test
    @DisplayName("the subset rule book holds exactly the baseline's rules, as the whole library defines them")
    void subsetIsTheBaselinesRules() {
        assertThat(SUBSET.rules().stream().map(RuleInfo::id)).containsExactlyElementsOf(HandWrittenChecks.RULE_IDS);
        assertThat(SUBSET.rules()).allSatisfy(rule -> assertThat(FULL.rules()).contains(rule));
    }

    @Test
    @DisplayName("every rule of the subset fires on the synthetic charts, so that agreement is not vacuous")
    void everyRuleFires() {
        Map<String, Long> fired = SUBSET_FINDINGS.stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(RuleFinding::ruleId, TreeMap::new, Collectors.counting()));
        assertThat(fired.keySet()).as("rules that fired (with counts: %s)", fired)
                .containsExactlyInAnyOrderElementsOf(HandWrittenChecks.RULE_IDS);
    }

    @Test
    @DisplayName("on every synthetic chart the baseline finds the same (rule, drug, order) as the whole rule book")
    void baselineAgreesWithTheWholeRuleBook() {
        Set<String> ids = Set.copyOf(HandWrittenChecks.RULE_IDS);
        assertThat(disagreements(SAMPLES, i -> FULL.evaluate(SAMPLES.get(i)).stream()
                .filter(finding -> ids.contains(finding.ruleId())).toList())).isEmpty();
    }

    @Test
    @DisplayName("on every synthetic chart the baseline finds the same (rule, drug, order) as the subset rule book")
    void baselineAgreesWithTheSubsetRuleBook() {
        assertThat(disagreements(SAMPLES, SUBSET_FINDINGS::get)).isEmpty();
    }

    @Test
    @DisplayName("the baseline's findings are the rule book's, field for field and in the same order")
    void baselineFindingsAreIdentical() {
        List<String> different = new ArrayList<>();
        for (int i = 0; i < SAMPLES.size() && different.size() < 10; i++) {
            List<RuleFinding> drools = SUBSET_FINDINGS.get(i);
            List<RuleFinding> baseline = BASELINE.evaluate(SAMPLES.get(i));
            if (!drools.equals(baseline)) {
                List<RuleFinding> onlyDrools = new ArrayList<>(drools);
                onlyDrools.removeAll(baseline);
                List<RuleFinding> onlyBaseline = new ArrayList<>(baseline);
                onlyBaseline.removeAll(drools);
                different.add("chart #" + i + (onlyDrools.isEmpty() && onlyBaseline.isEmpty() ? ": in another order"
                        : "\n  only Drools:   " + onlyDrools + "\n  only baseline: " + onlyBaseline));
            }
        }
        assertThat(different).isEmpty();
    }

    @Test
    @DisplayName("the baseline agrees with the rule book on every worked case of the rule library")
    void baselineAgreesOnTheRuleCases() {
        List<ChartSample> cases = RuleCase.loadAll(RuleSources.scan(RULES)).stream().map(RuleCase::chart).toList();
        assertThat(cases).isNotEmpty();
        assertThat(disagreements(cases, i -> SUBSET.evaluate(cases.get(i)))).isEmpty();
    }

    /** One line per chart on which Drools (given the chart's position) and the baseline disagree (the first 10). */
    private static List<String> disagreements(List<ChartSample> charts,
            IntFunction<Collection<RuleFinding>> drools) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < charts.size() && lines.size() < 10; i++) {
            Set<Identity> expected = identities(drools.apply(i));
            Set<Identity> actual = identities(BASELINE.evaluate(charts.get(i)));
            if (!expected.equals(actual)) {
                Set<Identity> onlyDrools = new TreeSet<>(ORDER);
                onlyDrools.addAll(expected);
                onlyDrools.removeAll(actual);
                Set<Identity> onlyBaseline = new TreeSet<>(ORDER);
                onlyBaseline.addAll(actual);
                onlyBaseline.removeAll(expected);
                lines.add("chart #" + i + ": only Drools " + onlyDrools + ", only the baseline " + onlyBaseline
                        + " in " + charts.get(i));
            }
        }
        return lines;
    }

    private static final java.util.Comparator<Identity> ORDER = java.util.Comparator.comparing(Identity::ruleId)
            .thenComparing(i -> String.valueOf(i.drug())).thenComparing(i -> String.valueOf(i.orderIndex()));

    private static Set<Identity> identities(Collection<RuleFinding> findings) {
        return findings.stream().map(Identity::of).collect(Collectors.toSet());
    }
}
