package org.medaudit.rules.reference;

import java.util.Map;

/**
 * Every threshold of the reference data as one fact, inserted once per chart: a rule reads the numbers it compares
 * against with {@code Thresholds( $age : value("older-people.age-from") )}. One fact rather than one per threshold
 * because inserting and propagating the 27 threshold facts with every chart was about half of all insertions.
 *
 * @param byName the thresholds by name, as {@link ReferenceData#thresholds()} has them (local overrides in place)
 */
public record Thresholds(Map<String, Threshold> byName) {

    /**
     * The value of a threshold.
     *
     * @throws IllegalArgumentException naming a threshold the reference data does not have (the reference guard
     *     test checks every name a rule uses)
     */
    public double value(String name) {
        Threshold threshold = byName.get(name);
        if (threshold == null) {
            throw new IllegalArgumentException("No threshold " + name + " in rules/reference/thresholds.yaml");
        }
        return threshold.value();
    }
}
