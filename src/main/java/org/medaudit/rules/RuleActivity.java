package org.medaudit.rules;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.medaudit.system.MonthRange;

/**
 * How one rule fared over a period: how often it fired (findings of charts audited in those months), and how
 * pharmacists reviewed those findings.
 *
 * <p>{@code precision} is confirmed ÷ (confirmed + overridden): findings still flagged, not yet reviewed, are not
 * in the denominator, because nobody has judged them yet. With no reviewed finding there is no precision (the
 * field is absent and the page says "not enough reviews"), never a made-up 0 or 1.
 *
 * @param from first month of the period ({@code YYYY-MM})
 * @param to last month of the period, included
 * @param fired every finding the rule raised in the period, whatever its review
 * @param unreviewed findings still flagged
 */
@Serdeable
public record RuleActivity(String from, String to, long fired, long confirmed, long overridden, long unreviewed,
        @Nullable Double precision) {

    static RuleActivity of(MonthRange period, long fired, long confirmed, long overridden) {
        long reviewed = confirmed + overridden;
        return new RuleActivity(period.from().toString(), period.to().toString(), fired, confirmed, overridden,
                fired - reviewed, reviewed == 0 ? null : (double) confirmed / reviewed);
    }

    static RuleActivity none(MonthRange period) {
        return of(period, 0, 0, 0);
    }

    /** Findings a pharmacist has confirmed or overridden: the denominator of {@link #precision}. */
    public long reviewed() {
        return confirmed + overridden;
    }
}
