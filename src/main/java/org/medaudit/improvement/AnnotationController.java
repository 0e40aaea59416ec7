package org.medaudit.improvement;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
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
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.medaudit.security.Roles;
import org.medaudit.security.WardAccess;
import org.medaudit.system.ApiDocs;
import org.medaudit.ward.Ward;
import org.medaudit.ward.WardDirectory;

/**
 * A ward's annotations (PDSA cycles, changes, data issues, rebases, notes). Whoever may read the ward reads them;
 * its ward team (ward users whose scope covers it), pharmacists and admins record and change them. Services only
 * read.
 */
@Controller("/api/v1/wards/{ward}/annotations")
@Tag(name = ApiDocs.ANNOTATIONS)
class AnnotationController {

    static final String REQUEST_EXAMPLE = """
            {"kind": "pdsa", "measure": "prescribing-errors-per-100-orders",
             "title": "Pharmacist on the post-take round", "description": "Cycle 1: weekdays only.",
             "startDate": "2026-09-01", "endDate": "2026-09-30", "owner": "Ward manager",
             "outcome": "Errors per 100 orders fell; adopt and extend to weekends."}""";
    static final String ANNOTATION_EXAMPLE = """
            {"id": 3, "ward": "AMU", "measure": "prescribing-errors-per-100-orders", "kind": "pdsa",
             "title": "Pharmacist on the post-take round", "description": "Cycle 1: weekdays only.",
             "startDate": "2026-09-01", "endDate": "2026-09-30", "startPeriod": "2026-09", "endPeriod": "2026-09",
             "owner": "Ward manager", "outcome": "Errors per 100 orders fell; adopt and extend to weekends.",
             "createdBy": "pharmacist1", "createdAt": "2026-09-01T08:30:00Z"}""";
    static final String FIELDS = "`kind` (`pdsa`, `change`, `data-issue`, `rebase`, `note`), `measure` (a measure id, "
            + "or absent for every measure; required for `rebase`), `title`, `description`, `startDate`, "
            + "`endDate`, `owner`, `outcome`. No patient identifiers; unknown fields are refused.";

    private final Annotations annotations;
    private final WardDirectory wards;
    private final WardAccess access;

    AnnotationController(Annotations annotations, WardDirectory wards, WardAccess access) {
        this.annotations = annotations;
        this.wards = wards;
        this.access = access;
    }

    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "A ward's annotations", description = "Whoever may read the ward.")
    @ApiResponse(responseCode = "200", description = "The ward's annotations, by start date",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = AnnotationView.class)),
                    examples = @ExampleObject(name = "annotations", value = "[" + ANNOTATION_EXAMPLE + "]")))
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.NotFound
    List<AnnotationView> list(@Parameter(description = "The ward's code", example = "AMU") String ward, Authentication who) {
        return annotations.list(readable(ward, who));
    }

    @Get("/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "One annotation", description = "Whoever may read the ward.")
    @ApiResponse(responseCode = "200", description = "The annotation",
            content = @Content(schema = @Schema(implementation = AnnotationView.class),
                    examples = @ExampleObject(name = "annotation", value = ANNOTATION_EXAMPLE)))
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.NotFound
    AnnotationView annotation(@Parameter(description = "The ward's code", example = "AMU") String ward, @Parameter(description = "The annotation's id") long id, Authentication who) {
        return annotations.find(readable(ward, who), id);
    }

    @Post
    @Secured({Roles.ADMIN, Roles.PHARMACIST, Roles.WARD})
    @Operation(summary = "Record an annotation",
            description = "People only: admins, pharmacists, and ward users for their own wards. A `rebase` starts a "
                    + "new baseline for its measure from its start month.")
    @ApiResponse(responseCode = "201", description = "Recorded; `Location` names it",
            content = @Content(schema = @Schema(implementation = AnnotationView.class),
                    examples = @ExampleObject(name = "annotation", value = ANNOTATION_EXAMPLE)))
    @ApiDocs.Malformed
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.NotFound
    @ApiDocs.Invalid
    HttpResponse<AnnotationView> create(@Parameter(description = "The ward's code", example = "AMU") String ward,
            @RequestBody(required = true, description = FIELDS, content = @Content(
                    schema = @Schema(type = "object", description = FIELDS),
                    examples = @ExampleObject(name = "pdsa", value = REQUEST_EXAMPLE)))
            @Body byte[] body, Authentication who) {
        AnnotationView created = annotations.create(readable(ward, who), body, who.getName());
        return HttpResponse.created(created,
                URI.create("/api/v1/wards/" + created.ward() + "/annotations/" + created.id()));
    }

    @Patch("/{id}")
    @Secured({Roles.ADMIN, Roles.PHARMACIST, Roles.WARD})
    @Operation(summary = "Change an annotation",
            description = "Only the fields given change; `null` clears an optional one. People only, as for "
                    + "recording.")
    @ApiResponse(responseCode = "200", description = "The annotation as changed",
            content = @Content(schema = @Schema(implementation = AnnotationView.class),
                    examples = @ExampleObject(name = "annotation", value = ANNOTATION_EXAMPLE)))
    @ApiDocs.Malformed
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.NotFound
    @ApiDocs.Invalid
    AnnotationView change(@Parameter(description = "The ward's code", example = "AMU") String ward, @Parameter(description = "The annotation's id") long id,
            @RequestBody(required = true, description = FIELDS, content = @Content(
                    schema = @Schema(type = "object", description = FIELDS),
                    examples = @ExampleObject(name = "outcome", value = "{\"outcome\": \"Adopted\"}")))
            @Body byte[] body, Authentication who) {
        return annotations.change(readable(ward, who), id, body);
    }

    @Delete("/{id}")
    @Secured({Roles.ADMIN, Roles.PHARMACIST, Roles.WARD})
    @Operation(summary = "Delete an annotation", description = "People only, as for recording.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.NotFound
    HttpResponse<Void> delete(@Parameter(description = "The ward's code", example = "AMU") String ward, @Parameter(description = "The annotation's id") long id, Authentication who) {
        annotations.delete(readable(ward, who), id);
        return HttpResponse.noContent();
    }

    /** The ward, when it exists (404) and the caller may read it (403); a ward user writes only where they read. */
    private Ward readable(String code, Authentication who) {
        Ward ward = wards.ward(code)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No ward with code " + code));
        access.checkRead(who, wards.wardView(code).orElseThrow());
        return ward;
    }
}
