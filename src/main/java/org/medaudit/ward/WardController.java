package org.medaudit.ward;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;

/** Lists the sites and wards audits can be entered for: codes and names, nothing about patients. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
class WardController {

    private final WardDirectory directory;

    WardController(WardDirectory directory) {
        this.directory = directory;
    }

    @Get("/sites")
    List<SiteView> sites() {
        return directory.sites();
    }

    @Get("/wards")
    List<WardView> wards() {
        return directory.sites().stream().flatMap(site -> site.wards().stream()).toList();
    }

    @Get("/wards/{code}")
    WardView ward(String code) {
        return directory.wardView(code)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No ward with code " + code));
    }
}
