package org.medaudit.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.medaudit.system.FieldError;

/**
 * Reads a parsed chart sample (from JSON, YAML or a mapped CSV row) into a {@link ChartSample}, checking the
 * shape of the contract: known fields only, the right type for each, dates in ISO form, and bounded sizes.
 * Every problem is collected with its JSON pointer, so that one answer lists them all.
 *
 * <p>Unknown fields are refused rather than ignored: a field outside the contract could carry an identifier.
 * Meaning (vocabularies, ranges, dates in order) is checked afterwards by {@link SampleValidator}.
 */
public final class ChartSampleReader {

    /** Longest accepted text value; chart text fields are short codes and phrases. */
    public static final int MAX_TEXT = 200;
    /** Most items in any list: far more orders than any chart carries. */
    public static final int MAX_ITEMS = 200;

    private static final Set<String> SAMPLE_FIELDS = Set.of("ward", "auditDate", "sampleType", "patient", "admission",
            "preAdmissionMedicines", "orders", "omittedDoses", "monitoring");
    private static final Set<String> PATIENT_FIELDS = Set.of("ageYears", "sex", "weightKg", "egfr", "crcl",
            "conditions", "allergyStatus", "allergies");
    private static final Set<String> ALLERGY_FIELDS = Set.of("substance", "reaction");
    private static final Set<String> ADMISSION_FIELDS = Set.of("admittedAt", "reconciliationStartedAt",
            "reconciliationCompletedAt");
    private static final Set<String> PRE_ADMISSION_FIELDS = Set.of("drug", "dose", "unit", "route", "frequency",
            "onChart", "changeDocumented");
    private static final Set<String> ORDER_FIELDS = Set.of("drug", "dose", "unit", "doseText", "route", "frequency",
            "prn", "prnMaxPer24h", "indication", "startDate", "reviewDate", "signed");
    private static final Set<String> OMITTED_FIELDS = Set.of("drug", "reasonCode");
    private static final Set<String> MONITORING_FIELDS = Set.of("test", "date", "value");

    private final List<FieldError> errors = new ArrayList<>();

    private ChartSampleReader() {
    }

