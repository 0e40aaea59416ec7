package org.medaudit.measure;

import io.micronaut.core.annotation.Nullable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.medaudit.system.FieldError;
import org.medaudit.system.InvalidRequestException;
import org.medaudit.system.MonthRange;

/**
 * The checked query of every rates and findings-summary route: the months ({@code from}, {@code to}; by default the
 * twelve up to this one) and the {@link Basis}. Every invalid parameter is listed in one 422.
 */
public record RatesQuery(YearMonth from, YearMonth to, Basis basis) {

    public static RatesQuery parse(@Nullable String from, @Nullable String to, @Nullable String basis,
            YearMonth thisMonth) {
        List<FieldError> errors = new ArrayList<>();
        RatesQuery query = read(from, to, basis, thisMonth, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return query;
    }

    /** As {@link #parse}, adding problems to {@code errors} (and returning null) for a caller checking more. */
    public static @Nullable RatesQuery read(@Nullable String from, @Nullable String to, @Nullable String basis,
            YearMonth thisMonth, List<FieldError> errors) {
        MonthRange months = MonthRange.read(from, to, thisMonth, errors);
        Basis chosen = basis(basis, errors);
        return months == null || chosen == null ? null : new RatesQuery(months.from(), months.to(), chosen);
    }

    /** The basis named by the {@code basis} parameter (reviewed when absent); null, with an error, when unknown. */
    static @Nullable Basis basis(@Nullable String basis, List<FieldError> errors) {
        Basis chosen = basis == null ? Basis.REVIEWED : Basis.of(basis).orElse(null);
        if (chosen == null) {
            errors.add(new FieldError("/query/basis", "must be 'reviewed' (flagged, confirmed and added findings, "
                    + "not overridden ones) or 'flagged' (findings as the rules raised them)"));
        }
        return chosen;
    }
}
