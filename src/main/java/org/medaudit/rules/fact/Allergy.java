package org.medaudit.rules.fact;

import java.util.Set;
import org.kie.api.definition.type.ClassReactive;

/**
 * A recorded drug allergy, resolved through the formulary: an allergy to "penicillin" or "Augmentin" covers
 * the class or the ingredients named.
 *
 * @param substance as recorded
 * @param reaction as recorded, lower case; null when not recorded
 * @param severeReaction the reaction is one the reference data lists as severe (anaphylaxis, angioedema, …)
 * @param classes the drug classes the allergy covers
 * @param ingredients the substances the allergy covers
 * @param substanceClasses the classes of those substances (an allergy to amoxicillin is to a penicillin)
 */
@ClassReactive
public record Allergy(String substance, String reaction, boolean severeReaction, Set<String> classes,
        Set<String> ingredients, Set<String> substanceClasses) {

    /** The allergy covers this class, e.g. {@code covers("penicillin")}. */
    public boolean covers(String drugClass) {
        return classes.contains(drugClass);
    }

    /** The order contains an ingredient the patient is allergic to, or belongs to a class they are allergic to. */
    public boolean conflictsWith(Order order) {
        return order.ingredients().stream().anyMatch(ingredients::contains)
                || order.classes().stream().anyMatch(classes::contains);
    }

    /**
     * The allergy is to this class, recorded by class ("penicillins") or by one of its members ("amoxicillin"):
     * for cross-reactivity warnings, where either way of recording means the same.
     */
    public boolean isToClass(String drugClass) {
        return classes.contains(drugClass) || substanceClasses.contains(drugClass);
    }
}