    /**
     * The outcome of reading: every error, and the sample as far as it could be read (wrongly typed values and
     * items are null), so that its meaning can be checked too and one answer lists every problem. The sample is
     * null only when the document is not an object at all.
     */
    public record Result(ChartSample sample, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Result read(Object tree) {
        ChartSampleReader reader = new ChartSampleReader();
        ChartSample sample = reader.sample(tree);
        if (tree == null) {
            reader.error("", "a chart sample (a JSON object) is required");
        }
        return new Result(sample, List.copyOf(reader.errors));
    }

    private ChartSample sample(Object tree) {
        Map<String, Object> map = object("", tree, SAMPLE_FIELDS);
        if (map == null) {
            return null;
        }
        String ward = requiredText(map, "", "ward");
        LocalDate auditDate = requiredDate(map, "", "auditDate");
        String sampleType = text(map, "", "sampleType");
        Patient patient = patient(map.get("patient"));
        Admission admission = admission(map.get("admission"));
        List<PreAdmissionMedicine> preAdmission = list(map, "", "preAdmissionMedicines", this::preAdmission);
        if (map.get("orders") == null) {
            error("/orders", "is required: list the medication orders audited on the chart");
        }
        List<MedicationOrder> orders = list(map, "", "orders", this::order);
        List<OmittedDose> omittedDoses = list(map, "", "omittedDoses", this::omittedDose);
        List<MonitoringResult> monitoring = list(map, "", "monitoring", this::monitoringResult);
        return new ChartSample(ward, auditDate, sampleType, patient, admission, preAdmission, orders, omittedDoses,
                monitoring);
    }

    private Patient patient(Object node) {
        Map<String, Object> map = object("/patient", node, PATIENT_FIELDS);
        if (map == null) {
            return null;
        }
        String at = "/patient";
        return new Patient(integer(map, at, "ageYears"), text(map, at, "sex"), number(map, at, "weightKg"),
                number(map, at, "egfr"), number(map, at, "crcl"), list(map, at, "conditions", this::listText),
                text(map, at, "allergyStatus"), list(map, at, "allergies", this::allergy));
    }

    private Allergy allergy(String at, Object node) {
        Map<String, Object> map = object(at, node, ALLERGY_FIELDS);
        return map == null ? null : new Allergy(requiredText(map, at, "substance"), text(map, at, "reaction"));
    }

    private Admission admission(Object node) {
        Map<String, Object> map = object("/admission", node, ADMISSION_FIELDS);
        if (map == null) {
            return null;
        }
        String at = "/admission";
        return new Admission(dateTime(map, at, "admittedAt"), dateTime(map, at, "reconciliationStartedAt"),
                dateTime(map, at, "reconciliationCompletedAt"));
    }

    private PreAdmissionMedicine preAdmission(String at, Object node) {
        Map<String, Object> map = object(at, node, PRE_ADMISSION_FIELDS);
        return map == null ? null : new PreAdmissionMedicine(requiredText(map, at, "drug"), number(map, at, "dose"),
                text(map, at, "unit"), text(map, at, "route"), text(map, at, "frequency"),
                bool(map, at, "onChart"), bool(map, at, "changeDocumented"));
    }

    private MedicationOrder order(String at, Object node) {
        Map<String, Object> map = object(at, node, ORDER_FIELDS);
        return map == null ? null : new MedicationOrder(requiredText(map, at, "drug"), number(map, at, "dose"),
                text(map, at, "unit"), text(map, at, "doseText"), text(map, at, "route"), text(map, at, "frequency"),
                bool(map, at, "prn"), number(map, at, "prnMaxPer24h"), text(map, at, "indication"),
                date(map, at, "startDate"), date(map, at, "reviewDate"), bool(map, at, "signed"));
    }

    private OmittedDose omittedDose(String at, Object node) {
        Map<String, Object> map = object(at, node, OMITTED_FIELDS);
        return map == null ? null : new OmittedDose(requiredText(map, at, "drug"), text(map, at, "reasonCode"));
    }

    private MonitoringResult monitoringResult(String at, Object node) {
        Map<String, Object> map = object(at, node, MONITORING_FIELDS);
        return map == null ? null : new MonitoringResult(requiredText(map, at, "test"), date(map, at, "date"),
                number(map, at, "value"));
    }

    // ---- typed access, each recording its own error ----

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(String at, Object node, Set<String> fields) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof Map<?, ?> map)) {
            error(at, "must be an object");
            return null;
        }
        map.keySet().stream().map(String::valueOf).filter(key -> !fields.contains(key)).sorted().forEach(key ->
                error(at + "/" + escape(key), "is not a field of the chart-sample contract; MedAudit stores no "
                        + "other fields, so that no identifier or copied free text can enter it"));
        return (Map<String, Object>) map;
    }

    private <T> List<T> list(Map<String, Object> map, String at, String key, BiFunction<String, Object, T> item) {
        Object node = map.get(key);
        String pointer = at + "/" + key;
        if (node == null) {
            return null;
        }
        if (!(node instanceof List<?> items)) {
            error(pointer, "must be a list");
            return null;
        }
        if (items.size() > MAX_ITEMS) {
            error(pointer, "has " + items.size() + " items; at most " + MAX_ITEMS + " are accepted");
            return null;
        }
        List<T> values = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String itemPointer = pointer + "/" + i;
            if (items.get(i) == null) {
                error(itemPointer, "must not be null");
            } else {
                values.add(item.apply(itemPointer, items.get(i)));
            }
        }
        return values;
    }

    private String listText(String at, Object node) {
        return checkedText(at, node);
    }

    private String requiredText(Map<String, Object> map, String at, String key) {
        if (map.get(key) == null) {
            error(at + "/" + key, "is required");
            return null;
        }
        return text(map, at, key);
    }

    private String text(Map<String, Object> map, String at, String key) {
        Object node = map.get(key);
        return node == null ? null : checkedText(at + "/" + key, node);
    }

    private String checkedText(String pointer, Object node) {
        if (!(node instanceof String text)) {
            error(pointer, "must be text");
            return null;
        }
        if (text.isBlank()) {
            error(pointer, "must not be blank (leave the field out when it was not recorded)");
            return null;
        }
        if (text.length() > MAX_TEXT) {
            error(pointer, "is " + text.length() + " characters long; at most " + MAX_TEXT + " are accepted");
            return null;
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c))) {
            error(pointer, "must not contain control characters");
            return null;
        }
        if (!wellFormed(text)) {
            // A lone surrogate (a JSON \ud800 escape, or UTF-8-encoded surrogate bytes) is no character at all.
            error(pointer, "must be valid Unicode text (it contains a broken character)");
            return null;
        }
        return text.strip();
    }

    private Double number(Map<String, Object> map, String at, String key) {
        Object node = map.get(key);
        if (node == null) {
            return null;
        }
        if (!(node instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            error(at + "/" + key, "must be a number");
            return null;
        }
        return number.doubleValue();
    }

    private Integer integer(Map<String, Object> map, String at, String key) {
        Double number = number(map, at, key);
        if (number == null) {
            return null;
        }
        if (number != Math.rint(number) || Math.abs(number) > Integer.MAX_VALUE) {
            error(at + "/" + key, "must be a whole number");
            return null;
        }
        return number.intValue();
    }

    private Boolean bool(Map<String, Object> map, String at, String key) {
        Object node = map.get(key);
        if (node == null) {
            return null;
        }
        if (!(node instanceof Boolean value)) {
            error(at + "/" + key, "must be true or false");
            return null;
        }
        return value;
    }

    private LocalDate requiredDate(Map<String, Object> map, String at, String key) {
        if (map.get(key) == null) {
            error(at + "/" + key, "is required (a date such as 2026-10-14)");
            return null;
        }
        return date(map, at, key);
    }

    private LocalDate date(Map<String, Object> map, String at, String key) {
        String text = text(map, at, key);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            error(at + "/" + key, "must be a date written YYYY-MM-DD, such as 2026-10-14");
            return null;
        }
    }

    private LocalDateTime dateTime(Map<String, Object> map, String at, String key) {
        String text = text(map, at, key);
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            error(at + "/" + key, "must be a local date and time written YYYY-MM-DDTHH:MM, such as 2026-10-12T14:05");
            return null;
        }
    }

    private void error(String pointer, String detail) {
        errors.add(new FieldError(pointer, detail));
    }

    /** Whether every surrogate in the text is half of a pair. */
    private static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** RFC 6901: "~" and "/" inside a key are escaped. */
    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
