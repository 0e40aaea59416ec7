package org.medaudit.sample;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The coded values of the chart-sample contract v1 (DESIGN.md), each in the order DESIGN.md lists them (forms offer
 * them in that order). Frequencies are in {@link Frequency}.
 */
public final class Vocabulary {

    public static final Set<String> SAMPLE_TYPES = ordered("random-monthly", "census");
    public static final Set<String> SEXES = ordered("F", "M", "X", "U");
    /** NICE CG183: drug allergy status is one of these three; absent means not documented. */
    public static final Set<String> ALLERGY_STATUSES = ordered("drug-allergy", "none-known", "unable-to-ascertain");
    public static final Set<String> ROUTES =
            ordered("oral", "iv", "im", "sc", "topical", "inhaled", "pr", "sl", "nasogastric", "other");
    public static final Set<String> OMISSION_REASONS = ordered("none-recorded", "drug-unavailable", "patient-refused",
            "patient-away", "nil-by-mouth", "clinically-withheld");

    private Vocabulary() {
    }

    private static Set<String> ordered(String... codes) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(codes)));
    }
}
