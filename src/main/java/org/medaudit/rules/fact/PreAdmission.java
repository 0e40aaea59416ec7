package org.medaudit.rules.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.medaudit.rules.reference.Amount;
import org.medaudit.sample.Frequency;
import org.kie.api.definition.type.ClassReactive;

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
@ClassReactive
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
                || frequencyDiffers(order);
    }

    /**
     * What {@link #differsFrom} found, for a finding message, e.g.
     * {@code dose 3 mg before admission, 5 mg on the chart; frequency once-daily before admission, twice-daily on the chart}.
     */
    public String differencesFrom(Order order) {
        List<String> differences = new ArrayList<>();
        if (differs(doseAmount, order.doseAmount())) {
            differences.add("dose " + text(doseAmount) + " before admission, " + text(order.doseAmount())
                    + " on the chart");
        }
        if (differs(route, order.route())) {
            differences.add("route " + route + " before admission, " + order.route() + " on the chart");
        }
        if (frequencyDiffers(order)) {
            differences.add("frequency " + frequency + " before admission, " + order.frequency() + " on the chart");
        }
        return String.join("; ", differences);
    }

    public boolean changeDocumentedAsIntended() {
        return Boolean.TRUE.equals(changeDocumented);
    }

    private static String text(Amount amount) {
        return Numbers.plain(amount.value()) + " " + amount.unit();
    }

    /**
     * Coded frequencies differ when they give a different number of doses a day ("mane" and "once-daily" do not);
     * free text is compared as written.
     */
    private boolean frequencyDiffers(Order order) {
        Optional<Frequency> before = Optional.ofNullable(frequency).flatMap(Frequency::ofCode);
        Optional<Frequency> now = Optional.ofNullable(order.frequency()).flatMap(Frequency::ofCode);
        if (before.isPresent() && now.isPresent()) {
            return before.get().dosesPer24h() != now.get().dosesPer24h();
        }
        return differs(frequency == null ? null : frequency.toLowerCase(Locale.ROOT),
                order.frequency() == null ? null : order.frequency().toLowerCase(Locale.ROOT));
    }

    private static boolean differs(Object before, Object now) {
        return before != null && now != null && !before.equals(now);
    }
}
