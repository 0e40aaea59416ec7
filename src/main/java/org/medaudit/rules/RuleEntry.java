package org.medaudit.rules;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One rule of the serving rule book in the catalogue: what it is (its metadata) and how it fared over the chosen
 * period. Activity is counted by the rule's stable id, over every rule-book version that raised it.
 */
@Serdeable
public record RuleEntry(String id, String name, String ruleSet, String category, String errorType, String severity,
        String source, RuleActivity activity) {

    static RuleEntry of(RuleInfo rule, RuleActivity activity) {
        return new RuleEntry(rule.id(), rule.name(), rule.ruleSet(), rule.category(), rule.errorType(),
                rule.severity(), rule.source(), activity);
    }
}
