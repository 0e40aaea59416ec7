package org.medaudit.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.net.URI;
import java.util.List;
import org.medaudit.audit.AuditPage;
import org.medaudit.audit.AuditTrail;

/** Users, API tokens and the audit trail, for admins (the pages under /admin use the same services). */
@Controller("/api/v1/admin")
@Secured(Roles.ADMIN)
class AdminApiController {

    /** Largest page of audit events. */
    static final int MAX_PAGE = 200;

    private final Users users;
    private final ApiTokens tokens;
    private final AuditTrail audit;

    AdminApiController(Users users, ApiTokens tokens, AuditTrail audit) {
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
    }

    @Get("/users")
    List<UserView> users() {
        return users.list();
    }

    @Post("/users")
    HttpResponse<UserView> createUser(@Body UserRequests.NewUser request) {
        UserView user = users.create(request);
        return HttpResponse.created(user, URI.create("/api/v1/admin/users/" + user.username()));
    }

    @Get("/users/{username}")
    UserView user(String username) {
        return users.find(username).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                "No user " + username));
    }

    @Patch("/users/{username}")
    UserView changeUser(String username, @Body UserRequests.UserChange change) {
        return users.change(username, change);
    }

    @Post("/users/{username}/password")
    UserView resetPassword(String username, @Body UserRequests.PasswordReset reset) {
        return users.resetPassword(username, reset.password());
    }

    @Get("/tokens")
    List<TokenView> tokens() {
        return tokens.list();
    }

    /** The answer carries the token's secret: the only time it is shown. */
    @Post("/tokens")
    HttpResponse<TokenRequests.CreatedToken> createToken(@Body TokenRequests.NewToken request,
            Authentication admin) {
        TokenRequests.CreatedToken created = tokens.create(request, admin.getName());
        return HttpResponse.created(created, URI.create("/api/v1/admin/tokens/" + created.token().id()));
    }

    @Delete("/tokens/{id}")
    TokenView revokeToken(long id) {
        return tokens.revoke(id);
    }

    /** The audit trail, newest first; filter by subject with {@code subjectType} and {@code subjectId}. */
    @Get("/audit-events")
    AuditPage auditEvents(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size,
            @Nullable @QueryValue String subjectType, @Nullable @QueryValue String subjectId) {
        Pageable pageable = Pageable.from(page == null ? 0 : Math.max(0, page),
                size == null ? 50 : Math.min(Math.max(1, size), MAX_PAGE));
        return AuditPage.of(subjectType != null && subjectId != null
                ? audit.forSubject(subjectType, subjectId, pageable) : audit.page(pageable));
    }
}
