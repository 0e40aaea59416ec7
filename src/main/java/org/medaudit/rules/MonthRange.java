package org.medaudit.rules;

import io.micronaut.core.annotation.Nullable;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.medaudit.system.FieldError;
import org.medaudit.system.InvalidRequestException;

/**
 * A period of whole months, both ends included, as the {@code from} and {@code to} query parameters give it.
 *
 * @param from the first month
 * @param to the last month
 */
public record MonthRange(YearMonth from, YearMonth to) {

    /** Months in the default period: the twelve up to and including this one. */
    static final int DEFAULT_MONTHS = 12;

    /**
     * Reads {@code from} and {@code to} ({@code YYYY-MM}); a missing {@code to} is this month, a missing {@code from}
     * eleven months before {@code to}. A malformed or reversed range is refused naming the parameter.
     */
    public static MonthRange parse(@Nullable String from, @Nullable String to, YearMonth thisMonth) {
        List<FieldError> errors = new ArrayList<>();
        YearMonth end = month("to", to, thisMonth, errors);
        YearMonth start = month("from", from, end == null ? null : end.minusMonths(DEFAULT_MONTHS - 1), errors);
        if (start != null && end != null && start.isAfter(end)) {
            errors.add(new FieldError("/query/from", "must not be after 'to' (" + end + ")"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new MonthRange(start, end);
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
