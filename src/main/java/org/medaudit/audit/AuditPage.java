package org.medaudit.audit;

import io.micronaut.data.model.Page;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A page of the audit trail, newest first. */
@Serdeable
public record AuditPage(List<AuditEvent> events, int page, int size, long totalEvents, int totalPages) {

    public static AuditPage of(Page<AuditEvent> page) {
        return new AuditPage(page.getContent(), page.getPageNumber(), page.getSize(), page.getTotalSize(),
                page.getTotalPages());
    }
}
