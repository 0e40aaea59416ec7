package org.medaudit.improvement;

/**
 * A suggested rebase: the period a sustained shift started, how many points it has run for, and on which side of
 * the centre line. Never applied automatically.
 */
public record RebaseSuggestion(String period, int points, boolean above) {

    /** The rebase a person makes by accepting this suggestion with their reason. */
    public Rebase accept(String reason) {
        return new Rebase(period, reason);
    }
}
