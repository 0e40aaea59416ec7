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
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.medaudit.security.WardAccess;
import org.medaudit.system.FieldError;
import org.medaudit.system.InvalidRequestException;
import org.medaudit.system.MonthRange;
import org.medaudit.system.WeekRange;
import org.medaudit.ward.SiteView;
import org.medaudit.ward.Ward;
import org.medaudit.ward.WardDirectory;

/**
 * Rates per month or per ISO week for a ward, a site or the whole network, for pages and other services, within what
 * the caller may read. Every route takes {@code period} ({@code month}, the default, or {@code week}), {@code from}
 * and {@code to} (months {@code YYYY-MM}, by default the twelve up to this one; or weeks {@code YYYY-Www}, by default
 * the 26 up to this one) and {@code basis} ({@code reviewed}, the default, or {@code flagged}).
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
class RatesController {

    /** A checked request: the periods and the basis. */
    private record Range(Periods periods, Basis basis) {
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
    WardRates rates(String ward, @Nullable @QueryValue String period, @Nullable @QueryValue String from,
            @Nullable @QueryValue String to, @Nullable @QueryValue String basis, Authentication who) {
        Ward found = wards.ward(ward)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No ward with code " + ward));
        access.checkRead(who, wards.wardView(ward).orElseThrow());
        Range range = range(period, from, to, basis);
        return calculator.wardRates(found, range.periods(), range.basis());
    }

    /** Every measure for the site, its wards' counts summed; for those who may read every ward of it. */
    @Get("/sites/{site}/rates")
    WardRates siteRates(String site, @Nullable @QueryValue String period, @Nullable @QueryValue String from,
            @Nullable @QueryValue String to, @Nullable @QueryValue String basis, Authentication who) {
        SiteView found = wards.sites().stream().filter(s -> s.code().equalsIgnoreCase(site)).findFirst()
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No site with code " + site));
        rollUps.checkSite(who, found);
        Range range = range(period, from, to, basis);
        return calculator.siteRates(found, range.periods(), range.basis());
    }

    /** Every measure for the whole network, every ward's counts summed. */
    @Get("/network/rates")
    WardRates networkRates(@Nullable @QueryValue String period, @Nullable @QueryValue String from,
            @Nullable @QueryValue String to, @Nullable @QueryValue String basis, Authentication who) {
        rollUps.checkNetwork(who);
        Range range = range(period, from, to, basis);
        return calculator.networkRates(range.periods(), range.basis());
    }

    @Get("/measures")
    List<MeasureDefinition> measures() {
        return measures.all();
    }

    /** The checked query: every invalid parameter is listed in one 422. */
    private Range range(String period, String from, String to, String basis) {
        List<FieldError> errors = new ArrayList<>();
        Periods periods = null;
        if (period == null || period.isBlank() || period.equals(Periods.Kind.MONTH.code())) {
            MonthRange months = MonthRange.read(from, to, YearMonth.now(clock), errors);
            periods = months == null ? null : Periods.months(months.from(), months.to());
        } else if (period.equals(Periods.Kind.WEEK.code())) {
            WeekRange weeks = WeekRange.read(from, to, LocalDate.now(clock), errors);
            periods = weeks == null ? null : Periods.weeks(weeks);
        } else {
            errors.add(new FieldError("/query/period", "must be 'month' (the default) or 'week' (ISO weeks)"));
        }
        Basis chosen = basis == null ? Basis.REVIEWED : Basis.of(basis).orElse(null);
        if (chosen == null) {
            errors.add(new FieldError("/query/basis", "must be 'reviewed' (flagged, confirmed and added findings, "
                    + "not overridden ones) or 'flagged' (findings as the rules raised them)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Range(periods, chosen);
    }
}
