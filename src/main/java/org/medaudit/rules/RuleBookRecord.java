package org.medaudit.rules;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A rule-book version that has served: findings and samples refer to it, so a rate traces to its rules. */
@Serdeable
@MappedEntity("rule_book")
public record RuleBookRecord(@Id String version, Instant builtAt, int ruleCount) {
}
