package org.medaudit.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** What an admin sends to create or change a user. */
public final class UserRequests {

    private UserRequests() {
    }

    /** A new user; {@code scope} is required for the ward role and ignored by the others. */
    @Serdeable
    public record NewUser(String username, String displayName, String password, List<String> roles,
            @Nullable Scope scope) {
    }

    /** A change: only the fields given are changed. */
    @Serdeable
    public record UserChange(@Nullable String displayName, @Nullable List<String> roles, @Nullable Scope scope,
            @Nullable Boolean active) {
    }

    @Serdeable
    public record PasswordReset(String password) {
    }
}
