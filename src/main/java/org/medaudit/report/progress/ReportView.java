package org.medaudit.report.progress;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A progress report as pages, the API and the audit trail show it.
 *
 * @param level {@code ward} or {@code site}
 * @param code the ward's or the site's code
 * @param month {@code YYYY-MM}
 * @param status {@code draft} or {@code final}
 */
@Serdeable
public record ReportView(String level, String code, String month, String status, String whatWeTried,
        String whatWeLearned, String whatNext, String createdBy, Instant createdAt, String updatedBy,
        Instant updatedAt) {

    static ReportView of(ProgressReport report, ReportSubject subject) {
        return new ReportView(subject.level(), subject.code(), report.month(), report.status(), report.whatWeTried(),
                report.whatWeLearned(), report.whatNext(), report.createdBy(), report.createdAt(),
                report.updatedBy(), report.updatedAt());
    }

    /** The printable page of this report. */
    public String path() {
        return ("site".equals(level) ? "/sites/" : "/wards/") + code + "/reports/" + month;
    }

    public boolean isFinal() {
        return ProgressReport.FINAL.equals(status);
    }
}
