package org.medaudit.finding;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.medaudit.security.Roles;
import org.medaudit.system.ApiDocs;

/** The review API: other systems (and scripts) confirm, override or add a sample's findings as a pharmacist would. */
@Controller("/api/v1/samples/{id}/findings")
@Secured({Roles.ADMIN, Roles.PHARMACIST})
@Tag(name = ApiDocs.REVIEW)
class FindingReviewController {

    static final String REVIEWED_EXAMPLE = """
            {"id": "0f9c2a71-5d2e-4d8b-9a43-2b6f1c0e7d11", "ruleId": "HRM-001",
             "ruleName": "Oral methotrexate prescribed more often than weekly", "category": "prescribing-error",
             "errorType": "wrong-frequency", "severity": "potentially-lethal", "message": "…",
             "drug": "methotrexate", "orderIndex": 0, "status": "overridden",
             "review": {"reason": "already-addressed", "comment": "Corrected to weekly on the post-take round",
                        "by": "pharmacist1", "at": "2026-10-14T11:02:00Z"}}""";

    private final FindingReview review;

    FindingReviewController(FindingReview review) {
        this.review = review;
    }

    @Post("/{findingId}/confirm")
    @Operation(summary = "Confirm a finding",
            description = "A pharmacist agrees with the rule: the finding's status becomes `confirmed` (it keeps "
                    + "counting as an error). Admins and pharmacists; recorded on the audit trail.")
    @ApiResponse(responseCode = "200", description = "The finding with its review",
            content = @Content(schema = @Schema(implementation = FindingView.class),
                    examples = @ExampleObject(name = "confirmed", value = ApiDocs.FINDING_EXAMPLE)))
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.NotFound
    @ApiDocs.Invalid
    FindingView confirm(@Parameter(description = "The sample's id") String id,
            @Parameter(description = "The finding's id") String findingId, Authentication who) {
        return review.confirm(id, findingId, who.getName());
    }

    /** Body {@code {"reason": "clinically-appropriate", "comment": "…"}}. */
    @Post("/{findingId}/override")
    @Operation(summary = "Override a finding with a coded reason",
            description = "The rule was wrong for this chart: the status becomes `overridden` and the finding stops "
                    + "counting as an error (basis `reviewed`). `reason`: `clinically-appropriate`, "
                    + "`already-addressed`, `information-not-on-chart`, `rule-not-applicable` or `other` (then a "
                    + "`comment` is required); comments hold no patient identifiers. Admins and pharmacists.")
    @ApiResponse(responseCode = "200", description = "The finding with its review",
            content = @Content(schema = @Schema(implementation = FindingView.class),
                    examples = @ExampleObject(name = "overridden", value = REVIEWED_EXAMPLE)))
    @ApiDocs.Malformed
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.NotFound
    @ApiDocs.Invalid
    FindingView override(@Parameter(description = "The sample's id") String id,
            @Parameter(description = "The finding's id") String findingId, @Body ReviewRequests.Override body,
            Authentication who) {
        return review.override(id, findingId, body, who.getName());
    }

    /** Adds a finding the rules missed; answers 201 with it (the sample at Location lists it too). */
    @Post
    @Operation(summary = "Add a finding the rules missed",
            description = "A pharmacist records an error no rule raised (status `manual`): category, error type "
                    + "and severity from the design's vocabularies, the order it is about (or none for the chart) "
                    + "and a message. Admins and pharmacists.")
    @ApiResponse(responseCode = "201", description = "The new finding; `Location` names the sample",
            content = @Content(schema = @Schema(implementation = FindingView.class),
                    examples = @ExampleObject(name = "manual", value = ApiDocs.FINDING_EXAMPLE)))
    @ApiDocs.Malformed
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.NotFound
    @ApiDocs.Invalid
    HttpResponse<FindingView> add(@Parameter(description = "The sample's id") String id,
            @Body ReviewRequests.NewFinding body, Authentication who) {
        return HttpResponse.created(review.add(id, body, who.getName()), URI.create("/api/v1/samples/" + id));
    }
}
