package org.medaudit.rules.fact;

import java.math.BigDecimal;

/** Numbers in finding messages as a pharmacist writes them: {@code 45}, {@code 44.5}, {@code 4500}, never 45.0. */
public final class Numbers {

    private Numbers() {
    }

    /** The number without trailing zeros or exponent, rounded to at most one decimal place; "?" when null. */
    public static String plain(Number value) {
        if (value == null) {
            return "?";
        }
        return BigDecimal.valueOf(value.doubleValue()).setScale(1, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
