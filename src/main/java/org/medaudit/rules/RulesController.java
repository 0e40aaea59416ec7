package org.medaudit.rules;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import java.util.List;
import org.medaudit.security.Roles;

/**
 * The rule catalogue and rule-book versions for people and services (rules are not patient data, so any read
 * token may see them), and the admin's reload.
 */
@Controller("/api/v1")
@Secured({Roles.ADMIN, Roles.PHARMACIST, Roles.SERVICE})
class RulesController {

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
    List<RuleEntry> rules(@Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        return catalogue.rules(catalogue.period(from, to));
    }

    /** One rule of the serving rule book with its counts over the period, as in the list. */
    @Get("/rules/{id}")
    RuleEntry rule(String id, @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        return catalogue.rule(id, catalogue.period(from, to)).orElseThrow(() -> new HttpStatusException(
                HttpStatus.NOT_FOUND, "The serving rule book has no rule with id " + id));
    }

    /** The rule-book versions that have served, newest first, with the one serving now marked. */
    @Get("/rule-books")
    List<RuleBookVersion> ruleBooks() {
        return ruleBooks.versions();
    }

    /**
     * Builds a rule book from the rules folder and runs every case; only if all pass does it replace the serving
     * one. Otherwise 422 names each file and line or failing case, and the serving rule book stays.
     */
    @Post("/rule-books/reload")
    @Secured(Roles.ADMIN)
    RuleBookReload reload() {
        return ruleBooks.reload();
    }
}
