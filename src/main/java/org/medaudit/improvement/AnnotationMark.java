package org.medaudit.improvement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An annotation as a chart point lists it: enough to label the point and fetch the rest
 * ({@code GET /api/v1/wards/{ward}/annotations/{id}}). {@code measure} is null for an annotation on every measure.
 */
@Serdeable
public record AnnotationMark(long id, String kind, String title, @Nullable String measure) {
}
