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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.medaudit.security.WardAccess;
import org.medaudit.system.ApiDocs;
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
    @Operation(summary = "A ward's monthly series, every measure",
            description = "Every measure for the ward, one point per month from `from` to `to`: numerator, "
                    + "denominator, value, the chart's centre line and limits from frozen baselines, signals, "
                    + "annotations and audit completeness. A month with no audited chart is `\"audited\": false`, "
                    + "never zero. Any caller whose role and scope cover the ward.")
    @ApiResponse(responseCode = "200", description = "The ward's series, in the series shape of the design",
            content = @Content(schema = @Schema(implementation = WardRates.class),
                    examples = @ExampleObject(name = "ward", value = WARD_RATES_EXAMPLE)))
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.NotFound
    @ApiDocs.Invalid
    WardRates rates(@Parameter(description = "The ward's code", example = "AMU") String ward,
            @Parameter(description = ApiDocs.FROM, example = "2024-11") @Nullable @QueryValue String from,
            @Parameter(description = ApiDocs.TO, example = "2026-10") @Nullable @QueryValue String to,
            @Parameter(description = ApiDocs.BASIS, example = "reviewed") @Nullable @QueryValue String basis, Authentication who) {
        Ward found = wards.ward(ward)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No ward with code " + ward));
        access.checkRead(who, wards.wardView(ward).orElseThrow());
        Range range = range(from, to, basis);
        return calculator.wardRates(found, range.from(), range.to(), range.basis());
    }

    /** Every measure for the site, its wards' counts summed; for those who may read every ward of it. */
    @Get("/sites/{site}/rates")
    @Operation(summary = "A site's monthly series, its wards summed",
            description = "Every measure for the site, its wards' counts summed (closed wards included: their "
                    + "history is the site's); completeness against the target of each open ward. Ward "
                    + "annotations and rebases are not applied. Counts from 1 below the disclosure minimum are "
                    + "suppressed. For admins, pharmacists and tokens whose scope covers every ward of the site.")
    @ApiResponse(responseCode = "200", description = "The site's series (`level`: `site`)",
            content = @Content(schema = @Schema(implementation = WardRates.class),
                    examples = @ExampleObject(name = "site", value = WARD_RATES_EXAMPLE)))
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.NotFound
    @ApiDocs.Invalid
    WardRates siteRates(@Parameter(description = "The site's code", example = "RGH") String site,
            @Parameter(description = ApiDocs.FROM, example = "2024-11") @Nullable @QueryValue String from,
            @Parameter(description = ApiDocs.TO, example = "2026-10") @Nullable @QueryValue String to,
            @Parameter(description = ApiDocs.BASIS, example = "reviewed") @Nullable @QueryValue String basis, Authentication who) {
        SiteView found = wards.sites().stream().filter(s -> s.code().equalsIgnoreCase(site)).findFirst()
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No site with code " + site));
        rollUps.checkSite(who, found);
        Range range = range(from, to, basis);
        return calculator.siteRates(found, range.from(), range.to(), range.basis());
    }

    /** Every measure for the whole network, every ward's counts summed. */
    @Get("/network/rates")
    @Operation(summary = "The network's monthly series, every ward summed",
            description = "Every measure for the whole network, every ward's counts summed, as a site's are. For "
                    + "admins, pharmacists and tokens without a scope (the whole network).")
    @ApiResponse(responseCode = "200", description = "The network's series (`level`: `network`)",
            content = @Content(schema = @Schema(implementation = WardRates.class),
                    examples = @ExampleObject(name = "network", value = WARD_RATES_EXAMPLE)))
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.Invalid
    WardRates networkRates(@Parameter(description = ApiDocs.FROM, example = "2024-11") @Nullable @QueryValue String from,
            @Parameter(description = ApiDocs.TO, example = "2026-10") @Nullable @QueryValue String to,
            @Parameter(description = ApiDocs.BASIS, example = "reviewed") @Nullable @QueryValue String basis, Authentication who) {
        rollUps.checkNetwork(who);
        Range range = range(from, to, basis);
        return calculator.networkRates(range.from(), range.to(), range.basis());
    }

    @Get("/measures")
    @Tag(name = ApiDocs.MEASURES)
    @Operation(summary = "The measure definitions",
            description = "Every measure rates are computed for, from `audit-forms/measures/`: what it counts "
                    + "(numerator and denominator, in words and as counts), `per`, improvement direction, "
                    + "preferred chart, rule profile and target, and why it matters.")
    @ApiResponse(responseCode = "200", description = "The measures, in catalogue order",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = MeasureDefinition.class)),
                    examples = @ExampleObject(name = "measures", value = MEASURES_EXAMPLE)))
    @ApiDocs.Unauthorized
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
