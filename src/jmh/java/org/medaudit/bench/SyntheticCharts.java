package org.medaudit.bench;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.medaudit.sample.Admission;
import org.medaudit.sample.Allergy;
import org.medaudit.sample.ChartSample;
import org.medaudit.sample.MedicationOrder;
import org.medaudit.sample.MonitoringResult;
import org.medaudit.sample.OmittedDose;
import org.medaudit.sample.Patient;
import org.medaudit.sample.PreAdmissionMedicine;

/**
 * Seeded synthetic audited charts for the benchmark and the baseline agreement test: adult inpatients with 6 to 12
 * orders drawn from the local formulary (and a few medicines it does not list), patient context, admission and
 * reconciliation times, pre-admission medicines and omitted doses, with prescribing and documentation errors at
 * roughly the rates audits report (a few per cent of orders each). The same seed always gives the same charts.
 *
 * <p>Every chart passes {@link org.medaudit.sample.SampleValidator}: it is a chart the service would accept.
 */
public final class SyntheticCharts {

    /** The seed the benchmark and the agreement test use unless told otherwise. */
    public static final long DEFAULT_SEED = 20_260_101L;

    private static final LocalDate FIRST_AUDIT_DAY = LocalDate.of(2025, 1, 6);
    private static final String[] WARDS = {"AMU", "CCU", "W10", "W11", "W12", "ORTHO", "ELDERLY", "SURG1", "RESP"};
    private static final String[] CONDITIONS = {"hypertension", "type-2-diabetes", "atrial-fibrillation", "copd",
        "asthma", "ckd", "heart-failure", "parkinsons-disease", "epilepsy", "rheumatoid-arthritis", "dementia",
        "peptic-ulcer-history", "osteoarthritis", "depression"};
    private static final String[] ALLERGY_SUBSTANCES = {"penicillin", "penicillin", "penicillins", "amoxicillin",
        "co-amoxiclav", "flucloxacillin", "codeine", "morphine", "NSAIDs", "ibuprofen", "aspirin", "clarithromycin",
        "trimethoprim", "sulfonamides", "opiates", "doxycycline", "metformin", "elastoplast"};
    private static final String[] MILD_REACTIONS = {"rash", "urticaria", "nausea", "vomiting", "itch", "diarrhoea",
        "swelling", "unknown", "dizziness", "rash and itch"};
    private static final String[] SEVERE_REACTIONS = {"anaphylaxis", "angioedema", "anaphylactic shock",
        "Stevens-Johnson syndrome", "angio-oedema", "DRESS"};
    private static final String[] FREE_TEXT_FREQUENCIES = {"od", "bd", "tds", "qds", "bd prn", "on", "weekly",
        "alternate days"};
    private static final String[] UNCLEAR_UNITS = {"U", "mgs.", "ug", "tbsp", "iu", "mls"};

    /**
     * How a medicine is usually charted.
     *
     * @param names the name as written (generic first, then brands and other spellings)
     * @param doses typical doses in {@code unit}
     * @param routes usual routes, the first most often
     * @param frequencies usual coded frequencies, the first most often
     * @param prnChance how often it is charted as required
     * @param prnMax the usual maximum in 24 hours, in {@code unit}, for an as-required order (0: none usual)
     * @param chronic usually taken before admission too
     * @param weight how often it appears on charts, relative to the others
     */
    private record Medicine(String[] names, double[] doses, String unit, String[] routes, String[] frequencies,
            double prnChance, double prnMax, String indication, boolean chronic, int weight) {
    }

    private static Medicine m(String names, String doses, String unit, String routes, String frequencies,
            double prnChance, double prnMax, String indication, boolean chronic, int weight) {
        String[] doseTexts = doses.split(",");
        double[] values = new double[doseTexts.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.parseDouble(doseTexts[i].trim());
        }
        return new Medicine(names.split("\\|"), values, unit, routes.split(","), frequencies.split(","), prnChance,
                prnMax, indication, chronic, weight);
    }

