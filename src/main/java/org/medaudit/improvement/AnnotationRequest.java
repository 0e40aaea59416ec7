package org.medaudit.improvement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.medaudit.sample.IdentifierGuard;
import org.medaudit.system.FieldError;

/**
 * Reads an annotation from a parsed JSON body and checks it: a new annotation (every required field), or a change to
 * one (only the fields given change; {@code null} clears an optional field). The result is checked whole, so a
 * change cannot leave an annotation that could not have been created. Every problem is collected with its JSON
 * pointer, so that one answer lists them all.
 *
 * <p>Unknown fields are refused, as in chart samples, and text is checked for patient identifiers: annotations are
 * about the ward's work, never about a patient.
 */
final class AnnotationRequest {

    static final String KIND = "kind";
    static final String MEASURE = "measure";
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String START_DATE = "startDate";
    static final String END_DATE = "endDate";
    static final String OWNER = "owner";
    static final String OUTCOME = "outcome";

    /** The fields of an annotation and the longest text each accepts (0 for the dates). */
    private static final Map<String, Integer> FIELDS = fields();
    /** Text fields that may run over several lines. */
    private static final Set<String> MULTILINE = Set.of(DESCRIPTION, OUTCOME);

    /** The fields of an annotation: what a new one is built from, or a changed one is left as. */
    record Draft(String kind, String measure, String title, String description, LocalDate startDate,
            LocalDate endDate, String owner, String outcome) {

        static final Draft EMPTY = new Draft(null, null, null, null, null, null, null, null);

        static Draft of(Annotation a) {
            return new Draft(a.kind(), a.measureId(), a.title(), a.description(), a.startDate(), a.endDate(),
                    a.owner(), a.outcome());
        }
    }

    private final List<FieldError> errors = new ArrayList<>();
    /** Fields already refused for their form, so that they are not also reported as missing. */
    private final Set<String> unreadable = new HashSet<>();

    private AnnotationRequest() {
    }

    /**
     * The annotation this body makes of {@code base} ({@link Draft#EMPTY} for a new one), checked; problems are added
     * to {@code errors}.
     *
     * @param knownMeasure whether a measure id names a measure
     * @param otherRebases the ward's other rebases (not the one being changed), to refuse two at the same month
     */
    static Draft read(Object tree, Draft base, Predicate<String> knownMeasure, List<Annotation> otherRebases,
            List<FieldError> errors) {
        AnnotationRequest request = new AnnotationRequest();
        Draft draft = request.apply(tree, base);
        if (draft != null) {
            request.check(draft, knownMeasure, otherRebases);
        }
        errors.addAll(request.errors);
        return draft;
    }

    private Draft apply(Object tree, Draft base) {
        if (!(tree instanceof Map<?, ?> body)) {
            errors.add(new FieldError("", "an annotation (a JSON object) is required"));
            return null;
        }
        body.keySet().stream().map(String::valueOf).filter(key -> !FIELDS.containsKey(key)).sorted().forEach(key ->
                errors.add(new FieldError("/" + key, "is not a field of an annotation; the fields are "
                        + List.copyOf(FIELDS.keySet()))));
        return new Draft(
                text(body, KIND, base.kind()),
                text(body, MEASURE, base.measure()),
                text(body, TITLE, base.title()),
                text(body, DESCRIPTION, base.description()),
                date(body, START_DATE, base.startDate()),
                date(body, END_DATE, base.endDate()),
                text(body, OWNER, base.owner()),
                text(body, OUTCOME, base.outcome()));
    }

