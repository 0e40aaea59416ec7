package org.medaudit.finding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A stored finding about one chart sample: raised by a rule (with the rule-book version that raised it) or added
 * by a pharmacist, and reviewed.
 *
 * @param position its place in the sample's list (the rule book lists the most severe first)
 * @param ruleId null for a finding a pharmacist added
 * @param status {@code flagged}, {@code confirmed}, {@code overridden} or {@code manual}
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
        Instant createdAt) {

    public static final String FLAGGED = "flagged";
}