    private static final List<Medicine> MEDICINES = List.of(
            // analgesia
            m("paracetamol|Paracetamol|acetaminophen|Panadol", "1000,500,1000", "mg", "oral,iv,oral",
                    "four-times-daily,every-6-hours", 0.45, 4000, "pain", false, 26),
            m("co-codamol 30/500|co-codamol|Co-codamol 8/500|Solpadol", "2,1", "tablets", "oral",
                    "four-times-daily,every-6-hours", 0.5, 8, "pain", true, 9),
            m("co-dydramol", "2,1", "tablets", "oral", "four-times-daily", 0.5, 8, "pain", true, 2),
            m("ibuprofen|Nurofen", "400,200", "mg", "oral,oral,topical", "three-times-daily", 0.3, 1200, "pain",
                    false, 5),
            m("naproxen", "500,250", "mg", "oral", "twice-daily", 0.1, 1000, "pain", true, 3),
            m("diclofenac|Voltarol", "50,75", "mg", "oral,topical,pr", "three-times-daily,twice-daily", 0.1, 150,
                    "pain", false, 2),
            m("morphine sulfate|Oramorph|morphine", "5,10,2.5", "mg", "oral,sc", "every-4-hours", 0.85, 60, "pain",
                    false, 8),
            m("Zomorph|MST continus", "10,20,30", "mg", "oral", "twice-daily", 0.0, 0, "pain", true, 2),
            m("oxycodone|OxyNorm", "5,10,2.5", "mg", "oral,sc", "every-4-hours,every-6-hours", 0.8, 40, "pain",
                    false, 4),
            m("codeine phosphate|codeine", "30,60", "mg", "oral", "four-times-daily", 0.5, 240, "pain", false, 4),
            m("tramadol", "50,100", "mg", "oral", "four-times-daily,every-6-hours", 0.6, 400, "pain", false, 3),
            m("fentanyl|Durogesic", "12,25", "micrograms", "topical", "every-12-hours", 0.0, 0, "pain", true, 1),
            // sedatives
            m("zopiclone|Zimovane", "7.5,3.75", "mg", "oral", "nocte", 0.6, 7.5, "insomnia", true, 5),
            m("lorazepam", "0.5,1", "mg", "oral,im", "twice-daily,four-times-daily", 0.7, 4, "agitation", false, 3),
            m("diazepam", "2,5", "mg", "oral", "three-times-daily,twice-daily", 0.3, 30, "anxiety", true, 2),
            m("temazepam", "10,20", "mg", "oral", "nocte", 0.5, 20, "insomnia", true, 2),
            m("chlordiazepoxide|Librium", "20,10,30", "mg", "oral", "four-times-daily", 0.2, 250,
                    "alcohol withdrawal", false, 1),
            // anti-infectives
            m("amoxicillin|Amoxil", "500,1000", "mg", "oral,iv", "three-times-daily", 0.0, 0, "chest infection",
                    false, 6),
            m("co-amoxiclav|Augmentin", "625,1200", "mg", "oral,iv", "three-times-daily,every-8-hours", 0.0, 0,
                    "chest infection", false, 6),
            m("flucloxacillin", "1000,500,2000", "mg", "iv,oral", "four-times-daily,every-6-hours", 0.0, 0,
                    "cellulitis", false, 4),
            m("piperacillin with tazobactam|Tazocin|pip-taz", "4.5", "g", "iv", "every-8-hours", 0.0, 0, "sepsis",
                    false, 3),
            m("clarithromycin|Klaricid", "500,250", "mg", "oral,iv", "twice-daily", 0.0, 0, "pneumonia", false, 5),
            m("doxycycline", "100,200", "mg", "oral", "once-daily,twice-daily", 0.0, 0, "chest infection", false,
                    3),
            m("nitrofurantoin|Macrobid", "50,100", "mg", "oral", "four-times-daily,twice-daily", 0.0, 0,
                    "urinary tract infection", false, 3),
            m("trimethoprim", "200,100", "mg", "oral", "twice-daily,nocte", 0.0, 0, "urinary tract infection", false,
                    3),
            m("gentamicin", "5,7", "mg", "iv", "once-daily", 0.0, 0, "sepsis", false, 1),
            m("aciclovir", "400,800,10", "mg", "oral,iv", "three-times-daily,every-8-hours", 0.0, 0, "shingles",
                    false, 1),
            m("fluconazole", "50,150", "mg", "oral", "once-daily", 0.0, 0, "oral candida", false, 1),
            // anticoagulants and antiplatelets
            m("enoxaparin|Clexane|Inhixa", "40,40,40,20,80,120", "mg", "sc", "once-daily,once-daily,twice-daily",
                    0.0, 0, "VTE prophylaxis", false, 12),
            m("dalteparin|Fragmin", "5000,2500,10000,15000", "units", "sc", "once-daily", 0.0, 0, "VTE prophylaxis",
                    false, 3),
            m("apixaban|Eliquis", "5,2.5", "mg", "oral", "twice-daily", 0.0, 0, "atrial fibrillation", true, 5),
            m("rivaroxaban|Xarelto", "20,15", "mg", "oral", "once-daily", 0.0, 0, "atrial fibrillation", true, 3),
            m("edoxaban", "60,30", "mg", "oral", "once-daily", 0.0, 0, "atrial fibrillation", true, 1),
            m("warfarin|Warfarin", "3,5,2,4,1", "mg", "oral", "once-daily", 0.0, 0, "atrial fibrillation", true, 4),
            m("aspirin", "75,300", "mg", "oral", "once-daily", 0.0, 0, "secondary prevention", true, 7),
            m("clopidogrel|Plavix", "75", "mg", "oral", "once-daily", 0.0, 0, "secondary prevention", true, 4),
            // diabetes
            m("NovoRapid|insulin aspart", "4,6,8,10", "units", "sc", "three-times-daily", 0.1, 30, "diabetes",
                    true, 4),
            m("Lantus|insulin glargine|Abasaglar", "10,14,20,26", "units", "sc", "once-daily,nocte", 0.0, 0,
                    "diabetes", true, 4),
            m("Actrapid|Humulin I", "6,10", "units", "sc", "twice-daily", 0.0, 0, "diabetes", true, 1),
            m("metformin|Glucophage", "500,1000,850", "mg", "oral", "twice-daily,three-times-daily", 0.0, 0,
                    "type 2 diabetes", true, 7),
            // Parkinson's disease, epilepsy
            m("co-careldopa|Sinemet", "1,2", "tablets", "oral", "three-times-daily,four-times-daily", 0.0, 0,
                    "parkinsons disease", true, 2),
            m("co-beneldopa|Madopar", "1", "capsules", "oral", "three-times-daily", 0.0, 0, "parkinsons disease",
                    true, 1),
            m("ropinirole", "2,4,8", "mg", "oral", "three-times-daily,once-daily", 0.0, 0, "parkinsons disease",
                    true, 1),
            m("levetiracetam|Keppra", "500,750,1000", "mg", "oral,iv", "twice-daily", 0.0, 0, "epilepsy", true, 3),
            m("sodium valproate|Epilim", "500,200", "mg", "oral", "twice-daily", 0.0, 0, "epilepsy", true, 2),
            // other common ward medicines
            m("methotrexate|Maxtrex", "10,15,7.5,20", "mg", "oral,sc", "once-weekly", 0.0, 0,
                    "rheumatoid arthritis", true, 2),
            m("omeprazole|Losec", "20,40", "mg", "oral,iv", "once-daily,twice-daily", 0.0, 0, "gastric protection",
                    true, 9),
            m("lansoprazole", "30,15", "mg", "oral", "once-daily", 0.0, 0, "gastric protection", true, 6),
            m("bisoprolol|Cardicor", "2.5,5,1.25,10", "mg", "oral", "mane,once-daily", 0.0, 0, "atrial fibrillation",
                    true, 7),
            m("propranolol", "10,40", "mg", "oral", "twice-daily,three-times-daily", 0.0, 0, "anxiety", true, 1),
            m("ramipril|Tritace", "2.5,5,10,1.25", "mg", "oral", "once-daily", 0.0, 0, "hypertension", true, 6),
            m("lisinopril", "5,10,20", "mg", "oral", "once-daily", 0.0, 0, "hypertension", true, 2),
            m("furosemide|Lasix|frusemide", "40,20,80", "mg", "oral,iv", "mane,once-daily,twice-daily", 0.0, 0,
                    "heart failure", true, 8),
            m("atorvastatin|Lipitor", "20,40,80,10", "mg", "oral", "nocte,once-daily", 0.0, 0,
                    "secondary prevention", true, 10),
            m("simvastatin", "40,20", "mg", "oral", "nocte", 0.0, 0, "secondary prevention", true, 3),
            // common medicines this formulary does not list: their orders are flagged as not in the formulary
            m("senna|Senna", "15,7.5", "mg", "oral", "nocte", 0.4, 15, "constipation", false, 6),
            m("lactulose", "10,15", "ml", "oral", "twice-daily", 0.3, 30, "constipation", false, 5),
            m("salbutamol|Ventolin", "2,4", "puffs", "inhaled", "four-times-daily", 0.8, 8, "wheeze", true, 4),
            m("Adcal-D3|Accrete D3", "1", "tablet", "oral", "twice-daily", 0.0, 0, "osteoporosis", true, 4),
            m("ondansetron", "4,8", "mg", "oral,iv", "three-times-daily,twice-daily", 0.8, 16, "nausea", false, 4),
            m("levothyroxine", "50,100,75,25", "micrograms", "oral", "once-daily,mane", 0.0, 0, "hypothyroidism",
                    true, 4),
            m("Fortisip", "1", "bottle", "oral", "twice-daily", 0.0, 0, "malnutrition", false, 1));

