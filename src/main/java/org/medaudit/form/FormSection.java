package org.medaudit.form;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** A titled part of an audit form: single questions, then (optionally) repeated rows. */
public record FormSection(String id, String title, @Nullable String hint, List<FormField> fields,
        @Nullable RowGroup rows) {

    public List<FormField> visibleFields() {
        return fields.stream().filter(field -> !field.hidden()).toList();
    }
}
