package org.medaudit.report.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A stored monthly progress report: the free text a ward team (or a site's improvement lead) writes about one month
 * — what we tried, what we learned, what next — for a ward ({@code wardId}) or a site ({@code siteId}), never both.
 * Its measures are not stored: the printed report computes them from the samples.
 *
 * @param month {@code YYYY-MM}
 * @param status {@code draft} while the team is writing it, {@code final} when it is agreed
 */
@MappedEntity("progress_report")
record ProgressReport(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable Long wardId,
        @Nullable Long siteId,
        String month,
        String status,
        String whatWeTried,
        String whatWeLearned,
        String whatNext,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt) {

    static final String DRAFT = "draft";
    static final String FINAL = "final";
}
