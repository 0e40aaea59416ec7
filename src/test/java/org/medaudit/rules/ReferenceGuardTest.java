package org.medaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medaudit.rules.reference.Abbreviation;
import org.medaudit.rules.reference.Names;
import org.medaudit.rules.reference.ReferenceData;
import org.medaudit.sample.ChartSample;
import org.medaudit.system.YamlFiles;

/**
 * The names rules and cases use are names the reference data knows: a drug, class, condition, test, abbreviation or
 * threshold misspelt in a rule would silently switch the rule off, and one misspelt in a case would make the case
 * prove nothing. A case that expects "not in formulary" (DOC-007) may name orders the formulary does not know.
 */
class ReferenceGuardTest {

    static final Path RULES = Path.of("rules");
    static final Path REFERENCE = RULES.resolve(ReferenceData.FOLDER);
    static final ReferenceData DATA = ReferenceData.load(REFERENCE);
    static final RuleSources SOURCES = RuleSources.scan(RULES);
    static final List<RuleCase> CASES = RuleCase.loadAll(SOURCES);
    static final Map<String, Object> CONDITIONS = YamlFiles.readMapping(REFERENCE.resolve("conditions.yaml"));
    static final Map<String, Object> TESTS = YamlFiles.readMapping(REFERENCE.resolve("monitoring-tests.yaml"));

    /** The rule case that tests unknown drugs: its orders need not resolve. */
    static final String NOT_IN_FORMULARY = "DOC-007";

    private static final String QUOTED = "\"([^\"]+)\"";
    private static final Pattern SUBSTANCE = Pattern.compile(
            "\\b(?:hasIngredient|dailyMgOf|dailyMgKnown)\\(\\s*" + QUOTED + "\\s*\\)");
    private static final Pattern CLASS = Pattern.compile("\\b(?:hasClass|covers|isToClass)\\(\\s*" + QUOTED + "\\s*\\)");
    /** A list of class names matched against an order's classes: {@code String( this in ("nsaid", …) ) from $o.classes()}. */
    private static final Pattern CLASS_LIST = Pattern.compile(
            "String\\(\\s*this\\s+in\\s*\\(([^)]*)\\)\\s*\\)\\s*from\\s+\\$\\w+\\.classes\\(\\)");
    private static final Pattern CONDITION = Pattern.compile("\\bhasCondition\\(\\s*" + QUOTED + "\\s*\\)");
    private static final Pattern TEST = Pattern.compile("\\btest\\s*==\\s*" + QUOTED);
    private static final Pattern TEST_LIST = Pattern.compile("\\btest\\s+in\\s*\\(([^)]*)\\)");
    private static final Pattern ABBREVIATION = Pattern.compile("\\busesAbbreviation\\(\\s*" + QUOTED + "\\s*\\)");
    /** A threshold read in a {@code Thresholds( $v : value("…") )} pattern. */
    private static final Pattern THRESHOLD = Pattern.compile("\\bvalue\\(\\s*" + QUOTED + "\\s*\\)");
    private static final Pattern RULE_ID = Pattern.compile("@id\\(\\s*" + QUOTED + "\\s*\\)");
    private static final Pattern ANY_QUOTED = Pattern.compile(QUOTED);

    @Test
    @DisplayName("every drug a rule names is a formulary substance, and every class a formulary class")
    void ruleDrugsAndClassesAreInTheFormulary() {
        List<String> unknown = new ArrayList<>();
        drl().forEach((file, text) -> {
            for (String substance : matches(SUBSTANCE, text)) {
                boolean isSubstance = DATA.formulary().resolve(substance)
                        .filter(product -> product.ingredients().contains(substance)).isPresent();
                if (!isSubstance) {
                    unknown.add(file + ": substance \"" + substance + "\"");
                }
            }
            List<String> classes = new ArrayList<>(matches(CLASS, text));
            listed(CLASS_LIST, text).forEach(classes::add);
            classes.stream().filter(cls -> !cls.equals(Names.normalise(cls)) || !DATA.formulary().isClass(cls))
                    .forEach(cls -> unknown.add(file + ": class \"" + cls + "\""));
        });
        assertThat(unknown).as("names in rules that formulary.yaml does not define (exactly, in lower case)").isEmpty();
    }

    @Test
    @DisplayName("every condition, test, abbreviation and threshold a rule names is in the reference data")
    void ruleCodesAreInTheReferenceData() {
        Set<String> abbreviations = DATA.abbreviations().stream().map(Abbreviation::id).collect(Collectors.toSet());
        List<String> unknown = new ArrayList<>();
        drl().forEach((file, text) -> {
            check(file, "condition", matches(CONDITION, text), CONDITIONS::containsKey, unknown);
            List<String> tests = new ArrayList<>(matches(TEST, text));
            tests.addAll(listed(TEST_LIST, text));
            check(file, "monitoring test", tests, TESTS::containsKey, unknown);
            check(file, "abbreviation", matches(ABBREVIATION, text), abbreviations::contains, unknown);
            check(file, "threshold", matches(THRESHOLD, text), DATA.thresholds()::containsKey, unknown);
        });
        assertThat(unknown).as("codes in rules that conditions.yaml, monitoring-tests.yaml, abbreviations.yaml or "
                + "thresholds.yaml do not define").isEmpty();
    }

