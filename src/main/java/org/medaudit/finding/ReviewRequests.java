package org.medaudit.finding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** What a pharmacist sends to review a sample's findings. */
public final class ReviewRequests {

    private ReviewRequests() {
    }

    /**
     * Overrides a finding: the rule was wrong for this chart.
     *
     * @param reason one of {@link FindingReview#OVERRIDE_REASONS}
     * @param comment optional, at most {@value FindingReview#MAX_COMMENT} characters, no patient identifiers;
     *     required when the reason is {@code other}
     */
    @Serdeable
    public record Override(@Nullable String reason, @Nullable String comment) {
    }

    /**
     * A finding the rules missed.
     *
     * @param orderIndex the order it is about (0 for the first), or null for the chart as a whole
     * @param drug the drug it is about; taken from the order when left out
     */
    @Serdeable
    public record NewFinding(@Nullable String category, @Nullable String errorType, @Nullable String severity,
            @Nullable String drug, @Nullable Integer orderIndex, @Nullable String message) {
    }
}
