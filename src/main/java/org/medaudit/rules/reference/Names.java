package org.medaudit.rules.reference;

import java.util.Locale;
import java.util.regex.Pattern;

/** How drug, class and unit names are compared: case-insensitively, with white space folded. */
public final class Names {

    /** Compiled once: names are normalised for every order of every chart, a third of building the facts. */
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private Names() {
    }

    public static String normalise(String name) {
        return WHITE_SPACE.matcher(name.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
