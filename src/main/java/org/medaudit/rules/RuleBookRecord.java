package org.medaudit.rules;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A rule-book version that has served: findings and samples refer to it, so a rate traces to its rules.
 *
 * @param localPacks what the hospital's local pack changed (local sets, threshold overrides, sets off per site),
 *     in words; null when the rule book was built without one
 */
@Serdeable
@MappedEntity("rule_book")
public record RuleBookRecord(@Id String version, Instant builtAt, int ruleCount, @Nullable String localPacks) {
}
