package org.medaudit.measure;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which findings a rate counts. {@code reviewed} (the default) counts what pharmacists stand behind: findings
 * flagged by a rule and not yet reviewed, confirmed ones and ones they added, but not overridden ones.
 * {@code flagged} counts what the rules raised, as they raised it: every rule finding whatever its review, and no
 * finding a pharmacist added. Read side by side they show how much review changes a rate.
 */
public enum Basis {
    REVIEWED("reviewed", "f.status <> 'overridden'"),
    FLAGGED("flagged", "f.rule_id IS NOT NULL");

    private final String code;
    private final String condition;

    Basis(String code, String condition) {
        this.code = code;
        this.condition = condition;
    }

    public String code() {
        return code;
    }

    /** The SQL condition on a finding {@code f} that this basis counts (a constant, never request text). */
    public String condition() {
        return condition;
    }

    public static Optional<Basis> of(String code) {
        return Arrays.stream(values()).filter(basis -> basis.code.equals(code.toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
