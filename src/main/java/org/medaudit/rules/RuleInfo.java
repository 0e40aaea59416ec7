package org.medaudit.rules;

import io.micronaut.serde.annotation.Serdeable;

/** One rule of the rule book as its catalogue shows it: the sentence name and the metadata every rule carries. */
@Serdeable
public record RuleInfo(String id, String name, String ruleSet, String category, String errorType, String severity,
        String source) {
}
