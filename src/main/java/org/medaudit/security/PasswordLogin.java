package org.medaudit.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a username and password (on a worker thread: BCrypt is slow by design). Every failure reads the same,
 * so the answer never tells whether a username exists; after {@code medaudit.security.user-failures} consecutive
 * failures the account is locked for the lock duration, and an address with too many failures is refused.
 */
@Singleton
class PasswordLogin implements HttpRequestExecutorAuthenticationProvider<Object> {

    static final String THROTTLED = "Too many failed attempts from this address. Wait 15 minutes and try again.";
    /** The session claim that ties a cookie to the user's state at sign-in (see {@link SessionClaimsValidator}). */
    static final String SESSION_STAMP = "sessionStamp";

    private final SecurityRepositories.Users users;
    private final Users userService;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final int maxFailures;
    private final Duration lockDuration;
    private final Clock clock;

    PasswordLogin(SecurityRepositories.Users users, Users userService, PasswordHasher hasher, LoginThrottle throttle,
            @Value("${medaudit.security.user-failures:5}") int maxFailures,
            @Value("${medaudit.security.lock-duration:15m}") Duration lockDuration, Clock clock) {
        this.users = users;
        this.userService = userService;
        this.hasher = hasher;
        this.throttle = throttle;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
        this.clock = clock;
    }

    @Override
    @Transactional
    public AuthenticationResponse authenticate(HttpRequest<Object> request,
            AuthenticationRequest<String, String> credentials) {
        String address = request == null ? "unknown" : request.getRemoteAddress().getAddress().getHostAddress();
        if (throttle.blocked(address)) {
            return AuthenticationResponse.failure(THROTTLED);
        }
        String username = String.valueOf(credentials.getIdentity()).strip().toLowerCase(java.util.Locale.ROOT);
        String password = String.valueOf(credentials.getSecret());
        Instant now = Instant.now(clock);
        Optional<AppUser> found = users.findByUsername(username);
        if (found.isEmpty()) {
            hasher.spendTime(password);
            throttle.failed(address);
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        AppUser user = found.get();
        if (user.lockedAt(now) || !user.active() || !hasher.matches(password, user.passwordHash())) {
            throttle.failed(address);
            if (user.active() && !user.lockedAt(now)) {
                int failures = user.failedAttempts() + 1;
                users.update(user.withFailures(failures, failures >= maxFailures ? now.plus(lockDuration) : null));
            }
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        if (user.failedAttempts() > 0 || user.lockedUntil() != null) {
            users.update(user.withFailures(0, null));
        }
        throttle.succeeded(address);
        Map<String, Object> attributes = new HashMap<>(userService.scopeOf(user.id()).asAttributes());
        attributes.put("name", user.displayName());
        attributes.put(SESSION_STAMP, user.sessionsValidFrom().toEpochMilli());
        return AuthenticationResponse.success(user.username(), user.roleList(), attributes);
    }
}
