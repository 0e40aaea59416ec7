package org.medaudit.report.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The few things every SVG renderer here needs: text escaped for XML (every label that reaches a chart may come from
 * a user, so nothing is written unescaped) and coordinates written short and locale-free.
 */
public final class Svg {

    private Svg() {
    }

    /** Text or attribute value escaped for XML: the five special characters, and control characters dropped. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A coordinate to one decimal place, without a trailing ".0" ({@code 12}, {@code 12.5}, {@code -3.2}). */
    public static String num(double value) {
        return number(value, 1);
    }

    /** A number to at most {@code places} decimal places, trailing zeros dropped, in the root locale. */
    public static String number(double value, int places) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Not a finite number: " + value);
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }
}
