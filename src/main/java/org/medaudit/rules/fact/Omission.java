package org.medaudit.rules.fact;

import org.kie.api.definition.type.ClassReactive;
/**
 * A dose omitted in the audit window.
 *
 * @param drug as written
 * @param reasonCode the code recorded, {@code none-recorded} when the chart gives none
 * @param critical the medicine is on the critical-medicines list (NPSA/2010/RRR009 and local additions)
 * @param reasonAcceptableForCritical the reason is one that may justify omitting a critical medicine
 */
@ClassReactive
public record Omission(int index, String drug, String reasonCode, boolean critical,
        boolean reasonAcceptableForCritical) {
}
