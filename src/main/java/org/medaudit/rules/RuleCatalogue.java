package org.medaudit.rules;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medaudit.system.MonthRange;

/**
 * The rule catalogue: every rule of the serving rule book with its metadata and how it fared over a period — how
 * often it fired, was confirmed and was overridden, and so how often pharmacists agreed with it.
 */
@Singleton
public class RuleCatalogue {

    private final RuleBookService ruleBooks;
    private final RuleActivityQuery activity;
    private final Clock clock;

    RuleCatalogue(RuleBookService ruleBooks, RuleActivityQuery activity, Clock clock) {
        this.ruleBooks = ruleBooks;
        this.activity = activity;
        this.clock = clock;
    }

    /** The period named by {@code from} and {@code to}; by default the twelve months up to this one. */
    public MonthRange period(String from, String to) {
        return MonthRange.parse(from, to, YearMonth.now(clock));
    }

    /** Every rule, sorted by id. */
    public List<RuleEntry> rules(MonthRange period) {
        Map<String, RuleActivity> counts = activity.byRule(period);
        return ruleBooks.current().rules().stream()
                .map(rule -> RuleEntry.of(rule, counts.getOrDefault(rule.id(), RuleActivity.none(period))))
                .toList();
    }

    public Optional<RuleEntry> rule(String id, MonthRange period) {
        return ruleBooks.current().rules().stream().filter(rule -> rule.id().equals(id)).findFirst()
                .map(rule -> RuleEntry.of(rule, activity.byRule(period).getOrDefault(id,
                        RuleActivity.none(period))));
    }
}
