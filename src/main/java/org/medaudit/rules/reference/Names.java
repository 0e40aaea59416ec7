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
        String trimmed = name.trim();
        // Names are almost always short ASCII: fold case and white space in one pass without a regex or a copy
        // when nothing changes; anything else (non-ASCII letters) takes the general path.
        StringBuilder folded = null;
        boolean inSpace = false;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c > 0x7e) {
                return WHITE_SPACE.matcher(trimmed).replaceAll(" ").toLowerCase(Locale.ROOT);
            }
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
            boolean unchanged = space ? c == ' ' && !inSpace : c < 'A' || c > 'Z';
            if (!unchanged && folded == null) {
                folded = new StringBuilder(trimmed.length()).append(trimmed, 0, i);
            }
            if (folded != null && !(space && inSpace)) {
                folded.append(space ? ' ' : c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
            }
            inSpace = space;
        }
        return folded == null ? trimmed : folded.toString();
    }
}
