package org.medaudit.improvement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An annotation as the API shows it. {@code measure} is null for an annotation on every measure of the ward;
 * {@code startPeriod} and {@code endPeriod} are the months of the charts it appears on.
 */
@Serdeable
public record AnnotationView(long id, String ward, @Nullable String measure, String kind, String title,
        @Nullable String description, LocalDate startDate, @Nullable LocalDate endDate, String startPeriod,
        String endPeriod, @Nullable String owner, @Nullable String outcome, String createdBy, Instant createdAt) {

    static AnnotationView of(Annotation a, String wardCode) {
        return new AnnotationView(a.id(), wardCode, a.measureId(), a.kind(), a.title(), a.description(),
                a.startDate(), a.endDate(), a.startPeriod(), a.endPeriod(), a.owner(), a.outcome(), a.createdBy(),
                a.createdAt());
    }
}
