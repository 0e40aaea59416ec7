package org.medaudit.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medaudit.measure.Basis;
import org.medaudit.system.FieldError;
import org.medaudit.system.MonthRange;

/**
 * The query of a ward or site page: the months shown (by default the 24 up to this month, enough for a baseline and
 * what came after it) and the basis. Refused values come back as messages by field, and the page is shown for the
 * defaults instead.
 *
 * @param input the values as typed, for the form
 */
record PageQuery(MonthRange months, Basis basis, Map<String, String> input, Map<String, String> errors) {

    /** Months a page shows by default. */
    static final int DEFAULT_MONTHS = 24;

    static PageQuery read(String from, String to, String basis, YearMonth thisMonth) {
        Map<String, String> input = new LinkedHashMap<>();
        input.put("from", from == null ? "" : from.strip());
        input.put("to", to == null ? "" : to.strip());
        input.put("basis", basis == null || basis.isBlank() ? Basis.REVIEWED.code() : basis.strip());
        List<FieldError> problems = new ArrayList<>();
        MonthRange read = MonthRange.read(from, to, thisMonth, problems);
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(problem -> errors.put(problem.pointer().replace("/query/", ""), problem.detail()));
        MonthRange months;
        if (read == null) {
            months = new MonthRange(thisMonth.minusMonths(DEFAULT_MONTHS - 1), thisMonth);
        } else if (input.get("from").isEmpty()) {
            months = new MonthRange(read.to().minusMonths(DEFAULT_MONTHS - 1), read.to());
        } else {
            months = read;
        }
        Basis chosen = Basis.of(input.get("basis")).orElse(null);
        if (chosen == null) {
            errors.put("basis", "must be 'reviewed' or 'flagged'");
            chosen = Basis.REVIEWED;
        }
        return new PageQuery(months, chosen, input, errors);
    }

    /** The query string for the same range with another basis, for the toggle links. */
    String withBasis(Basis other) {
        return "?from=" + months.from() + "&to=" + months.to() + "&basis=" + other.code();
    }
}
