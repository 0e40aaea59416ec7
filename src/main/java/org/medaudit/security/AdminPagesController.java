package org.medaudit.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.medaudit.audit.AuditPage;
import org.medaudit.audit.AuditTrail;
import org.medaudit.system.FormValues;
import org.medaudit.system.InvalidRequestException;
import org.medaudit.ward.WardDirectory;

/**
 * The admin pages: users, API tokens and the audit trail. Forms post back here; a refused form comes back filled
 * in with each message beside its field, and a success redirects (so a reload does not post twice).
 */
@Controller("/admin")
@Secured(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
class AdminPagesController {

    private static final Map<String, String> ROLE_LABELS = new LinkedHashMap<>();

    static {
        ROLE_LABELS.put(Roles.PHARMACIST, "Pharmacist – enters and reviews audits on every ward");
        ROLE_LABELS.put(Roles.WARD, "Ward team – reads the chosen wards or sites");
        ROLE_LABELS.put(Roles.ADMIN, "Administrator – users, tokens, rules and wards");
    }

    private final Users users;
    private final ApiTokens tokens;
    private final AuditTrail audit;
    private final WardDirectory wards;

    AdminPagesController(Users users, ApiTokens tokens, AuditTrail audit, WardDirectory wards) {
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
        this.wards = wards;
    }

    // ---- users ----

    @Get("/users")
    ModelAndView<Map<String, Object>> users(@Nullable @QueryValue String done) {
        return usersPage(emptyUserForm(), Map.of(), done);
    }

    @Post(value = "/users", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> createUser(@Body Map<String, Object> body) {
        FormValues form = FormValues.of(body);
        try {
            UserView user = users.create(new UserRequests.NewUser(form.text("username"), form.text("displayName"),
                    form.text("password"), form.all("roles"), new Scope(form.set("sites"), form.set("wards"))));
            return seeOther(UriBuilder.of("/admin/users").queryParam("done", "Added " + user.username()).build());
        } catch (InvalidRequestException e) {
            return HttpResponse.unprocessableEntity().body(usersPage(userForm(form),
                    FormValues.byField(e.errors(), Map.of("/scope", "new-scope")), null));
        }
    }

    @Get("/users/{username}")
    ModelAndView<Map<String, Object>> user(String username) {
        UserView user = users.find(username).orElseThrow(() -> notFound("No user " + username));
        return userPage(user, formOf(user), Map.of());
    }

    @Post(value = "/users/{username}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> changeUser(String username, @Body Map<String, Object> body) {
        FormValues form = FormValues.of(body);
        try {
            users.change(username, new UserRequests.UserChange(form.text("displayName"), form.all("roles"),
                    new Scope(form.set("sites"), form.set("wards")), form.checked("active")));
            return seeOther(UriBuilder.of("/admin/users").queryParam("done", "Saved " + username).build());
        } catch (InvalidRequestException e) {
            UserView user = users.find(username).orElseThrow(() -> notFound("No user " + username));
            Map<String, Object> filled = Map.of("displayName", form.text("displayName"), "roles", form.set("roles"),
                    "sites", form.set("sites"), "wards", form.set("wards"), "active", form.checked("active"));
            return HttpResponse.unprocessableEntity().body(userPage(user, filled,
                    FormValues.byField(e.errors(), Map.of("/scope", "edit-scope"))));
        }
    }

    @Post(value = "/users/{username}/password", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resetPassword(String username, @Body Map<String, Object> body) {
        FormValues form = FormValues.of(body);
        try {
            users.resetPassword(username, form.text("password"));
            return seeOther(UriBuilder.of("/admin/users").queryParam("done", "New password set for " + username)
                    .build());
        } catch (InvalidRequestException e) {
            UserView user = users.find(username).orElseThrow(() -> notFound("No user " + username));
            return HttpResponse.unprocessableEntity().body(userPage(user, formOf(user),
                    FormValues.byField(e.errors(), Map.of())));
        }
    }

    // ---- tokens ----

    @Get("/tokens")
    ModelAndView<Map<String, Object>> tokens() {
        return tokensPage(emptyTokenForm(), Map.of(), null);
    }

    @Post(value = "/tokens", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> createToken(@Body Map<String, Object> body, Authentication admin) {
        FormValues form = FormValues.of(body);
        try {
            TokenRequests.CreatedToken created = tokens.create(new TokenRequests.NewToken(form.text("name"),
                    form.text("access"), new Scope(form.set("sites"), form.set("wards"))), admin.getName());
            // Shown in this answer only (not by redirect), as the secret must not travel in a URL.
            return HttpResponse.ok(tokensPage(emptyTokenForm(), Map.of(), created))
                    .header("Cache-Control", "no-store");
        } catch (InvalidRequestException e) {
            Map<String, Object> filled = Map.of("name", form.text("name"), "access", form.text("access"),
                    "sites", form.set("sites"), "wards", form.set("wards"));
            return HttpResponse.unprocessableEntity().body(tokensPage(filled,
                    FormValues.byField(e.errors(), Map.of("/scope", "token-scope")), null));
        }
    }

    @Post(value = "/tokens/{id}/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revokeToken(long id) {
        tokens.revoke(id);
        return seeOther(URI.create("/admin/tokens"));
    }

    // ---- audit trail ----

    @Get("/audit")
    ModelAndView<Map<String, Object>> auditTrail(@Nullable @QueryValue Integer page) {
        AuditPage events = AuditPage.of(audit.page(Pageable.from(page == null ? 0 : Math.max(0, page), 50)));
        return new ModelAndView<>("admin/audit", new HashMap<>(Map.of("page", events)));
    }

    // ---- models ----

    private ModelAndView<Map<String, Object>> usersPage(Map<String, Object> form, Map<String, String> errors,
            String done) {
        Map<String, Object> model = new HashMap<>();
        model.put("users", users.list());
        model.put("form", form);
        model.put("errors", errors);
        model.put("roles", ROLE_LABELS);
        model.put("sites", wards.sites());
        model.put("done", done);
        return new ModelAndView<>("admin/users", model);
    }

    private ModelAndView<Map<String, Object>> userPage(UserView user, Map<String, Object> form,
            Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("user", user);
        model.put("form", form);
        model.put("errors", errors);
        model.put("roles", ROLE_LABELS);
        model.put("sites", wards.sites());
        return new ModelAndView<>("admin/user", model);
    }

    private ModelAndView<Map<String, Object>> tokensPage(Map<String, Object> form, Map<String, String> errors,
            TokenRequests.CreatedToken created) {
        Map<String, Object> model = new HashMap<>();
        model.put("tokens", tokens.list());
        model.put("form", form);
        model.put("errors", errors);
        model.put("sites", wards.sites());
        model.put("created", created);
        return new ModelAndView<>("admin/tokens", model);
    }

    /** The change form of a user, filled with what is stored. */
    private static Map<String, Object> formOf(UserView user) {
        return Map.of("displayName", user.displayName(), "roles", Set.copyOf(user.roles()),
                "sites", user.scope().sites(), "wards", user.scope().wards(), "active", user.active());
    }

    private static Map<String, Object> emptyUserForm() {
        return Map.of("username", "", "displayName", "", "roles", Set.of(), "sites", Set.of(), "wards", Set.of());
    }

    private static Map<String, Object> userForm(FormValues form) {
        return Map.of("username", form.text("username"), "displayName", form.text("displayName"),
                "roles", form.set("roles"), "sites", form.set("sites"), "wards", form.set("wards"));
    }

    private static Map<String, Object> emptyTokenForm() {
        return Map.of("name", "", "access", "read", "sites", Set.of(), "wards", Set.of());
    }

    private static HttpResponse<?> seeOther(URI location) {
        return HttpResponse.status(HttpStatus.SEE_OTHER).headers(headers -> headers.location(location));
    }

    private static HttpStatusException notFound(String message) {
        return new HttpStatusException(HttpStatus.NOT_FOUND, message);
    }
}
