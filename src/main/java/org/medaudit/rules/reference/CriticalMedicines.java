package org.medaudit.rules.reference;

import java.util.Set;

/**
 * Which medicines are critical when a dose is omitted (NPSA/2010/RRR009 plus local additions) and which
 * omission reasons are never acceptable for them ({@code rules/reference/critical-medicines.yaml}).
 */
public record CriticalMedicines(Set<String> classes, Set<String> substances, Set<String> unacceptableReasons) {

    public boolean includes(Product product) {
        return product.classes().stream().anyMatch(classes::contains)
                || product.ingredients().stream().anyMatch(substances::contains);
    }
}
