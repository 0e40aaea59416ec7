package org.medaudit.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.medaudit.sample.ChartSample;
import org.medaudit.sample.ChartSampleReader;
import org.medaudit.system.FieldError;
import org.medaudit.system.YamlFiles;

/**
 * A worked example beside a rule set ({@code rules/<set>/cases/*.yaml}): a chart, the rule ids that must find
 * something in it, and those that must not. A rule book is only adopted when all its cases pass.
 *
 * @param ruleSet the folder the case belongs to
 * @param file where it is, for messages
 */
public record RuleCase(String ruleSet, Path file, String description, ChartSample chart, Set<String> mustFind,
        Set<String> mustNotFind) {

    private static final Set<String> FIELDS = Set.of("description", "chart", "mustFind", "mustNotFind");

    /** Every case of every rule set in the sources; a malformed case file is an error naming it. */
    public static List<RuleCase> loadAll(RuleSources sources) {
        List<RuleCase> cases = new ArrayList<>();
        for (String ruleSet : sources.ruleSets()) {
            Path folder = sources.folderOf(ruleSet).resolve("cases");
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    cases.add(load(ruleSet, file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + folder, e);
            }
        }
        return cases;
    }

    static RuleCase load(String ruleSet, Path file) {
        Map<String, Object> document = YamlFiles.readMapping(file);
        List<String> problems = new ArrayList<>();
        document.keySet().stream().filter(key -> !FIELDS.contains(key))
                .forEach(key -> problems.add("unknown key '" + key + "'"));
        Object description = document.get("description");
        if (!(description instanceof String)) {
            problems.add("description: a sentence saying what the case shows is required");
        }
        ChartSampleReader.Result chart = ChartSampleReader.read(document.get("chart"));
        chart.errors().stream().map(FieldError::toString).forEach(error -> problems.add("chart: " + error));
        Set<String> mustFind = ids(document.get("mustFind"), "mustFind", problems);
        Set<String> mustNotFind = ids(document.get("mustNotFind"), "mustNotFind", problems);
        if (mustFind.isEmpty() && mustNotFind.isEmpty()) {
            problems.add("a case needs mustFind or mustNotFind");
        }
        if (!problems.isEmpty()) {
            throw new RuleBookException(problems.stream().map(p -> file + ": " + p).toList());
        }
        return new RuleCase(ruleSet, file, (String) description, chart.sample(), mustFind, mustNotFind);
    }

    /** What is wrong with this case under the rule book; empty when it passes. */
    public Optional<String> check(RuleBook ruleBook) {
        Set<String> found = ruleBook.evaluateCase(ruleSet, chart).stream().map(RuleFinding::ruleId)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(mustFind);
        missing.removeAll(found);
        Set<String> unwanted = new TreeSet<>(mustNotFind);
        unwanted.retainAll(found);
        if (missing.isEmpty() && unwanted.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("case " + where() + " (" + description + "): "
                + (missing.isEmpty() ? "" : "expected " + missing + " but they did not fire; ")
                + (unwanted.isEmpty() ? "" : unwanted + " fired but must not; ")
                + "found " + found);
    }

    /** The case file within the rules folder ({@code <rule set>/cases/<file>}), as messages name it. */
    public String where() {
        return ruleSet + "/cases/" + file.getFileName();
    }

    private static Set<String> ids(Object node, String key, List<String> problems) {
        if (node == null) {
            return Set.of();
        }
        if (!(node instanceof List<?> list) || list.stream().anyMatch(id -> !(id instanceof String))) {
            problems.add(key + ": a list of rule ids is expected");
            return Set.of();
        }
        return list.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
    }
}
