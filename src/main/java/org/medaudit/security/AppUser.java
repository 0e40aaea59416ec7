package org.medaudit.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A person who logs in. The password is stored only as a BCrypt hash; {@code roles} is a comma-separated list of
 * {@link Roles}; failed attempts and the lock keep guessing slow. {@code sessionsValidFrom} is the session stamp:
 * it moves on a password reset and on any change of roles, scope or status, ending the sessions opened before.
 */
@MappedEntity("app_user")
record AppUser(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String displayName,
        String passwordHash,
        String roles,
        boolean active,
        int failedAttempts,
        @Nullable Instant lockedUntil,
        Instant sessionsValidFrom,
        Instant createdAt) {

    List<String> roleList() {
        return roles.isBlank() ? List.of() : Arrays.stream(roles.split(",")).map(String::strip).toList();
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    AppUser withFailures(int failures, @Nullable Instant lock) {
        return new AppUser(id, username, displayName, passwordHash, roles, active, failures, lock, sessionsValidFrom,
                createdAt);
    }
}
