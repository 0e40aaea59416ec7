package org.medaudit.form;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.medaudit.system.FormValues;
import org.medaudit.ward.SiteView;
import org.medaudit.ward.WardView;

/**
 * What the audit form page draws, worked out from the form definition, the answers so far and the errors, so that
 * the template only lays it out: every input with its id, label, hint, value, options and message.
 */
public record FormPage(String formId, int version, String title, List<Section> sections, List<Datalist> datalists) {

    /** The datalist of the formulary's drug names. */
    private static final String DRUGS = "formulary";

    /** A titled section: its single questions, then its rows (or null). */
    public record Section(String id, String title, @Nullable String hint, List<Field> fields, @Nullable Rows rows) {
    }

    /**
     * The rows of a section, with what the page needs to add more: the hidden count, the button's action and the
     * anchor of the first row it adds.
     */
    public record Rows(String countName, int count, String addAction, int adds, String addAnchor, String label,
            List<Row> rows, @Nullable Field none) {
    }

    public record Row(String id, String legend, List<Field> fields) {
    }

    /**
     * One input.
     *
     * @param control {@code input}, {@code select}, {@code textarea} or {@code checkbox}
     * @param describedBy the ids of its hint and error message, for screen readers
     */
    public record Field(String id, String label, @Nullable String hint, String control, @Nullable String inputType,
            @Nullable String inputMode, String value, List<Option> options, @Nullable String datalist,
            @Nullable String error, String width, @Nullable String describedBy, boolean checked) {
    }

    public record Option(String value, String label, boolean selected) {
    }

    /** Suggestions for text fields that name a vocabulary (an HTML datalist). */
    public record Datalist(String id, List<String> values) {
    }

    /**
     * The page for a form with these answers and errors (keyed by field id).
     *
     * @param sites the sites and wards, for the wards vocabulary (active wards only)
     * @param drugs the formulary's names, suggested in every {@code drug} field
     */
    public static FormPage of(FormDefinition form, FormValues values, Map<String, String> errors,
            List<SiteView> sites, List<String> drugs) {
        Set<String> datalists = new LinkedHashSet<>();
        List<Section> sections = new ArrayList<>();
        for (FormSection section : form.sections()) {
            List<Field> fields = section.visibleFields().stream()
                    .map(field -> field(field, field.name(0), hint(field, true), values, errors, sites, datalists,
                            false))
                    .toList();
            Rows rows = null;
            RowGroup group = section.rows();
            if (group != null) {
                int count = FormAnswers.rowCount(group, values);
                List<Row> rowViews = new ArrayList<>();
                for (int row = 0; row < count; row++) {
                    int index = row;
                    // Hints show on the first row only: repeated on every row they would double its height.
                    rowViews.add(new Row(rowId(group, row), group.label() + " " + (row + 1),
                            group.visibleFields().stream().map(field -> field(field, field.name(index),
                                    hint(field, index == 0), values, errors, sites, datalists, true))
                                    .toList()));
                }
                Field none = group.none() == null ? null : new Field(group.noneName(), group.none(), null,
                        "checkbox", null, null, "true", List.of(), null, errors.get(group.noneName()), "",
                        describedBy(group.noneName(), null, errors), values.checked(group.noneName()));
                int adds = Math.min(group.rows(), FormAnswers.MAX_ROWS - count);
                rows = new Rows(group.countName(), count, group.addRowsAction(), adds, rowId(group, count),
                        group.label().toLowerCase(Locale.ROOT), rowViews, none);
            }
            sections.add(new Section(section.id(), section.title(), section.hint(), fields, rows));
        }
        List<Datalist> lists = datalists.stream().map(name -> new Datalist(datalistId(name),
                name.equals(DRUGS) ? drugs : Vocabularies.codes(name).orElse(List.of()))).toList();
        return new FormPage(form.id(), form.version(), form.title(), sections, lists);
    }

    private static Field field(FormField field, String id, String hint, FormValues values,
            Map<String, String> errors, List<SiteView> sites, Set<String> datalists, boolean inRow) {
        String label = field.label();
        String value = values.text(id);
        String error = errors.get(id);
        String describedBy = describedBy(id, hint, errors);
        return switch (field.type()) {
            case FormField.CHOICE -> new Field(id, label, hint, "select", null, null, value,
                    options(field, value, sites), null, error, "", describedBy, false);
            case FormField.YES_NO -> new Field(id, label, hint, "select", null, null, value,
                    List.of(new Option("", "Not recorded", value.isEmpty()), new Option("yes", "Yes",
                            value.equals("yes")), new Option("no", "No", value.equals("no"))),
                    null, error, "", describedBy, false);
            case FormField.LIST -> new Field(id, label, hint, "textarea", null, null, value, List.of(), null,
                    error, "", describedBy, false);
            case FormField.NUMBER -> new Field(id, label, hint, "input", "text", "decimal", value, List.of(),
                    null, error, "govuk-input--width-5", describedBy, false);
            // Text, not the browser's date pickers: typed in one go, the same in every browser, and accessible.
            case FormField.DATE -> new Field(id, label, hint, "input", "text", null, value, List.of(), null,
                    error, "govuk-input--width-10", describedBy, false);
            case FormField.DATETIME -> new Field(id, label, hint, "input", "text", null, value.replace('T', ' '),
                    List.of(), null, error, "medaudit-input--datetime", describedBy, false);
            default -> {
                // The contract resolves every drug name through the formulary, so drug fields suggest its names.
                String suggestions = field.vocabulary() != null ? field.vocabulary()
                        : field.maps().endsWith("/drug") ? DRUGS : null;
                if (suggestions != null) {
                    datalists.add(suggestions);
                }
                yield new Field(id, label, hint, "input", "text", null, value, List.of(),
                        suggestions == null ? null : datalistId(suggestions), error,
                        inRow ? "govuk-input--width-10" : "govuk-input--width-20", describedBy, false);
            }
        };
    }

    /** A field's hint where it is shown (rows show theirs on the first row only), with the format of a date. */
    private static String hint(FormField field, boolean shown) {
        if (!shown) {
            return null;
        }
        String format = switch (field.type()) {
            case FormField.DATE -> "For example 2026-10-14.";
            case FormField.DATETIME -> "For example 2026-10-12 14:05.";
            default -> null;
        };
        return format == null ? field.hint() : field.hint() == null ? format : field.hint() + " " + format;
    }

    private static List<Option> options(FormField field, String value, List<SiteView> sites) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", field.required() ? "Choose" : "Not recorded", value.isEmpty()));
        if (Vocabularies.WARDS.equals(field.vocabulary())) {
            for (SiteView site : sites) {
                for (WardView ward : site.wards()) {
                    if (ward.active()) {
                        options.add(new Option(ward.code(), ward.code() + " – " + ward.name(),
                                ward.code().equalsIgnoreCase(value)));
                    }
                }
            }
        } else {
            Vocabularies.codes(field.vocabulary()).orElse(List.of())
                    .forEach(code -> options.add(new Option(code, code, code.equals(value))));
        }
        return options;
    }

    private static String describedBy(String id, String hint, Map<String, String> errors) {
        List<String> ids = new ArrayList<>();
        if (hint != null) {
            ids.add(id + "-hint");
        }
        if (errors.containsKey(id)) {
            ids.add(id + "-error");
        }
        return ids.isEmpty() ? null : String.join(" ", ids);
    }

    private static String rowId(RowGroup group, int row) {
        return FormDefinition.key(group.list()) + "-row-" + row;
    }

    private static String datalistId(String vocabulary) {
        return "vocabulary-" + vocabulary;
    }
}
