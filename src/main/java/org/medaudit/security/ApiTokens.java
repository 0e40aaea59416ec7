package org.medaudit.security;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medaudit.audit.AuditTrail;
import org.medaudit.system.FieldError;
import org.medaudit.system.InvalidRequestException;

/**
 * API tokens for other services: created by an admin with a scope, shown once, stored as a hash, listed without
 * secrets, revoked at once. Each use is recorded (at most once a minute per token, to spare the database).
 */
@Singleton
public class ApiTokens {

    /** Every secret starts so, which makes a leaked token easy to recognise and search for. */
    static final String SECRET_PREFIX = "mdt_";
    private static final Duration USE_RECORD_INTERVAL = Duration.ofMinutes(1);

    private final SecurityRepositories.Tokens tokens;
    private final SecurityRepositories.TokenScopes scopes;
    private final ScopeCheck scopeCheck;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(SecurityRepositories.Tokens tokens, SecurityRepositories.TokenScopes scopes, ScopeCheck scopeCheck,
            AuditTrail audit, Clock clock) {
        this.tokens = tokens;
        this.scopes = scopes;
        this.scopeCheck = scopeCheck;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public TokenRequests.CreatedToken create(TokenRequests.NewToken request, String createdBy) {
        List<FieldError> errors = new ArrayList<>();
        if (request.name() == null || request.name().isBlank() || request.name().length() > 100) {
            errors.add(new FieldError("/name", "is required (at most 100 characters), e.g. the service's name"));
        }
        if (!ApiToken.READ.equals(request.access()) && !ApiToken.INTAKE.equals(request.access())) {
            errors.add(new FieldError("/access", "must be \"read\" or \"intake\""));
        }
        Scope scope = request.scope() == null ? Scope.NONE : request.scope();
        scopeCheck.check("/scope", scope, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = tokens.save(new ApiToken(null, request.name().strip(), hash(secret),
                secret.substring(0, SECRET_PREFIX.length() + 6), request.access(), createdBy, Instant.now(clock),
                null, null));
        scope.sites().forEach(code -> scopes.save(new ScopeEntry.OfToken(null, token.id(), ScopeEntry.SITE, code)));
        scope.wards().forEach(code -> scopes.save(new ScopeEntry.OfToken(null, token.id(), ScopeEntry.WARD, code)));
        TokenView view = view(token);
        audit.record("token.created", "token", String.valueOf(token.id()), null, view);
        return new TokenRequests.CreatedToken(view, secret);
    }

    @Transactional
    public List<TokenView> list() {
        return tokens.findAllOrderByCreatedAtDesc().stream().map(this::view).toList();
    }

    @Transactional
    public TokenView revoke(long id) {
        ApiToken token = tokens.findById(id)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No token " + id));
        if (token.revoked()) {
            return view(token);
        }
        TokenView before = view(token);
        ApiToken revoked = tokens.update(new ApiToken(token.id(), token.name(), token.tokenHash(), token.prefix(),
                token.access(), token.createdBy(), token.createdAt(), token.lastUsedAt(), Instant.now(clock)));
        TokenView after = view(revoked);
        audit.record("token.revoked", "token", String.valueOf(id), before, after);
        return after;
    }

    /**
     * The authentication a presented secret stands for; empty when unknown or revoked.
     *
     * <p>Deliberately not one transaction: this runs on every API request, and on SQLite every transaction takes the
     * write lock ({@code transaction_mode=IMMEDIATE}), so concurrent callers would queue behind each other and behind
     * writers until the busy timeout. Each read stands alone; the occasional last-use update is one statement.
     */
    public Optional<Authentication> authenticate(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(hash(secret)).filter(token -> !token.revoked()).map(token -> {
            Instant now = Instant.now(clock);
            if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(USE_RECORD_INTERVAL))) {
                tokens.recordUse(token.id(), now);
            }
            List<String> roles = ApiToken.INTAKE.equals(token.access()) ? List.of(Roles.SERVICE, Roles.INTAKE)
                    : List.of(Roles.SERVICE);
            Map<String, Object> attributes = new HashMap<>(scopeOf(token.id()).asAttributes());
            attributes.put("tokenId", token.id());
            return Authentication.build("token:" + token.name(), roles, attributes);
        });
    }

    private TokenView view(ApiToken token) {
        return new TokenView(token.id(), token.name(), token.prefix(), token.access(), scopeOf(token.id()),
                token.createdBy(), token.createdAt(), token.lastUsedAt(), token.revokedAt());
    }

    private Scope scopeOf(long tokenId) {
        return ScopeEntry.scope(scopes.findByTokenId(tokenId).stream()
                .map(entry -> new String[] {entry.kind(), entry.code()}).toList());
    }

    /** SHA-256: the secret has 256 random bits, so no salt or slow hash is needed to make guessing hopeless. */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
