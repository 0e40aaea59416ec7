package org.medaudit.security;

import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * Ends a session cookie as soon as its user is disabled, given a new password, or given other roles or wards:
 * the cookie carries the user's session stamp from sign-in, and every such change moves the stamp on. Generic in the request type because the
 * JWT validator collects claims validators by its own type argument.
 */
@Singleton
class SessionClaimsValidator<T> implements GenericJwtClaimsValidator<T> {

    private final UserStates states;

    SessionClaimsValidator(UserStates states) {
        this.states = states;
    }

    @Override
    public boolean validate(Claims claims, T request) {
        Object subject = claims.get(Claims.SUBJECT);
        Object stamp = claims.get(PasswordLogin.SESSION_STAMP);
        return subject != null && stamp instanceof Number number
                && states.sessionValid(subject.toString(), number.longValue());
    }
}