    private static final int TOTAL_WEIGHT = MEDICINES.stream().mapToInt(Medicine::weight).sum();

    private final SplittableRandom random;

    public SyntheticCharts(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** {@code count} charts from this seed, in order. */
    public static List<ChartSample> generate(long seed, int count) {
        SyntheticCharts charts = new SyntheticCharts(seed);
        List<ChartSample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            samples.add(charts.next());
        }
        return samples;
    }

    /** The next chart. */
    public ChartSample next() {
        LocalDate auditDate = FIRST_AUDIT_DAY.plusDays(random.nextInt(365));
        Admission admission = chance(0.9) ? admission(auditDate) : null;
        LocalDate admitted = admission == null ? auditDate.minusDays(random.nextInt(4))
                : admission.admittedAt().toLocalDate();
        Patient patient = chance(0.97) ? patient() : null;

        int orderCount = 6 + random.nextInt(7); // 6 to 12
        List<Medicine> charted = new ArrayList<>(orderCount);
        List<MedicationOrder> orders = new ArrayList<>(orderCount);
        for (int i = 0; i < orderCount; i++) {
            Medicine medicine = medicine();
            charted.add(medicine);
            orders.add(order(medicine, admitted, auditDate));
        }
        List<PreAdmissionMedicine> preAdmission = chance(0.75) ? preAdmission(charted, orders) : null;
        List<OmittedDose> omitted = chance(0.6) ? omittedDoses(orders) : null;
        List<MonitoringResult> monitoring = chance(0.5) ? monitoring(orders, admitted, auditDate) : null;
        return new ChartSample(pick(WARDS), auditDate, chance(0.8) ? "random-monthly" : "census", patient,
                admission, preAdmission, orders, omitted, monitoring);
    }

