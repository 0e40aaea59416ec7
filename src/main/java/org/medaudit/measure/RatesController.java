package org.medaudit.measure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.medaudit.security.WardAccess;
import org.medaudit.system.FieldError;
import org.medaudit.system.InvalidRequestException;
import org.medaudit.system.MonthRange;
import org.medaudit.ward.SiteView;
import org.medaudit.ward.Ward;
import org.medaudit.ward.WardDirectory;

/**
 * Rates per month for a ward, a site or the whole network, for pages and other services, within what the caller
 * may read. Every route takes {@code from} and {@code to} (months, by default the twelve up to this one) and
 * {@code basis} ({@code reviewed}, the default, or {@code flagged}).
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
class RatesController {

    /** A checked request: the months and the basis. */
    private record Range(YearMonth from, YearMonth to, Basis basis) {
    }

    private final RateCalculator calculator;
    private final MeasureCatalogue measures;
    private final WardDirectory wards;
    private final WardAccess access;
    private final RollUpAccess rollUps;
    private final Clock clock;

    RatesController(RateCalculator calculator, MeasureCatalogue measures, WardDirectory wards, WardAccess access,
            RollUpAccess rollUps, Clock clock) {
        this.calculator = calculator;
        this.measures = measures;
        this.wards = wards;
        this.access = access;
        this.rollUps = rollUps;
        this.clock = clock;
    }

    /** Every measure for the ward, month by month. */
    @Get("/wards/{ward}/rates")
    WardRates rates(String ward, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
            @Nullable @QueryValue String basis, Authentication who) {
        Ward found = wards.ward(ward)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No ward with code " + ward));
        access.checkRead(who, wards.wardView(ward).orElseThrow());
        Range range = range(from, to, basis);
        return calculator.wardRates(found, range.from(), range.to(), range.basis());
    }

    /** Every measure for the site, its wards' counts summed; for those who may read every ward of it. */
    @Get("/sites/{site}/rates")
    WardRates siteRates(String site, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
            @Nullable @QueryValue String basis, Authentication who) {
        SiteView found = wards.sites().stream().filter(s -> s.code().equalsIgnoreCase(site)).findFirst()
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No site with code " + site));
        rollUps.checkSite(who, found);
        Range range = range(from, to, basis);
        return calculator.siteRates(found, range.from(), range.to(), range.basis());
    }

    /** Every measure for the whole network, every ward's counts summed. */
    @Get("/network/rates")
    WardRates networkRates(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
            @Nullable @QueryValue String basis, Authentication who) {
        rollUps.checkNetwork(who);
        Range range = range(from, to, basis);
        return calculator.networkRates(range.from(), range.to(), range.basis());
    }

    @Get("/measures")
    List<MeasureDefinition> measures() {
        return measures.all();
    }

    /** The checked query: every invalid parameter is listed in one 422. */
    private Range range(String from, String to, String basis) {
        List<FieldError> errors = new ArrayList<>();
        MonthRange months = MonthRange.read(from, to, YearMonth.now(clock), errors);
        Basis chosen = basis == null ? Basis.REVIEWED : Basis.of(basis).orElse(null);
        if (chosen == null) {
            errors.add(new FieldError("/query/basis", "must be 'reviewed' (flagged, confirmed and added findings, "
                    + "not overridden ones) or 'flagged' (findings as the rules raised them)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Range(months.from(), months.to(), chosen);
    }
}
