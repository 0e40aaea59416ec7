package org.medaudit.improvement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * A note on a ward's charts (clinical-reference.md §4.5): a PDSA cycle, a change made, a data issue, a rebase or a
 * plain note. It covers the months from its start date to its end date; without an end date, its start month
 * only. It belongs to one measure, or to every measure of the ward when {@code measureId} is null. A rebase names
 * its measure and gives its reason in {@code description}; that measure's chart starts a new baseline in the
 * rebase's month.
 */
@MappedEntity("annotation")
public record Annotation(
        @Id @GeneratedValue @Nullable Long id,
        long wardId,
        @Nullable String measureId,
        String kind,
        String title,
        @Nullable String description,
        LocalDate startDate,
        @Nullable LocalDate endDate,
        @Nullable String owner,
        @Nullable String outcome,
        String createdBy,
        Instant createdAt) {

    public static final String PDSA = "pdsa";
    public static final String CHANGE = "change";
    public static final String DATA_ISSUE = "data-issue";
    public static final String REBASE = "rebase";
    public static final String NOTE = "note";

    /** The kinds of annotation, in the order forms list them. */
    public static final List<String> KINDS = List.of(PDSA, CHANGE, DATA_ISSUE, REBASE, NOTE);

    /** The month it starts in, {@code YYYY-MM}. */
    public String startPeriod() {
        return YearMonth.from(startDate).toString();
    }

    /** The last month it covers: its end date's month, or its start month when it has no end date. */
    public String endPeriod() {
        return YearMonth.from(endDate == null ? startDate : endDate).toString();
    }

    /** It covers this month ({@code YYYY-MM}; the text order of such periods is their time order). */
    public boolean covers(String period) {
        return startPeriod().compareTo(period) <= 0 && endPeriod().compareTo(period) >= 0;
    }

    /** It belongs on this measure's chart: it names the measure, or names none (all of the ward's measures). */
    public boolean concerns(String measure) {
        return measureId == null || measureId.equals(measure);
    }

    /** The rebase it makes on this measure's chart, if it is a rebase of that measure. */
    public Optional<Rebase> rebaseOf(String measure) {
        return REBASE.equals(kind) && measure.equals(measureId)
                ? Optional.of(new Rebase(startPeriod(), description)) : Optional.empty();
    }

    /** How a chart point lists it. */
    public AnnotationMark mark() {
        return new AnnotationMark(id, kind, title, measureId);
    }
}