    // ---- patient ----

    private Patient patient() {
        int age = Math.min(99, 18 + (int) Math.round(Math.abs(random.nextDouble() + random.nextDouble()
                + random.nextDouble() - 1.5) * 30 + random.nextInt(40)));
        String sex = chance(0.97) ? (chance(0.52) ? "F" : "M") : (chance(0.5) ? "X" : "U");
        Double weight = chance(0.7) ? round1(45 + random.nextDouble() * 65) : null;
        Double egfr = null;
        if (chance(0.82)) {
            // older patients have lower eGFR; a tail of severe impairment
            double expected = 105 - age * 0.7;
            egfr = (double) Math.max(5, Math.min(120, Math.round(expected + gaussian() * 22)));
        }
        Double crcl = egfr != null && chance(0.1) ? round1(egfr * (0.8 + random.nextDouble() * 0.3)) : null;
        List<String> conditions = null;
        if (chance(0.9)) {
            conditions = new ArrayList<>();
            int count = random.nextInt(4);
            for (int i = 0; i < count; i++) {
                String condition = pick(CONDITIONS);
                if (!conditions.contains(condition)) {
                    conditions.add(condition);
                }
            }
        }
        String status;
        List<Allergy> allergies = null;
        double roll = random.nextDouble();
        if (roll < 0.08) {
            status = null; // not documented (ALG-001)
        } else if (roll < 0.65) {
            status = "none-known";
            allergies = chance(0.5) ? List.of() : null;
        } else if (roll < 0.95) {
            status = "drug-allergy";
            allergies = new ArrayList<>();
            int count = 1 + (chance(0.25) ? 1 : 0) + (chance(0.05) ? 1 : 0);
            for (int i = 0; i < count; i++) {
                String reaction = chance(0.12) ? null : chance(0.15) ? pick(SEVERE_REACTIONS) : pick(MILD_REACTIONS);
                allergies.add(new Allergy(pick(ALLERGY_SUBSTANCES), reaction));
            }
        } else {
            status = "unable-to-ascertain";
        }
        return new Patient(age, sex, weight, egfr, crcl, conditions, status, allergies);
    }

