package org.medaudit.rules.reference;

import java.util.Locale;

/** How drug, class and unit names are compared: case-insensitively, with white space folded. */
public final class Names {

    private Names() {
    }

    public static String normalise(String name) {
        return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
