package org.medaudit.rules;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.medaudit.security.Roles;
import org.medaudit.system.ApiDocs;

/**
 * The rule catalogue and rule-book versions for people and services (rules are not patient data, so any read
 * token may see them), and the admin's reload.
 */
@Controller("/api/v1")
@Secured({Roles.ADMIN, Roles.PHARMACIST, Roles.SERVICE})
@Tag(name = ApiDocs.RULES)
class RulesController {

    static final String RULE_EXAMPLE = """
            {"id": "HRM-001", "name": "Oral methotrexate prescribed more often than weekly",
             "ruleSet": "high-risk-medicines", "category": "prescribing-error", "errorType": "wrong-frequency",
             "severity": "potentially-lethal", "source": "NPSA alert 2006: oral methotrexate",
             "activity": {"from": "2025-11", "to": "2026-10", "fired": 14, "confirmed": 9, "overridden": 1,
                          "unreviewed": 4, "precision": 0.9}}""";
    static final String PERIOD_FROM = "First month of the counts, `YYYY-MM` (default: eleven months before `to`).";
    static final String PERIOD_TO = "Last month of the counts, `YYYY-MM` (default: this month).";

    private final RuleCatalogue catalogue;
    private final RuleBookService ruleBooks;

    RulesController(RuleCatalogue catalogue, RuleBookService ruleBooks) {
        this.catalogue = catalogue;
        this.ruleBooks = ruleBooks;
    }

    /**
     * Every rule of the serving rule book, sorted by id, with how often it fired, was confirmed and was overridden
     * on charts audited from {@code from} to {@code to} (months, {@code YYYY-MM}; by default the last twelve).
     * Precision is confirmed / (confirmed + overridden); unreviewed findings are not in the denominator, and with
     * no reviews it is absent.
     */
    @Get("/rules")
    @Operation(summary = "The rule catalogue with each rule's activity")
    @ApiResponse(responseCode = "200", description = "Every rule of the serving rule book, by id",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = RuleEntry.class)),
                    examples = @ExampleObject(name = "rules", value = "[" + RULE_EXAMPLE + "]")))
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.Invalid
    List<RuleEntry> rules(@Parameter(description = PERIOD_FROM, example = "2025-11") @Nullable @QueryValue String from,
            @Parameter(description = PERIOD_TO, example = "2026-10") @Nullable @QueryValue String to) {
        return catalogue.rules(catalogue.period(from, to));
    }

    /** One rule of the serving rule book with its counts over the period, as in the list. */
    @Get("/rules/{id}")
    @Operation(summary = "One rule with its activity")
    @ApiResponse(responseCode = "200", description = "The rule",
            content = @Content(schema = @Schema(implementation = RuleEntry.class),
                    examples = @ExampleObject(name = "rule", value = RULE_EXAMPLE)))
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.NotFound
    @ApiDocs.Invalid
    RuleEntry rule(@Parameter(description = "The rule's stable id", example = "HRM-001") String id,
            @Parameter(description = PERIOD_FROM, example = "2025-11") @Nullable @QueryValue String from,
            @Parameter(description = PERIOD_TO, example = "2026-10") @Nullable @QueryValue String to) {
        return catalogue.rule(id, catalogue.period(from, to)).orElseThrow(() -> new HttpStatusException(
                HttpStatus.NOT_FOUND, "The serving rule book has no rule with id " + id));
    }

    /** The rule-book versions that have served, newest first, with the one serving now marked. */
    @Get("/rule-books")
    @Operation(summary = "The rule-book versions that have served")
    @ApiResponse(responseCode = "200", description = "Newest first; `serving` marks the one in use",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = RuleBookVersion.class)),
                    examples = @ExampleObject(name = "rule-books", value = """
                            [{"version": "sha256:3f1c…", "builtAt": "2026-11-30T08:00:00Z", "ruleCount": 70,
                              "serving": true}]""")))
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    List<RuleBookVersion> ruleBooks() {
        return ruleBooks.versions();
    }

    /**
     * Builds a rule book from the rules folder and runs every case; only if all pass does it replace the serving
     * one. Otherwise 422 names each file and line or failing case, and the serving rule book stays.
     */
    @Post("/rule-books/reload")
    @Secured(Roles.ADMIN)
    @Operation(summary = "Reload the rules (admin)")
    @ApiResponse(responseCode = "200", description = "The rule book serving before and after",
            content = @Content(schema = @Schema(implementation = RuleBookReload.class),
                    examples = @ExampleObject(name = "reloaded", value = """
                            {"before": "sha256:3f1c…", "after": "sha256:9a0d…", "changed": true, "ruleCount": 71,
                             "builtAt": "2026-11-30T09:15:00Z"}""")))
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.Invalid
    RuleBookReload reload() {
        return ruleBooks.reload();
    }
}
