package org.medaudit.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One change, as the audit trail keeps it: who, when, what, and the state before and after (JSON) where there is
 * one. Events are only ever added.
 *
 * @param action e.g. {@code sample.created}, {@code user.updated}, {@code token.revoked}
 */
@Serdeable
@MappedEntity("audit_event")
public record AuditEvent(
        @Id @GeneratedValue @Nullable Long id,
        Instant occurredAt,
        String actor,
        String action,
        String subjectType,
        String subjectId,
        @Nullable String beforeState,
        @Nullable String afterState) {
}
