package org.medaudit.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.medaudit.rules.ChartFacts;
import org.medaudit.rules.RuleBook;
import org.medaudit.rules.RuleFinding;
import org.medaudit.rules.RuleInfo;
import org.medaudit.rules.Taxonomy;
import org.medaudit.rules.fact.Admission;
import org.medaudit.rules.fact.Allergy;
import org.medaudit.rules.fact.Numbers;
import org.medaudit.rules.fact.Omission;
import org.medaudit.rules.fact.Order;
import org.medaudit.rules.fact.Patient;
import org.medaudit.rules.fact.PreAdmission;
import org.medaudit.rules.reference.ReferenceData;
import org.medaudit.sample.ChartSample;

/**
 * The baseline of the rule-engine benchmark: the checks of a fixed subset of the rule book ({@link #RULE_IDS}, the 24
 * rules of the first rule library: allergy, high-risk medicines, renal, documentation, reconciliation and omitted
 * doses), written by hand in plain Java over the same facts {@link ChartFacts} gives the rules, with the same
 * messages and the same de-duplication and order of findings as {@link org.medaudit.rules.FindingCollector}.
 *
 * <p>It exists only to measure what the rule engine costs; the rules in {@code rules/} stay the single source of
 * truth. {@code HandWrittenChecksAgreeTest} proves that the two give the same findings on thousands of synthetic
 * charts. Each method below names the rule file it follows; a change to one of those rules must be made here too
 * (the test says so when it is not).
 *
 * <p>Thread-safe: it holds only immutable reference data.
 */
public final class HandWrittenChecks {

    /** The rules this baseline implements, in id order. Rules added to the library later are not in it. */
    public static final List<String> RULE_IDS = List.of(
            "ALG-001", "ALG-002", "ALG-003", "ALG-004", "ALG-005",
            "DOC-001", "DOC-002", "DOC-003", "DOC-004", "DOC-005", "DOC-006", "DOC-007",
            "HRM-001", "HRM-002", "HRM-003", "HRM-004", "HRM-005",
            "OMD-001",
            "REC-001", "REC-002", "REC-003",
            "REN-001", "REN-002", "REN-003");

    private final ChartFacts chartFacts;
    private final Map<String, RuleInfo> rules = new HashMap<>();
    private final Map<String, Integer> severityRank = new HashMap<>();
    private final double nsaidEgfrBelow;
    private final double metforminEgfrBelow;
    private final double nitrofurantoinEgfrBelow;
    private final double paracetamolMaxDailyMg;
    private final double reconciliationWithinHours;
    /** Most severe first, then by order and rule: {@code FindingCollector.findings()}. */
    private final Comparator<RuleFinding> findingOrder = Comparator
            .comparingInt((RuleFinding f) -> -severityRank.get(f.ruleId()))
            .thenComparing(f -> f.orderIndex() == null ? -1 : f.orderIndex())
            .thenComparing(RuleFinding::ruleId)
            .thenComparing(f -> f.drug() == null ? "" : f.drug());

    /** The baseline for the rules of this rule book (its reference data, and its catalogue for rule metadata). */
    public HandWrittenChecks(RuleBook ruleBook) {
        this(ruleBook.reference(), ruleBook.rules());
    }

    /**
     * @param reference the reference data the facts are resolved against, and the thresholds
     * @param catalogue rule metadata (name, category, error type, severity, source) for each id in {@link #RULE_IDS}
     */
    public HandWrittenChecks(ReferenceData reference, Collection<RuleInfo> catalogue) {
        this.chartFacts = new ChartFacts(reference);
        for (RuleInfo rule : catalogue) {
            if (RULE_IDS.contains(rule.id())) {
                rules.put(rule.id(), rule);
                severityRank.put(rule.id(), Taxonomy.severityRank(rule.severity()));
            }
        }
        List<String> missing = RULE_IDS.stream().filter(id -> !rules.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("The rule book has no rule " + missing
                    + ": the hand-written baseline no longer matches the rule library");
        }
        nsaidEgfrBelow = reference.threshold("renal.nsaid.egfr-below").value();
        metforminEgfrBelow = reference.threshold("renal.metformin.egfr-below").value();
        nitrofurantoinEgfrBelow = reference.threshold("renal.nitrofurantoin.egfr-below").value();
        paracetamolMaxDailyMg = reference.threshold("paracetamol.max-daily-mg").value();
        reconciliationWithinHours = reference.threshold("reconciliation.within-hours").value();
    }

    /** Every finding of the subset's rules for one chart, most severe first, as {@link RuleBook#evaluate} has them. */
    public List<RuleFinding> evaluate(ChartSample sample) {
        return check(chartFacts.of(sample));
    }

