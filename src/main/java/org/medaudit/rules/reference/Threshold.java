package org.medaudit.rules.reference;

/**
 * A number a rule compares against, kept in {@code rules/reference/thresholds.yaml} so that a hospital changes
 * it in data, not in DRL. Inserted into every rule session as a fact: {@code Threshold( name == "…", $v : value )}.
 */
public record Threshold(String name, double value, String unit, String source) {
}
