package org.medaudit.system;

import io.micronaut.core.annotation.Nullable;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A period of whole months, both ends included, as the {@code from} and {@code to} query parameters give it to
 * every page and endpoint that takes a period (rates, the rule catalogue).
 *
 * @param from the first month
 * @param to the last month
 */
public record MonthRange(YearMonth from, YearMonth to) {

    /** Months in the default period: the twelve up to and including this one. */
    public static final int DEFAULT_MONTHS = 12;
    /** Ten years of months: more than any chart shows, few enough to answer quickly. */
    public static final int MAX_MONTHS = 120;

    /**
     * Reads {@code from} and {@code to} ({@code YYYY-MM}); a missing {@code to} is this month, a missing {@code from}
     * eleven months before {@code to}. A malformed, reversed or too long range is refused naming the parameter.
     */
    public static MonthRange parse(@Nullable String from, @Nullable String to, YearMonth thisMonth) {
        List<FieldError> errors = new ArrayList<>();
        MonthRange range = read(from, to, thisMonth, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return range;
    }

    /**
     * As {@link #parse}, but adds its problems to {@code errors} (and returns null) so that a caller checking other
     * parameters too can refuse them all in one answer.
     */
    public static @Nullable MonthRange read(@Nullable String from, @Nullable String to, YearMonth thisMonth,
            List<FieldError> errors) {
        int before = errors.size();
        YearMonth end = month("to", to, thisMonth, errors);
        YearMonth start = month("from", from, end == null ? null : end.minusMonths(DEFAULT_MONTHS - 1), errors);
        if (start != null && end != null) {
            if (start.isAfter(end)) {
                errors.add(new FieldError("/query/from", "must not be after 'to' (" + end + ")"));
            } else if (start.plusMonths(MAX_MONTHS - 1).isBefore(end)) {
                errors.add(new FieldError("/query/from", "the range may span at most " + MAX_MONTHS + " months"));
            }
        }
        return errors.size() == before ? new MonthRange(start, end) : null;
    }

    private static YearMonth month(String name, String value, YearMonth otherwise, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("/query/" + name, "must be a month written YYYY-MM, such as 2026-10"));
            return null;
        }
    }
}
