package org.medaudit.improvement;

import java.util.List;
import java.util.Optional;

/**
 * Where a point's centre line and limits come from: its baseline segment (0 until the first rebase), the period that
 * segment starts at, the reason it was started (null for the first segment), how many of the segment's first points
 * the centre and limits were computed from, and whether they are frozen. Limits that are not frozen are "trial"
 * limits: the segment has fewer points than the plan asks for, so they will move as points arrive.
 */
public record Baseline(int segment, String from, String reason, int points, boolean frozen) {

    /** A point not charted against a plan (built by hand): nothing is known of its limits beyond its segment. */
    public static final Baseline UNPLANNED = new Baseline(0, null, null, 0, false);

    /** Trial limits: recomputed with each new point until the segment has the plan's number of points. */
    public boolean trial() {
        return !frozen;
    }

    /**
     * Suggests a rebase when the latest segment ends in a sustained shift: its latest points carry a {@code shift} or
     * {@code long-run} signal on one side of the centre line (so the length is the rule profile's, e.g. 7 for
     * nhs-mdc). The suggestion is the period where that run starts. Points on the centre line are stepped over, as
     * Perla's rule does. A suggestion only: a person accepts it with a reason ({@link RebaseSuggestion#accept}).
     *
     * @param points a charted series with its signals applied (see {@link SignalRules#apply})
     */
    public static Optional<RebaseSuggestion> suggestRebase(List<ChartPoint> points) {
        if (points.isEmpty()) {
            return Optional.empty();
        }
        int segment = points.get(points.size() - 1).baseline().segment();
        int side = 0;
        int start = -1;
        int count = 0;
        for (int i = points.size() - 1; i >= 0 && points.get(i).baseline().segment() == segment; i--) {
            ChartPoint p = points.get(i);
            if (p.side() == 0) {
                continue;
            }
            boolean sustained = p.signals().contains(SignalRules.SHIFT) || p.signals().contains(SignalRules.LONG_RUN);
            if (!sustained || (side != 0 && p.side() != side)) {
                break;
            }
            side = p.side();
            start = i;
            count++;
        }
        // A run that began with the segment itself would rebase to where the segment already starts.
        if (start <= 0 || points.get(start - 1).baseline().segment() != segment) {
            return Optional.empty();
        }
        return Optional.of(new RebaseSuggestion(points.get(start).observation().period(), count, side > 0));
    }
}
