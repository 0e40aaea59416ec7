package org.medaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each rule set is tested in isolation: a rule book is built from that folder alone (with the shared reference
 * data) and every case beside it must give the findings it states.
 */
class RuleSetCasesTest {

    static final RuleSources SOURCES = RuleSources.scan(Path.of("rules"));

    @TestFactory
    @DisplayName("every rule set gives the findings its cases expect, and none they forbid")
    Stream<DynamicContainer> ruleSetCases() {
        List<RuleCase> cases = RuleCase.loadAll(SOURCES);
        return SOURCES.ruleSets().stream().map(ruleSet -> {
            RuleBook ruleBook = RuleBookCompiler.compile(SOURCES.only(ruleSet));
            return DynamicContainer.dynamicContainer(ruleSet, cases.stream()
                    .filter(c -> c.ruleSet().equals(ruleSet))
                    .map(c -> DynamicTest.dynamicTest(c.file().getFileName() + ": " + c.description(),
                            () -> assertThat(c.check(ruleBook)).isEmpty())));
        });
    }
}
