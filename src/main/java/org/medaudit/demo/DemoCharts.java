package org.medaudit.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic synthetic audited charts for the demo network: mostly well-written orders, with the prescribing errors
 * and reconciliation gaps real audits find mixed in at a rate the caller chooses. Charts are built as the same
 * nested maps a JSON body parses to, so they enter through the ordinary intake and its checks. Seeded: the same
 * seed gives the same charts.
 */
final class DemoCharts {

    /** Well-written orders: drug, dose, unit, route, frequency. */
    private static final List<Object[]> CLEAN_ORDERS = List.of(
            new Object[] {"paracetamol", 1, "g", "oral", "four-times-daily"},
            new Object[] {"amlodipine", 5, "mg", "oral", "once-daily"},
            new Object[] {"atorvastatin", 20, "mg", "oral", "nocte"},
            new Object[] {"bisoprolol", 2.5, "mg", "oral", "once-daily"},
            new Object[] {"ramipril", 5, "mg", "oral", "once-daily"},
            new Object[] {"lansoprazole", 30, "mg", "oral", "once-daily"},
            new Object[] {"furosemide", 40, "mg", "oral", "mane"},
            new Object[] {"senna", 15, "mg", "oral", "nocte"},
            new Object[] {"enoxaparin", 40, "mg", "sc", "once-daily"},
            new Object[] {"levothyroxine", 100, "micrograms", "oral", "once-daily"},
            new Object[] {"metformin", 500, "mg", "oral", "twice-daily"},
            new Object[] {"amoxicillin", 500, "mg", "oral", "three-times-daily"});

    /** The errors audits commonly find, each as a change to an otherwise good chart. */
    private enum Error {
        METHOTREXATE_DAILY, NSAID_LOW_EGFR, ROUTE_MISSING, DOSE_MISSING, UNSIGNED, PRN_NO_MAXIMUM, INSULIN_U,
        OMITTED_CRITICAL, UNRECONCILED, RECONCILED_LATE, ALLERGY_STATUS_MISSING
    }

    private final Random random;

    DemoCharts(long seed) {
        this.random = new Random(seed);
    }

    /**
     * One chart for the ward on the day; {@code errorRate} is the chance that each kind of error appears, so the
     * number of findings per chart rises and falls with it.
     */
    Map<String, Object> chart(String ward, LocalDate day, double errorRate) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("ward", ward);
        chart.put("auditDate", day.toString());
        chart.put("sampleType", "random-monthly");
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("ageYears", 45 + random.nextInt(50));
        patient.put("sex", random.nextBoolean() ? "F" : "M");
        patient.put("weightKg", 50 + random.nextInt(50));
        patient.put("egfr", 35 + random.nextInt(60));
        patient.put("allergyStatus", random.nextInt(5) == 0 ? "drug-allergy" : "none-known");
        if ("drug-allergy".equals(patient.get("allergyStatus"))) {
            patient.put("allergies", List.of(Map.of("substance", "penicillin", "reaction", "rash")));
        }
        chart.put("patient", patient);
        LocalDateTime admitted = day.minusDays(1 + random.nextInt(4)).atTime(8 + random.nextInt(12), 0);
        Map<String, Object> admission = new LinkedHashMap<>();
        admission.put("admittedAt", admitted.toString());
        admission.put("reconciliationCompletedAt", admitted.plusHours(2 + random.nextInt(18)).toString());
        chart.put("admission", admission);
        List<Map<String, Object>> orders = new ArrayList<>();
        int count = 4 + random.nextInt(8);
        for (int i = 0; i < count; i++) {
            Object[] order = CLEAN_ORDERS.get(random.nextInt(CLEAN_ORDERS.size()));
            if (orders.stream().noneMatch(o -> o.get("drug").equals(order[0]))) {
                orders.add(order(order));
            }
        }
        chart.put("orders", orders);
        List<Map<String, Object>> preAdmission = new ArrayList<>();
        preAdmission.add(new LinkedHashMap<>(Map.of("drug", orders.get(0).get("drug"), "onChart", true)));
        chart.put("preAdmissionMedicines", preAdmission);
        chart.put("omittedDoses", new ArrayList<>());
        for (Error error : Error.values()) {
            if (random.nextDouble() < errorRate) {
                introduce(error, chart, patient, admission, orders, preAdmission);
            }
        }
        LocalDate started = LocalDateTime.parse((String) admission.get("admittedAt")).toLocalDate();
        orders.forEach(order -> {
            order.put("startDate", started.toString());
            order.put("reviewDate", started.plusDays(5).toString());
        });
        return chart;
    }

    @SuppressWarnings("unchecked")
    private void introduce(Error error, Map<String, Object> chart, Map<String, Object> patient,
            Map<String, Object> admission, List<Map<String, Object>> orders, List<Map<String, Object>> preAdmission) {
        switch (error) {
            case METHOTREXATE_DAILY -> orders.add(order(new Object[] {"methotrexate", 10, "mg", "oral", "once-daily"}));
            case NSAID_LOW_EGFR -> {
                patient.put("egfr", 25 + random.nextInt(15));
                orders.add(order(new Object[] {"ibuprofen", 400, "mg", "oral", "three-times-daily"}));
            }
            case ROUTE_MISSING -> orders.get(random.nextInt(orders.size())).remove("route");
            case DOSE_MISSING -> orders.get(random.nextInt(orders.size())).remove("dose");
            case UNSIGNED -> orders.get(random.nextInt(orders.size())).put("signed", false);
            case PRN_NO_MAXIMUM -> {
                Map<String, Object> prn = order(new Object[] {"oxycodone", 5, "mg", "oral", "as-required"});
                prn.put("prn", true);
                prn.put("indication", "pain");
                orders.add(prn);
            }
            case INSULIN_U -> {
                Map<String, Object> insulin = order(new Object[] {"insulin glargine", 10, "units", "sc", "once-daily"});
                insulin.put("doseText", "10 U");
                orders.add(insulin);
            }
            case OMITTED_CRITICAL -> ((List<Map<String, Object>>) chart.get("omittedDoses"))
                    .add(Map.of("drug", "co-careldopa", "reasonCode", "none-recorded"));
            case UNRECONCILED -> preAdmission.add(new LinkedHashMap<>(Map.of("drug", "warfarin", "dose", 3,
                    "unit", "mg", "route", "oral", "frequency", "once-daily", "onChart", false,
                    "changeDocumented", false)));
            case RECONCILED_LATE -> {
                // Admitted three days before the audit, so a late reconciliation still precedes the audit day.
                LocalDateTime admitted = LocalDate.parse((String) chart.get("auditDate")).minusDays(3).atTime(9, 0);
                admission.put("admittedAt", admitted.toString());
                admission.put("reconciliationCompletedAt", admitted.plusHours(30 + random.nextInt(30)).toString());
            }
            case ALLERGY_STATUS_MISSING -> {
                patient.remove("allergyStatus");
                patient.remove("allergies");
            }
            default -> throw new IllegalStateException("Unknown demo error " + error);
        }
    }

    private static Map<String, Object> order(Object[] order) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("drug", order[0]);
        map.put("dose", order[1]);
        map.put("unit", order[2]);
        map.put("route", order[3]);
        map.put("frequency", order[4]);
        map.put("indication", "as documented");
        map.put("signed", true);
        return map;
    }
}
