package org.medaudit.rules;

import io.micronaut.core.annotation.Nullable;

/**
 * What one rule said about one chart: the rule's metadata, its message, and the order or medicine it is about.
 *
 * @param drug the drug the finding is about; null for chart-level findings
 * @param orderIndex the order it is about; null for chart-level and reconciliation findings
 */
public record RuleFinding(
        String ruleId,
        String ruleName,
        String category,
        String errorType,
        String severity,
        String source,
        String message,
        @Nullable String drug,
        @Nullable Integer orderIndex) {
}