    /** The same, over facts already built. */
    public List<RuleFinding> check(List<Object> facts) {
        Patient patient = null;
        Admission admission = null;
        List<Order> orders = new ArrayList<>(16);
        List<Allergy> allergies = new ArrayList<>(4);
        List<PreAdmission> preAdmission = new ArrayList<>(8);
        List<Omission> omissions = new ArrayList<>(4);
        for (Object fact : facts) {
            if (fact instanceof Order order) {
                orders.add(order);
            } else if (fact instanceof Allergy allergy) {
                allergies.add(allergy);
            } else if (fact instanceof PreAdmission medicine) {
                preAdmission.add(medicine);
            } else if (fact instanceof Omission omission) {
                omissions.add(omission);
            } else if (fact instanceof Patient p) {
                patient = p;
            } else if (fact instanceof Admission a) {
                admission = a;
            }
        }
        Findings findings = new Findings();
        allergy(patient, orders, allergies, findings);
        highRiskMedicines(orders, findings);
        renal(patient, orders, findings);
        documentation(orders, findings);
        reconciliation(admission, preAdmission, orders, findings);
        omittedDoses(omissions, findings);
        return findings.sorted();
    }

    // ---- rules/allergy/allergy.drl ----

    private void allergy(Patient patient, List<Order> orders, List<Allergy> allergies, Findings findings) {
        if (patient != null && patient.allergyStatus() == null) {
            findings.flag("ALG-001", Kind.PATIENT, null, null, () -> "Drug allergy status is not documented on the "
                    + "chart; record 'drug allergy', 'none known' or 'unable to ascertain' before prescribing.");
        }
        if (allergies.isEmpty()) {
            return;
        }
        // Where several allergies match one order the finding names one of them, the one whose match Drools fires
        // first: today the last matching allergy for ALG-002 and ALG-004, the first severe one for ALG-003 and
        // ALG-005 (an engine detail; the agreement test notices if it changes).
        Allergy penicillinAllergy = null;
        for (Allergy allergy : allergies) {
            if (allergy.covers("penicillin")) {
                penicillinAllergy = allergy;
            }
        }
        for (Order order : orders) {
            Allergy conflicting = null; // the last
            Allergy severe = null; // the first
            for (Allergy allergy : allergies) {
                if (allergy.conflictsWith(order)) {
                    conflicting = allergy;
                    if (severe == null && allergy.severeReaction()) {
                        severe = allergy;
                    }
                }
            }
            boolean penicillinAgainstPenicillinAllergy = penicillinAllergy != null && order.hasClass("penicillin");
            if (penicillinAgainstPenicillinAllergy) {
                if (severe == null) {
                    Allergy allergy = penicillinAllergy;
                    findings.flag("ALG-002", Kind.ORDER, order.drug(), order.index(), () -> "The order for "
                            + order.drug() + " contains a penicillin, but the patient has a recorded allergy to "
                            + allergy.substance() + reaction(allergy));
                } else {
                    Allergy reaction = severe;
                    findings.flag("ALG-003", Kind.ORDER, order.drug(), order.index(), () -> "The order for "
                            + order.drug() + " contains a penicillin, but the patient has had a severe reaction ("
                            + reaction.reaction() + ") to " + reaction.substance() + ".");
                }
            } else if (severe != null) {
                Allergy reaction = severe;
                findings.flag("ALG-005", Kind.ORDER, order.drug(), order.index(), () -> "The order for "
                        + order.drug() + " is covered by the patient's recorded allergy to " + reaction.substance()
                        + ", with a previous severe reaction (" + reaction.reaction() + ").");
            } else if (conflicting != null) {
                Allergy allergy = conflicting;
                findings.flag("ALG-004", Kind.ORDER, order.drug(), order.index(), () -> "The order for "
                        + order.drug() + " is covered by the patient's recorded allergy to " + allergy.substance()
                        + reaction(allergy));
            }
        }
    }

    private static String reaction(Allergy allergy) {
        return allergy.reaction() == null ? " (reaction not recorded)." : " (reaction: " + allergy.reaction() + ").";
    }

    // ---- rules/high-risk-medicines/high-risk-medicines.drl ----