    @Test
    @DisplayName("every drug, allergy, condition and test in a case resolves (except orders in not-in-formulary cases)")
    void caseChartsUseKnownNames() {
        List<String> unknown = new ArrayList<>();
        for (RuleCase ruleCase : CASES) {
            ChartSample chart = ruleCase.chart();
            String where = ruleCase.file().toString();
            if (!ruleCase.mustFind().contains(NOT_IN_FORMULARY)) {
                chart.orders().forEach(order -> drug(where, "order", order.drug(), unknown));
            }
            each(chart.preAdmissionMedicines()).forEach(medicine ->
                    drug(where, "pre-admission medicine", medicine.drug(), unknown));
            each(chart.omittedDoses()).forEach(omitted -> drug(where, "omitted dose", omitted.drug(), unknown));
            if (chart.patient() != null) {
                each(chart.patient().allergies()).stream().map(org.medaudit.sample.Allergy::substance)
                        .filter(substance -> DATA.formulary().resolve(substance).isEmpty()
                                && DATA.formulary().resolveClass(substance).isEmpty())
                        .forEach(substance -> unknown.add(where + ": allergy \"" + substance + "\""));
                each(chart.patient().conditions()).stream().map(Names::normalise)
                        .filter(condition -> !CONDITIONS.containsKey(condition))
                        .forEach(condition -> unknown.add(where + ": condition \"" + condition + "\""));
            }
            each(chart.monitoring()).stream().map(result -> Names.normalise(result.test()))
                    .filter(test -> !TESTS.containsKey(test))
                    .forEach(test -> unknown.add(where + ": monitoring test \"" + test + "\""));
        }
        assertThat(unknown).as("names in cases that the reference data does not resolve").isEmpty();
    }

    @Test
    @DisplayName("every threshold has a value, a unit and a source, any alternative its own value and source, and a rule reads it")
    void thresholdsAreSourcedAndUsed() {
        Map<String, Object> thresholds = YamlFiles.readMapping(REFERENCE.resolve("thresholds.yaml"));
        String rules = String.join("\n", drl().values());
        List<String> problems = new ArrayList<>();
        thresholds.forEach((name, entry) -> {
            Map<?, ?> threshold = entry instanceof Map<?, ?> map ? map : Map.of();
            require(threshold.get("value") instanceof Number, name + ": value (a number)", problems);
            require(threshold.get("unit") instanceof String, name + ": unit", problems);
            require(threshold.get("source") instanceof String, name + ": source", problems);
            if (threshold.containsKey("alternative")) {
                Map<?, ?> alternative = threshold.get("alternative") instanceof Map<?, ?> map ? map : Map.of();
                require(alternative.get("value") instanceof Number, name + ": alternative.value (a number)", problems);
                require(alternative.get("source") instanceof String, name + ": alternative.source", problems);
            }
            require(rules.contains("\"" + name + "\""), name + ": a rule that reads it", problems);
        });
        assertThat(thresholds).as("thresholds.yaml").isNotEmpty();
        assertThat(problems).as("thresholds.yaml entries missing").isEmpty();
    }

    @Test
    @DisplayName("every condition and monitoring test says what it means and names rules that exist")
    void codeListsAreDocumented() {
        Set<String> ids = drl().values().stream().flatMap(text -> matches(RULE_ID, text).stream())
                .collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        Map.of("conditions.yaml", CONDITIONS, "monitoring-tests.yaml", TESTS).forEach((file, codes) -> {
            assertThat(codes).as(file).isNotEmpty();
            codes.forEach((code, entry) -> {
                String where = file + ": " + code;
                Map<?, ?> fields = entry instanceof Map<?, ?> map ? map : Map.of();
                require(code.equals(Names.normalise(code)), where + ": a lower-case code", problems);
                require(fields.get("meaning") instanceof String, where + ": meaning", problems);
                List<?> usedBy = fields.get("usedBy") instanceof List<?> list ? list : List.of();
                require(!usedBy.isEmpty(), where + ": usedBy (the rules that read it)", problems);
                usedBy.stream().map(String::valueOf).filter(id -> !ids.contains(id))
                        .forEach(id -> problems.add(where + ": usedBy names " + id + ", which is not a rule"));
            });
        });
        assertThat(problems).as("condition and monitoring-test codes missing").isEmpty();
    }

    private static void require(boolean condition, String what, List<String> problems) {
        if (!condition) {
            problems.add(what);
        }
    }

    private static void drug(String where, String what, String drug, List<String> unknown) {
        if (DATA.formulary().resolve(drug).isEmpty()) {
            unknown.add(where + ": " + what + " \"" + drug + "\"");
        }
    }

    private static void check(Path file, String what, List<String> names, Predicate<String> known,
            List<String> unknown) {
        names.stream().filter(known.negate()).forEach(name -> unknown.add(file + ": " + what + " \"" + name + "\""));
    }

    private static <T> List<T> each(List<T> items) {
        return items == null ? List.of() : items;
    }

    /** Every rule file's text, comments removed so that prose about a drug is not taken for a constraint. */
    private static Map<Path, String> drl() {
        Map<Path, String> files = new LinkedHashMap<>();
        for (RuleSources.RuleFile file : SOURCES.ruleFiles()) {
            try {
                files.put(file.path(), Files.readString(file.path()).replaceAll("(?m)^\\s*//.*$", ""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(files).as("rule files under " + RULES).isNotEmpty();
        return files;
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** The quoted names inside each list the pattern's first group captures, e.g. {@code ("a", "b")}. */
    private static List<String> listed(Pattern pattern, String text) {
        return matches(pattern, text).stream().flatMap(list -> matches(ANY_QUOTED, list).stream()).toList();
    }
}
