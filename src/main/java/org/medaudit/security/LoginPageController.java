package org.medaudit.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import java.util.HashMap;
import java.util.Map;

/** The sign-in page; the form posts to /login, which Micronaut Security handles with {@link PasswordLogin}. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class LoginPageController {

    @Get("/login")
    @Produces(MediaType.TEXT_HTML)
    @View("login")
    Map<String, Object> login(@Nullable @QueryValue Boolean error, @Nullable @QueryValue Boolean signedOut) {
        Map<String, Object> model = new HashMap<>();
        model.put("error", Boolean.TRUE.equals(error));
        model.put("signedOut", Boolean.TRUE.equals(signedOut));
        return model;
    }
}
