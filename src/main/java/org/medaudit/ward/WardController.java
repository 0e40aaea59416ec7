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
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.medaudit.system.ApiDocs;

/** Lists the sites and wards audits can be entered for: codes, names and history, nothing about patients. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = ApiDocs.WARDS)
class WardController {

    static final String WARD_EXAMPLE = """
            {"code": "AMU", "name": "Acute Medical Unit", "site": "RGH", "siteName": "Riverside General Hospital",
             "specialty": "acute-medicine", "active": true}""";

    private final WardDirectory directory;
    private final WardHistory history;

    WardController(WardDirectory directory, WardHistory history) {
        this.directory = directory;
        this.history = history;
    }

    @Get("/sites")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Every site with its wards",
            description = "The sites and wards samples may be entered for, open and closed (`active`), sorted by "
                    + "site code, wards by code; codes and names only, nothing about patients. Any caller. Paged "
                    + "with `page` and `size` (Link header).")
    @ApiResponse(responseCode = "200", description = "The sites, each with its wards", content = @Content(
            array = @ArraySchema(schema = @Schema(implementation = SiteView.class)),
            examples = @ExampleObject(name = "sites", value = "[{\"code\": \"RGH\", \"name\": "
                    + "\"Riverside General Hospital\", \"wards\": [" + WARD_EXAMPLE + "]}]")))
    @ApiDocs.Unauthorized
    List<SiteView> sites() {
        return directory.sites();
    }

    @Get("/wards")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Every ward, with its history",
            description = "Sorted by site code, then ward code; each ward with its renames, moves and closures "
                    + "(`history`, oldest first). Any caller. Paged with `page` and `size` (Link header).")
    @ApiResponse(responseCode = "200", description = "The wards, site by site",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = WardRecord.class))))
    @ApiDocs.Unauthorized
    List<WardRecord> wards() {
        Map<String, List<WardChange>> changes = history.byWard();
        return directory.sites().stream().flatMap(site -> site.wards().stream())
                .map(ward -> WardRecord.of(ward, changes.getOrDefault(ward.code(), List.of()))).toList();
    }

    @Get("/wards/{code}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "One ward, with its history",
            description = "A ward by its code (any letter case), open or closed, with its renames, moves and "
                    + "closures, oldest first. Any caller.")
    @ApiResponse(responseCode = "200", description = "The ward",
            content = @Content(schema = @Schema(implementation = WardRecord.class)))
    @ApiDocs.Unauthorized
    @ApiDocs.NotFound
    WardRecord ward(@Parameter(description = "The ward's code", example = "AMU") String code) {
        WardView ward = directory.wardView(code)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No ward with code " + code));
        return WardRecord.of(ward, history.byWard().getOrDefault(ward.code(), List.of()));
    }
}
