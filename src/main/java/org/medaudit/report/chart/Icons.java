package org.medaudit.report.chart;

import static org.medaudit.report.chart.Svg.escape;

/**
 * The Making Data Count variation and assurance icons as small SVG badges (blue improvement, orange concern, grey
 * common cause or hit-and-miss), each with a letter and a text label, so that nothing is told by colour alone.
 */
public final class Icons {

    private Icons() {
    }

    /** A badge and its words, for a page. */
    public record Badge(String svg, String text) {
    }

    /** The variation icon for a code of {@code VariationIcon} ({@code common-cause}, {@code concern-high}, …). */
    public static Badge variation(String code) {
        if (code == null) {
            return new Badge(badge("none", "–", "No data"), "No data to judge");
        }
        String[] parts = code.split("-");
        String kind = parts[0];
        String side = parts.length > 1 ? parts[parts.length - 1] : "";
        String letter = "high".equals(side) ? "H" : "low".equals(side) ? "L" : "~";
        String text = switch (kind) {
            case "improvement" -> "Special cause improvement (" + side + ")";
            case "concern" -> "Special cause concern (" + side + ")";
            case "neutral" -> "Special cause, neither better nor worse (" + side + ")";
            default -> "Common cause: no significant change";
        };
        String css = switch (kind) {
            case "improvement", "concern", "neutral" -> kind;
            default -> "common";
        };
        return new Badge(badge(css, letter, text), text);
    }

    /** The assurance icon for a code of {@code AssuranceIcon}; null where there is no target or no limits. */
    public static Badge assurance(String code) {
        return switch (code == null ? "none" : code) {
            case "consistently-pass" -> new Badge(badge("improvement", "P", "Consistently passes the target"),
                    "Consistently passes the target");
            case "consistently-fail" -> new Badge(badge("concern", "F", "Consistently fails the target"),
                    "Consistently fails the target");
            case "inconsistent" -> new Badge(badge("common", "?", "Hit and miss: sometimes meets the target"),
                    "Hit and miss: sometimes meets the target");
            default -> null;
        };
    }

    private static String badge(String css, String letter, String label) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\" class=\"ma-icon ma-icon--" + css
                + "\" role=\"img\" aria-label=\"" + escape(label) + "\"><circle cx=\"16\" cy=\"16\" r=\"14\"/>"
                + "<text x=\"16\" y=\"21\" text-anchor=\"middle\">" + escape(letter) + "</text></svg>";
    }
}
