package org.medaudit.form;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.medaudit.sample.ContractPaths;
import org.medaudit.sample.ContractPaths.Kind;
import org.medaudit.system.YamlFiles;

/**
 * Reads one form document and checks that it holds together, naming the place of every problem (e.g.
 * {@code sections[3] "orders" › fields[4] "Route": vocabulary "route" is unknown}).
 */
final class FormReader {

    /** What a form may hold; a typo in a key would otherwise silently drop a setting. */
    private static final Set<String> FORM_KEYS = Set.of("id", "title", "version", "whyItMatters", "owner",
            "dateReviewed", "nextReview", "sections");
    private static final Set<String> SECTION_KEYS = Set.of("id", "title", "hint", "fields", "rows");
    private static final Set<String> ROWS_KEYS = Set.of("list", "label", "rows", "none", "fields");
    private static final Set<String> FIELD_KEYS = Set.of("label", "hint", "type", "vocabulary", "required", "hidden",
            "maps");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Most empty rows a form may start with; the page adds more on request up to the contract's limit. */
    static final int MAX_START_ROWS = 50;

    private static final Map<Kind, Set<String>> TYPES_FOR = Map.of(
            Kind.TEXT, Set.of(FormField.TEXT, FormField.CHOICE),
            Kind.NUMBER, Set.of(FormField.NUMBER),
            Kind.WHOLE_NUMBER, Set.of(FormField.NUMBER),
            Kind.YES_NO, Set.of(FormField.YES_NO),
            Kind.DATE, Set.of(FormField.DATE),
            Kind.DATETIME, Set.of(FormField.DATETIME),
            Kind.TEXT_LIST, Set.of(FormField.LIST));

    private final List<String> problems = new ArrayList<>();

    private FormReader() {
    }

    /** The form (null when it could not be read at all) and every problem found. */
    record Result(FormDefinition form, List<String> problems) {
    }

    static Result read(Path file) {
        FormReader reader = new FormReader();
        Map<String, Object> doc;
        try {
            doc = YamlFiles.readMapping(file);
        } catch (IllegalArgumentException e) {
            return new Result(null, List.of(e.getMessage()));
        }
        FormDefinition form = reader.form(doc);
        if (form != null) {
            String expected = form.id() + ".yaml";
            if (!file.getFileName().toString().equals(expected)) {
                reader.problem("id", "the file of form " + form.id() + " must be named " + expected);
            }
            reader.check(form);
        }
        return new Result(form, List.copyOf(reader.problems));
    }

    // ---- structure ----

