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
import org.medaudit.security.Roles;
import org.medaudit.security.WardAccess;
import org.medaudit.ward.Ward;
import org.medaudit.ward.WardDirectory;
import org.medaudit.ward.WardView;

/** The ward page, for whoever may read the ward's rates. */
@Controller("/wards/{code}")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
class WardPageController {

    private final WardPage page;
    private final WardDirectory wards;
    private final WardAccess access;
    private final Clock clock;

    WardPageController(WardPage page, WardDirectory wards, WardAccess access, Clock clock) {
        this.page = page;
        this.wards = wards;
        this.access = access;
        this.clock = clock;
    }

    @Get
    HttpResponse<ModelAndView<Map<String, Object>>> ward(String code, @Nullable @QueryValue String from,
            @Nullable @QueryValue String to, @Nullable @QueryValue String basis, Authentication who) {
        Ward ward = wards.ward(code)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No ward with code " + code));
        WardView view = wards.wardView(code).orElseThrow();
        access.checkRead(who, view);
        PageQuery query = PageQuery.read(from, to, basis, YearMonth.now(clock));
        Map<String, Object> model = page.model(ward, view, query);
        model.put("canAnnotate", who.getRoles().contains(Roles.ADMIN) || who.getRoles().contains(Roles.PHARMACIST)
                || who.getRoles().contains(Roles.WARD));
        return HttpResponse.status(query.errors().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new ModelAndView<>("wards/ward", model));
    }
}
