package org.medaudit.form;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The columns of a CSV upload, worked out from an audit form, so that a spreadsheet and the web form ask the same
 * questions and map them onto the chart-sample contract the same way (a hospital that hides a field hides its
 * column too).
 *
 * <p>Layout: one line per medication order. The {@value #CHART} column groups consecutive lines into one chart.
 * A chart's single answers (ward, audit date, patient, admission) are given on its first line; its other lists
 * (allergies, medicines before admission, omitted doses, monitoring results) run down the same lines beside the
 * orders, the k-th line of a chart holding its k-th order, k-th allergy and so on, as on the paper form. Column
 * names are the contract's paths with dots: {@code patient.ageYears}, {@code orders.drug}; a list's
 * {@code .none} column records "recorded as none".
 */
public record CsvLayout(FormDefinition form, List<Column> columns) {

    /** The column that groups lines into charts: any short reference the auditor gives each chart in the file. */
    public static final String CHART = "chart";

    /**
     * One column.
     *
     * @param field the form field it answers; null for {@value #CHART} and the "none" columns
     * @param group the repeated section it belongs to (one item per line); null for a chart's single answers
     * @param none for a ".none" column: the list it records as empty
     */
    public record Column(String name, String label, @Nullable String hint, @Nullable FormField field,
            @Nullable RowGroup group, @Nullable RowGroup none, String values, boolean required) {

        /** Whether the chart's first line gives this column's value (as opposed to one value per line). */
        public boolean once() {
            return group == null;
        }
    }

    public static CsvLayout of(FormDefinition form) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(CHART, "Chart",
                "Any short reference you give each chart in this file (1, 2, 3 …): consecutive lines with the same "
                        + "reference are one chart. Never a name, NHS number or hospital number; it is not stored.",
                null, null, null, "text, at most 40 characters", true));
        for (FormSection section : form.sections()) {
            for (FormField field : section.visibleFields()) {
                columns.add(new Column(name(field.maps()), field.label(), field.hint(), field, null, null,
                        values(field), field.required()));
            }
            RowGroup group = section.rows();
            if (group != null) {
                if (group.none() != null) {
                    columns.add(new Column(name(group.list()) + ".none", group.none(),
                            "\"yes\" on the chart's first line records the list as none (leave its columns blank).",
                            null, null, group, "yes or blank", false));
                }
                for (FormField field : group.visibleFields()) {
                    columns.add(new Column(name(field.maps()), group.label() + ": " + field.label(), field.hint(),
                            field, group, null, values(field), field.required()));
                }
            }
        }
        return new CsvLayout(form, List.copyOf(columns));
    }

    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(column -> column.name().equals(name)).findFirst();
    }

    /** The template: the header line only, so that an untouched template stores nothing. */
    public String template() {
        return String.join(",", names()) + "\r\n";
    }

    /** A contract pointer as a column name: {@code /orders/*}{@code /drug} → {@code orders.drug}. */
    static String name(String pointer) {
        return pointer.substring(1).replace("/*/", ".").replace('/', '.');
    }

    private static String values(FormField field) {
        String codes = field.vocabulary() == null || Vocabularies.WARDS.equals(field.vocabulary()) ? null
                : String.join(", ", Vocabularies.codes(field.vocabulary()).orElse(List.of()));
        return switch (field.type()) {
            case FormField.NUMBER -> "number";
            case FormField.DATE -> "date, YYYY-MM-DD";
            case FormField.DATETIME -> "date and time, YYYY-MM-DDTHH:MM (or with a space)";
            case FormField.YES_NO -> "yes or no";
            case FormField.LIST -> "codes separated by semicolons";
            case FormField.CHOICE -> Vocabularies.WARDS.equals(field.vocabulary()) ? "a ward code"
                    : "one of: " + codes;
            default -> codes == null ? "text" : "text, usually one of: " + codes;
        };
    }
}
