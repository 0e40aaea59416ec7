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
 */
@ClassReactive
public record Allergy(String substance, String reaction, boolean severeReaction, Set<String> classes,
        Set<String> ingredients) {

    /** The allergy covers this class, e.g. {@code covers("penicillin")}. */
    public boolean covers(String drugClass) {
        return classes.contains(drugClass);
    }

    /** The order contains an ingredient the patient is allergic to, or belongs to a class they are allergic to. */
    public boolean conflictsWith(Order order) {
        return order.ingredients().stream().anyMatch(ingredients::contains)
                || order.classes().stream().anyMatch(classes::contains);
    }
}
