package org.medaudit.improvement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a series' centre lines and limits are fixed: each baseline segment takes its centre and limits from its first
 * {@code points} points ("trial" limits, recomputed as each point arrives, until that many exist; then frozen and
 * extended forward), and each {@link Rebase} starts a new segment. Periods compare as text, which orders the
 * {@code YYYY-MM} periods MedAudit charts.
 */
public record BaselinePlan(int points, List<Rebase> rebases) {

    /** NHSRplotthedots' default, and the MDC advice: lock limits once 12 points exist. */
    public static final int DEFAULT_POINTS = 12;

    public BaselinePlan {
        // Two points are the fewest that give a moving range, so the fewest from which an XmR chart has limits.
        if (points < 2) {
            throw new IllegalArgumentException("A baseline needs at least 2 points, not " + points);
        }
        rebases = List.copyOf(rebases);
        for (int i = 1; i < rebases.size(); i++) {
            if (rebases.get(i).period().compareTo(rebases.get(i - 1).period()) <= 0) {
                throw new IllegalArgumentException("Rebases must be in period order, each at a different period");
            }
        }
    }

    /** Limits frozen after 12 points, no rebases. */
    public static BaselinePlan standard() {
        return new BaselinePlan(DEFAULT_POINTS, List.of());
    }

    /** Limits from every point of each segment, never frozen: what {@link ControlChart#chart(String, List)} draws. */
    public static BaselinePlan unfrozen() {
        return new BaselinePlan(Integer.MAX_VALUE, List.of());
    }

    /** Limits frozen after the given number of points, with these rebases (in period order). */
    public static BaselinePlan of(int points, Rebase... rebases) {
        return new BaselinePlan(points, List.of(rebases));
    }

    /** This plan with one more rebase, kept in period order. */
    public BaselinePlan rebasedAt(Rebase rebase) {
        List<Rebase> all = new ArrayList<>(rebases);
        all.add(rebase);
        all.sort(Comparator.comparing(Rebase::period));
        return new BaselinePlan(points, all);
    }
}
