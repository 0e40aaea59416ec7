package org.medaudit.rules.fact;

import java.util.Set;
import org.medaudit.rules.reference.Amount;

/**
 * A medicine taken before admission, for reconciliation.
 *
 * @param index its position in the sample's pre-admission list
 * @param drug as written
 * @param ingredients resolved through the formulary (empty when unknown)
 * @param doseAmount the dose in its canonical unit (mass in mg); null when not recorded or the unit is unclear
 * @param route null when not recorded
 * @param frequency null when not recorded
 * @param onChart true when it is on the inpatient chart, false when not, null when not recorded
 * @param changeDocumented true when a stop or change is documented as intended, null when not recorded
 */
public record PreAdmission(int index, String drug, Set<String> ingredients, Amount doseAmount, String route,
        String frequency, Boolean onChart, Boolean changeDocumented) {

    /** The chart order is for the same medicine (a common ingredient, or the same name when either is unknown). */
    public boolean sameMedicineAs(Order order) {
        return ingredients.isEmpty() || order.ingredients().isEmpty()
                ? drug.equalsIgnoreCase(order.drug())
                : ingredients.stream().anyMatch(order.ingredients()::contains);
    }

    /** The order gives a different dose, route or frequency from the one taken at home (where both are known). */
    public boolean differsFrom(Order order) {
        return differs(doseAmount, order.doseAmount()) || differs(route, order.route())
                || differs(frequency, order.frequency());
    }

    public boolean changeDocumentedAsIntended() {
        return Boolean.TRUE.equals(changeDocumented);
    }

    private static boolean differs(Object before, Object now) {
        return before != null && now != null && !before.equals(now);
    }
}
