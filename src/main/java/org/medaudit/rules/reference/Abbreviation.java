package org.medaudit.rules.reference;

import java.util.regex.Pattern;

/**
 * An error-prone abbreviation ({@code rules/reference/abbreviations.yaml}), e.g. "U" or "IU" written for units,
 * found in an order's dose text by its pattern.
 */
public record Abbreviation(String id, String meaning, Pattern pattern, String source) {

    public boolean foundIn(String text) {
        return text != null && pattern.matcher(text).find();
    }
}
