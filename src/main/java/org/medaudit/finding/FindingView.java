package org.medaudit.finding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A finding as the API shows it (DESIGN.md, "What comes back"), with its review once it has one. */
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
        String status,
        @Nullable Review review) {

    /**
     * Who confirmed, overrode or added the finding and when; an override carries its coded reason.
     *
     * @param reason one of {@link FindingReview#OVERRIDE_REASONS}, for an override
     */
    @Serdeable
    public record Review(@Nullable String reason, @Nullable String comment, String by, Instant at) {
    }

    public static FindingView of(Finding finding) {
        Review review = finding.reviewedBy() == null ? null : new Review(finding.reviewReason(),
                finding.reviewComment(), finding.reviewedBy(), finding.reviewedAt());
        return new FindingView(finding.id(), finding.ruleId(), finding.ruleName(), finding.category(),
                finding.errorType(), finding.severity(), finding.source(), finding.message(), finding.drug(),
                finding.orderIndex(), finding.status(), review);
    }
}
