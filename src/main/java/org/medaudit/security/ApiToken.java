package org.medaudit.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A service's API token. Only the SHA-256 of the secret is stored (a token is 256 random bits, so a fast hash is
 * enough); {@code prefix} is the first characters of the secret, to tell tokens apart in lists.
 *
 * @param access {@code read} (role service) or {@code intake} (may also submit chart samples)
 */
@MappedEntity("api_token")
record ApiToken(
        @Id @GeneratedValue @Nullable Long id,
        String name,
        String tokenHash,
        String prefix,
        String access,
        String createdBy,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {

    static final String READ = "read";
    static final String INTAKE = "intake";

    boolean revoked() {
        return revokedAt != null;
    }
}
