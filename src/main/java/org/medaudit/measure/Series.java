package org.medaudit.measure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.medaudit.improvement.AnnotationMark;

/**
 * One measure for one ward (or a site or the network, summed) over a run of periods, in the series shape of
 * DESIGN.md ("Rates and charts over HTTP"). Every period in the range appears; one with no audited chart is
 * {@code "audited": false}, with no numerator, denominator or value.
 *
 * <p>Centre lines and limits come from frozen baselines: each baseline segment takes them from its first 12 charted
 * periods (trial limits until it has 12) and a rebase annotation starts a new segment. The baseline, the icons and
 * any suggested rebase describe the latest charted period up to the end of the range.
 *
 * @param target the measure's target in its own units, when it has one
 * @param baseline the latest point's baseline segment; absent when nothing could be charted
 * @param variationIcon the Making Data Count variation icon of the latest point, e.g. {@code common-cause}
 * @param assuranceIcon the Making Data Count assurance icon: {@code none} without a target or limits
 * @param suggestedRebase where a sustained shift suggests a new baseline; never applied without a rebase annotation
 * @param sampleNote present when the audited periods rest on too few charts for a meaningful chart (the median
 *     audited period has fewer than {@code medaudit.minimum-charts-per-point}, default 10): says so, and what to
 *     read instead
 */
@Serdeable
public record Series(String ward, String measure, String title, String chart, int per, String improvement,
        String ruleProfile, @Nullable Double target, @Nullable BaselineInfo baseline, @Nullable String variationIcon,
        String assuranceIcon, @Nullable SuggestedRebase suggestedRebase, @Nullable String sampleNote,
        List<Point> points) {

    /**
     * A period of the series. For an audited period: the raw numerator and denominator, the value
     * ({@code per × numerator / denominator}; absent when the denominator is 0), and the chart's centre line,
     * limits, baseline segment and signals at that point. For every period: the annotations that cover it, and
     * audit completeness (charts audited against the target sample, as a percentage).
     *
     * <p>Where small-number suppression applies ({@link Disclosure}), a count between 1 and the minimum is null and
     * {@code suppressed} is true; so are the value, limits and completeness that would reveal it. Absent otherwise.
     */
    @Serdeable
    public record Point(
            String period,
            boolean audited,
            @Nullable Long numerator,
            @Nullable Long denominator,
            @Nullable Double value,
            @Nullable Double centre,
            @Nullable Double lower,
            @Nullable Double upper,
            @Nullable Integer segment,
            @Nullable List<String> signals,
            List<AnnotationMark> annotations,
            @Nullable Long chartsAudited,
            long chartsTarget,
            @Nullable Double completeness,
            @Nullable Boolean suppressed) {
    }

    /**
     * Where the latest point's centre and limits come from: its segment (0 until the first rebase), the period
     * the segment starts at and the reason recorded for it, how many points they were computed from, and whether
     * they are frozen (false: trial limits that move as points arrive).
     */
    @Serdeable
    public record BaselineInfo(int segment, String from, @Nullable String reason, int points, boolean frozen) {
    }

    /** A sustained shift: the period it started, how many points it has run for, and on which side. */
    @Serdeable
    public record SuggestedRebase(String period, int points, String side) {
    }
}
