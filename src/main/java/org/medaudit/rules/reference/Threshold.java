package org.medaudit.rules.reference;

/**
 * A number a rule compares against, kept in {@code rules/reference/thresholds.yaml} so that a hospital changes
 * it in data, not in DRL. Rules read it through the one {@link Thresholds} fact of a chart:
 * {@code Thresholds( $v : value("…") )}.
 */
public record Threshold(String name, double value, String unit, String source) {
}
