package org.medaudit.rules.fact;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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

    /** A day of the week written in full or short, singular or plural: "Monday", "mon", "Thurs", "Sundays". */
    private static final Pattern WEEKDAY = Pattern.compile(
            "(?i)(?<![a-z])(mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(day)?s?(?![a-z])");

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

    /** The dose in mg, or null when it is not a mass (or not given). */
    public Double doseMg() {
        return doseAmount != null && "mg".equals(doseAmount.unit()) ? doseAmount.value() : null;
    }

    /** The dose text names a day of the week (a weekly medicine must say which day, e.g. "10 mg on Mondays"). */
    public boolean statesDayOfWeek() {
        return doseText != null && WEEKDAY.matcher(doseText).find();
    }

    /** Whole days from the start date to that day; null when the order has no start date. */
    public Long daysSinceStart(LocalDate day) {
        return startDate == null ? null : ChronoUnit.DAYS.between(startDate, day);
    }

    /**
     * The order started more than this many hours before that day. Charts give dates, not times, so the hours are
     * whole days times 24: started three days before the audit day is 72 hours, not more than 72.
     */
    public boolean startedMoreThanHoursBefore(LocalDate day, double hours) {
        return startDate != null && daysSinceStart(day) * 24.0 > hours;
    }

    /** The order was written after that day (both dates known): a re-written order answers an earlier result. */
    public boolean startedAfter(LocalDate day) {
        return startDate != null && day != null && startDate.isAfter(day);
    }
}
