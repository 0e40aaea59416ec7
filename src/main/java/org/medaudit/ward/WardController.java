package org.medaudit.ward;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;

/** Lists the sites and wards audits can be entered for: codes, names and history, nothing about patients. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Sites and wards")
class WardController {

    private final WardDirectory directory;
    private final WardHistory history;

    WardController(WardDirectory directory, WardHistory history) {
        this.directory = directory;
        this.history = history;
    }

    @Get("/sites")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "The sites and their wards", description = "Sorted by site code, wards by code; closed "
            + "wards are listed with `active: false`. Paged with `page` and `size` (Link header).")
    @ApiResponse(responseCode = "200", description = "The sites")
    List<SiteView> sites() {
        return directory.sites();
    }

    @Get("/wards")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Every ward, with its history", description = "Sorted by site code, then ward code; "
            + "each ward with its renames, moves and closures (`history`, oldest first). Paged with `page` and "
            + "`size` (Link header).")
    @ApiResponse(responseCode = "200", description = "The wards")
    List<WardRecord> wards() {
        Map<String, List<WardChange>> changes = history.byWard();
        return directory.sites().stream().flatMap(site -> site.wards().stream())
                .map(ward -> WardRecord.of(ward, changes.getOrDefault(ward.code(), List.of()))).toList();
    }

    @Get("/wards/{code}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "One ward, with its history", description = "The ward (open or closed) with its "
            + "renames, moves and closures, oldest first.")
    @ApiResponse(responseCode = "200", description = "The ward")
    @ApiResponse(responseCode = "404", description = "No ward with this code")
    WardRecord ward(@Parameter(description = "Ward code", example = "AMU") String code) {
        WardView ward = directory.wardView(code)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No ward with code " + code));
        return WardRecord.of(ward, history.byWard().getOrDefault(ward.code(), List.of()));
    }
}
