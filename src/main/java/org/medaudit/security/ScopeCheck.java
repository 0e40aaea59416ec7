package org.medaudit.security;

import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.medaudit.system.FieldError;
import org.medaudit.ward.SiteView;
import org.medaudit.ward.WardDirectory;
import org.medaudit.ward.WardView;

/** Checks that a scope names sites and wards that exist. */
@Singleton
class ScopeCheck {

    /**
     * Looked up when first needed: the ward directory loads from the database as it starts, and the login
     * provider (which needs this class through {@link Users}) is created while the database layer itself starts.
     */
    private final Provider<WardDirectory> wards;

    ScopeCheck(Provider<WardDirectory> wards) {
        this.wards = wards;
    }

    void check(String pointer, Scope scope, List<FieldError> errors) {
        WardDirectory directory = wards.get();
        Set<String> sites = directory.sites().stream().map(SiteView::code).collect(Collectors.toSet());
        Set<String> wardCodes = directory.sites().stream().flatMap(s -> s.wards().stream()).map(WardView::code)
                .collect(Collectors.toSet());
        scope.sites().stream().filter(code -> !sites.contains(code)).forEach(code ->
                errors.add(new FieldError(pointer + "/sites", "no site has the code \"" + code + "\"")));
        scope.wards().stream().filter(code -> !wardCodes.contains(code)).forEach(code ->
                errors.add(new FieldError(pointer + "/wards", "no ward has the code \"" + code + "\"")));
    }
}
