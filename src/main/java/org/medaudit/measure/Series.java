package org.medaudit.measure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One measure for one ward over a run of periods, in the series shape of DESIGN.md ("Rates and charts over HTTP").
 * Every period in the range appears; one with no audited chart is {@code "audited": false} and nothing else.
 */
@Serdeable
public record Series(String ward, String measure, String title, String chart, int per, String improvement,
        String ruleProfile, List<Point> points) {

    /**
     * A period of the series. For an audited period: the raw numerator and denominator, the value
     * ({@code per × numerator / denominator}; absent when the denominator is 0), and the chart's centre line,
     * limits and signals at that point.
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
            @Nullable List<String> signals,
            @Nullable List<String> annotations) {

        static Point notAudited(String period) {
            return new Point(period, false, null, null, null, null, null, null, null, null);
        }
    }
}
