package org.medaudit.rules;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A rule-book version that has served, as the API lists it.
 *
 * @param builtAt when it was first built and recorded
 * @param serving whether this instance evaluates charts with it now
 * @param localPacks what the hospital's local pack changed, in words; absent without one
 */
@Serdeable
public record RuleBookVersion(String version, Instant builtAt, int ruleCount, boolean serving,
        @Nullable String localPacks) {

    static RuleBookVersion of(RuleBookRecord record, String servingVersion) {
        return new RuleBookVersion(record.version(), record.builtAt(), record.ruleCount(),
                record.version().equals(servingVersion), record.localPacks());
    }
}
