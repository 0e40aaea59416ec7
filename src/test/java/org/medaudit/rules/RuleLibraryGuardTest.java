package org.medaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conventions of the rule library, enforced: every rule carries its metadata (the compiler refuses it
 * otherwise), has a case where it fires and one where it must not, and every case names real rules.
 */
class RuleLibraryGuardTest {

    static final RuleSources SOURCES = RuleSources.scan(Path.of("rules"));
    static final RuleBook RULE_BOOK = RuleBookCompiler.compile(SOURCES);
    static final List<RuleCase> CASES = RuleCase.loadAll(SOURCES);

    @Test
    @DisplayName("every rule has a case in its own rule set where it fires and one where it must not")
    void everyRuleHasBothKindsOfCase() {
        for (RuleInfo rule : RULE_BOOK.rules()) {
            List<RuleCase> own = CASES.stream().filter(c -> c.ruleSet().equals(rule.ruleSet())).toList();
            assertThat(own).as("%s (%s) must fire in a case of %s", rule.id(), rule.name(), rule.ruleSet())
                    .anyMatch(c -> c.mustFind().contains(rule.id()));
            assertThat(own).as("%s (%s) must have a case of %s where it does not fire", rule.id(), rule.name(),
                    rule.ruleSet()).anyMatch(c -> c.mustNotFind().contains(rule.id()));
        }
    }

    @Test
    @DisplayName("every rule id a case names exists in that case's rule set")
    void casesNameRealRules() {
        Map<String, Set<String>> idsBySet = RULE_BOOK.rules().stream().collect(Collectors.groupingBy(
                RuleInfo::ruleSet, Collectors.mapping(RuleInfo::id, Collectors.toSet())));
        for (RuleCase ruleCase : CASES) {
            Set<String> named = new java.util.HashSet<>(ruleCase.mustFind());
            named.addAll(ruleCase.mustNotFind());
            assertThat(idsBySet.getOrDefault(ruleCase.ruleSet(), Set.of())).as(ruleCase.file().toString())
                    .containsAll(named);
        }
    }

    @Test
    @DisplayName("the whole library passes every case together, as it must to serve")
    void wholeLibraryPassesItsCases() {
        assertThat(CASES.stream().map(c -> c.check(RULE_BOOK)).flatMap(java.util.Optional::stream).toList())
                .isEmpty();
    }

    @Test
    @DisplayName("every rule carries sourced metadata from the controlled vocabularies")
    void everyRuleHasMetadata() {
        assertThat(RULE_BOOK.rules()).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.id()).matches("[A-Z]{3}-\\d{3}");
            assertThat(Taxonomy.CATEGORIES).contains(rule.category());
            assertThat(Taxonomy.ERROR_TYPES).contains(rule.errorType());
            assertThat(Taxonomy.SEVERITIES).contains(rule.severity());
            assertThat(rule.source()).isNotBlank();
        });
    }

    @Test
    @DisplayName("a rule without metadata is refused, naming the rule set, the rule and what is missing")
    void ruleWithoutMetadataIsRefused(@TempDir Path rules) throws IOException {
        copyReference(rules);
        write(rules.resolve("bad/bad.drl"), """
                package medaudit.bad;
                import org.medaudit.rules.fact.*;
                global org.medaudit.rules.FindingCollector findings;
                rule "Something without a source"
                    @id("BAD-001") @category("documentation") @errorType("no-signature") @severity("minor")
                when
                    $o : Order( signed == false )
                then
                    findings.flag(kcontext, $o, "unsigned");
                end
                """);

        assertThatThrownBy(() -> RuleBookCompiler.compile(RuleSources.scan(rules)))
                .isInstanceOf(RuleBookException.class)
                .hasMessageContaining("rule set bad, rule \"Something without a source\": missing metadata @source");
    }

    @Test
    @DisplayName("a rule file that does not compile is refused, naming the file and line")
    void brokenRuleFileNamesFileAndLine(@TempDir Path rules) throws IOException {
        copyReference(rules);
        write(rules.resolve("broken/broken.drl"), """
                package medaudit.broken;
                import org.medaudit.rules.fact.*;
                global org.medaudit.rules.FindingCollector findings;
                rule "Refers to a fact that does not exist"
                    @id("BRK-001") @category("documentation") @errorType("no-signature") @severity("minor")
                    @source("nowhere")
                when
                    $o : NoSuchFact( )
                then
                    findings.flag(kcontext, $o, "never");
                end
                """);

        assertThatThrownBy(() -> RuleBookCompiler.compile(RuleSources.scan(rules)))
                .isInstanceOf(RuleBookException.class)
                .hasMessageMatching("(?s).*broken/broken\\.drl line \\d+:.*NoSuchFact.*");
    }

    @Test
    @DisplayName("the rule-book version changes when any rule or reference file changes")
    void versionFollowsEveryFile(@TempDir Path rules) throws IOException {
        copyReference(rules);
        String before = RuleSources.scan(rules).version();
        Path thresholds = rules.resolve("reference/thresholds.yaml");
        Files.writeString(thresholds, Files.readString(thresholds).replace("value: 45", "value: 50"));

        assertThat(RuleSources.scan(rules).version()).isNotEqualTo(before).startsWith("sha256:");
    }

    private static void copyReference(Path rules) throws IOException {
        Path target = rules.resolve("reference");
        Files.createDirectories(target);
        try (var files = Files.list(Path.of("rules/reference"))) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
