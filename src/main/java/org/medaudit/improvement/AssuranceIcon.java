package org.medaudit.improvement;

import java.util.List;

/**
 * The NHS "Making Data Count" assurance icon (clinical-reference.md §4.3, as NHSRplotthedots codes it): will the
 * process, as it is, meet the target? Only with a target and a better direction; judged against the latest limits.
 * A target beyond a limit is met every time or missed every time; a target between the limits (inclusive) is hit and
 * miss. Target and limits are in the same units (fractions, before {@code per}).
 */
public enum AssuranceIcon {
    CONSISTENTLY_PASS("consistently-pass"),
    CONSISTENTLY_FAIL("consistently-fail"),
    INCONSISTENT("inconsistent"),
    NONE("none");

    private final String code;

    AssuranceIcon(String code) {
        this.code = code;
    }

    /** The name used in the JSON API and page templates. */
    public String code() {
        return code;
    }

    /**
     * The icon for a target (null when the measure has none) against these limits; NONE without a target, for a
     * neutral direction, or when there are no limits (a run chart).
     */
    public static AssuranceIcon of(Double target, Improvement direction, double lower, double upper) {
        if (target == null || target.isNaN() || direction == Improvement.NEUTRAL || Double.isNaN(lower)
                || Double.isNaN(upper)) {
            return NONE;
        }
        boolean increase = direction == Improvement.INCREASE;
        if (target > upper) {
            return increase ? CONSISTENTLY_FAIL : CONSISTENTLY_PASS;
        }
        if (target < lower) {
            return increase ? CONSISTENTLY_PASS : CONSISTENTLY_FAIL;
        }
        return INCONSISTENT;
    }

    /** The icon for a target against the limits of the latest point (p and u limits vary with each period). */
    public static AssuranceIcon latest(List<ChartPoint> points, Double target, Improvement direction) {
        if (points.isEmpty()) {
            return NONE;
        }
        ChartPoint latest = points.get(points.size() - 1);
        return of(target, direction, latest.lower(), latest.upper());
    }
}
