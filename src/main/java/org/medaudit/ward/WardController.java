package org.medaudit.ward;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
import org.medaudit.system.ApiDocs;

/** Lists the sites and wards audits can be entered for: codes and names, nothing about patients. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = ApiDocs.WARDS)
class WardController {

    static final String WARD_EXAMPLE = """
            {"code": "AMU", "name": "Acute Medical Unit", "site": "RGH", "siteName": "Riverside General Hospital",
             "specialty": "acute-medicine", "active": true}""";

    private final WardDirectory directory;

    WardController(WardDirectory directory) {
        this.directory = directory;
    }

    @Get("/sites")
    @Operation(summary = "Every site with its wards",
            description = "The sites and wards samples may be entered for, open and closed (`active`), by code; "
                    + "codes and names only, nothing about patients. Any caller.")
    @ApiResponse(responseCode = "200", description = "The sites, each with its wards", content = @Content(
            array = @ArraySchema(schema = @Schema(implementation = SiteView.class)),
            examples = @ExampleObject(name = "sites", value = "[{\"code\": \"RGH\", \"name\": "
                    + "\"Riverside General Hospital\", \"wards\": [" + WARD_EXAMPLE + "]}]")))
    @ApiDocs.Unauthorized
    List<SiteView> sites() {
        return directory.sites();
    }

    @Get("/wards")
    @Operation(summary = "Every ward", description = "Every ward of every site, as in `/api/v1/sites`. Any caller.")
    @ApiResponse(responseCode = "200", description = "The wards, site by site",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = WardView.class)),
                    examples = @ExampleObject(name = "wards", value = "[" + WARD_EXAMPLE + "]")))
    @ApiDocs.Unauthorized
    List<WardView> wards() {
        return directory.sites().stream().flatMap(site -> site.wards().stream()).toList();
    }

    @Get("/wards/{code}")
    @Operation(summary = "One ward", description = "A ward by its code (any letter case). Any caller.")
    @ApiResponse(responseCode = "200", description = "The ward",
            content = @Content(schema = @Schema(implementation = WardView.class),
                    examples = @ExampleObject(name = "ward", value = WARD_EXAMPLE)))
    @ApiDocs.Unauthorized
    @ApiDocs.NotFound
    WardView ward(@Parameter(description = "The ward's code", example = "AMU") String code) {
        return directory.wardView(code)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No ward with code " + code));
    }
}
