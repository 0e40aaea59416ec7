package org.medaudit.rules.reference;

import java.util.Map;
import java.util.Set;

/**
 * A medicine the formulary resolves a written drug name to: one substance, or a combination product.
 *
 * @param name the formulary name (generic name or combination name, e.g. {@code co-codamol})
 * @param ingredients the substances it contains
 * @param classes the drug classes of every ingredient, e.g. {@code penicillin}, {@code nsaid}
 * @param milligramsPerDoseUnit for products taken as tablets, capsules and the like: mg of an ingredient in one
 *     unit, so that a dose of "2 tablets" can be added up (e.g. paracetamol 500 mg in co-codamol)
 * @param prophylacticMaxDaily the largest daily amount still given as prophylaxis (e.g. enoxaparin 40 mg,
 *     dalteparin 5000 units), above which the medicine is at treatment intensity; null where the formulary is silent
 */
public record Product(
        String name,
        Set<String> ingredients,
        Set<String> classes,
        Map<String, Double> milligramsPerDoseUnit,
        Amount prophylacticMaxDaily) {
}
