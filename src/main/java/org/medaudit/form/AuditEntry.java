package org.medaudit.form;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.medaudit.sample.SampleIntake;
import org.medaudit.sample.SampleView;
import org.medaudit.sample.Submission;
import org.medaudit.system.FieldError;
import org.medaudit.system.FormValues;
import org.medaudit.system.InvalidRequestException;
import org.medaudit.system.JsonTree;

/**
 * Enters a chart from a form's answers: maps them onto the contract and hands the tree to {@link SampleIntake},
 * exactly as a JSON body would be. A refusal is an {@link InvalidRequestException} whose pointers are the ids of
 * the form's fields ({@code /orders-2-route}), so the page can show each message beside its field.
 */
@Singleton
public class AuditEntry {

    /** The hidden field that carries the page's idempotency key, so a double-clicked button stores one chart. */
    public static final String KEY_FIELD = "idempotencyKey";

    /** The parts of a stored sample that are the chart itself (the rest is what MedAudit added). */
    private static final Set<String> CHART_PARTS = Set.of("ward", "auditDate", "sampleType", "patient", "admission",
            "preAdmissionMedicines", "orders", "omittedDoses", "monitoring");

    private final SampleIntake intake;
    private final JsonMapper json;

    AuditEntry(SampleIntake intake, JsonMapper json) {
        this.intake = intake;
        this.json = json;
    }

    public Submission submit(FormDefinition form, FormValues values) {
        FormAnswers.Mapped mapped = mapped(form, values);
        String key = values.text(KEY_FIELD);
        try {
            return intake.submit(mapped.tree(), key.isEmpty() ? null : key, SampleIntake.hash(bytes(mapped.tree())),
                    form.ref());
        } catch (InvalidRequestException e) {
            throw onForm(form, values, mapped, e.errors());
        }
    }

    /** Replaces a stored chart with the corrected answers (same sample id; rules run again). */
    public SampleView correct(String sampleId, FormDefinition form, FormValues values) {
        FormAnswers.Mapped mapped = mapped(form, values);
        try {
            return intake.correct(sampleId, mapped.tree(), form.ref());
        } catch (InvalidRequestException e) {
            throw onForm(form, values, mapped, e.errors());
        }
    }

    /** A stored chart as the form's answers. */
    public FormValues answersOf(FormDefinition form, SampleView sample) {
        return FormAnswers.answersOf(form, tree(sample));
    }

    /**
     * The paths of a stored chart that hold a value but that this form does not show (a hospital hid them, or the
     * chart came as JSON): correcting the chart with this form would leave them out.
     */
    public Set<String> pathsNotOnForm(FormDefinition form, SampleView sample) {
        Set<String> shown = form.allFields().filter(field -> !field.hidden()).map(FormField::maps)
                .collect(Collectors.toSet());
        Set<String> paths = new TreeSet<>();
        tree(sample).forEach((part, value) -> {
            if (CHART_PARTS.contains(part)) {
                collect("/" + part, value, paths);
            }
        });
        paths.removeIf(path -> shown.contains(path) || form.rowGroups().stream()
                .anyMatch(group -> group.list().equals(path)));
        return paths;
    }

    private static void collect(String at, Object node, Set<String> paths) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> collect(at + "/" + key, value, paths));
        } else if (node instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
            list.forEach(item -> collect(at + "/*", item, paths));
        } else if (node != null) {
            paths.add(at);
        }
    }

    /** The answers' own errors, with every contract error too, so one answer lists every problem. */
    private FormAnswers.Mapped mapped(FormDefinition form, FormValues values) {
        FormAnswers.Mapped mapped = FormAnswers.map(form, values);
        if (!mapped.errors().isEmpty()) {
            List<FieldError> errors = new ArrayList<>(mapped.errors());
            Set<String> named = mapped.errors().stream().map(FieldError::pointer).collect(Collectors.toSet());
            intake.problems(mapped.tree()).stream().filter(error -> !named.contains(error.pointer()))
                    .forEach(errors::add);
            throw onForm(form, values, mapped, errors);
        }
        return mapped;
    }

    private static RefusedAnswers onForm(FormDefinition form, FormValues values, FormAnswers.Mapped mapped,
            List<FieldError> errors) {
        return new RefusedAnswers(FormAnswers.placed(form, values, mapped, errors));
    }

    /**
     * Answers refused: each error as a page shows it (pointer = field id, message naming the field), and placed, for
     * a caller that names fields its own way (the CSV import names columns and lines).
     */
    public static final class RefusedAnswers extends InvalidRequestException {

        private final transient List<FormAnswers.Placed> placed;

        RefusedAnswers(List<FormAnswers.Placed> placed) {
            super(placed.stream().map(FormAnswers.Placed::onField).toList());
            this.placed = placed;
        }

        public List<FormAnswers.Placed> placed() {
            return placed;
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> tree(SampleView sample) {
        return (Map<String, Object>) JsonTree.parse(bytes(sample));
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a chart as JSON", e);
        }
    }
}
