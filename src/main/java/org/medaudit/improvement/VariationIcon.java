package org.medaudit.improvement;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The NHS "Making Data Count" variation icon, taken from the latest point (clinical-reference.md §4.3): common cause
 * (grey), special cause improvement or concern (blue or orange), high or low, or neutral high/low when the measure
 * has no better direction. As NHSRplotthedots codes it, a special-cause point is high or low by its side of the
 * centre line, whichever rule flagged it (a rising trend that is still below the mean is "low").
 */
public enum VariationIcon {
    COMMON_CAUSE("common-cause"),
    IMPROVEMENT_HIGH("improvement-high"),
    IMPROVEMENT_LOW("improvement-low"),
    CONCERN_HIGH("concern-high"),
    CONCERN_LOW("concern-low"),
    NEUTRAL_HIGH("neutral-high"),
    NEUTRAL_LOW("neutral-low");

    /**
     * Signals that say the level has changed, on a side. The others do not: inner-third is about spread, and
     * too-few-runs, too-many-runs and few-crossings are about the whole segment, not the latest point.
     */
    private static final Set<String> SPECIAL_CAUSE = Set.of(SignalRules.OUTSIDE_LIMITS, SignalRules.SHIFT,
            SignalRules.TREND, SignalRules.TWO_OF_THREE, SignalRules.LONG_RUN);

    private final String code;

    VariationIcon(String code) {
        this.code = code;
    }

    /** The name used in the JSON API and page templates. */
    public String code() {
        return code;
    }

    /** Whether a point's signals say its level has changed (the signals a variation icon and a highlighted point show). */
    public static boolean specialCause(List<String> signals) {
        return signals != null && signals.stream().anyMatch(SPECIAL_CAUSE::contains);
    }

    /** The icon for a charted series with its signals applied; empty when there are no points. */
    public static Optional<VariationIcon> latest(List<ChartPoint> points, Improvement direction) {
        if (points.isEmpty()) {
            return Optional.empty();
        }
        int last = points.size() - 1;
        ChartPoint latest = points.get(last);
        if (!specialCause(latest.signals())) {
            return Optional.of(COMMON_CAUSE);
        }
        int side = latest.side();
        // Only a trend can flag a point that sits exactly on the centre line: call it by the way the trend went.
        for (int i = last - 1; side == 0 && i >= 0; i--) {
            side = (int) Math.signum(latest.value() - points.get(i).value());
        }
        boolean high = side > 0;
        return Optional.of(switch (direction) {
            case NEUTRAL -> high ? NEUTRAL_HIGH : NEUTRAL_LOW;
            case INCREASE -> high ? IMPROVEMENT_HIGH : CONCERN_LOW;
            case DECREASE -> high ? CONCERN_HIGH : IMPROVEMENT_LOW;
        });
    }
}
