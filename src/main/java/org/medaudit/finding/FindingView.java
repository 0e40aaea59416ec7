package org.medaudit.finding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A finding as the API shows it (DESIGN.md, "What comes back"). */
@Serdeable
public record FindingView(
        String id,
        @Nullable String ruleId,
        @Nullable String ruleName,
        String category,
        String errorType,
        String severity,
        @Nullable String source,
        String message,
        @Nullable String drug,
        @Nullable Integer orderIndex,
        String status) {

    public static FindingView of(Finding finding) {
        return new FindingView(finding.id(), finding.ruleId(), finding.ruleName(), finding.category(),
                finding.errorType(), finding.severity(), finding.source(), finding.message(), finding.drug(),
                finding.orderIndex(), finding.status());
    }
}
