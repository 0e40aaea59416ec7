package org.medaudit.finding;

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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.medaudit.measure.Disclosure;
import org.medaudit.measure.RatesQuery;
import org.medaudit.measure.RollUpAccess;
import org.medaudit.security.WardAccess;
import org.medaudit.system.ApiDocs;
import org.medaudit.ward.SiteView;
import org.medaudit.ward.WardDirectory;
import org.medaudit.ward.WardView;

/**
 * Counts of findings by category, error type, severity and drug for a ward, a site or the network, for other
 * services: counts only, never a finding or a chart. Who may read each is as for the rates; suppression of small
 * counts as for the rates ({@link Disclosure}).
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Findings summaries")
class FindingSummaryController {

    private final FindingSummaries summaries;
    private final WardDirectory wards;
    private final WardAccess access;
    private final RollUpAccess rollUps;
    private final Disclosure disclosure;
    private final Clock clock;

    FindingSummaryController(FindingSummaries summaries, WardDirectory wards, WardAccess access,
            RollUpAccess rollUps, Disclosure disclosure, Clock clock) {
        this.summaries = summaries;
        this.wards = wards;
        this.access = access;
        this.rollUps = rollUps;
        this.disclosure = disclosure;
        this.clock = clock;
    }

    @Get("/wards/{ward}/findings-summary")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "A ward's findings, counted",
            description = "Findings on the ward's audited charts from `from` to `to`, counted by category, error "
                    + "type, severity and drug, with the charts and orders audited. Counts from 1 to the "
                    + "disclosure minimum are null with `suppressed: true` for API tokens not scoped to this ward.")
    @ApiResponse(responseCode = "200", description = "The counts")
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.NotFound
    @ApiDocs.Invalid
    FindingCounts ward(@Parameter(description = "Ward code", example = "AMU") String ward,
            @Parameter(description = "First month", example = "2026-01") @Nullable @QueryValue String from,
            @Parameter(description = "Last month", example = "2026-10") @Nullable @QueryValue String to,
            @Parameter(description = "`reviewed` or `flagged`", example = "reviewed")
            @Nullable @QueryValue String basis, Authentication who) {
        WardView view = wards.wardView(ward)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No ward with code " + ward));
        access.checkRead(who, view);
        RatesQuery query = RatesQuery.parse(from, to, basis, YearMonth.now(clock));
        FindingSummary summary = summaries.summarise(List.of(wards.ward(ward).orElseThrow().id()), query.from(),
                query.to(), query.basis());
        return disclosure.inWardScope(who, view) ? FindingCounts.of(view.code(), "ward", summary)
                : FindingCounts.suppressed(view.code(), "ward", summary, disclosure.smallNumbers());
    }

    @Get("/sites/{site}/findings-summary")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "A site's findings, counted over its wards",
            description = "As a ward's findings summary, over every ward of the site; small counts always "
                    + "suppressed. For callers who may read every ward of the site.")
    @ApiResponse(responseCode = "200", description = "The counts")
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.NotFound
    @ApiDocs.Invalid
    FindingCounts site(@Parameter(description = "Site code", example = "RGH") String site,
            @Parameter(description = "First month", example = "2026-01") @Nullable @QueryValue String from,
            @Parameter(description = "Last month", example = "2026-10") @Nullable @QueryValue String to,
            @Parameter(description = "`reviewed` or `flagged`", example = "reviewed")
            @Nullable @QueryValue String basis, Authentication who) {
        SiteView found = wards.sites().stream().filter(s -> s.code().equalsIgnoreCase(site)).findFirst()
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No site with code " + site));
        rollUps.checkSite(who, found);
        RatesQuery query = RatesQuery.parse(from, to, basis, YearMonth.now(clock));
        List<Long> ids = found.wards().stream().map(view -> wards.ward(view.code()).orElseThrow().id()).toList();
        return FindingCounts.suppressed(found.code(), "site",
                summaries.summarise(ids, query.from(), query.to(), query.basis()), disclosure.smallNumbers());
    }

    @Get("/network/findings-summary")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "The network's findings, counted over every ward",
            description = "As a site's findings summary, over every ward; small counts always suppressed. For "
                    + "admins, pharmacists and unscoped API tokens.")
    @ApiResponse(responseCode = "200", description = "The counts")
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.Invalid
    FindingCounts network(
            @Parameter(description = "First month", example = "2026-01") @Nullable @QueryValue String from,
            @Parameter(description = "Last month", example = "2026-10") @Nullable @QueryValue String to,
            @Parameter(description = "`reviewed` or `flagged`", example = "reviewed")
            @Nullable @QueryValue String basis, Authentication who) {
        rollUps.checkNetwork(who);
        RatesQuery query = RatesQuery.parse(from, to, basis, YearMonth.now(clock));
        return FindingCounts.suppressed("network", "network",
                summaries.summarise(null, query.from(), query.to(), query.basis()), disclosure.smallNumbers());
    }
}
