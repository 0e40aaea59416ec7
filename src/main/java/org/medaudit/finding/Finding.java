package org.medaudit.finding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A stored finding about one chart sample: raised by a rule (with the rule-book version that raised it) or added
 * by a pharmacist, and reviewed.
 *
 * @param position its place in the sample's list (the rule book lists the most severe first; findings a
 *     pharmacist added come after the rules' findings)
 * @param ruleId null for a finding a pharmacist added
 * @param status {@code flagged}, {@code confirmed}, {@code overridden} or {@code manual}
 * @param reviewReason the coded reason of an override
 * @param reviewComment the reviewer's optional comment
 * @param reviewedBy who confirmed, overrode or added it; null while it is only flagged
 */
@MappedEntity("finding")
public record Finding(
        @Id String id,
        String sampleId,
        int position,
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
        @Nullable String ruleBookVersion,
        Instant createdAt,
        @Nullable String reviewReason,
        @Nullable String reviewComment,
        @Nullable String reviewedBy,
        @Nullable Instant reviewedAt) {

    public static final String FLAGGED = "flagged";
    public static final String CONFIRMED = "confirmed";
    public static final String OVERRIDDEN = "overridden";
    public static final String MANUAL = "manual";

    /** A rule's finding as first stored: flagged, not yet reviewed. */
    public static Finding flagged(String id, String sampleId, int position, String ruleId, String ruleName,
            String category, String errorType, String severity, String source, String message, String drug,
            Integer orderIndex, String ruleBookVersion, Instant createdAt) {
        return new Finding(id, sampleId, position, ruleId, ruleName, category, errorType, severity, source, message,
                drug, orderIndex, FLAGGED, ruleBookVersion, createdAt, null, null, null, null);
    }

    /** This finding with a review decision. */
    public Finding reviewed(String newStatus, @Nullable String reason, @Nullable String comment, String by,
            Instant at) {
        return new Finding(id, sampleId, position, ruleId, ruleName, category, errorType, severity, source, message,
                drug, orderIndex, newStatus, ruleBookVersion, createdAt, reason, comment, by, at);
    }

    /** This finding at another place in its sample's list. */
    public Finding at(int newPosition) {
        return new Finding(id, sampleId, newPosition, ruleId, ruleName, category, errorType, severity, source,
                message, drug, orderIndex, status, ruleBookVersion, createdAt, reviewReason, reviewComment,
                reviewedBy, reviewedAt);
    }

    /** Whether a pharmacist has decided on this rule finding (confirmed or overridden it). */
    public boolean isReviewedRuleFinding() {
        return ruleId != null && (CONFIRMED.equals(status) || OVERRIDDEN.equals(status));
    }
}
