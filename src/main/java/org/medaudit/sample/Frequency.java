package org.medaudit.sample;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The administration frequencies the contract knows, with how many doses each gives in 24 hours.
 * Any other text is accepted as written and flagged by the rules as an unclear frequency.
 */
public enum Frequency {
    ONCE_DAILY("once-daily", 1),
    TWICE_DAILY("twice-daily", 2),
    THREE_TIMES_DAILY("three-times-daily", 3),
    FOUR_TIMES_DAILY("four-times-daily", 4),
    EVERY_4_HOURS("every-4-hours", 6),
    EVERY_6_HOURS("every-6-hours", 4),
    EVERY_8_HOURS("every-8-hours", 3),
    EVERY_12_HOURS("every-12-hours", 2),
    ONCE_WEEKLY("once-weekly", 1.0 / 7),
    NOCTE("nocte", 1),
    MANE("mane", 1),
    STAT("stat", 1),
    AS_REQUIRED("as-required", 0);

    private final String code;
    private final double dosesPer24h;

    Frequency(String code, double dosesPer24h) {
        this.code = code;
        this.dosesPer24h = dosesPer24h;
    }

    public String code() {
        return code;
    }

    /** Regular doses in 24 hours; as-required orders count through their stated maximum instead. */
    public double dosesPer24h() {
        return dosesPer24h;
    }

    public static Optional<Frequency> ofCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(code));
    }

    /** Looked up for every order of every chart the rules evaluate: a map, not a scan. */
    private static final Map<String, Frequency> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(f -> f.code, f -> f));
}
