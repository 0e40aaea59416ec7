package org.medaudit.form;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * The repeated rows of a section, one per item of a contract list (orders, allergies, omitted doses, …). Rows
 * left blank are ignored. Ticking {@code none} records the list as empty ("recorded as none"); leaving every row
 * blank and {@code none} unticked leaves it out ("not recorded").
 *
 * @param list the contract list, e.g. {@code /orders}
 * @param label what one row is called ("Order"), numbered in each row's legend
 * @param rows how many empty rows the form shows at first
 * @param none the label of the "recorded as none" box; null when the form does not offer one
 */
public record RowGroup(String list, String label, int rows, @Nullable String none, List<FormField> fields) {

    /** The name of the hidden field that carries how many rows the page shows. */
    public String countName() {
        return "rows-" + FormDefinition.key(list);
    }

    public String noneName() {
        return "none-" + FormDefinition.key(list);
    }

    /** The name of the submit button that adds rows to this group. */
    public String addRowsAction() {
        return "add-rows-" + FormDefinition.key(list);
    }

    public List<FormField> visibleFields() {
        return fields.stream().filter(field -> !field.hidden()).toList();
    }
}
