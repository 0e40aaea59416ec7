package org.medaudit.measure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A measure as documented in {@code audit-forms/measures/*.yaml}: what it counts and why, and how it is charted.
 *
 * @param findingStatuses in words, which findings (by status) the measure counts, under each {@link Basis}
 * @param per the multiplier of the rate (100 for "per 100 orders" and for percentages)
 * @param improvement {@code decrease} or {@code increase}: which direction is better
 * @param chart the preferred chart: {@code run}, {@code p}, {@code u} or {@code xmr}
 * @param ruleProfile the signal rules applied to the chart, e.g. {@code nhs-mdc}
 * @param target the value aimed for, in the measure's units (80 for 80%); null when the measure has none
 */
@Serdeable
public record MeasureDefinition(
        String id,
        String title,
        String whyItMatters,
        Part numerator,
        Part denominator,
        String findingStatuses,
        int per,
        String improvement,
        String chart,
        String ruleProfile,
        @Nullable Double target,
        String source,
        String owner,
        String dateReviewed,
        String nextReview) {

    /** The target as a fraction (before {@code per}), as charts compute; null when there is none. */
    public Double targetFraction() {
        return target == null ? null : target / per;
    }

    /** A numerator or denominator: in words, and the raw count it is taken from. */
    @Serdeable
    public record Part(String description, String count) {

        public Count countKind() {
            return Count.byId(count).orElseThrow();
        }
    }
}
