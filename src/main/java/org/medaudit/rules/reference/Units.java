package org.medaudit.rules.reference;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medaudit.system.YamlFiles;

/**
 * The dose units a chart may use ({@code rules/reference/units.yaml}): mass units convert to mg, dose units
 * (tablet, capsule, …) count whole products, and other units (units, mL, mmol) are kept as they are.
 * A unit that is none of these is unclear and the rules say so.
 */
public record Units(Map<String, Double> milligramsPer, Map<String, String> aliases, Set<String> doseUnits,
        Set<String> otherUnits) {

    static Units load(Path file) {
        Node root = Node.root(file, YamlFiles.readMapping(file));
        Map<String, Double> mass = new HashMap<>();
        Map<String, String> aliases = new HashMap<>();
        root.get("mass").entries().forEach((name, node) -> {
            String unit = Names.normalise(name);
            mass.put(unit, node.get("mg").number());
            node.get("aliases").names().forEach(alias -> aliases.put(alias, unit));
        });
        Set<String> doseUnits = root.get("doseUnits").names();
        Set<String> other = root.get("otherUnits").names();
        root.get("aliases").entries().forEach((alias, node) -> aliases.put(Names.normalise(alias),
                Names.normalise(node.text())));
        return new Units(Map.copyOf(mass), Map.copyOf(aliases), doseUnits, other);
    }

    /** The unit as the reference names it, or empty when MedAudit does not recognise it. */
    public Optional<String> canonical(String unit) {
        String name = Names.normalise(unit);
        String resolved = aliases.getOrDefault(name, name);
        boolean known = milligramsPer.containsKey(resolved) || doseUnits.contains(resolved)
                || otherUnits.contains(resolved);
        return known ? Optional.of(resolved) : Optional.empty();
    }

    public boolean isDoseUnit(String canonicalUnit) {
        return doseUnits.contains(canonicalUnit);
    }

    /** The quantity in its canonical unit (mass in mg); empty for an unrecognised unit. */
    public Optional<Amount> amount(double value, String unit) {
        return canonical(unit).map(u -> milligramsPer.containsKey(u)
                ? new Amount(value * milligramsPer.get(u), "mg")
                : new Amount(value, u));
    }
}
