package org.medaudit.measure;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Collection;
import org.medaudit.security.Roles;
import org.medaudit.security.Scope;
import org.medaudit.security.WardAccess;
import org.medaudit.ward.SiteView;

/**
 * Who may read a roll-up. A site's figures are its wards' figures summed, so they are readable by whoever may read
 * every one of its wards ({@link WardAccess}): a ward user or scoped token only when its scope covers the whole
 * site. The network's figures are for admins, pharmacists and tokens with no scope, never for a ward team.
 */
@Singleton
public class RollUpAccess {

    private final WardAccess wards;

    RollUpAccess(WardAccess wards) {
        this.wards = wards;
    }

    /**
     * Refuses with 403 unless the caller may read every ward of the site. A site with no wards has no figures to
     * hide (and every signed-in caller can list the sites).
     */
    public void checkSite(Authentication who, SiteView site) {
        if (!canReadSite(who, site)) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "You may read site " + site.code()
                    + "'s figures only when you may read every ward of it");
        }
    }

    /** Whether the caller may read every ward of the site, and so the site's figures. */
    public boolean canReadSite(Authentication who, SiteView site) {
        return site.wards().stream().allMatch(ward -> wards.canRead(who, ward));
    }

    /** Refuses with 403 unless the caller is an admin, a pharmacist or a token with no scope. */
    void checkNetwork(Authentication who) {
        if (!privileged(who) && !unscopedToken(who)) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN,
                    "The network's figures are for admins, pharmacists and unscoped API tokens");
        }
    }

    private static boolean privileged(Authentication who) {
        Collection<String> roles = who.getRoles();
        return roles.contains(Roles.ADMIN) || roles.contains(Roles.PHARMACIST);
    }

    private static boolean unscopedToken(Authentication who) {
        return who.getRoles().contains(Roles.SERVICE) && Scope.fromAttributes(who.getAttributes()).isEmpty();
    }
}
