package org.medaudit.system;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A posted HTML form, read uniformly whether a field came once, several times (checkboxes) or not at all, and the
 * bridge from {@link FieldError} pointers to the form's field ids, so errors show beside their fields.
 */
public record FormValues(Map<String, Object> fields) {

    public static FormValues of(Map<String, Object> body) {
        return new FormValues(body == null ? Map.of() : body);
    }

    /** A single value, trimmed; empty when the field was not sent or blank. */
    public String text(String name) {
        List<String> values = all(name);
        return values.isEmpty() ? "" : values.get(0).strip();
    }

    public List<String> all(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).filter(v -> !v.isBlank()).toList();
        }
        String single = String.valueOf(value);
        return single.isBlank() ? List.of() : List.of(single);
    }

    public Set<String> set(String name) {
        return new TreeSet<>(all(name));
    }

    public boolean checked(String name) {
        return all(name).contains("true");
    }

    /**
     * Each error keyed by the id of the field it belongs to: the pointer's first segment ({@code /username} →
     * {@code username}), or the given id for pointers under a prefix (such as {@code /scope/…}).
     */
    public static Map<String, String> byField(List<FieldError> errors, Map<String, String> prefixes) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError error : errors) {
            String pointer = error.pointer();
            String field = prefixes.entrySet().stream().filter(p -> pointer.startsWith(p.getKey()))
                    .map(Map.Entry::getValue).findFirst()
                    .orElse(pointer.replaceFirst("^/", "").replace('/', '-'));
            byField.merge(field, capitalise(error.detail()), (a, b) -> a + "; " + b);
        }
        return byField;
    }

    private static String capitalise(String detail) {
        return detail.isEmpty() ? detail : Character.toUpperCase(detail.charAt(0)) + detail.substring(1);
    }
}
