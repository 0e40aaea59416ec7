package org.medaudit.rules.reference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.medaudit.system.YamlFiles;

/**
 * Everything under {@code rules/reference/}: the data the rules read, loaded once per rule book.
 *
 * @param abbreviationsByText a memo of {@link #abbreviationsIn(String)}: dose texts and units repeat across charts,
 *     and matching every abbreviation's pattern against each was the dearest part of building a chart's facts
 */
public record ReferenceData(
        Formulary formulary,
        Units units,
        Map<String, Threshold> thresholds,
        CriticalMedicines criticalMedicines,
        List<Abbreviation> abbreviations,
        List<Pattern> severeReactions,
        Map<String, Set<String>> abbreviationsByText) {

    /** Distinct texts remembered at most; past it, texts are matched each time (free text must not grow memory). */
    private static final int MEMO_LIMIT = 50_000;

    public static final String FOLDER = "reference";

    /** Loads the reference folder; any mistake is reported with the file and key to fix. */
    public static ReferenceData load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Rule reference data folder not found: " + folder.toAbsolutePath());
        }
        Units units = Units.load(folder.resolve("units.yaml"));
        Formulary formulary = Formulary.load(folder.resolve("formulary.yaml"), units);
        return new ReferenceData(formulary, units, thresholds(folder.resolve("thresholds.yaml")),
                criticalMedicines(folder.resolve("critical-medicines.yaml"), formulary),
                abbreviations(folder.resolve("abbreviations.yaml")),
                severeReactions(folder.resolve("allergy-reactions.yaml")), new ConcurrentHashMap<>());
    }

    /** The same data with other thresholds (a local pack's overrides in place). */
    public ReferenceData withThresholds(Map<String, Threshold> replaced) {
        return new ReferenceData(formulary, units, Map.copyOf(replaced), criticalMedicines, abbreviations,
                severeReactions, abbreviationsByText);
    }

    /**
     * The alternative values {@code thresholds.yaml} names where sources disagree ({@code alternative: {value,
     * source}}), by threshold name, for a local pack that chooses them.
     */
    public static Map<String, Threshold> alternatives(Path folder) {
        Path file = folder.resolve("thresholds.yaml");
        Node root = Node.root(file, YamlFiles.readMapping(file));
        Map<String, Threshold> alternatives = new LinkedHashMap<>();
        root.entries().forEach((name, node) -> {
            if (node.has("alternative")) {
                Node alternative = node.get("alternative");
                alternatives.put(name, new Threshold(name, alternative.get("value").number(),
                        alternative.has("unit") ? alternative.get("unit").text()
                                : node.has("unit") ? node.get("unit").text() : "",
                        alternative.get("source").text()));
            }
        });
        return Map.copyOf(alternatives);
    }

    /** The ids of the error-prone abbreviations a dose text or unit contains (none for null). */
    public Set<String> abbreviationsIn(String text) {
        if (text == null) {
            return Set.of();
        }
        Set<String> found = abbreviationsByText.get(text);
        if (found == null) {
            found = abbreviations.stream().filter(abbreviation -> abbreviation.foundIn(text))
                    .map(Abbreviation::id).collect(Collectors.toUnmodifiableSet());
            if (abbreviationsByText.size() < MEMO_LIMIT) {
                abbreviationsByText.put(text, found);
            }
        }
        return found;
    }

    public Threshold threshold(String name) {
        Threshold threshold = thresholds.get(name);
        if (threshold == null) {
            throw new IllegalArgumentException("thresholds.yaml has no threshold named " + name);
        }
        return threshold;
    }

    /** A recorded reaction is severe when it names one of the listed reactions (whole words, or a prefix*). */
    public boolean isSevereReaction(String reaction) {
        String text = Names.normalise(reaction);
        return severeReactions.stream().anyMatch(pattern -> pattern.matcher(text).find());
    }

    /** "anaphyla*" matches any word starting so ("anaphylactic"); "dress" matches DRESS but not "dressing". */
    private static List<Pattern> severeReactions(Path file) {
        return Node.root(file, YamlFiles.readMapping(file)).get("severe").names().stream()
                .map(term -> term.endsWith("*")
                        ? "(?<![a-z])" + Pattern.quote(term.substring(0, term.length() - 1))
                        : "(?<![a-z])" + Pattern.quote(term) + "(?![a-z])")
                .map(Pattern::compile)
                .toList();
    }

    private static Map<String, Threshold> thresholds(Path file) {
        Node root = Node.root(file, YamlFiles.readMapping(file));
        Map<String, Threshold> thresholds = new LinkedHashMap<>();
        root.entries().forEach((name, node) -> thresholds.put(name, new Threshold(name, node.get("value").number(),
                node.has("unit") ? node.get("unit").text() : "", node.get("source").text())));
        return Map.copyOf(thresholds);
    }

    private static CriticalMedicines criticalMedicines(Path file, Formulary formulary) {
        Node root = Node.root(file, YamlFiles.readMapping(file));
        Set<String> classes = new TreeSet<>();
        for (String key : List.of("classes", "localClasses")) {
            for (String cls : root.get(key).names()) {
                classes.add(formulary.resolveClass(cls)
                        .orElseThrow(() -> root.get(key).fail("class '" + cls + "' is not in the formulary")));
            }
        }
        Set<String> substances = new TreeSet<>();
        for (String name : root.get("localSubstances").names()) {
            Product product = formulary.resolve(name)
                    .orElseThrow(() -> root.get("localSubstances").fail("'" + name + "' is not in the formulary"));
            substances.addAll(product.ingredients());
        }
        return new CriticalMedicines(Set.copyOf(classes), Set.copyOf(substances),
                root.get("unacceptableReasons").names());
    }

    private static List<Abbreviation> abbreviations(Path file) {
        Node root = Node.root(file, YamlFiles.readMapping(file));
        List<Abbreviation> abbreviations = new ArrayList<>();
        root.entries().forEach((id, node) -> {
            Pattern pattern;
            try {
                pattern = Pattern.compile(node.get("pattern").text());
            } catch (PatternSyntaxException e) {
                throw node.get("pattern").fail("not a valid regular expression: " + e.getDescription());
            }
            abbreviations.add(new Abbreviation(id, node.get("meaning").text(), pattern, node.get("source").text()));
        });
        return List.copyOf(abbreviations);
    }
}