    private void highRiskMedicines(List<Order> orders, Findings findings) {
        List<String> opioids = null;
        double paracetamolMg = 0;
        for (Order order : orders) {
            if (order.hasIngredient("methotrexate") && "oral".equals(order.route()) && order.frequencyRecognised()
                    && !order.frequency().equals("once-weekly") && !order.frequency().equals("stat")) {
                findings.flag("HRM-001", Kind.ORDER, order.drug(), order.index(), () -> "Oral methotrexate is "
                        + "prescribed " + order.frequency() + "; it must be once weekly, on a stated day.");
            }
            if (order.hasClass("insulin") && order.usesAbbreviation("units")) {
                findings.flag("HRM-002", Kind.ORDER, order.drug(), order.index(), () -> "The insulin dose is written \""
                        + order.doseText() + "\"; \"units\" must be written in full, never \"U\" or \"IU\".");
            }
            if (order.hasClass("opioid")) {
                if (opioids == null) {
                    opioids = new ArrayList<>(4);
                }
                opioids.add(0, order.drug()); // Drools' collectList holds the most recently inserted order first
            }
            if (order.hasIngredient("paracetamol")) {
                paracetamolMg += order.dailyMgOf("paracetamol");
            }
        }
        if (opioids != null) {
            List<String> opioidNames = opioids;
            for (Order sedative : orders) {
                if (sedative.hasClass("benzodiazepine") || sedative.hasClass("z-drug")) {
                    findings.flag("HRM-003", Kind.ORDER, sedative.drug(), sedative.index(), () -> "A sedative ("
                            + sedative.drug() + ") is prescribed with an opioid (" + String.join(", ", opioidNames)
                            + "); co-prescribe only when there is no alternative, at the lowest dose for the shortest "
                            + "time, with monitoring for respiratory depression and sedation.");
                }
            }
        }
        if (paracetamolMg > paracetamolMaxDailyMg) {
            double total = paracetamolMg;
            findings.flag("HRM-004", Kind.DRUG_NAME, "paracetamol", null, () -> "The paracetamol-containing orders "
                    + "allow up to " + Numbers.plain(total) + " mg of paracetamol in 24 hours in total, above the "
                    + "maximum of " + Numbers.plain(paracetamolMaxDailyMg) + " mg.");
        }
        for (Order second : orders) {
            if (!second.hasClass("anticoagulant") || !second.treatmentIntensity()) {
                continue;
            }
            for (Order first : orders) { // the earliest order is named, as Drools fires that match first
                if (first.index() < second.index() && first.hasClass("anticoagulant") && first.treatmentIntensity()) {
                    findings.flag("HRM-005", Kind.ORDER, second.drug(), second.index(), () -> "Two anticoagulants "
                            + "are prescribed at treatment intensity (" + first.drug() + " and " + second.drug()
                            + "); this is a duplication unless a bridging or switch plan is documented.");
                    break;
                }
            }
        }
    }

    // ---- rules/renal/renal.drl ----

    private void renal(Patient patient, List<Order> orders, Findings findings) {
        if (patient == null || patient.egfr() == null) {
            return;
        }
        double egfr = patient.egfr();
        for (Order order : orders) {
            if (egfr < nsaidEgfrBelow && order.hasClass("nsaid") && !"topical".equals(order.route())) {
                findings.flag("REN-001", Kind.ORDER, order.drug(), order.index(), () -> "The NSAID " + order.drug()
                        + " is prescribed with eGFR " + Numbers.plain(egfr) + ", below " + Numbers.plain(nsaidEgfrBelow)
                        + " mL/min/1.73m2: risk of acute kidney injury.");
            }
            if (egfr < metforminEgfrBelow && order.hasIngredient("metformin")) {
                findings.flag("REN-002", Kind.ORDER, order.drug(), order.index(), () -> "Metformin (" + order.drug()
                        + ") is prescribed with eGFR " + Numbers.plain(egfr) + ", below "
                        + Numbers.plain(metforminEgfrBelow)
                        + " mL/min/1.73m2: contraindicated, risk of lactic acidosis.");
            }
            if (egfr < nitrofurantoinEgfrBelow && order.hasIngredient("nitrofurantoin")) {
                findings.flag("REN-003", Kind.ORDER, order.drug(), order.index(), () -> "Nitrofurantoin ("
                        + order.drug() + ") is prescribed with eGFR " + Numbers.plain(egfr) + ", below "
                        + Numbers.plain(nitrofurantoinEgfrBelow) + " mL/min/1.73m2: contraindicated, except a 3 to 7 "
                        + "day course for lower urinary tract infection with a resistant organism when eGFR is 30 "
                        + "to 44.");
            }
        }
    }

    // ---- rules/documentation/documentation.drl ----

