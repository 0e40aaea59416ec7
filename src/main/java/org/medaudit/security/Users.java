package org.medaudit.security;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.medaudit.audit.AuditTrail;
import org.medaudit.system.FieldError;
import org.medaudit.system.InvalidRequestException;

/**
 * The people who use MedAudit: created, changed, disabled and given new passwords by admins, every change on the
 * audit trail. Passwords are only ever stored as BCrypt hashes.
 */
@Singleton
public class Users {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");

    private final SecurityRepositories.Users users;
    private final SecurityRepositories.UserScopes scopes;
    private final PasswordHasher hasher;
    private final ScopeCheck scopeCheck;
    private final AuditTrail audit;
    private final UserStates states;
    private final Clock clock;

    Users(SecurityRepositories.Users users, SecurityRepositories.UserScopes scopes, PasswordHasher hasher,
            ScopeCheck scopeCheck, AuditTrail audit, UserStates states, Clock clock) {
        this.users = users;
        this.scopes = scopes;
        this.hasher = hasher;
        this.scopeCheck = scopeCheck;
        this.audit = audit;
        this.states = states;
        this.clock = clock;
    }

    @Transactional
    public List<UserView> list() {
        return users.findAllOrderByUsername().stream().map(this::view).toList();
    }

    @Transactional
    public Optional<UserView> find(String username) {
        return users.findByUsername(username).map(this::view);
    }

    @Transactional
    public UserView create(UserRequests.NewUser request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.username() == null || !USERNAME.matcher(request.username()).matches()) {
            errors.add(new FieldError("/username", "must be 3 to 40 lower-case letters, digits, dots, hyphens "
                    + "or underscores, starting with a letter or digit"));
        } else if (users.findByUsername(request.username()).isPresent()) {
            errors.add(new FieldError("/username", "is already taken"));
        }
        if (request.displayName() == null || request.displayName().isBlank() || request.displayName().length() > 100) {
            errors.add(new FieldError("/displayName", "is required (at most 100 characters)"));
        }
        checkPassword("/password", request.password(), errors);
        List<String> roles = checkRoles(request.roles(), errors);
        Scope scope = request.scope() == null ? Scope.NONE : request.scope();
        checkScope(roles, scope, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Instant now = now();
        AppUser user = users.save(new AppUser(null, request.username(), request.displayName().strip(),
                hasher.hash(request.password()), String.join(",", roles), true, 0, null, now, now));
        saveScope(user.id(), scope);
        UserView view = view(user);
        audit.record("user.created", "user", user.username(), null, view);
        states.refresh(user);
        return view;
    }

    @Transactional
    public UserView change(String username, UserRequests.UserChange change) {
        AppUser user = existing(username);
        UserView before = view(user);
        List<FieldError> errors = new ArrayList<>();
        if (change.displayName() != null && (change.displayName().isBlank() || change.displayName().length() > 100)) {
            errors.add(new FieldError("/displayName", "must not be blank (at most 100 characters)"));
        }
        List<String> roles = change.roles() == null ? user.roleList() : checkRoles(change.roles(), errors);
        Scope scope = change.scope() == null ? before.scope() : change.scope();
        checkScope(roles, scope, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        boolean active = change.active() == null ? user.active() : change.active();
        AppUser updated = users.update(new AppUser(user.id(), user.username(),
                change.displayName() == null ? user.displayName() : change.displayName().strip(), user.passwordHash(),
                String.join(",", roles), active, active ? 0 : user.failedAttempts(),
                active ? null : user.lockedUntil(), now(), user.createdAt()));
        scopes.deleteByUserId(user.id());
        saveScope(user.id(), scope);
        UserView after = view(updated);
        audit.record(active == user.active() ? "user.updated" : active ? "user.enabled" : "user.disabled", "user",
                username, before, after);
        states.refresh(updated);
        return after;
    }

    /** Sets a new password; sessions opened with the old one end, and any lock is lifted. */
    @Transactional
    public UserView resetPassword(String username, String password) {
        AppUser user = existing(username);
        List<FieldError> errors = new ArrayList<>();
        checkPassword("/password", password, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Instant now = now();
        AppUser updated = users.update(new AppUser(user.id(), user.username(), user.displayName(),
                hasher.hash(password), user.roles(), user.active(), 0, null, now, user.createdAt()));
        audit.record("user.password-reset", "user", username, null, null);
        states.refresh(updated);
        return view(updated);
    }

    /** Milliseconds, as stored in every database and compared exactly as a session stamp. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    UserView view(AppUser user) {
        return new UserView(user.username(), user.displayName(), user.roleList(), scopeOf(user.id()), user.active(),
                user.lockedAt(Instant.now(clock)), user.createdAt());
    }

    Scope scopeOf(long userId) {
        return ScopeEntry.scope(scopes.findByUserId(userId).stream()
                .map(entry -> new String[] {entry.kind(), entry.code()}).toList());
    }

    private AppUser existing(String username) {
        return users.findByUsername(username)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No user " + username));
    }

    private void saveScope(long userId, Scope scope) {
        scope.sites().forEach(code -> scopes.save(new ScopeEntry.OfUser(null, userId, ScopeEntry.SITE, code)));
        scope.wards().forEach(code -> scopes.save(new ScopeEntry.OfUser(null, userId, ScopeEntry.WARD, code)));
    }

    private static void checkPassword(String pointer, String password, List<FieldError> errors) {
        if (password == null || password.length() < PasswordHasher.MIN_LENGTH) {
            errors.add(new FieldError(pointer, "must be at least " + PasswordHasher.MIN_LENGTH + " characters"));
        } else if (password.length() > 72) {
            errors.add(new FieldError(pointer, "must be at most 72 characters (the BCrypt limit)"));
        }
    }

    private static List<String> checkRoles(List<String> requested, List<FieldError> errors) {
        if (requested == null || requested.isEmpty()) {
            errors.add(new FieldError("/roles", "at least one role is required: " + Roles.PEOPLE));
            return List.of();
        }
        List<String> roles = new ArrayList<>(new LinkedHashSet<>(requested));
        roles.stream().filter(role -> !Roles.PEOPLE.contains(role)).forEach(role ->
                errors.add(new FieldError("/roles", "\"" + role + "\" is not one of " + Roles.PEOPLE)));
        return roles;
    }

    private void checkScope(List<String> roles, Scope scope, List<FieldError> errors) {
        if (roles.equals(List.of(Roles.WARD)) && scope.isEmpty()) {
            errors.add(new FieldError("/scope", "a ward user needs at least one site or ward"));
        }
        scopeCheck.check("/scope", scope, errors);
    }
}
