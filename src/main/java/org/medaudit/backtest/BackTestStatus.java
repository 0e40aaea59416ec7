package org.medaudit.backtest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A back-test as the API and page show it: its progress while it runs, and what would change once it is done.
 *
 * @param state {@code running}, {@code done} or {@code failed}
 * @param candidateVersion the version of the rule book evaluated (with any threshold overrides named after it)
 * @param servingVersion the version serving when the back-test started
 * @param localPacks what the candidate's local pack changes, in words; absent without one
 * @param total stored charts of the period when it started
 * @param processed charts evaluated so far
 * @param chartsPerSecond charts evaluated per second of elapsed time so far
 * @param result what would change; present when done
 */
@Serdeable
public record BackTestStatus(String id, String state, String from, String to, String candidate,
        String candidateVersion, String servingVersion, @Nullable String localPacks, long total, long processed,
        int percent, Instant startedAt, @Nullable Instant finishedAt, double chartsPerSecond, @Nullable String error,
        @Nullable Result result) {

    public boolean running() {
        return "running".equals(state);
    }

    /**
     * What the candidate would change: per ward (and for all wards, first), each finding-based measure's rate now
     * and with the candidate; and per rule, the findings that would appear or disappear.
     */
    @Serdeable
    public record Result(List<WardChange> wards, List<RuleChange> rules) {
    }

    /** One ward (or {@code ALL}) over the period. */
    @Serdeable
    public record WardChange(String ward, String site, long charts, long orders, List<MeasureChange> measures) {
    }

    /**
     * One measure of one ward: its numerator now (the stored rule findings, counted as basis=flagged counts them)
     * and with the candidate, its denominator, and both rates (per {@code per}; absent with no denominator).
     */
    @Serdeable
    public record MeasureChange(String measure, String title, int per, long currentNumerator,
            long candidateNumerator, long denominator, @Nullable Double currentRate, @Nullable Double candidateRate,
            @Nullable Double change) {
    }

    /**
     * One rule whose findings would change: how many would appear and disappear, and a few of the charts each
     * time (sample ids, up to {@value BackTest#EXAMPLES}).
     */
    @Serdeable
    public record RuleChange(String ruleId, long appeared, long disappeared, List<String> appearedIn,
            List<String> disappearedIn) {
    }
}
