package org.medaudit.system;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Contact;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OpenAPI description of the service API as a whole — title, security schemes, tags — and the error answers
 * every endpoint shares, as annotations a controller method puts on (so each error is described, with its example
 * body, once). The spec is written at compile time to {@code META-INF/swagger/openapi.yml} and served at
 * {@code /api/docs/openapi.yml}, with Swagger UI at {@code /api/docs/}.
 */
@OpenAPIDefinition(
        info = @Info(
                title = "MedAudit API",
                version = "1",
                description = """
                        Medication-safety audit rates for other hospital services: sites and wards, measure \
                        definitions, each ward's (or a site's, or the network's) monthly series with control \
                        limits and signals, the rule catalogue, and chart-sample intake and review.

                        **Authentication.** Services send an API token an admin created for them: \
                        `Authorization: Bearer mdt_…`. A read token may be scoped to sites or wards; a ward or site \
                        outside its scope answers `403`. People signed in to MedAudit use their session cookie \
                        (`MEDAUDIT_SESSION`; cookie-authenticated changes also need the `X-CSRF-Token` header).

                        **Conventions.** Months are `YYYY-MM`, dates ISO 8601. A month with no audited chart is \
                        `"audited": false`, never zero. Every error is `application/problem+json` (RFC 9457) \
                        with `type`, `title`, `status`, `detail`, and `errors` (`pointer`, `detail`) listing \
                        every invalid field.""",
                contact = @Contact(name = "MedAudit maintainers", url = "https://medaudit.org")),
        servers = @Server(url = "/", description = "This MedAudit server"),
        tags = {
                @Tag(name = ApiDocs.RATES, description = "Monthly series per measure for a ward, a site or the network"),
                @Tag(name = ApiDocs.WARDS, description = "Sites and wards samples are entered for"),
                @Tag(name = ApiDocs.MEASURES, description = "The measure definitions"),
                @Tag(name = ApiDocs.SAMPLES, description = "Audited chart samples: intake (contract v1) and reading"),
                @Tag(name = ApiDocs.REVIEW, description = "Pharmacist review of a sample's findings"),
                @Tag(name = ApiDocs.ANNOTATIONS, description = "PDSA cycles, changes, data issues and rebases on a "
                        + "ward's charts"),
                @Tag(name = ApiDocs.RULES, description = "The rule catalogue and rule-book versions"),
                @Tag(name = ApiDocs.REPORTS, description = "Monthly progress reports of wards and sites"),
                @Tag(name = ApiDocs.ADMIN, description = "Users, API tokens, the audit trail, back-tests and backups "
                        + "(admins)")},
        security = {@SecurityRequirement(name = ApiDocs.BEARER), @SecurityRequirement(name = ApiDocs.SESSION)})
@SecurityScheme(name = ApiDocs.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "mdt_…",
        description = "An API token (`mdt_…`) created by an admin under API tokens; its secret is shown once.")
@SecurityScheme(name = ApiDocs.SESSION, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE,
        paramName = "MEDAUDIT_SESSION", description = "The session cookie of a person signed in at /login.")
public final class ApiDocs {

    public static final String BEARER = "apiToken";
    public static final String SESSION = "session";

    public static final String RATES = "Rates";
    public static final String WARDS = "Sites and wards";
    public static final String MEASURES = "Measures";
    public static final String SAMPLES = "Samples";
    public static final String REVIEW = "Finding review";
    public static final String ANNOTATIONS = "Annotations";
    public static final String RULES = "Rules";
    public static final String REPORTS = "Progress reports";
    public static final String ADMIN = "Admin";

    /** The {@code from}, {@code to} and {@code basis} query parameters every rates route shares. */
    public static final String FROM = "First month, `YYYY-MM` (default: eleven months before `to`).";
    public static final String TO = "Last month, `YYYY-MM` (default: this month, in the hospital's time zone).";
    public static final String BASIS = "`reviewed` (default: flagged, confirmed and added findings, not overridden "
            + "ones) or `flagged` (the findings as the rules raised them).";

    /** A finding as samples and the review API show it (shared by both). */
    public static final String FINDING_EXAMPLE = """
            {"id": "0f9c2a71-5d2e-4d8b-9a43-2b6f1c0e7d11", "ruleId": "HRM-001",
             "ruleName": "Oral methotrexate prescribed more often than weekly", "category": "prescribing-error",
             "errorType": "wrong-frequency", "severity": "potentially-lethal",
             "source": "NPSA alert 2006: oral methotrexate",
             "message": "Oral methotrexate 10 mg is prescribed once-daily; it is taken once a week.",
             "drug": "methotrexate", "orderIndex": 0, "status": "flagged"}""";

    static final String UNAUTHORIZED_EXAMPLE = """
            {"type": "https://medaudit.org/problems/unauthorized", "title": "Unauthorized", "status": 401,
             "detail": "Unauthorized"}""";
    static final String FORBIDDEN_EXAMPLE = """
            {"type": "https://medaudit.org/problems/forbidden", "title": "Forbidden", "status": 403,
             "detail": "You may not read ward AMU"}""";
    static final String NOT_FOUND_EXAMPLE = """
            {"type": "https://medaudit.org/problems/not-found", "title": "Not Found", "status": 404,
             "detail": "No ward with code XYZ"}""";
    static final String INVALID_EXAMPLE = """
            {"type": "https://medaudit.org/problems/invalid-fields", "title": "The request has invalid fields",
             "status": 422, "detail": "2 fields are invalid; nothing was stored.",
             "errors": [{"pointer": "/query/from", "detail": "must be a month written YYYY-MM, such as 2026-10"},
                        {"pointer": "/query/basis", "detail": "must be 'reviewed' (flagged, confirmed and added findings, not overridden ones) or 'flagged' (findings as the rules raised them)"}]}""";
    static final String MALFORMED_EXAMPLE = """
            {"type": "https://medaudit.org/problems/malformed-json", "title": "The request body is not valid JSON",
             "status": 400, "detail": "Unexpected end of input at line 1. Nothing was stored."}""";

    private ApiDocs() {
    }

    /** 401: no credentials, or a token that is unknown, revoked or expired. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "401", description = "No valid API token or session",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthorized", value = UNAUTHORIZED_EXAMPLE)))
    public @interface Unauthorized {
    }

    /** 403: signed in, but the role or the scope (sites, wards) does not cover what was asked for. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "403", description = "The caller's role or scope does not allow it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = FORBIDDEN_EXAMPLE)))
    public @interface Forbidden {
    }

    /** 404: the ward, site, sample, rule or other thing named in the path does not exist. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "404", description = "Nothing with that code or id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public @interface NotFound {
    }

    /** 422: invalid fields or query parameters, every one listed by JSON pointer; nothing was stored. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "422", description = "Invalid fields or parameters, each listed by pointer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-fields", value = INVALID_EXAMPLE)))
    public @interface Invalid {
    }

    /** 400: a body that is not JSON (or repeats a key); nothing was stored. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "400", description = "The body is not valid JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "malformed-json", value = MALFORMED_EXAMPLE)))
    public @interface Malformed {
    }
}
