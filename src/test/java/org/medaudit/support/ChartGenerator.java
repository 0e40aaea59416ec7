package org.medaudit.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random chart samples that follow the contract (DESIGN.md), as plain maps and lists, for generative tests:
 * every field except ward, audit date and orders comes or goes at random, values come from the contract's
 * vocabularies and plausible ranges, and drugs include some outside the formulary. The same seed gives the same
 * charts, so a failing case can be replayed.
 */
public final class ChartGenerator {

    public static final List<String> WARDS = List.of("AMU", "W12", "W14", "SAU", "ICU", "NCH-REHAB", "NCH-STROKE");
    static final List<String> DRUGS = List.of("paracetamol", "methotrexate", "warfarin", "amoxicillin", "gentamicin",
            "insulin", "morphine", "ibuprofen", "aspirin", "co-careldopa", "digoxin", "enoxaparin", "zopiclone",
            "not-a-real-drug", "Calpol");
    static final List<String> ROUTES = List.of("oral", "iv", "im", "sc", "topical", "inhaled", "pr", "sl",
            "nasogastric", "other");
    static final List<String> FREQUENCIES = List.of("once-daily", "twice-daily", "three-times-daily",
            "four-times-daily", "every-4-hours", "every-6-hours", "every-8-hours", "every-12-hours", "once-weekly",
            "nocte", "mane", "stat", "as-required", "when the nurse feels like it");
    static final List<String> UNITS = List.of("mg", "g", "microgram", "units", "mL");
    static final List<String> REASONS = List.of("none-recorded", "drug-unavailable", "patient-refused",
            "patient-away", "nil-by-mouth", "clinically-withheld");

    private final Random random;
    private final LocalDate today;

    public ChartGenerator(Random random, LocalDate today) {
        this.random = random;
        this.today = today;
    }

    /** A new valid chart. */
    public Map<String, Object> chart() {
        Map<String, Object> chart = new LinkedHashMap<>();
        LocalDate auditDate = today.minusDays(1 + random.nextInt(300));
        chart.put("ward", pick(WARDS));
        chart.put("auditDate", auditDate.toString());
        if (random.nextBoolean()) {
            chart.put("sampleType", pick(List.of("random-monthly", "census")));
        }
        if (random.nextInt(4) > 0) {
            chart.put("patient", patient());
        }
        if (random.nextBoolean()) {
            Map<String, Object> admission = new LinkedHashMap<>();
            admission.put("admittedAt", auditDate.minusDays(2) + "T14:05");
            if (random.nextBoolean()) {
                admission.put("reconciliationStartedAt", auditDate.minusDays(1) + "T09:30");
                admission.put("reconciliationCompletedAt", auditDate.minusDays(1) + "T11:00");
            }
            chart.put("admission", admission);
        }
        if (random.nextBoolean()) {
            chart.put("preAdmissionMedicines", list(3, () -> {
                Map<String, Object> medicine = new LinkedHashMap<>();
                medicine.put("drug", pick(DRUGS));
                medicine.put("dose", 1 + random.nextInt(20));
                medicine.put("unit", pick(UNITS));
                medicine.put("route", pick(ROUTES));
                medicine.put("frequency", pick(FREQUENCIES));
                medicine.put("onChart", random.nextBoolean());
                medicine.put("changeDocumented", random.nextBoolean());
                return medicine;
            }));
        }
        List<Object> orders = list(5, () -> order(auditDate));
        if (orders.isEmpty()) {
            orders.add(order(auditDate));
        }
        chart.put("orders", orders);
        if (random.nextBoolean()) {
            chart.put("omittedDoses", list(2, () -> new LinkedHashMap<>(Map.of("drug", pick(DRUGS), "reasonCode",
                    pick(REASONS)))));
        }
        if (random.nextBoolean()) {
            chart.put("monitoring", list(2, () -> {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("test", pick(List.of("INR", "potassium", "creatinine", "gentamicin level")));
                result.put("date", auditDate.minusDays(1).toString());
                result.put("value", Math.round(random.nextDouble() * 1000) / 10.0);
                return result;
            }));
        }
        return chart;
    }

    private Map<String, Object> patient() {
        Map<String, Object> patient = new LinkedHashMap<>();
        maybe(patient, "ageYears", () -> random.nextInt(106));
        maybe(patient, "sex", () -> pick(List.of("F", "M", "X", "U")));
        maybe(patient, "weightKg", () -> 3 + random.nextInt(1500) / 10.0);
        maybe(patient, "egfr", () -> random.nextInt(120));
        maybe(patient, "crcl", () -> random.nextInt(150));
        maybe(patient, "conditions", () -> list(3, () -> pick(List.of("asthma", "peptic-ulcer-history",
                "heart-failure", "dementia", "ckd"))));
        if (random.nextBoolean()) {
            patient.put("allergyStatus", "drug-allergy");
            patient.put("allergies", list(2, () -> {
                Map<String, Object> allergy = new LinkedHashMap<>();
                allergy.put("substance", pick(List.of("penicillin", "codeine", "latex", "trimethoprim")));
                if (random.nextBoolean()) {
                    allergy.put("reaction", pick(List.of("anaphylaxis", "rash", "nausea")));
                }
                return allergy;
            }));
        } else {
            maybe(patient, "allergyStatus", () -> pick(List.of("none-known", "unable-to-ascertain")));
        }
        return patient;
    }

    private Map<String, Object> order(LocalDate auditDate) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("drug", pick(DRUGS));
        maybe(order, "dose", () -> 1 + random.nextInt(500));
        maybe(order, "unit", () -> pick(UNITS));
        maybe(order, "doseText", () -> pick(List.of("10mg", "1 g", "two tablets", "0.5 mg")));
        maybe(order, "route", () -> pick(ROUTES));
        maybe(order, "frequency", () -> pick(FREQUENCIES));
        if (random.nextBoolean()) {
            boolean prn = random.nextBoolean();
            order.put("prn", prn);
            if (prn && random.nextBoolean()) {
                order.put("prnMaxPer24h", 1 + random.nextInt(8));
            }
        }
        maybe(order, "indication", () -> pick(List.of("pain", "rheumatoid arthritis", "chest infection",
                "atrial fibrillation", "sleep")));
        maybe(order, "startDate", () -> auditDate.minusDays(random.nextInt(5)).toString());
        maybe(order, "reviewDate", () -> auditDate.plusDays(random.nextInt(7)).toString());
        maybe(order, "signed", random::nextBoolean);
        return order;
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private void maybe(Map<String, Object> map, String key, java.util.function.Supplier<Object> value) {
        if (random.nextInt(3) > 0) {
            map.put(key, value.get());
        }
    }

    private List<Object> list(int most, java.util.function.Supplier<Object> item) {
        List<Object> items = new ArrayList<>();
        for (int i = random.nextInt(most + 1); i > 0; i--) {
            items.add(item.get());
        }
        return items;
    }
}
