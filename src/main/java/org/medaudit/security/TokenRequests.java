package org.medaudit.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Creating a token, and the one answer that shows its secret. */
public final class TokenRequests {

    private TokenRequests() {
    }

    /**
     * @param access {@code read} or {@code intake}
     * @param scope the sites and wards it may read; empty or absent for the whole network
     */
    @Serdeable
    public record NewToken(String name, String access, @Nullable Scope scope) {
    }

    /** The only time the secret is shown: it is not stored, only its hash. */
    @Serdeable
    public record CreatedToken(TokenView token, String secret) {
    }
}
