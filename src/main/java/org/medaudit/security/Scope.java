package org.medaudit.security;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sites and wards a ward user or an API token may read. Empty for a token means the whole network; a ward
 * user with an empty scope can read nothing.
 */
@Serdeable
public record Scope(Set<String> sites, Set<String> wards) {

    public static final Scope NONE = new Scope(Set.of(), Set.of());

    public static final String SITES = "sites";
    public static final String WARDS = "wards";

    public Scope {
        sites = Set.copyOf(new TreeSet<>(sites));
        wards = Set.copyOf(new TreeSet<>(wards));
    }

    public boolean isEmpty() {
        return sites.isEmpty() && wards.isEmpty();
    }

    public boolean covers(String siteCode, String wardCode) {
        return sites.contains(siteCode) || wards.contains(wardCode);
    }

    /** As JWT claims or token attributes: two lists of codes. */
    public Map<String, Object> asAttributes() {
        return Map.of(SITES, List.copyOf(new TreeSet<>(sites)), WARDS, List.copyOf(new TreeSet<>(wards)));
    }

    /** Reads the attributes back; anything missing is empty. */
    public static Scope fromAttributes(Map<String, Object> attributes) {
        return new Scope(codes(attributes.get(SITES)), codes(attributes.get(WARDS)));
    }

    private static Set<String> codes(Object value) {
        Set<String> codes = new TreeSet<>();
        if (value instanceof Collection<?> items) {
            items.forEach(item -> codes.add(String.valueOf(item)));
        }
        return codes;
    }
}
