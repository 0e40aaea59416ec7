package org.medaudit.form;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.medaudit.sample.Frequency;
import org.medaudit.sample.Vocabulary;

/**
 * The coded lists a form field can name in {@code vocabulary}: the contract's own vocabularies, by name, and the
 * hospital's wards (from the sites file, so they are listed when the page is drawn).
 */
public final class Vocabularies {

    /** The active wards of the sites file. */
    public static final String WARDS = "wards";

    private static final Map<String, List<String>> CODED = Map.of(
            "routes", List.copyOf(Vocabulary.ROUTES),
            "frequencies", Arrays.stream(Frequency.values()).map(Frequency::code).toList(),
            "sampleTypes", List.copyOf(Vocabulary.SAMPLE_TYPES),
            "sexes", List.copyOf(Vocabulary.SEXES),
            "allergyStatuses", List.copyOf(Vocabulary.ALLERGY_STATUSES),
            "omissionReasons", List.copyOf(Vocabulary.OMISSION_REASONS));

    private Vocabularies() {
    }

    /** Every name a form may use, sorted. */
    public static Set<String> names() {
        Set<String> names = new TreeSet<>(CODED.keySet());
        names.add(WARDS);
        return names;
    }

    /** The codes of a contract vocabulary, in the order DESIGN.md lists them; empty for wards and unknown names. */
    public static Optional<List<String>> codes(String name) {
        return Optional.ofNullable(CODED.get(name));
    }
}
