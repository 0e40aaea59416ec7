package org.medaudit.report.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.medaudit.sample.IdentifierGuard;
import org.medaudit.system.FieldError;

/**
 * What a person sends to write or change a progress report (the HTML form's fields, or a JSON body), before it is
 * checked. The month is only read when a report is created; a changed report keeps its month.
 */
@Serdeable
public record ReportDraft(@Nullable String month, @Nullable String status, @Nullable String whatWeTried,
        @Nullable String whatWeLearned, @Nullable String whatNext) {

    /** Enough for a page of text; a report is read on paper. */
    static final int MAX_TEXT = 10_000;

    static final List<String> STATUSES = List.of(ProgressReport.DRAFT, ProgressReport.FINAL);

    /** Adds a problem for each bad field (pointer {@code /field}) and returns the month when it is valid. */
    @Nullable YearMonth checkMonth(YearMonth thisMonth, List<FieldError> errors) {
        if (month == null || month.isBlank()) {
            errors.add(new FieldError("/month", "enter the month the report is about, such as 2026-10"));
            return null;
        }
        try {
            YearMonth parsed = YearMonth.parse(month.strip());
            if (parsed.isAfter(thisMonth)) {
                errors.add(new FieldError("/month", "must not be after this month (" + thisMonth + ")"));
                return null;
            }
            return parsed;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("/month", "must be a month written YYYY-MM, such as 2026-10"));
            return null;
        }
    }

    /**
     * The status and the three sections: a draft may leave sections empty, a final report needs all three. Text
     * is limited in length and may hold no patient identifier ({@link IdentifierGuard}).
     */
    void checkText(List<FieldError> errors) {
        String chosen = status == null || status.isBlank() ? ProgressReport.DRAFT : status.strip();
        if (!STATUSES.contains(chosen)) {
            errors.add(new FieldError("/status", "must be 'draft' or 'final'"));
        }
        section("whatWeTried", "what you tried", whatWeTried, ProgressReport.FINAL.equals(chosen), errors);
        section("whatWeLearned", "what you learned", whatWeLearned, ProgressReport.FINAL.equals(chosen), errors);
        section("whatNext", "what you will do next", whatNext, ProgressReport.FINAL.equals(chosen), errors);
    }

    public String chosenStatus() {
        return status == null || status.isBlank() ? ProgressReport.DRAFT : status.strip();
    }

    static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private static void section(String field, String words, @Nullable String value, boolean required,
            List<FieldError> errors) {
        String text = text(value);
        if (text.isEmpty() && required) {
            errors.add(new FieldError("/" + field, "write " + words + " before marking the report final"));
        } else if (text.length() > MAX_TEXT) {
            errors.add(new FieldError("/" + field, "must be at most " + MAX_TEXT + " characters (it has "
                    + text.length() + ")"));
        } else {
            IdentifierGuard.findIn(text).ifPresent(problem -> errors.add(new FieldError("/" + field, problem)));
        }
    }
}
