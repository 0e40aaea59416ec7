package org.medaudit.sample;

/** The answer to a submitted chart: the stored sample, and whether it was stored by an earlier identical request. */
public record Submission(SampleView sample, boolean replayed) {
}
