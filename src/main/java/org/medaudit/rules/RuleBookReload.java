package org.medaudit.rules;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * What a successful reload did.
 *
 * @param before the version that served before
 * @param after the version serving now
 * @param changed false when the folder held exactly the files of the serving rule book, which then stays
 * @param ruleCount rules in the rule book serving now
 * @param builtAt when the rule book serving now was built
 */
@Serdeable
public record RuleBookReload(String before, String after, boolean changed, int ruleCount, Instant builtAt) {

    static RuleBookReload of(RuleBook before, RuleBook after) {
        return new RuleBookReload(before.version(), after.version(), !before.version().equals(after.version()),
                after.rules().size(), after.builtAt());
    }
}
