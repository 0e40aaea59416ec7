package org.medaudit.rules.reference;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A position in a parsed reference file, so that every complaint names the file and the key a hospital must fix.
 */
record Node(Path file, String path, Object value) {

    static Node root(Path file, Map<String, Object> document) {
        return new Node(file, "", document);
    }

    Node get(String key) {
        return new Node(file, path.isEmpty() ? key : path + "." + key, map().get(key));
    }

    boolean has(String key) {
        return map().get(key) != null;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map() {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map)) {
            throw fail("expected a mapping");
        }
        return (Map<String, Object>) value;
    }

    /** The entries of a mapping in file order. */
    Map<String, Node> entries() {
        Map<String, Node> entries = new LinkedHashMap<>();
        map().keySet().forEach(key -> entries.put(String.valueOf(key), get(String.valueOf(key))));
        return entries;
    }

    String text() {
        if (!(value instanceof String s) || s.isBlank()) {
            throw fail("expected text");
        }
        return s.trim();
    }

    double number() {
        if (!(value instanceof Number n)) {
            throw fail("expected a number");
        }
        return n.doubleValue();
    }

    /** A list of names, lower-cased: names match case-insensitively everywhere in MedAudit. */
    Set<String> names() {
        if (value == null) {
            return Set.of();
        }
        if (!(value instanceof List<?> list)) {
            throw fail("expected a list");
        }
        Set<String> names = new TreeSet<>();
        for (Object item : list) {
            if (!(item instanceof String s) || s.isBlank()) {
                throw fail("expected a list of names");
            }
            names.add(Names.normalise(s));
        }
        return names;
    }

    IllegalArgumentException fail(String problem) {
        return new IllegalArgumentException(file.getFileName() + ": " + (path.isEmpty() ? "top level" : path) + ": "
                + problem + (value == null ? " (missing)" : ", found " + value));
    }
}
