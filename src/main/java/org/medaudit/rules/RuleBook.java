package org.medaudit.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.medaudit.rules.reference.ReferenceData;
import org.medaudit.rules.reference.Threshold;
import org.medaudit.sample.ChartSample;

/**
 * A compiled, immutable set of rules with the reference data they were built with. Thread-safe: each evaluation
 * runs in its own session, taken from a pool and reset when given back.
 *
 * <p>Local packs: the one compiled KieBase holds every rule set, shipped and local, and a site's switched-off sets
 * are kept from firing by an agenda filter on the rule's package (one package per rule set, which the compiler
 * enforces). One KieBase per distinct site configuration was the alternative; it would multiply compile time
 * (about a second each) and memory by the number of configurations and make one version stand for several
 * compiled books, while the filter costs only the matching of the switched-off rules' conditions.
 *
 * @param version the hash of every file the rule book was built from; every finding records it
 * @param builtAt when it was compiled
 * @param rules the catalogue of its rules, sorted by id
 * @param reference the reference data rules see: the shipped data with the local pack's threshold overrides
 * @param ruleSetByPackage the rule set (folder) of each DRL package
 * @param local the local pack in force, or null when the hospital has none
 * @param sessions reusable sessions of the KieBase: a session disposed after a chart is reset and reused, which
 *     saves building one per chart (the benchmark's fixed cost per evaluation)
 */
public record RuleBook(String version, Instant builtAt, List<RuleInfo> rules, ReferenceData reference,
        KieBase kieBase, Map<String, String> ruleSetByPackage, Local local, KieSessionsPool sessions) {

    /**
     * The local pack a rule book was built with.
     *
     * @param shippedReference the reference data without local overrides, which the shipped sets' cases are
     *     checked with (their borderline values are those of the shipped thresholds)
     * @param localRuleSets the rule sets from the local folder
     * @param description what the pack changes, in words, recorded with the version
     */
    public record Local(LocalRules rules, ReferenceData shippedReference, List<String> localRuleSets,
            String description) {
    }

    /** Runs every rule over one chart and returns what they found, most severe first; every rule set is on. */
    public List<RuleFinding> evaluate(ChartSample sample) {
        return evaluate(sample, null);
    }

    /**
     * Runs the rules active at a site (its code; null: every set) over one chart, with the facts built from
     * {@link #reference()}, and returns what they found, most severe first.
     */
    public List<RuleFinding> evaluate(ChartSample sample, String siteCode) {
        return run(reference, sample, offAt(siteCode));
    }

    /** The rule sets switched off at a site by the local pack (none without a pack or a site). */
    public Set<String> offAt(String siteCode) {
        return local == null ? Set.of() : local.rules().offAt(siteCode);
    }

    /**
     * Runs a worked case of a rule set: a shipped set's cases with the shipped reference data (their borderline
     * values are those of the shipped thresholds), a local set's with the local overrides; every set on.
     */
    List<RuleFinding> evaluateCase(String ruleSet, ChartSample sample) {
        boolean shippedSet = local != null && !local.localRuleSets().contains(ruleSet);
        return run(shippedSet ? local.shippedReference() : reference, sample, Set.of());
    }

    /**
     * The same rules with some thresholds set to other values, for a back-test of "what if": never served, so its
     * version is this one's with the overrides named after it.
     *
     * @throws IllegalArgumentException naming a threshold the reference data does not have
     */
    public RuleBook withThresholds(Map<String, Double> values) {
        if (values.isEmpty()) {
            return this;
        }
        Map<String, Threshold> thresholds = new java.util.LinkedHashMap<>(reference.thresholds());
        values.forEach((name, value) -> {
            Threshold base = reference.threshold(name);
            thresholds.put(name, new Threshold(name, value, base.unit(), "Back-test override of " + base.source()));
        });
        String overrides = new java.util.TreeMap<>(values).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(","));
        return new RuleBook(version + "+thresholds(" + overrides + ")", builtAt, rules,
                reference.withThresholds(thresholds), kieBase, ruleSetByPackage, local, sessions);
    }

    /** The description of the local pack recorded with the version, or null without one. */
    public String localDescription() {
        return local == null ? null : local.description();
    }

    private List<RuleFinding> run(ReferenceData data, ChartSample sample, Set<String> offRuleSets) {
        FindingCollector collector = new FindingCollector();
        List<Object> facts = new ChartFacts(data).of(sample);
        Set<String> offPackages = offRuleSets.isEmpty() ? Set.of() : ruleSetByPackage.entrySet().stream()
                .filter(entry -> offRuleSets.contains(entry.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
        // A pooled session: dispose() resets it and gives it back for the next chart (on any thread).
        KieSession session = sessions.newKieSession();
        try {
            session.setGlobal("findings", collector);
            for (Object fact : facts) {
                session.insert(fact);
            }
            if (offPackages.isEmpty()) {
                session.fireAllRules();
            } else {
                session.fireAllRules(match -> !offPackages.contains(match.getRule().getPackageName()));
            }
        } finally {
            session.dispose();
        }
        return collector.findings();
    }
}
