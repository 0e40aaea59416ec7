package org.medaudit.measure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One period for many wards at once: each ward's value of every measure in that month, with its chart's signals
 * and icons, as a dashboard shows all wards side by side. Counts follow the same suppression as the ward's rates
 * ({@link Disclosure}).
 *
 * @param period the month summarised ({@code YYYY-MM}): the one asked for, or the latest with any audit
 * @param basis which findings were counted ({@link Basis})
 */
@Serdeable
public record WardsSummary(String period, String basis, List<WardLine> wards) {

    /**
     * A ward in the period: whether it was audited, how many charts (suppressed outside its scope when 1 to the
     * minimum), and each measure's latest point.
     */
    @Serdeable
    public record WardLine(String ward, String name, String site, boolean active, boolean audited,
            @Nullable Long chartsAudited, @Nullable Boolean suppressed, List<MeasureLine> measures) {
    }

    /**
     * A measure's point in the period. Not audited: no counts and no value. The icons describe this point and are
     * absent when it could not be charted (not audited, or a zero denominator).
     */
    @Serdeable
    public record MeasureLine(String measure, String title, int per, String improvement, String chart,
            boolean audited, @Nullable Long numerator, @Nullable Long denominator, @Nullable Double value,
            @Nullable Double centre, @Nullable Double lower, @Nullable Double upper, @Nullable List<String> signals,
            @Nullable String variationIcon, @Nullable String assuranceIcon, @Nullable Boolean suppressed) {

        static MeasureLine of(Series series) {
            Series.Point point = series.points().get(0);
            boolean charted = point.audited() && point.centre() != null;
            return new MeasureLine(series.measure(), series.title(), series.per(), series.improvement(),
                    series.chart(), point.audited(), point.numerator(), point.denominator(), point.value(),
                    point.centre(), point.lower(), point.upper(), point.signals(),
                    charted ? series.variationIcon() : null, charted ? series.assuranceIcon() : null,
                    point.suppressed());
        }
    }
}
