package org.medaudit.security;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.utils.SecurityService;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Gives every page the signed-in person (for the header) and the CSRF token (for every form), so no controller
 * has to remember either.
 */
@Singleton
class CurrentUserModel implements ViewModelProcessor<Map<String, Object>> {

    /** What the header shows of the signed-in person. */
    public record CurrentUser(String username, String displayName, boolean admin, boolean pharmacist) {
    }

    private final SecurityService security;

    CurrentUserModel(SecurityService security) {
        this.security = security;
    }

    @Override
    public void process(@NonNull HttpRequest<?> request, @NonNull ModelAndView<Map<String, Object>> view) {
        Map<String, Object> model = view.getModel().orElse(null);
        if (model == null) {
            return;
        }
        model.put("csrf", request.getAttribute(CsrfFilter.ATTRIBUTE, String.class).orElse(""));
        model.put("currentUser", security.getAuthentication().filter(who -> !who.getName().startsWith("token:"))
                .map(CurrentUserModel::of).orElse(null));
    }

    private static CurrentUser of(Authentication who) {
        return new CurrentUser(who.getName(), String.valueOf(who.getAttributes().getOrDefault("name", who.getName())),
                who.getRoles().contains(Roles.ADMIN), who.getRoles().contains(Roles.PHARMACIST));
    }
}