    // ---- admission ----

    private Admission admission(LocalDate auditDate) {
        LocalDateTime dayEnd = auditDate.atTime(LocalTime.MAX);
        LocalDateTime admitted = auditDate.minusDays(random.nextInt(7)).atTime(random.nextInt(24),
                random.nextInt(60));
        if (admitted.isAfter(dayEnd.minusHours(1))) {
            admitted = admitted.minusHours(2);
        }
        if (chance(0.04)) {
            return new Admission(admitted, null, null);
        }
        LocalDateTime completed = null;
        if (chance(0.8)) {
            // most within a day; a long tail of late reconciliations
            double hours = chance(0.75) ? 1 + random.nextDouble() * 22 : 20 + random.nextDouble() * 70;
            LocalDateTime at = admitted.plusMinutes(Math.round(hours * 60));
            completed = at.isAfter(dayEnd) ? null : at;
        }
        LocalDateTime started = null;
        if (completed != null) {
            started = completed.minusMinutes(10 + random.nextInt(170));
            if (started.isBefore(admitted)) {
                started = admitted;
            }
        } else if (chance(0.4)) {
            LocalDateTime at = admitted.plusMinutes(30 + random.nextInt(20 * 60));
            started = at.isAfter(dayEnd) ? null : at;
        }
        return new Admission(admitted, started, completed);
    }

    // ---- orders ----

    private Medicine medicine() {
        int roll = random.nextInt(TOTAL_WEIGHT);
        for (Medicine medicine : MEDICINES) {
            roll -= medicine.weight();
            if (roll < 0) {
                return medicine;
            }
        }
        throw new IllegalStateException("weights");
    }

    private MedicationOrder order(Medicine medicine, LocalDate admitted, LocalDate auditDate) {
        String drug = chance(0.7) ? medicine.names()[0] : pick(medicine.names());
        if (chance(0.01)) {
            drug = misspelt(drug); // not in the formulary as written
        }
        Double dose = medicine.doses()[random.nextInt(medicine.doses().length)];
        String unit = medicine.unit();
        String route = pick(medicine.routes());
        String frequency = weightedFirst(medicine.frequencies());
        boolean prn = chance(medicine.prnChance());
        Double prnMax = null;
        if (prn) {
            if (chance(0.25)) {
                frequency = "as-required";
            }
            prnMax = medicine.prnMax() > 0 && chance(0.8) ? medicine.prnMax() : null;
        }
        String doseText = text(dose) + (chance(0.5) ? " " : "") + unit;
        // injected errors, each at a rate of a few per cent of orders
        if ("units".equals(unit) && chance(0.1)) {
            doseText = text(dose) + (chance(0.6) ? "U" : " IU"); // insulin abbreviation
        }
        if (chance(0.015)) {
            unit = pick(UNCLEAR_UNITS);
            doseText = text(dose) + " " + unit;
        } else if (chance(0.008)) {
            unit = null;
            doseText = text(dose);
        }
        if (chance(0.025)) {
            doseText = chance(0.5) ? "as directed" : null;
            dose = null;
        }
        if (chance(0.015)) {
            route = null;
        }
        if (chance(0.03)) {
            frequency = pick(FREE_TEXT_FREQUENCIES);
        } else if (chance(0.015) || (prn && chance(0.15))) {
            frequency = null;
        }
        if (drug.toLowerCase().contains("methotrexate") && chance(0.15)) {
            frequency = "once-daily"; // the classic error
        }
        Boolean signed = chance(0.2) ? null : !chance(0.04);
        LocalDate start = admitted.plusDays(random.nextInt(1 + (int) (auditDate.toEpochDay() - admitted.toEpochDay())));
        LocalDate review = chance(0.15) ? start.plusDays(2 + random.nextInt(6)) : null;
        // a regular order usually says prn: false, sometimes nothing
        Boolean prnField = prn ? Boolean.TRUE : chance(0.85) ? Boolean.FALSE : null;
        return new MedicationOrder(drug, dose, unit, chance(0.9) ? doseText : null, route, frequency, prnField, prnMax,
                chance(0.7) ? medicine.indication() : null,
                chance(0.9) ? start : null, review, signed);
    }

