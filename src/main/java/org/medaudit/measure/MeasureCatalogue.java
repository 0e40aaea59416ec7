package org.medaudit.measure;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.medaudit.system.YamlFiles;

/**
 * The measures documented in {@code audit-forms/measures/}. Loaded at start-up; a document that is incomplete or
 * names an unknown count stops start-up with the file and field to fix.
 */
@Context
public class MeasureCatalogue {

    static final Set<String> CHARTS = Set.of("run", "p", "u", "xmr");
    static final Set<String> DIRECTIONS = Set.of("increase", "decrease");
    static final Set<String> PROFILES = Set.of("perla", "anhoej", "nhs-mdc", "ihi");

    private final List<MeasureDefinition> measures;

    MeasureCatalogue(@Value("${medaudit.measures-folder}") Path folder) {
        this.measures = load(folder);
    }

    public List<MeasureDefinition> all() {
        return measures;
    }

    public Optional<MeasureDefinition> byId(String id) {
        return measures.stream().filter(measure -> measure.id().equals(id)).findFirst();
    }

    /** Reads every {@code *.yaml} in the folder, sorted by file name. */
    public static List<MeasureDefinition> load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("Measures folder not found: " + folder.toAbsolutePath()
                    + " (set MEDAUDIT_MEASURES)");
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<MeasureDefinition> measures = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                measures.add(read(file));
            }
            if (measures.stream().map(MeasureDefinition::id).distinct().count() != measures.size()) {
                throw new IllegalStateException(folder + ": two measure documents have the same id");
            }
            measures.sort(Comparator.comparing(MeasureDefinition::id));
            return List.copyOf(measures);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read measures folder " + folder, e);
        }
    }

    static MeasureDefinition read(Path file) {
        Map<String, Object> doc = YamlFiles.readMapping(file);
        Fields fields = new Fields(file, doc);
        MeasureDefinition measure = new MeasureDefinition(fields.text("id"), fields.text("title"),
                fields.text("whyItMatters"), fields.part("numerator"), fields.part("denominator"),
                fields.text("findingStatuses"), (int) fields.number("per"), fields.oneOf("improvement", DIRECTIONS), fields.oneOf("chart", CHARTS),
                fields.oneOf("ruleProfile", PROFILES), doc.get("target") == null ? null : fields.number("target"),
                fields.text("source"), fields.text("owner"), fields.text("dateReviewed"), fields.text("nextReview"));
        String expected = measure.id() + ".yaml";
        if (!file.getFileName().toString().equals(expected)) {
            throw new IllegalStateException(file + ": the file of measure " + measure.id() + " must be " + expected);
        }
        return measure;
    }

    /** Typed access to a measure document, failing with the file and field. */
    private record Fields(Path file, Map<String, Object> doc) {
        String text(String key) {
            return text(doc, key, key);
        }

        String text(Map<?, ?> map, String key, String where) {
            if (!(map.get(key) instanceof String value) || value.isBlank()) {
                throw fail(where, "text is required");
            }
            return value.strip();
        }

        double number(String key) {
            if (!(doc.get(key) instanceof Number value)) {
                throw fail(key, "a number is required");
            }
            return value.doubleValue();
        }

        String oneOf(String key, Set<String> allowed) {
            String value = text(key);
            if (!allowed.contains(value)) {
                throw fail(key, "must be one of " + allowed.stream().sorted().toList());
            }
            return value;
        }

        MeasureDefinition.Part part(String key) {
            if (!(doc.get(key) instanceof Map<?, ?> map)) {
                throw fail(key, "needs a description and a count");
            }
            String count = text(map, "count", key + ".count");
            if (Count.byId(count).isEmpty()) {
                throw fail(key + ".count", "'" + count + "' is not a count MedAudit keeps; one of "
                        + Stream.of(Count.values()).map(Count::id).toList());
            }
            return new MeasureDefinition.Part(text(map, "description", key + ".description"), count);
        }

        IllegalStateException fail(String key, String problem) {
            return new IllegalStateException(file + ": " + key + ": " + problem);
        }
    }
}
