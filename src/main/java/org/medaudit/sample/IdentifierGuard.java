package org.medaudit.sample;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses patient identifiers in free text (Caldicott principle 3, "minimum necessary"): an NHS number — ten digits,
 * optionally spaced 3-3-4, whose modulus-11 check digit is valid — or a date of birth, written as one or as a full
 * calendar date (text fields have no need of dates; dated facts have fields of their own).
 */
public final class IdentifierGuard {

    private static final Pattern TEN_DIGITS = Pattern.compile("(?<!\\d)(\\d{3})[ -]?(\\d{3})[ -]?(\\d{4})(?!\\d)");
    private static final Pattern BIRTH_WORDS =
            Pattern.compile("(?i)(?<![a-z])(d\\.?o\\.?b\\.?|date of birth|born)(?![a-z])");
    private static final Pattern FULL_DATE = Pattern.compile("(?i)(?<!\\d)("
            + "\\d{1,2}[/.-]\\d{1,2}[/.-](18|19|20)\\d{2}"
            + "|(18|19|20)\\d{2}[/.-]\\d{1,2}[/.-]\\d{1,2}"
            + "|\\d{1,2}(st|nd|rd|th)?\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?,?\\s+(18|19|20)\\d{2}"
            + ")(?!\\d)");

    private IdentifierGuard() {
    }

    /** What identifier the text seems to hold, in words for the person who typed it; empty when none. */
    public static Optional<String> findIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher digits = TEN_DIGITS.matcher(text);
        while (digits.find()) {
            if (isValidNhsNumber(digits.group(1) + digits.group(2) + digits.group(3))) {
                return Optional.of("contains what looks like an NHS number; MedAudit stores no patient identifiers");
            }
        }
        if (BIRTH_WORDS.matcher(text).find() || FULL_DATE.matcher(text).find()) {
            return Optional.of("contains what looks like a date of birth; MedAudit stores no patient identifiers "
                    + "(record dates only in the date fields)");
        }
        return Optional.empty();
    }

    /** The NHS number modulus-11 check: weights 10 to 2 on the first nine digits; 11 becomes 0, 10 is invalid. */
    static boolean isValidNhsNumber(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (tenDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == tenDigits.charAt(9) - '0';
    }
}
