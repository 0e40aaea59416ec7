package org.medaudit.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Date;

/**
 * Ends a session cookie as soon as its user is disabled, given a new password, or given other roles or wards:
 * the cookie must have been issued after the user's last such change.
 */
@Singleton
class SessionClaimsValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    private final UserStates states;

    SessionClaimsValidator(UserStates states) {
        this.states = states;
    }

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        Object subject = claims.get(Claims.SUBJECT);
        Object issued = claims.get(Claims.ISSUED_AT);
        Instant issuedAt = issued instanceof Date date ? date.toInstant()
                : issued instanceof Number seconds ? Instant.ofEpochSecond(seconds.longValue()) : null;
        return subject != null && issuedAt != null && states.sessionValid(subject.toString(), issuedAt);
    }
}
