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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.medaudit.security.WardAccess;
import org.medaudit.system.FieldError;
import org.medaudit.system.InvalidRequestException;
import org.medaudit.ward.Ward;
import org.medaudit.ward.WardDirectory;

/** A ward's rates per month, for pages and other services, within what the caller may read. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
class RatesController {

    /** Ten years of months: more than any chart shows, few enough to answer quickly. */
    static final int MAX_MONTHS = 120;

    private final RateCalculator calculator;
    private final MeasureCatalogue measures;
    private final WardDirectory wards;
    private final WardAccess access;
    private final Clock clock;

    RatesController(RateCalculator calculator, MeasureCatalogue measures, WardDirectory wards, WardAccess access,
            Clock clock) {
        this.calculator = calculator;
        this.measures = measures;
        this.wards = wards;
        this.access = access;
        this.clock = clock;
    }

    /** Every measure for the ward, month by month; by default the twelve months up to this one. */
    @Get("/wards/{ward}/rates")
    WardRates rates(String ward, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
            Authentication who) {
        Ward found = wards.ward(ward)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No ward with code " + ward));
        access.checkRead(who, wards.wardView(ward).orElseThrow());
        List<FieldError> errors = new ArrayList<>();
        YearMonth end = month("to", to, YearMonth.now(clock), errors);
        YearMonth start = month("from", from, end == null ? null : end.minusMonths(11), errors);
        if (start != null && end != null) {
            if (start.isAfter(end)) {
                errors.add(new FieldError("/query/from", "must not be after 'to' (" + end + ")"));
            } else if (start.plusMonths(MAX_MONTHS - 1).isBefore(end)) {
                errors.add(new FieldError("/query/from", "the range may span at most " + MAX_MONTHS + " months"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return calculator.wardRates(found, start, end);
    }

    @Get("/measures")
    List<MeasureDefinition> measures() {
        return measures.all();
    }

    private static YearMonth month(String name, String value, YearMonth otherwise, List<FieldError> errors) {
        if (value == null) {
            return otherwise;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("/query/" + name, "must be a month written YYYY-MM, such as 2026-10"));
            return null;
        }
    }
}
