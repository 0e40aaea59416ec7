package org.medaudit.sample;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.medaudit.finding.Finding;
import org.medaudit.rules.Taxonomy;

/**
 * One stored sample in a list of audits: which chart it was and how far its review has got.
 *
 * @param awaitingReview findings a rule flagged that no pharmacist has confirmed or overridden yet
 * @param prescribingErrors findings counted as prescribing errors (as the rates count them: not overridden)
 */
@Serdeable
public record SampleSummary(String id, String ward, LocalDate auditDate, int ordersAudited, int findings,
        int awaitingReview, int prescribingErrors, @Nullable SampleForm form, Instant recordedAt) {

    static SampleSummary of(SampleRow row, String ward, SampleForm form, List<Finding> findings) {
        int awaiting = (int) findings.stream().filter(f -> Finding.FLAGGED.equals(f.status())).count();
        int errors = (int) findings.stream().filter(f -> Taxonomy.PRESCRIBING_ERROR.equals(f.category())
                && !Finding.OVERRIDDEN.equals(f.status())).count();
        return new SampleSummary(row.id(), ward, row.auditDate(), row.ordersAudited(), findings.size(), awaiting,
                errors, form, row.createdAt());
    }
}
