package org.medaudit.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;
import org.medaudit.measure.MeasureDefinition;
import org.medaudit.measure.RollUpAccess;
import org.medaudit.ward.SiteView;
import org.medaudit.ward.WardDirectory;

/**
 * The site page, for whoever may read every ward of the site. {@code measure} picks the measure shown;
 * {@code funnel=range} plots the whole range on the funnel instead of the latest audited month.
 */
@Controller("/sites/{site}")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
class SitePageController {

    private final SitePage page;
    private final WardDirectory wards;
    private final RollUpAccess access;
    private final Clock clock;

    SitePageController(SitePage page, WardDirectory wards, RollUpAccess access, Clock clock) {
        this.page = page;
        this.wards = wards;
        this.access = access;
        this.clock = clock;
    }

    @Get
    HttpResponse<ModelAndView<Map<String, Object>>> site(String site, @Nullable @QueryValue String from,
            @Nullable @QueryValue String to, @Nullable @QueryValue String basis, @Nullable @QueryValue String measure,
            @Nullable @QueryValue String funnel, Authentication who) {
        SiteView found = wards.sites().stream().filter(s -> s.code().equalsIgnoreCase(site)).findFirst()
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No site with code " + site));
        access.checkSite(who, found);
        PageQuery query = PageQuery.read(from, to, basis, YearMonth.now(clock));
        MeasureDefinition chosen = page.measure(measure);
        Map<String, Object> model = page.model(found, query, chosen, "range".equals(funnel));
        return HttpResponse.status(query.errors().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new ModelAndView<>("sites/site", model));
    }
}
