package org.medaudit.rules.fact;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.medaudit.rules.reference.Amount;
import org.kie.api.definition.type.ClassReactive;

/**
 * One medication order on the chart, resolved through the formulary.
 *
 * @param index the order's position in the sample ({@code orderIndex} of a finding)
 * @param drug the drug name as written
 * @param product the formulary name it resolves to; null when the formulary does not know it
 * @param ingredients the substances it contains (empty when unknown)
 * @param classes the drug classes of its ingredients (empty when unknown)
 * @param dose the numeric dose; null when the chart gives none
 * @param unit the dose unit as written; null when the chart gives none
 * @param unitRecognised the unit is one the reference data knows
 * @param doseAmount the dose in its canonical unit (mass in mg); null when dose or unit is missing or unclear
 * @param doseText the dose as written, for abbreviation checks
 * @param route one of the contract's routes, or null when missing
 * @param frequency a contract frequency or the free text written; null when missing
 * @param frequencyRecognised the frequency is one of the contract's coded frequencies
 * @param prn an as-required order
 * @param prnMaxPer24h the stated maximum in 24 hours, in the order's unit; null when none is stated
 * @param indication as written; null when none
 * @param startDate null when none
 * @param reviewDate null when none
 * @param signed false when the auditor recorded no prescriber signature; null when not recorded
 * @param abbreviations ids of the error-prone abbreviations found in the dose text
 * @param dailyMg most mg of each ingredient the order allows in 24 hours (regular doses, or the as-required
 *     maximum); an ingredient is missing when the order does not say enough to add it up
 * @param treatmentIntensity the daily amount is above the formulary's prophylactic maximum (or it has none)
 */
@ClassReactive
public record Order(
        int index,
        String drug,
        String product,
        Set<String> ingredients,
        Set<String> classes,
        Double dose,
        String unit,
        boolean unitRecognised,
        Amount doseAmount,
        String doseText,
        String route,
        String frequency,
        boolean frequencyRecognised,
        boolean prn,
        Double prnMaxPer24h,
        String indication,
        LocalDate startDate,
        LocalDate reviewDate,
        Boolean signed,
        Set<String> abbreviations,
        Map<String, Double> dailyMg,
        boolean treatmentIntensity) {

    /** The formulary knows this drug. */
    public boolean inFormulary() {
        return product != null;
    }

    public boolean hasClass(String drugClass) {
        return classes.contains(drugClass);
    }

    public boolean hasIngredient(String substance) {
        return ingredients.contains(substance);
    }

    /** Both orders contain a common ingredient. */
    public boolean sharesIngredientWith(Order other) {
        return ingredients.stream().anyMatch(other.ingredients::contains);
    }

    public boolean usesAbbreviation(String abbreviationId) {
        return abbreviations.contains(abbreviationId);
    }

    /** Most mg of this ingredient the order allows in 24 hours, or 0 when it cannot be added up. */
    public double dailyMgOf(String substance) {
        return dailyMg.getOrDefault(substance, 0.0);
    }

    /** The order's daily amount of this ingredient can be added up from the chart. */
    public boolean dailyMgKnown(String substance) {
        return dailyMg.containsKey(substance);
    }
}
