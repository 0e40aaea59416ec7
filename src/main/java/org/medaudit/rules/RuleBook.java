package org.medaudit.rules;

import java.time.Instant;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.runtime.StatelessKieSession;
import org.medaudit.rules.reference.ReferenceData;
import org.medaudit.sample.ChartSample;

/**
 * A compiled, immutable set of rules with the reference data they were built with. Thread-safe: each evaluation
 * runs in its own stateless session.
 *
 * @param version the hash of every file the rule book was built from; every finding records it
 * @param builtAt when it was compiled
 * @param rules the catalogue of its rules, sorted by id
 */
public record RuleBook(String version, Instant builtAt, List<RuleInfo> rules, ReferenceData reference,
        KieBase kieBase) {

    /** Runs every rule over one chart and returns what they found, most severe first. */
    public List<RuleFinding> evaluate(ChartSample sample) {
        FindingCollector collector = new FindingCollector();
        StatelessKieSession session = kieBase.newStatelessKieSession();
        session.setGlobal("findings", collector);
        session.execute(new ChartFacts(reference).of(sample));
        return collector.findings();
    }
}
