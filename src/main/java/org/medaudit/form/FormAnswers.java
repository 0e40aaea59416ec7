package org.medaudit.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.medaudit.sample.ChartSampleReader;
import org.medaudit.system.FieldError;
import org.medaudit.system.FormValues;

/**
 * The one correspondence between a form's answers and the chart-sample contract: answers become the same tree of
 * maps and lists a JSON body parses into (so one reader and validator check both), a stored chart becomes
 * answers again (to correct it), and a contract error's pointer becomes the id of the field to show it beside.
 *
 * <p>A blank answer leaves its path out ("not recorded"). Rows left blank are skipped, so the items of a list
 * need not be the rows they were typed in: {@link Mapped#rowsOf} remembers which row each item came from.
 */
public final class FormAnswers {

    /** Most rows a repeated section can grow to: as many items as the contract accepts. */
    public static final int MAX_ROWS = ChartSampleReader.MAX_ITEMS;

    private static final Pattern SPACED_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2})?");

    private FormAnswers() {
    }

    /**
     * Answers mapped onto the contract.
     *
     * @param errors what the answers themselves get wrong (a required answer missing, "none" ticked beside rows)
     * @param rowsOf for each list, the form row of each item
     */
    public record Mapped(Map<String, Object> tree, List<FieldError> errors, Map<String, List<Integer>> rowsOf) {
    }

    /** How many rows of a group the page shows: as posted (within bounds), at least the form's starting number. */
    public static int rowCount(RowGroup group, FormValues values) {
        try {
            int posted = Integer.parseInt(values.text(group.countName()));
            return Math.max(group.rows(), Math.min(posted, MAX_ROWS));
        } catch (NumberFormatException e) {
            return group.rows();
        }
    }

    public static Mapped map(FormDefinition form, FormValues values) {
        Map<String, Object> tree = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        Map<String, List<Integer>> rowsOf = new HashMap<>();
        for (FormSection section : form.sections()) {
            for (FormField field : section.visibleFields()) {
                String answer = values.text(field.name(0));
                if (answer.isEmpty()) {
                    if (field.required()) {
                        errors.add(new FieldError(field.maps(), "is required on this form"));
                    }
                } else {
                    put(tree, field.maps(), value(field, answer));
                }
            }
            RowGroup group = section.rows();
            if (group != null) {
                List<Object> items = new ArrayList<>();
                List<Integer> rows = new ArrayList<>();
                for (int row = 0; row < rowCount(group, values); row++) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    List<FormField> missing = new ArrayList<>();
                    for (FormField field : group.visibleFields()) {
                        String answer = values.text(field.name(row));
                        String member = field.maps().substring(group.list().length() + 3);
                        if (answer.isEmpty()) {
                            if (field.required()) {
                                missing.add(field);
                            }
                        } else {
                            item.put(member, value(field, answer));
                        }
                    }
                    if (!item.isEmpty()) {
                        for (FormField field : missing) {
                            errors.add(new FieldError(field.maps().replace("*", String.valueOf(items.size())),
                                    "is required on this form"));
                        }
                        items.add(item);
                        rows.add(row);
                    }
                }
                rowsOf.put(group.list(), rows);
                boolean none = group.none() != null && values.checked(group.noneName());
                if (none && !items.isEmpty()) {
                    errors.add(new FieldError(group.list(), "you ticked \"" + group.none() + "\" but filled in "
                            + items.size() + (items.size() == 1 ? " row" : " rows") + ": untick it or clear them"));
                } else if (none || !items.isEmpty()) {
                    put(tree, group.list(), items);
                }
            }
        }
        return new Mapped(tree, List.copyOf(errors), Map.copyOf(rowsOf));
    }

    /**
     * A stored chart (the contract tree) as answers to the form, to correct it; each group shows its items plus
     * its starting number of blank rows.
     */
    public static FormValues answersOf(FormDefinition form, Map<String, Object> tree) {
        Map<String, Object> answers = new HashMap<>();
        for (FormSection section : form.sections()) {
            for (FormField field : section.visibleFields()) {
                at(tree, field.maps()).ifPresent(value -> answers.put(field.name(0), answer(value)));
            }
            RowGroup group = section.rows();
            if (group != null) {
                List<?> items = at(tree, group.list()).filter(List.class::isInstance).map(List.class::cast)
                        .orElse(List.of());
                for (int row = 0; row < items.size(); row++) {
                    for (FormField field : group.visibleFields()) {
                        String name = field.name(row);
                        at(tree, field.maps().replace("*", String.valueOf(row)))
                                .ifPresent(value -> answers.put(name, answer(value)));
                    }
                }
                answers.put(group.countName(), String.valueOf(Math.max(group.rows(), items.size() + 1)));
                if (group.none() != null && at(tree, group.list()).map(List.class::cast).map(List::isEmpty)
                        .orElse(false)) {
                    answers.put(group.noneName(), "true");
                }
            }
        }
        return FormValues.of(answers);
    }

    /**
     * The contract's errors (and the answers' own) keyed to the form: each pointer becomes the id of the field it
     * is about, and each message names that field (and its row), in the order the fields appear on the page.
     */
    public static List<FieldError> onForm(FormDefinition form, FormValues values, Mapped mapped,
            List<FieldError> errors) {
        return placed(form, values, mapped, errors).stream().map(Placed::onField).toList();
    }

    /**
     * A contract error placed on the form.
     *
     * @param id the id of the field it is about
     * @param what that field's label (with its row), or the contract path when the form does not show it
     */
    public record Placed(String id, String what, String detail) {

        FieldError onField() {
            return new FieldError("/" + id, what + ": " + detail);
        }
    }

    /** The errors placed on the fields they are about, in the order the fields appear on the page. */
    public static List<Placed> placed(FormDefinition form, FormValues values, Mapped mapped,
            List<FieldError> errors) {
        List<String> order = fieldIds(form, values);
        return errors.stream()
                .map(error -> place(form, mapped, error))
                .sorted(Comparator.comparingInt(placed -> {
                    int index = order.indexOf(placed.id());
                    return index < 0 ? Integer.MAX_VALUE : index;
                }))
                .toList();
    }

    /** Messages by field id, for the page (several about one field are joined); they begin with the field's name. */
    public static Map<String, String> byId(List<FieldError> errors) {
        Map<String, String> byId = new LinkedHashMap<>();
        errors.forEach(error -> byId.merge(error.pointer().substring(1), error.detail(), (a, b) -> a + "; " + b));
        return byId;
    }

    /** The id of every input on the page, in page order. */
    public static List<String> fieldIds(FormDefinition form, FormValues values) {
        List<String> ids = new ArrayList<>();
        for (FormSection section : form.sections()) {
            section.visibleFields().forEach(field -> ids.add(field.name(0)));
            RowGroup group = section.rows();
            if (group != null) {
                if (group.none() != null) {
                    ids.add(group.noneName());
                }
                for (int row = 0; row < rowCount(group, values); row++) {
                    for (FormField field : group.visibleFields()) {
                        ids.add(field.name(row));
                    }
                }
            }
        }
        return ids;
    }

    // ---- errors onto fields ----

    private static Placed place(FormDefinition form, Mapped mapped, FieldError error) {
        String pointer = error.pointer();
        for (RowGroup group : form.rowGroups()) {
            if (pointer.equals(group.list())) {
                String id = group.none() != null ? group.noneName()
                        : group.visibleFields().get(0).name(0);
                return onField(id, sectionTitle(form, group), error.detail());
            }
            if (pointer.startsWith(group.list() + "/")) {
                String rest = pointer.substring(group.list().length() + 1);
                int slash = rest.indexOf('/');
                String member = slash < 0 ? "" : rest.substring(slash);
                int item;
                try {
                    item = Integer.parseInt(slash < 0 ? rest : rest.substring(0, slash));
                } catch (NumberFormatException e) {
                    continue;
                }
                List<Integer> rows = mapped.rowsOf().getOrDefault(group.list(), List.of());
                int row = item < rows.size() ? rows.get(item) : item;
                String where = group.label() + " " + (row + 1);
                Optional<FormField> field = group.visibleFields().stream()
                        .filter(f -> f.maps().equals(group.list() + "/*" + member)).findFirst();
                return field.map(f -> onField(f.name(row), where + " – " + f.label(), error.detail()))
                        .orElseGet(() -> onField(group.visibleFields().get(0).name(row), where, error.detail()));
            }
        }
        Optional<FormField> field = form.sections().stream().flatMap(s -> s.visibleFields().stream())
                .filter(f -> f.maps().equals(pointer)).findFirst();
        if (field.isPresent()) {
            return onField(field.get().name(0), field.get().label(), error.detail());
        }
        // A path the form does not show (hidden by the hospital): beside the nearest field, naming the path.
        FormField nearest = form.sections().stream().flatMap(s -> s.visibleFields().stream())
                .max(Comparator.comparingInt(f -> sharedSegments(f.maps(), pointer))).orElseThrow();
        return onField(nearest.name(0), pointer, error.detail());
    }

    private static Placed onField(String id, String what, String detail) {
        return new Placed(id, what, detail);
    }

    private static String sectionTitle(FormDefinition form, RowGroup group) {
        return form.sections().stream().filter(section -> section.rows() == group).map(FormSection::title)
                .findFirst().orElse(group.label());
    }

    private static int sharedSegments(String a, String b) {
        String[] left = a.split("/");
        String[] right = b.split("/");
        int shared = 0;
        while (shared < Math.min(left.length, right.length) && left[shared].equals(right[shared])) {
            shared++;
        }
        return shared;
    }

    // ---- values ----

    /** An answer as the contract holds it; one that cannot be converted stays text, for the reader to refuse. */
    private static Object value(FormField field, String answer) {
        return switch (field.type()) {
            case FormField.NUMBER -> number(answer);
            case FormField.YES_NO -> switch (answer) {
                case "yes" -> Boolean.TRUE;
                case "no" -> Boolean.FALSE;
                default -> answer;
            };
            // Typed with a space, as people write it; the contract's form has a T.
            case FormField.DATETIME -> SPACED_DATE_TIME.matcher(answer).matches() ? answer.replace(' ', 'T') : answer;
            case FormField.LIST -> answer.lines().flatMap(line -> Arrays.stream(line.split(",")))
                    .map(String::strip).filter(item -> !item.isEmpty()).toList();
            default -> answer;
        };
    }

    /** Longest number read, as for JSON: parsing a number is quadratic in its length, and no answer needs more. */
    private static final int MAX_NUMBER_LENGTH = 100;

    private static Object number(String answer) {
        if (answer.length() > MAX_NUMBER_LENGTH) {
            return answer;
        }
        try {
            BigDecimal number = new BigDecimal(answer);
            BigDecimal whole = number.stripTrailingZeros();
            if (whole.scale() <= 0 && whole.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
                return whole.longValueExact();
            }
            return number.doubleValue();
        } catch (NumberFormatException | ArithmeticException e) {
            return answer;
        }
    }

    /** A contract value as the text of its answer. */
    private static String answer(Object value) {
        if (value instanceof Boolean yes) {
            return yes ? "yes" : "no";
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof List<?> items) {
            return String.join("\n", items.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, String pointer, Object value) {
        String[] segments = pointer.substring(1).split("/");
        Map<String, Object> node = tree;
        for (int i = 0; i < segments.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(segments[i], key -> new LinkedHashMap<>());
        }
        node.put(segments[segments.length - 1], value);
    }

    private static Optional<Object> at(Object tree, String pointer) {
        Object node = tree;
        for (String segment : pointer.substring(1).split("/")) {
            if (node instanceof Map<?, ?> map) {
                node = map.get(segment);
            } else if (node instanceof List<?> list && segment.matches("\\d+")
                    && Integer.parseInt(segment) < list.size()) {
                node = list.get(Integer.parseInt(segment));
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(node);
    }
}
