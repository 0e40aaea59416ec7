package org.medaudit.improvement;

/** Which way a measure should move to be better; a measure document says it as "increase", "decrease" or "neutral". */
public enum Improvement {
    INCREASE, DECREASE, NEUTRAL;

    /** The direction a measure document names (case-insensitive). */
    public static Improvement of(String direction) {
        return switch (direction.toLowerCase(java.util.Locale.ROOT)) {
            case "increase" -> INCREASE;
            case "decrease" -> DECREASE;
            case "neutral" -> NEUTRAL;
            default -> throw new IllegalArgumentException("Unknown improvement direction " + direction);
        };
    }
}
