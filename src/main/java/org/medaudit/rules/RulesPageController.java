package org.medaudit.rules;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medaudit.security.Roles;
import org.medaudit.system.FormValues;
import org.medaudit.system.InvalidRequestException;
import org.medaudit.system.MonthRange;

/**
 * The rule catalogue page: every rule with its metadata and how pharmacists judged its findings over a period,
 * filtered by rule set; and, for admins, the reload button.
 */
@Controller("/rules")
@Produces(MediaType.TEXT_HTML)
class RulesPageController {

    private final RuleCatalogue catalogue;
    private final RuleBookService ruleBooks;

    RulesPageController(RuleCatalogue catalogue, RuleBookService ruleBooks) {
        this.catalogue = catalogue;
        this.ruleBooks = ruleBooks;
    }

    @Get
    @Secured({Roles.ADMIN, Roles.PHARMACIST})
    HttpResponse<ModelAndView<Map<String, Object>>> page(@Nullable @QueryValue String ruleSet,
            @Nullable @QueryValue String from, @Nullable @QueryValue String to, @Nullable @QueryValue String done) {
        Filter filter = new Filter(ruleSet == null ? "" : ruleSet.strip(), from == null ? "" : from.strip(),
                to == null ? "" : to.strip());
        try {
            MonthRange period = catalogue.period(filter.from(), filter.to());
            return HttpResponse.ok(view(filter, period, Map.of(), List.of(), done));
        } catch (InvalidRequestException e) {
            return HttpResponse.<ModelAndView<Map<String, Object>>>status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(view(filter, catalogue.period(null, null),
                            FormValues.byField(e.errors(), Map.of("/query/from", "from", "/query/to", "to")),
                            List.of(), null));
        }
    }

    @Post(value = "/reload", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.ADMIN)
    HttpResponse<?> reload() {
        try {
            RuleBookReload reload = ruleBooks.reload();
            String done = reload.changed()
                    ? "Rule book " + reload.after() + " is now serving, with " + reload.ruleCount() + " rules."
                    : "The rules folder holds the rule book already serving; nothing changed.";
            return HttpResponse.status(HttpStatus.SEE_OTHER).headers(headers -> headers.location(
                    UriBuilder.of("/rules").queryParam("done", done).build()));
        } catch (RuleBookRejectedException e) {
            Filter none = new Filter("", "", "");
            return HttpResponse.<ModelAndView<Map<String, Object>>>status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(view(none, catalogue.period(null, null), Map.of(), e.problems(), null));
        }
    }

    /** What the filter form shows: the values as typed, so a refused month comes back for correction. */
    record Filter(String ruleSet, String from, String to) {
    }

    private ModelAndView<Map<String, Object>> view(Filter filter, MonthRange period, Map<String, String> errors,
            List<String> reloadProblems, String done) {
        List<RuleEntry> rules = catalogue.rules(period);
        Map<String, Object> model = new HashMap<>();
        model.put("filter", filter);
        model.put("period", period);
        model.put("ruleSets", rules.stream().map(RuleEntry::ruleSet).distinct().sorted().toList());
        model.put("rules", filter.ruleSet().isEmpty() ? rules
                : rules.stream().filter(rule -> rule.ruleSet().equals(filter.ruleSet())).toList());
        RuleBook serving = ruleBooks.current();
        model.put("serving", serving);
        model.put("servingBuiltAt", serving.builtAt().truncatedTo(ChronoUnit.SECONDS));
        // Whole seconds are enough to tell versions apart on a page.
        model.put("versions", ruleBooks.versions().stream().map(version -> new RuleBookVersion(version.version(),
                version.builtAt().truncatedTo(ChronoUnit.SECONDS), version.ruleCount(), version.serving(),
                version.localPacks())).toList());
        model.put("errors", errors);
        model.put("reloadProblems", reloadProblems);
        model.put("done", done);
        return new ModelAndView<>("rules", model);
    }
}
