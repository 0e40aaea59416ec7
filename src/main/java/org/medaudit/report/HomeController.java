package org.medaudit.report;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.medaudit.measure.RollUpAccess;
import org.medaudit.security.Roles;
import org.medaudit.security.WardAccess;
import org.medaudit.ward.SiteView;
import org.medaudit.ward.WardDirectory;

/** The start page after signing in: the sites and wards the person may read, each linked to its page. */
@Controller
@Secured({Roles.ADMIN, Roles.PHARMACIST, Roles.WARD})
class HomeController {

    private final WardDirectory wards;
    private final WardAccess access;
    private final RollUpAccess rollUps;

    HomeController(WardDirectory wards, WardAccess access, RollUpAccess rollUps) {
        this.wards = wards;
        this.access = access;
        this.rollUps = rollUps;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    @View("home")
    Map<String, Object> home(Authentication who) {
        List<SiteView> readable = wards.sites().stream()
                .map(site -> new SiteView(site.code(), site.name(), site.wards().stream()
                        .filter(ward -> ward.active() && access.canRead(who, ward)).toList()))
                .filter(site -> !site.wards().isEmpty())
                .toList();
        Set<String> sitePages = wards.sites().stream().filter(site -> rollUps.canRead(who, site))
                .map(SiteView::code).collect(Collectors.toSet());
        return new HashMap<>(Map.of("sites", readable, "sitePages", sitePages));
    }
}
