package org.medaudit.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** An API token as listed: never its secret. */
@Serdeable
public record TokenView(long id, String name, String prefix, String access, Scope scope, String createdBy,
        Instant createdAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {
}
