package org.medaudit.measure;

import io.micronaut.core.annotation.Nullable;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.medaudit.security.WardAccess;
import org.medaudit.system.ApiDocs;
import org.medaudit.system.FieldError;
import org.medaudit.system.InvalidRequestException;
import org.medaudit.system.MonthRange;
import org.medaudit.system.WeekRange;
import org.medaudit.ward.SiteView;
import org.medaudit.ward.Ward;
import org.medaudit.ward.WardDirectory;
import org.medaudit.ward.WardView;

/**
 * Rates per month or per ISO week for a ward, a site or the whole network, for pages and other services, within what
 * the caller may read. Every route takes {@code period} ({@code month}, the default, or {@code week}), {@code from}
 * and {@code to} (months {@code YYYY-MM}, by default the twelve up to this one; or weeks {@code YYYY-Www}, by default
 * the 26 up to this one) and {@code basis} ({@code reviewed}, the default, or {@code flagged}). Counts leaving a ward's own scope are
 * suppressed ({@link Disclosure}). Besides JSON, each answers CSV and (a ward's rates, a measure) FHIR R4.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = ApiDocs.RATES)
class RatesController {

    /** A ward's rates, cut to one measure and three months (a real answer has every measure). */
    static final String WARD_RATES_EXAMPLE = """
            {"ward": "AMU", "level": "ward", "from": "2026-08", "to": "2026-10", "basis": "reviewed",
             "series": [
              {"ward": "AMU", "measure": "prescribing-errors-per-100-orders",
               "title": "Prescribing errors per 100 orders", "chart": "u", "per": 100, "improvement": "decrease",
               "ruleProfile": "nhs-mdc", "baseline": {"segment": 0, "from": "2025-01", "points": 12, "frozen": true},
               "variationIcon": "common-cause", "assuranceIcon": "none",
               "points": [
                {"period": "2026-08", "audited": true, "numerator": 12, "denominator": 160, "value": 7.5,
                 "centre": 8.1, "lower": 1.9, "upper": 14.3, "segment": 0, "signals": [], "annotations": [],
                 "chartsAudited": 20, "chartsTarget": 20, "completeness": 100.0},
                {"period": "2026-09", "audited": true, "numerator": 4, "denominator": 150, "value": 2.67,
                 "centre": 8.1, "lower": 1.6, "upper": 14.6, "segment": 0, "signals": ["shift"],
                 "annotations": [{"id": 3, "kind": "pdsa", "title": "Pharmacist on the post-take round"}],
                 "chartsAudited": 18, "chartsTarget": 20, "completeness": 90.0},
                {"period": "2026-10", "audited": false, "annotations": [], "chartsAudited": 0,
                 "chartsTarget": 20, "completeness": 0.0}]}]}""";

    static final String MEASURES_EXAMPLE = """
            [{"id": "prescribing-errors-per-100-orders", "title": "Prescribing errors per 100 medication orders",
              "whyItMatters": "The number of medication orders written is the most meaningful denominator…",
              "numerator": {"description": "Prescribing errors found on the audited charts…",
                            "count": "prescribing-errors"},
              "denominator": {"description": "Medication orders audited on those charts.",
                              "count": "orders-audited"},
              "findingStatuses": "basis=reviewed (the default): flagged, confirmed and manual findings count…",
              "per": 100, "improvement": "decrease", "chart": "u", "ruleProfile": "nhs-mdc",
              "source": "EQUIP (Ashcroft et al. Drug Saf 2015;38:833)", "owner": "Chief Pharmacist",
              "dateReviewed": "2026-11-29", "nextReview": "2027-11-29"}]""";

    static final String CSV = "text/csv";
    static final String FHIR = "application/fhir+json";

    /** A checked rates request: the periods (months or ISO weeks) and the basis. */
    private record Range(Periods periods, Basis basis) {
    }

    private final RateCalculator calculator;
    private final WardSummaries summaries;
    private final MeasureCatalogue measures;
    private final WardDirectory wards;
    private final WardAccess access;
    private final RollUpAccess rollUps;
    private final Disclosure disclosure;
    private final Clock clock;

    RatesController(RateCalculator calculator, WardSummaries summaries, MeasureCatalogue measures,
            WardDirectory wards, WardAccess access, RollUpAccess rollUps, Disclosure disclosure, Clock clock) {
        this.calculator = calculator;
        this.summaries = summaries;
        this.measures = measures;
        this.wards = wards;
        this.access = access;
        this.rollUps = rollUps;
        this.disclosure = disclosure;
        this.clock = clock;
    }

    /** Every measure for the ward, month by month. */
    @Get("/wards/{ward}/rates")
    @Produces({MediaType.APPLICATION_JSON, CSV, FHIR})
    @Operation(summary = "A ward's rates, month by month",
            description = "Every measure's series for the ward (or one measure with `measure`): numerator, "
                    + "denominator, value, centre line, limits, signals, annotations and `audited` per month. "
                    + "Counts from 1 to the disclosure minimum are null with `suppressed: true` for API tokens "
                    + "not scoped to this ward. CSV: one row per ward × measure × month. FHIR "
                    + "(`application/fhir+json`): a MeasureReport for one measure and month, otherwise a Bundle "
                    + "of them, one per measure and audited month.")
    @ApiResponse(responseCode = "200", description = "The ward's series, in the series shape of the design",
            content = @Content(schema = @Schema(implementation = WardRates.class),
                    examples = @ExampleObject(name = "ward", value = WARD_RATES_EXAMPLE)))
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.NotFound
    @ApiDocs.Invalid
    WardRates rates(@Parameter(description = "Ward code", example = "AMU") String ward,
            @Parameter(description = "`month` (default) or `week` (ISO weeks; from/to as YYYY-Www)", example = "month")
            @Nullable @QueryValue String period,
            @Parameter(description = "First month", example = "2026-01") @Nullable @QueryValue String from,
            @Parameter(description = "Last month (default: this month)", example = "2026-10")
            @Nullable @QueryValue String to,
            @Parameter(description = "`reviewed` (default) or `flagged`", example = "reviewed")
            @Nullable @QueryValue String basis,
            @Parameter(description = "Only this measure", example = "prescribing-errors-per-100-orders")
            @Nullable @QueryValue String measure, Authentication who) {
        Ward found = wards.ward(ward)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No ward with code " + ward));
        WardView view = wards.wardView(ward).orElseThrow();
        access.checkRead(who, view);
        Range range = range(period, from, to, basis, measure);
        WardRates rates = calculator.wardRates(found, range.periods(), range.basis());
        return only(disclosure.forCaller(who, view, rates), measure);
    }

    /** Every measure for the site, its wards' counts summed; for those who may read every ward of it. */
    @Get("/sites/{site}/rates")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "A site's rates, its wards summed",
            description = "As a ward's rates, with counts summed over every ward of the site (closed ones "
                    + "included). A roll-up leaves the wards' own scope: counts from 1 to the disclosure minimum "
                    + "are always suppressed. For callers who may read every ward of the site.")
    @ApiResponse(responseCode = "200", description = "The site's series",
            content = @Content(schema = @Schema(implementation = WardRates.class)))
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.NotFound
    @ApiDocs.Invalid
    WardRates siteRates(@Parameter(description = "Site code", example = "RGH") String site,
            @Parameter(description = "`month` (default) or `week` (ISO weeks; from/to as YYYY-Www)", example = "month")
            @Nullable @QueryValue String period,
            @Parameter(description = "First month", example = "2026-01") @Nullable @QueryValue String from,
            @Parameter(description = "Last month", example = "2026-10") @Nullable @QueryValue String to,
            @Parameter(description = "`reviewed` or `flagged`", example = "reviewed")
            @Nullable @QueryValue String basis,
            @Parameter(description = "Only this measure", example = "prescribing-errors-per-100-orders")
            @Nullable @QueryValue String measure, Authentication who) {
        SiteView found = wards.sites().stream().filter(s -> s.code().equalsIgnoreCase(site)).findFirst()
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No site with code " + site));
        rollUps.checkSite(who, found);
        Range range = range(period, from, to, basis, measure);
        return only(disclosure.suppressed(calculator.siteRates(found, range.periods(), range.basis())), measure);
    }

    /** Every measure for the whole network, every ward's counts summed. */
    @Get("/network/rates")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "The network's rates, every ward summed",
            description = "As a site's rates, over every ward of every site; small counts always suppressed. "
                    + "For admins, pharmacists and unscoped API tokens.")
    @ApiResponse(responseCode = "200", description = "The network's series",
            content = @Content(schema = @Schema(implementation = WardRates.class)))
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.Invalid
    WardRates networkRates(
            @Parameter(description = "`month` (default) or `week` (ISO weeks; from/to as YYYY-Www)", example = "month")
            @Nullable @QueryValue String period,
            @Parameter(description = "First month", example = "2026-01") @Nullable @QueryValue String from,
            @Parameter(description = "Last month", example = "2026-10") @Nullable @QueryValue String to,
            @Parameter(description = "`reviewed` or `flagged`", example = "reviewed")
            @Nullable @QueryValue String basis,
            @Parameter(description = "Only this measure", example = "prescribing-errors-per-100-orders")
            @Nullable @QueryValue String measure, Authentication who) {
        rollUps.checkNetwork(who);
        Range range = range(period, from, to, basis, measure);
        return only(disclosure.suppressed(calculator.networkRates(range.periods(), range.basis())), measure);
    }

    /** The latest period of every ward the caller may read, in one answer. */
    @Get("/summary")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Every ward's latest month at once",
            description = "For each ward the caller may read (open wards, and closed ones audited in the month): "
                    + "whether it was audited, and each measure's numerator, denominator, value, centre, limits, "
                    + "signals and icons in the month. By default the latest month with any audit on those wards. "
                    + "Suppression as for a ward's rates. With `site`, only that site's wards: a national network's "
                    + "summary of every ward runs to over a hundred megabytes. CSV: one row per ward × measure.")
    @ApiResponse(responseCode = "200", description = "The summary",
            content = @Content(schema = @Schema(implementation = WardsSummary.class)))
    @ApiDocs.Unauthorized
    @ApiDocs.Invalid
    WardsSummary summary(
            @Parameter(description = "The month (default: the latest audited)", example = "2026-10")
            @Nullable @QueryValue String period,
            @Parameter(description = "`reviewed` or `flagged`", example = "reviewed")
            @Nullable @QueryValue String basis,
            @Parameter(description = "Only the wards of this site (default: every site)", example = "RGH")
            @Nullable @QueryValue String site, Authentication who) {
        List<FieldError> errors = new ArrayList<>();
        List<SiteView> sites = wards.sites();
        if (site != null) {
            sites = sites.stream().filter(s -> s.code().equalsIgnoreCase(site)).toList();
            if (sites.isEmpty()) {
                errors.add(new FieldError("/query/site", "is not a site code"));
            }
        }
        YearMonth month = null;
        if (period != null) {
            try {
                month = YearMonth.parse(period);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("/query/period", "must be a month, YYYY-MM"));
            }
        }
        Basis chosen = RatesQuery.basis(basis, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        List<WardView> readable = sites.stream().flatMap(one -> one.wards().stream())
                .filter(ward -> access.canRead(who, ward)).toList();
        return summaries.summary(readable, month, YearMonth.now(clock), chosen,
                ward -> disclosure.inWardScope(who, ward));
    }

    @Get("/measures")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "The measure definitions",
            description = "Every measure documented in audit-forms/measures: what it counts and why, numerator "
                    + "and denominator, `per`, improvement direction and preferred chart. Sorted by id.")
    @Tag(name = ApiDocs.MEASURES)
    @ApiResponse(responseCode = "200", description = "The measures, in catalogue order",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = MeasureDefinition.class)),
                    examples = @ExampleObject(name = "measures", value = MEASURES_EXAMPLE)))
    @ApiDocs.Unauthorized
    List<MeasureDefinition> measures() {
        return measures.all();
    }

    @Get("/measures/{id}")
    @Produces({MediaType.APPLICATION_JSON, FHIR})
    @Operation(summary = "One measure definition",
            description = "As listed by /measures. FHIR (`application/fhir+json` or `?format=fhir`): an R4 "
                    + "Measure with its canonical url, improvementNotation and the serving rule-book version.")
    @Tag(name = ApiDocs.MEASURES)
    @ApiResponse(responseCode = "200", description = "The measure",
            content = @Content(schema = @Schema(implementation = MeasureDefinition.class)))
    @ApiDocs.Unauthorized
    @ApiDocs.NotFound
    MeasureDefinition measure(
            @Parameter(description = "Measure id", example = "prescribing-errors-per-100-orders") String id) {
        return measures.byId(id)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No measure with id " + id));
    }

    /** The checked rates query: every invalid parameter is listed in one 422. */
    private Range range(String period, String from, String to, String basis, String measure) {
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
        Basis chosen = RatesQuery.basis(basis, errors);
        if (measure != null && measures.byId(measure).isEmpty()) {
            errors.add(new FieldError("/query/measure", "is not a measure id; see /api/v1/measures"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Range(periods, chosen);
    }

    /** The rates with only the named measure's series, or all of them. */
    private static WardRates only(WardRates rates, String measure) {
        return measure == null ? rates : new WardRates(rates.ward(), rates.level(), rates.period(), rates.from(),
                rates.to(), rates.basis(), rates.series().stream().filter(s -> s.measure().equals(measure)).toList());
    }
}
