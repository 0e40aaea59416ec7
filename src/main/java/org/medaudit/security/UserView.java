package org.medaudit.security;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** A user as admins see them: never the password hash. */
@Serdeable
public record UserView(String username, String displayName, List<String> roles, Scope scope, boolean active,
        boolean locked, Instant createdAt) {
}
