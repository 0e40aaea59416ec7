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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.medaudit.audit.AuditPage;
import org.medaudit.audit.AuditTrail;
import org.medaudit.system.ApiDocs;

/** Users, API tokens and the audit trail, for admins (the pages under /admin use the same services). */
@Controller("/api/v1/admin")
@Secured(Roles.ADMIN)
@Tag(name = ApiDocs.ADMIN)
class AdminApiController {

    static final String USER_EXAMPLE = """
            {"username": "ward-amu", "displayName": "AMU ward manager", "roles": ["ward"],
             "scope": {"sites": [], "wards": ["AMU"]}, "active": true, "locked": false,
             "createdAt": "2026-10-01T09:00:00Z"}""";
    static final String TOKEN_EXAMPLE = """
            {"id": 7, "name": "trust dashboard", "prefix": "mdt_3kq9", "access": "read",
             "scope": {"sites": [], "wards": ["AMU", "W12"]}, "createdBy": "admin",
             "createdAt": "2026-10-01T09:00:00Z", "lastUsedAt": "2026-11-30T06:00:12Z"}""";

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
    @Operation(summary = "Every user")
    @ApiResponse(responseCode = "200", description = "The users, without passwords",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = UserView.class)),
                    examples = @ExampleObject(name = "users", value = "[" + USER_EXAMPLE + "]")))
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    List<UserView> users() {
        return users.list();
    }

    @Post("/users")
    @Operation(summary = "Create a user", description = "Roles `admin`, `pharmacist`, `ward`; a ward user needs a "
            + "`scope` of sites or wards.")
    @ApiResponse(responseCode = "201", description = "Created; `Location` names the user",
            content = @Content(schema = @Schema(implementation = UserView.class),
                    examples = @ExampleObject(name = "user", value = USER_EXAMPLE)))
    @ApiDocs.Malformed
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.Invalid
    HttpResponse<UserView> createUser(@Body UserRequests.NewUser request) {
        UserView user = users.create(request);
        return HttpResponse.created(user, URI.create("/api/v1/admin/users/" + user.username()));
    }

    @Get("/users/{username}")
    @Operation(summary = "One user")
    @ApiResponse(responseCode = "200", description = "The user",
            content = @Content(schema = @Schema(implementation = UserView.class),
                    examples = @ExampleObject(name = "user", value = USER_EXAMPLE)))
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.NotFound
    UserView user(@Parameter(description = "The username", example = "pharmacist1") String username) {
        return users.find(username).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                "No user " + username));
    }

    @Patch("/users/{username}")
    @Operation(summary = "Change a user", description = "Only the fields given change. Changing roles, scope or "
            + "`active` ends the user's open sessions.")
    @ApiResponse(responseCode = "200", description = "The user as changed",
            content = @Content(schema = @Schema(implementation = UserView.class),
                    examples = @ExampleObject(name = "user", value = USER_EXAMPLE)))
    @ApiDocs.Malformed
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.NotFound
    @ApiDocs.Invalid
    UserView changeUser(@Parameter(description = "The username", example = "pharmacist1") String username, @Body UserRequests.UserChange change) {
        return users.change(username, change);
    }

    @Post("/users/{username}/password")
    @Operation(summary = "Reset a user's password", description = "Ends the user's open sessions.")
    @ApiResponse(responseCode = "200", description = "The user",
            content = @Content(schema = @Schema(implementation = UserView.class),
                    examples = @ExampleObject(name = "user", value = USER_EXAMPLE)))
    @ApiDocs.Malformed
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.NotFound
    @ApiDocs.Invalid
    UserView resetPassword(@Parameter(description = "The username", example = "pharmacist1") String username, @Body UserRequests.PasswordReset reset) {
        return users.resetPassword(username, reset.password());
    }

    @Get("/tokens")
    @Operation(summary = "Every API token", description = "Without secrets (only a hash is stored), with last use.")
    @ApiResponse(responseCode = "200", description = "The tokens",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = TokenView.class)),
                    examples = @ExampleObject(name = "tokens", value = "[" + TOKEN_EXAMPLE + "]")))
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    List<TokenView> tokens() {
        return tokens.list();
    }

    /** The answer carries the token's secret: the only time it is shown. */
    @Post("/tokens")
    @Operation(summary = "Create an API token",
            description = "`access`: `read` (rates, wards, measures, rules) or `intake` (also submit samples); "
                    + "`scope`: the sites and wards it may read, empty or absent for the whole network. The secret "
                    + "is in this answer only.")
    @ApiResponse(responseCode = "201", description = "The token and its secret",
            content = @Content(schema = @Schema(implementation = TokenRequests.CreatedToken.class),
                    examples = @ExampleObject(name = "created", value = "{\"token\": " + TOKEN_EXAMPLE
                            + ", \"secret\": \"mdt_3kq9…\"}")))
    @ApiDocs.Malformed
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.Invalid
    HttpResponse<TokenRequests.CreatedToken> createToken(
            @RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = TokenRequests.NewToken.class),
                    examples = @ExampleObject(name = "scoped-read", value = """
                            {"name": "trust dashboard", "access": "read", "scope": {"sites": [], "wards": ["AMU"]}}
                            """)))
            @Body TokenRequests.NewToken request,
            Authentication admin) {
        TokenRequests.CreatedToken created = tokens.create(request, admin.getName());
        return HttpResponse.created(created, URI.create("/api/v1/admin/tokens/" + created.token().id()));
    }

    @Delete("/tokens/{id}")
    @Operation(summary = "Revoke an API token", description = "With immediate effect.")
    @ApiResponse(responseCode = "200", description = "The token, with `revokedAt`",
            content = @Content(schema = @Schema(implementation = TokenView.class),
                    examples = @ExampleObject(name = "revoked", value = TOKEN_EXAMPLE)))
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.NotFound
    TokenView revokeToken(@Parameter(description = "The token's id") long id) {
        return tokens.revoke(id);
    }

    /** The audit trail, newest first; filter by subject with {@code subjectType} and {@code subjectId}. */
    @Get("/audit-events")
    @Operation(summary = "The audit trail, newest first")
    @ApiResponse(responseCode = "200", description = "One page of events",
            content = @Content(schema = @Schema(implementation = AuditPage.class),
                    examples = @ExampleObject(name = "events", value = """
                            {"events": [{"id": 41, "occurredAt": "2026-11-30T09:15:00Z", "actor": "admin",
                                         "action": "token.created", "subjectType": "token", "subjectId": "7"}],
                             "page": 0, "size": 50, "totalEvents": 1, "totalPages": 1}""")))
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    AuditPage auditEvents(@Parameter(description = "Page number, from 0", example = "0")
            @Nullable @QueryValue Integer page,
            @Parameter(description = "Events per page, 1 to 200 (default 50)", example = "50")
            @Nullable @QueryValue Integer size,
            @Parameter(description = "Only events about this kind of subject (with `subjectId`)", example = "token")
            @Nullable @QueryValue String subjectType,
            @Parameter(description = "Only events about this subject (with `subjectType`)", example = "7")
            @Nullable @QueryValue String subjectId) {
        Pageable pageable = Pageable.from(page == null ? 0 : Math.max(0, page),
                size == null ? 50 : Math.min(Math.max(1, size), MAX_PAGE));
        return AuditPage.of(subjectType != null && subjectId != null
                ? audit.forSubject(subjectType, subjectId, pageable) : audit.page(pageable));
    }
}
