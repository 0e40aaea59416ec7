package org.medaudit.sample;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.medaudit.security.Roles;
import org.medaudit.security.WardAccess;
import org.medaudit.system.ApiDocs;
import org.medaudit.system.Problem;
import org.medaudit.ward.WardDirectory;

/** The chart-sample intake API (contract v1). */
@Controller("/api/v1/samples")
@Tag(name = ApiDocs.SAMPLES)
class SampleController {

    /** The design's example chart (src/test/resources/charts/design-example.json). */
    static final String CHART_EXAMPLE = """
            {"ward": "AMU", "auditDate": "2026-10-14", "sampleType": "random-monthly",
             "patient": {"ageYears": 78, "sex": "F", "weightKg": 48.5, "egfr": 38,
                         "conditions": ["asthma", "peptic-ulcer-history"], "allergyStatus": "drug-allergy",
                         "allergies": [{"substance": "penicillin", "reaction": "anaphylaxis"}]},
             "admission": {"admittedAt": "2026-10-12T14:05", "reconciliationStartedAt": "2026-10-13T09:30",
                           "reconciliationCompletedAt": "2026-10-13T11:00"},
             "preAdmissionMedicines": [{"drug": "warfarin", "dose": 3, "unit": "mg", "route": "oral",
                                        "frequency": "once-daily", "onChart": false, "changeDocumented": false}],
             "orders": [{"drug": "methotrexate", "dose": 10, "unit": "mg", "doseText": "10mg", "route": "oral",
                         "frequency": "once-daily", "prn": false, "indication": "rheumatoid arthritis",
                         "startDate": "2026-10-12", "signed": true}],
             "omittedDoses": [{"drug": "co-careldopa", "reasonCode": "none-recorded"}],
             "monitoring": [{"test": "INR", "date": "2026-10-13", "value": 6.4}]}""";

    /** The stored sample: the chart as sent (shortened here) with its findings, most severe first. */
    static final String SAMPLE_EXAMPLE = """
            {"id": "5b0e8c52-7f0a-4b8e-9d3c-1f2a3b4c5d6e", "ward": "AMU", "auditDate": "2026-10-14",
             "sampleType": "random-monthly", "ruleBookVersion": "sha256:3f1c…", "ordersAudited": 1,
             "orders": [{"drug": "methotrexate", "dose": 10, "unit": "mg", "doseText": "10mg", "route": "oral",
                         "frequency": "once-daily", "prn": false, "indication": "rheumatoid arthritis",
                         "startDate": "2026-10-12", "signed": true}],
             "findings": [""" + ApiDocs.FINDING_EXAMPLE + "], \"recordedAt\": \"2026-10-14T10:12:00Z\"}";

    private final SampleIntake intake;
    private final WardDirectory wards;
    private final WardAccess access;

    SampleController(SampleIntake intake, WardDirectory wards, WardAccess access) {
        this.intake = intake;
        this.wards = wards;
        this.access = access;
    }

    /** Checks, evaluates and stores one audited chart; answers 201 with the sample and its findings. */
    @Post(consumes = MediaType.APPLICATION_JSON)
    @Secured({Roles.ADMIN, Roles.PHARMACIST, Roles.INTAKE})
    @Operation(summary = "Submit one audited chart",
            description = "Checks the chart against contract v1 (types, vocabularies, ranges, no patient "
                    + "identifiers), evaluates it with the serving rule book and stores it with its findings in one "
                    + "transaction. Admins, pharmacists and intake tokens.")
    @ApiResponse(responseCode = "201", description = "Stored; `Location` names the sample",
            headers = {
                    @io.swagger.v3.oas.annotations.headers.Header(name = "Location",
                            description = "/api/v1/samples/{id}"),
                    @io.swagger.v3.oas.annotations.headers.Header(name = "Idempotent-Replayed",
                            description = "`true` when a retry with the same key returned the first result")},
            content = @Content(schema = @Schema(implementation = SampleView.class),
                    examples = @ExampleObject(name = "sample", value = SAMPLE_EXAMPLE)))
    @ApiResponse(responseCode = "409", description = "The Idempotency-Key was used before for a different chart",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "503", description = "The database stayed busy with other writes; nothing was "
            + "stored. Send the same request again after `Retry-After` seconds, with the same Idempotency-Key",
            headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Retry-After", description = "seconds"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.Malformed
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.Invalid
    HttpResponse<SampleView> submit(
            @RequestBody(required = true, description = "One audited chart, contract v1 (DESIGN.md, \"The chart "
                    + "sample\"); every field but `ward`, `auditDate` and `orders` optional",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChartSample.class),
                            examples = @ExampleObject(name = "design-example", value = CHART_EXAMPLE)))
            @Body byte[] body,
            @Parameter(description = "Makes a retry safe: the same key and body return the first result and store "
                    + "nothing new; the same key with another body is 409. At most 200 visible ASCII characters.",
                    example = "ward-amu-2026-10-14-bed-7")
            @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        Submission submission = intake.submitJson(body, idempotencyKey);
        var response = HttpResponse.created(submission.sample(),
                URI.create("/api/v1/samples/" + submission.sample().id()));
        return submission.replayed() ? response.header("Idempotent-Replayed", "true") : response;
    }

    /** A stored sample; a ward user reads only their own wards' samples (another ward's answers 404). */
    @Get("/{id}")
    @Secured({Roles.ADMIN, Roles.PHARMACIST, Roles.WARD})
    @Operation(summary = "One stored sample with its findings",
            description = "The chart as stored, the rule-book version that evaluated it and its findings with their "
                    + "reviews. People only (samples are patient-level data): admins, pharmacists, and ward users "
                    + "for their own wards (another ward's sample answers 404).")
    @ApiResponse(responseCode = "200", description = "The sample",
            content = @Content(schema = @Schema(implementation = SampleView.class),
                    examples = @ExampleObject(name = "sample", value = SAMPLE_EXAMPLE)))
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.NotFound
    SampleView sample(@Parameter(description = "The sample's id, from `Location`") String id, Authentication who) {
        return intake.find(id)
                .filter(sample -> wards.wardView(sample.ward()).map(ward -> access.canRead(who, ward)).orElse(false))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No chart sample with id " + id));
    }
}