    private String misspelt(String drug) {
        int at = 1 + random.nextInt(Math.max(1, drug.length() - 2));
        return drug.substring(0, at) + drug.substring(Math.min(drug.length(), at + 1));
    }

    // ---- pre-admission medicines ----

    private List<PreAdmissionMedicine> preAdmission(List<Medicine> charted, List<MedicationOrder> orders) {
        List<PreAdmissionMedicine> medicines = new ArrayList<>();
        if (chance(0.1)) {
            return medicines; // recorded as none
        }
        for (int i = 0; i < orders.size(); i++) {
            Medicine medicine = charted.get(i);
            MedicationOrder order = orders.get(i);
            if (!medicine.chronic() || !chance(0.75)) {
                continue;
            }
            // the name used at home may be a brand or the generic
            String drug = chance(0.7) ? order.drug() : pick(medicine.names());
            Double dose = order.dose() == null ? medicine.doses()[0] : order.dose();
            String unit = order.unit() == null ? medicine.unit() : order.unit();
            String route = order.route() == null ? medicine.routes()[0] : order.route();
            String frequency = order.frequency();
            Boolean changeDocumented = chance(0.8) ? null : chance(0.5);
            if (chance(0.1)) { // a changed dose or frequency: intended or not
                if (chance(0.6)) {
                    dose = medicine.doses()[random.nextInt(medicine.doses().length)] * (chance(0.5) ? 2 : 1);
                } else {
                    frequency = pick(medicine.frequencies());
                }
                changeDocumented = chance(0.4);
            }
            Boolean onChart = chance(0.03) ? null : Boolean.TRUE;
            medicines.add(new PreAdmissionMedicine(drug, dose, unit, route, frequency, onChart, changeDocumented));
        }
        int missing = chance(0.3) ? 1 + (chance(0.3) ? 1 : 0) : 0;
        for (int i = 0; i < missing; i++) {
            Medicine medicine;
            do {
                medicine = medicine();
            } while (!medicine.chronic());
            Boolean changeDocumented = chance(0.6) ? Boolean.TRUE : chance(0.6) ? Boolean.FALSE : null;
            medicines.add(new PreAdmissionMedicine(medicine.names()[0], medicine.doses()[0], medicine.unit(),
                    medicine.routes()[0], medicine.frequencies()[0], false, changeDocumented));
        }
        return medicines;
    }

    // ---- omitted doses and monitoring ----

    private List<OmittedDose> omittedDoses(List<MedicationOrder> orders) {
        List<OmittedDose> omitted = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            MedicationOrder order = orders.get(random.nextInt(orders.size()));
            double roll = random.nextDouble();
            String reason = roll < 0.3 ? "patient-refused" : roll < 0.5 ? "none-recorded"
                    : roll < 0.6 ? "drug-unavailable" : roll < 0.75 ? "nil-by-mouth"
                    : roll < 0.9 ? "clinically-withheld" : roll < 0.95 ? "patient-away" : null;
            omitted.add(new OmittedDose(order.drug(), reason));
        }
        return omitted;
    }

    private List<MonitoringResult> monitoring(List<MedicationOrder> orders, LocalDate admitted, LocalDate auditDate) {
        List<MonitoringResult> results = new ArrayList<>();
        LocalDate date = admitted.isAfter(auditDate) ? auditDate : admitted;
        results.add(new MonitoringResult("potassium", date, round1(3.2 + random.nextDouble() * 2.4)));
        results.add(new MonitoringResult("creatinine", date, (double) (50 + random.nextInt(250))));
        if (orders.stream().anyMatch(o -> o.drug().toLowerCase().contains("warfarin"))) {
            results.add(new MonitoringResult("INR", auditDate, round1(1.2 + random.nextDouble() * 4)));
        }
        return results;
    }

    // ---- helpers ----

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** The first value half the time, otherwise any. */
    private String weightedFirst(String[] values) {
        return chance(0.5) ? values[0] : pick(values);
    }

    private double gaussian() {
        // Irwin-Hall: close enough to normal for synthetic data, and cheap
        double sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += random.nextDouble();
        }
        return sum - 6;
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String text(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
