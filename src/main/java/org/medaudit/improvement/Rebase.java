package org.medaudit.improvement;

/**
 * A decision to start a new baseline at a period, with the reason a person recorded for it (MDC: rebasing is a
 * judgement made where a sustained change is understood, never automatic).
 */
public record Rebase(String period, String reason) {

    public Rebase {
        if (period == null || period.isBlank()) {
            throw new IllegalArgumentException("A rebase needs the period it starts at");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A rebase at " + period + " needs a recorded reason");
        }
    }
}