    private void check(Draft draft, Predicate<String> knownMeasure, List<Annotation> otherRebases) {
        if (draft.kind() == null) {
            refuse(KIND, "is required: one of " + Annotation.KINDS);
        } else if (!Annotation.KINDS.contains(draft.kind())) {
            refuse(KIND, "\"" + draft.kind() + "\" is not a kind of annotation; one of " + Annotation.KINDS);
        }
        if (draft.title() == null) {
            refuse(TITLE, "is required: a short name for the cycle, change or issue");
        }
        if (draft.startDate() == null) {
            refuse(START_DATE, "is required (a date such as 2026-10-14)");
        }
        if (draft.measure() != null && !knownMeasure.test(draft.measure())) {
            refuse(MEASURE, "no measure has the id \"" + draft.measure() + "\" (GET /api/v1/measures lists them); "
                    + "leave it out for an annotation on every measure");
        }
        if (draft.startDate() != null && draft.endDate() != null && draft.endDate().isBefore(draft.startDate())) {
            refuse(END_DATE, "must not be before the start date (" + draft.startDate() + ")");
        }
        if (Annotation.REBASE.equals(draft.kind())) {
            checkRebase(draft, otherRebases);
        }
    }

    /** A rebase is a judgement about one measure's chart, recorded with its reason (Making Data Count). */
    private void checkRebase(Draft draft, List<Annotation> otherRebases) {
        if (draft.measure() == null) {
            refuse(MEASURE, "is required for a rebase: a rebase starts a new baseline on one measure's chart");
        }
        if (draft.description() == null) {
            refuse(DESCRIPTION, "is required for a rebase: record why the process has changed");
        }
        if (draft.endDate() != null) {
            refuse(END_DATE, "a rebase has no end date: its baseline runs until the next rebase");
        }
        if (draft.measure() != null && draft.startDate() != null) {
            String period = YearMonth.from(draft.startDate()).toString();
            otherRebases.stream()
                    .filter(other -> draft.measure().equals(other.measureId()) && other.startPeriod().equals(period))
                    .findFirst()
                    .ifPresent(other -> refuse(START_DATE, "a rebase of " + draft.measure() + " already starts in "
                            + period + " (annotation " + other.id() + "); change that one instead"));
        }
    }

    private void refuse(String field, String detail) {
        if (!unreadable.contains(field)) {
            errors.add(new FieldError("/" + field, detail));
        }
    }

    private void unreadable(String field, String detail) {
        unreadable.add(field);
        errors.add(new FieldError("/" + field, detail));
    }

    /** The field's text when the body gives it; {@code otherwise} when it does not; null when it is null. */
    private String text(Map<?, ?> body, String field, String otherwise) {
        if (!body.containsKey(field)) {
            return otherwise;
        }
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            unreadable(field, "must be text");
            return otherwise;
        }
        int longest = FIELDS.get(field);
        boolean multiline = MULTILINE.contains(field);
        if (text.isBlank()) {
            unreadable(field, "must not be blank (send null to clear it, or leave it out)");
        } else if (text.length() > longest) {
            unreadable(field, "is " + text.length() + " characters long; at most " + longest + " are accepted");
        } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r'
                || c == '\t')))) {
            unreadable(field, "must not contain control characters");
        } else {
            var identifier = IdentifierGuard.findIn(text);
            if (identifier.isPresent()) {
                unreadable(field, identifier.get());
            } else {
                return text.strip();
            }
        }
        return otherwise;
    }

    private LocalDate date(Map<?, ?> body, String field, LocalDate otherwise) {
        if (!body.containsKey(field)) {
            return otherwise;
        }
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        try {
            if (value instanceof String text) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // reported below, as for any other value that is not a date
        }
        unreadable(field, "must be a date such as 2026-10-14");
        return otherwise;
    }

    private static Map<String, Integer> fields() {
        Map<String, Integer> fields = new LinkedHashMap<>();
        fields.put(KIND, 20);
        fields.put(MEASURE, 100);
        fields.put(TITLE, 200);
        fields.put(DESCRIPTION, 2000);
        fields.put(START_DATE, 0);
        fields.put(END_DATE, 0);
        fields.put(OWNER, 100);
        fields.put(OUTCOME, 2000);
        return fields;
    }
}
