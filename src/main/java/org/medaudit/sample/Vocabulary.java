package org.medaudit.sample;

import java.util.Set;

/** The coded values of the chart-sample contract v1 (DESIGN.md). Frequencies are in {@link Frequency}. */
public final class Vocabulary {

    public static final Set<String> SAMPLE_TYPES = Set.of("random-monthly", "census");
    public static final Set<String> SEXES = Set.of("F", "M", "X", "U");
    /** NICE CG183: drug allergy status is one of these three; absent means not documented. */
    public static final Set<String> ALLERGY_STATUSES = Set.of("drug-allergy", "none-known", "unable-to-ascertain");
    public static final Set<String> ROUTES =
            Set.of("oral", "iv", "im", "sc", "topical", "inhaled", "pr", "sl", "nasogastric", "other");
    public static final Set<String> OMISSION_REASONS = Set.of("none-recorded", "drug-unavailable", "patient-refused",
            "patient-away", "nil-by-mouth", "clinically-withheld");

    private Vocabulary() {
    }
}
