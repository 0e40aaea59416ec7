package org.medaudit.security;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Collection;
import org.medaudit.ward.WardView;

/**
 * Decides whether someone may read a ward's data. Admins and pharmacists read every ward; a ward user reads the
 * wards and sites assigned to them; a token reads its scope (the whole network when its scope is empty).
 */
@Singleton
public class WardAccess {

    public boolean canRead(Authentication who, WardView ward) {
        Collection<String> roles = who.getRoles();
        if (roles.contains(Roles.ADMIN) || roles.contains(Roles.PHARMACIST)) {
            return true;
        }
        Scope scope = Scope.fromAttributes(who.getAttributes());
        if (roles.contains(Roles.SERVICE)) {
            return scope.isEmpty() || scope.covers(ward.site(), ward.code());
        }
        return roles.contains(Roles.WARD) && scope.covers(ward.site(), ward.code());
    }

    /** Refuses with 403 when the ward is outside what the caller may read. */
    public void checkRead(Authentication who, WardView ward) {
        if (!canRead(who, ward)) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "You may not read ward " + ward.code());
        }
    }
}