    private FormDefinition form(Map<String, Object> doc) {
        keys("", doc, FORM_KEYS);
        String id = text("", doc, "id", true);
        if (id != null && !ID.matcher(id).matches()) {
            problem("id", "must be lower-case letters and digits joined by hyphens (found \"" + id + "\")");
        }
        Object version = doc.get("version");
        if (!(version instanceof Integer number) || number < 1) {
            problem("version", "must be a whole number from 1 (raise it whenever the form changes)");
        }
        for (String date : List.of("dateReviewed", "nextReview")) {
            String value = text("", doc, date, true);
            if (value != null && !DATE.matcher(value).matches()) {
                problem(date, "must be a date written YYYY-MM-DD");
            }
        }
        List<FormSection> sections = new ArrayList<>();
        List<?> items = list("", doc, "sections");
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> section = mapping("sections[" + i + "]", items.get(i));
            if (section != null) {
                sections.add(section(place("sections", i, section.get("id")), section));
            }
        }
        String title = text("", doc, "title", true);
        String why = text("", doc, "whyItMatters", true);
        String owner = text("", doc, "owner", true);
        if (id == null || title == null || why == null || owner == null || !(version instanceof Integer)) {
            return null;
        }
        return new FormDefinition(id, title, (Integer) version, why, owner, text("", doc, "dateReviewed", false),
                text("", doc, "nextReview", false), List.copyOf(sections));
    }

    private FormSection section(String at, Map<String, Object> section) {
        keys(at, section, SECTION_KEYS);
        String id = text(at, section, "id", true);
        if (id != null && !ID.matcher(id).matches()) {
            problem(at + " › id", "must be lower-case letters and digits joined by hyphens");
        }
        RowGroup rows = null;
        if (section.get("rows") != null) {
            Map<String, Object> group = mapping(at + " › rows", section.get("rows"));
            if (group != null) {
                rows = rows(at + " › rows", group);
            }
        }
        List<FormField> fields = section.get("fields") == null ? List.of() : fields(at, section);
        if (fields.isEmpty() && rows == null) {
            problem(at, "has neither fields nor rows");
        }
        return new FormSection(id, text(at, section, "title", true), text(at, section, "hint", false), fields, rows);
    }

    private RowGroup rows(String at, Map<String, Object> group) {
        keys(at, group, ROWS_KEYS);
        Object count = group.get("rows");
        int rows = 3;
        if (count != null) {
            if (count instanceof Integer number && number >= 1 && number <= MAX_START_ROWS) {
                rows = number;
            } else {
                problem(at + " › rows", "must be a whole number from 1 to " + MAX_START_ROWS);
            }
        }
        return new RowGroup(text(at, group, "list", true), text(at, group, "label", true), rows,
                text(at, group, "none", false), fields(at, group));
    }

    private List<FormField> fields(String at, Map<String, Object> parent) {
        List<FormField> fields = new ArrayList<>();
        List<?> items = list(at, parent, "fields");
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> field = mapping(at + " › fields[" + i + "]", items.get(i));
            if (field != null) {
                String place = place(at + " › fields", i, field.get("label"));
                keys(place, field, FIELD_KEYS);
                fields.add(new FormField(text(place, field, "label", true), text(place, field, "hint", false),
                        text(place, field, "type", true), text(place, field, "vocabulary", false),
                        flag(place, field, "required"), flag(place, field, "hidden"),
                        text(place, field, "maps", true)));
            }
        }
        if (items.isEmpty()) {
            problem(at + " › fields", "must list at least one field");
        }
        return List.copyOf(fields);
    }

    // ---- meaning ----

    private void check(FormDefinition form) {
        Set<String> sectionIds = new HashSet<>();
        Set<String> mapped = new HashSet<>();
        for (int s = 0; s < form.sections().size(); s++) {
            FormSection section = form.sections().get(s);
            String at = place("sections", s, section.id());
            if (section.id() != null && !sectionIds.add(section.id())) {
                problem(at, "another section already has the id " + section.id());
            }
            checkFields(at, section.fields(), null, mapped);
            RowGroup rows = section.rows();
            if (rows != null && rows.list() != null) {
                String rowsAt = at + " › rows";
                if (!ContractPaths.ITEM_KEYS.containsKey(rows.list())) {
                    problem(rowsAt + " › list", "\"" + rows.list() + "\" is not a list of the chart-sample contract "
                            + "(one of " + String.join(", ", ContractPaths.ITEM_KEYS.keySet().stream().sorted()
                            .toList()) + ")");
                } else {
                    checkFields(rowsAt, rows.fields(), rows.list(), mapped);
                    String key = ContractPaths.ITEM_KEYS.get(rows.list());
                    if (rows.fields().stream().noneMatch(f -> key.equals(f.maps()) && !f.hidden())) {
                        problem(rowsAt, "must show a field that maps " + key + ": every row needs one");
                    }
                }
                if (rows.none() != null && ContractPaths.NON_EMPTY_LISTS.contains(rows.list())) {
                    problem(rowsAt + " › none", "cannot be offered: the chart must list at least one item of "
                            + rows.list());
                }
            }
        }
        for (String required : ContractPaths.REQUIRED) {
            if (form.allFields().noneMatch(f -> required.equals(f.maps()) && !f.hidden())) {
                problem("sections", "no field shows " + required + ", which every chart needs");
            }
        }
    }

    private void checkFields(String at, List<FormField> fields, String list, Set<String> mapped) {
        for (int i = 0; i < fields.size(); i++) {
            FormField field = fields.get(i);
            String place = place(at + " › fields", i, field.label());
            if (field.type() != null && !FormField.TYPES.contains(field.type())) {
                problem(place + " › type", "\"" + field.type() + "\" is not one of " + String.join(", ",
                        FormField.TYPES));
            }
            if (field.vocabulary() != null && !Vocabularies.names().contains(field.vocabulary())) {
                problem(place + " › vocabulary", "\"" + field.vocabulary() + "\" is unknown; known: "
                        + String.join(", ", Vocabularies.names()));
            }
            if (FormField.CHOICE.equals(field.type()) && field.vocabulary() == null) {
                problem(place + " › vocabulary", "a choice needs the vocabulary it offers");
            }
            if (field.vocabulary() != null && field.type() != null
                    && !Set.of(FormField.CHOICE, FormField.TEXT).contains(field.type())) {
                problem(place + " › vocabulary", "only a choice or a text field can offer a vocabulary");
            }
            if (field.required() && field.hidden()) {
                problem(place, "cannot be both required and hidden");
            }
            if (field.maps() == null) {
                continue;
            }
            if (!mapped.add(field.maps())) {
                problem(place + " › maps", field.maps() + " is already answered by another field");
            }
            Kind kind = ContractPaths.kind(field.maps()).orElse(null);
            if (kind == null) {
                problem(place + " › maps", field.maps() + " is not a path of the chart-sample contract");
                continue;
            }
            String belongsTo = ContractPaths.listOf(field.maps()).orElse(null);
            if (list == null && belongsTo != null) {
                problem(place + " › maps", field.maps() + " is part of a repeated item: put it in the rows of "
                        + belongsTo);
            } else if (list != null && !list.equals(belongsTo)) {
                problem(place + " › maps", field.maps() + " is not a field of " + list + " rows (write it "
                        + list + "/*/…)");
            }
            if (field.type() != null && FormField.TYPES.contains(field.type())
                    && !TYPES_FOR.get(kind).contains(field.type())) {
                problem(place + " › type", field.maps() + " holds "
                        + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "; a " + field.type()
                        + " field cannot supply it (use " + String.join(" or ",
                        TYPES_FOR.get(kind).stream().sorted().toList()) + ")");
            }
            if (ContractPaths.REQUIRED.contains(field.maps()) && field.hidden()) {
                problem(place + " › hidden", field.maps() + " is required by the contract and cannot be hidden");
            }
        }
    }

    // ---- typed access ----

    private void keys(String at, Map<String, Object> map, Set<String> allowed) {
        map.keySet().stream().filter(key -> !allowed.contains(key)).sorted().forEach(key ->
                problem(join(at, key), "is not a known setting (known: " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")"));
    }

    private String text(String at, Map<String, Object> map, String key, boolean required) {
        Object value = map.get(key);
        if (value == null || value instanceof String text && text.isBlank()) {
            if (required) {
                problem(join(at, key), "is required");
            }
            return null;
        }
        if (value instanceof String text) {
            return text.strip();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        problem(join(at, key), "must be text");
        return null;
    }

    private boolean flag(String at, Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value != null && !(value instanceof Boolean)) {
            problem(join(at, key), "must be true or false");
        }
        return Boolean.TRUE.equals(value);
    }

    private List<?> list(String at, Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value instanceof List<?> items) {
            return items;
        }
        problem(join(at, key), value == null ? "is required" : "must be a list");
        return List.of();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> mapping(String at, Object node) {
        if (node instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        problem(at, "must be a mapping");
        return null;
    }

    private static String place(String list, int index, Object name) {
        return list + "[" + index + "]" + (name == null ? "" : " \"" + name + "\"");
    }

    private static String join(String at, String key) {
        return at.isEmpty() ? key : at + " › " + key;
    }

    private void problem(String at, String detail) {
        problems.add(at + ": " + detail);
    }
}