    private void documentation(List<Order> orders, Findings findings) {
        for (Order order : orders) {
            String drug = order.drug();
            int index = order.index();
            if (order.dose() == null) {
                findings.flag("DOC-001", Kind.ORDER, drug, index, () -> "The order for " + drug + " gives no dose"
                        + (order.doseText() == null ? "." : " as a number (written \"" + order.doseText() + "\")."));
            } else if (!order.unitRecognised()) {
                findings.flag("DOC-002", Kind.ORDER, drug, index, () -> "The dose of " + drug + " is "
                        + Numbers.plain(order.dose()) + (order.unit() == null ? " with no unit."
                                : " \"" + order.unit() + "\", which is not a recognised unit."));
            }
            if (order.route() == null) {
                findings.flag("DOC-003", Kind.ORDER, drug, index, () -> "The order for " + drug + " gives no route.");
            }
            if (!order.frequencyRecognised() && (order.frequency() != null || !order.prn())) {
                findings.flag("DOC-004", Kind.ORDER, drug, index, () -> "The order for " + drug
                        + (order.frequency() == null ? " gives no frequency and is not marked as required."
                                : " has the frequency \"" + order.frequency()
                                        + "\", which is not a recognised frequency."));
            }
            if (Boolean.FALSE.equals(order.signed())) {
                findings.flag("DOC-005", Kind.ORDER, drug, index, () -> "The order for " + drug
                        + " is not signed by the prescriber.");
            }
            if (order.prn() && order.prnMaxPer24h() == null
                    && (!order.frequencyRecognised() || "as-required".equals(order.frequency()))) {
                findings.flag("DOC-006", Kind.ORDER, drug, index, () -> "The as-required order for " + drug
                        + " states no maximum dose in 24 hours and no dosing interval.");
            }
            if (!order.inFormulary()) {
                findings.flag("DOC-007", Kind.ORDER, drug, index, () -> "\"" + drug + "\" is not in the local "
                        + "formulary, so no other rule could check this order.");
            }
        }
    }

    // ---- rules/reconciliation/reconciliation.drl ----

    private void reconciliation(Admission admission, List<PreAdmission> preAdmission, List<Order> orders,
            Findings findings) {
        if (admission != null && admission.reconciledLaterThan(reconciliationWithinHours)) {
            findings.flag("REC-001", Kind.ADMISSION, null, null, () -> (admission.hoursToReconciliation() == null
                    ? "Medicines reconciliation was not completed by the end of the audit day (admitted "
                            + admission.admittedAt() + ")"
                    : "Medicines reconciliation was completed " + admission.timeToReconciliation() + " after admission")
                    + "; it is expected within " + Numbers.plain(reconciliationWithinHours) + " hours.");
        }
        for (PreAdmission medicine : preAdmission) { // the first matching medicine's message stands, as in Drools
            if (medicine.onChart() == null || medicine.changeDocumentedAsIntended()) {
                continue;
            }
            if (!medicine.onChart()) {
                findings.flag("REC-002", Kind.PRE_ADMISSION, medicine.drug(), null, () -> "The pre-admission "
                        + "medicine " + medicine.drug() + " is not on the inpatient chart and no reason for stopping "
                        + "it is documented.");
                continue;
            }
            for (Order order : orders) {
                if (medicine.sameMedicineAs(order) && medicine.differsFrom(order)) {
                    findings.flag("REC-003", Kind.ORDER, order.drug(), order.index(), () -> "The order for "
                            + order.drug() + " differs from " + medicine.drug() + " taken before admission ("
                            + medicine.differencesFrom(order) + ") and no intended change is documented.");
                }
            }
        }
    }

    // ---- rules/omitted-doses/omitted-doses.drl ----

    private void omittedDoses(List<Omission> omissions, Findings findings) {
        for (Omission omission : omissions) { // the first omission of a drug gives the message, as in Drools
            if (omission.critical() && !omission.reasonAcceptableForCritical()) {
                findings.flag("OMD-001", Kind.OMISSION, omission.drug(), null, () -> "A dose of " + omission.drug()
                        + ", a critical medicine, was omitted " + ("none-recorded".equals(omission.reasonCode())
                                ? "with no reason recorded" : "with the reason '" + omission.reasonCode() + "'")
                        + ", which is not a valid reason to omit a critical medicine.");
            }
        }
    }

    // ---- findings, as FindingCollector keeps them ----

    /** What a finding is about; part of its identity, as the fact's class is in {@code FindingCollector}. */
    private enum Kind { ORDER, PRE_ADMISSION, OMISSION, DRUG_NAME, PATIENT, ADMISSION }

    private record Key(String ruleId, String drug, Integer orderIndex, Kind kind) {
    }

    private final class Findings {
        private final Map<Key, RuleFinding> byKey = new LinkedHashMap<>();

        /** The same rule about the same thing is recorded once; the first message stands. */
        void flag(String ruleId, Kind kind, String drug, Integer orderIndex, Supplier<String> message) {
            Key key = new Key(ruleId, drug, orderIndex, kind);
            if (!byKey.containsKey(key)) {
                RuleInfo rule = rules.get(ruleId);
                byKey.put(key, new RuleFinding(ruleId, rule.name(), rule.category(), rule.errorType(),
                        rule.severity(), rule.source(), message.get(), drug, orderIndex));
            }
        }

        List<RuleFinding> sorted() {
            List<RuleFinding> sorted = new ArrayList<>(byKey.values());
            sorted.sort(findingOrder);
            return sorted;
        }
    }
}
