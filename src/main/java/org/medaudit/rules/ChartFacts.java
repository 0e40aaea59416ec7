package org.medaudit.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.medaudit.rules.fact.Admission;
import org.medaudit.rules.fact.Allergy;
import org.medaudit.rules.fact.AuditDay;
import org.medaudit.rules.fact.Monitoring;
import org.medaudit.rules.fact.Omission;
import org.medaudit.rules.fact.Order;
import org.medaudit.rules.fact.Patient;
import org.medaudit.rules.fact.PreAdmission;
import org.medaudit.rules.reference.Amount;
import org.medaudit.rules.reference.Names;
import org.medaudit.rules.reference.Product;
import org.medaudit.rules.reference.ReferenceData;
import org.medaudit.rules.reference.Thresholds;
import org.medaudit.sample.ChartSample;
import org.medaudit.sample.Frequency;
import org.medaudit.sample.MedicationOrder;
import org.medaudit.sample.OmittedDose;
import org.medaudit.sample.PreAdmissionMedicine;

/**
 * Turns one chart sample into the facts the rules see, resolving every drug through the reference data once,
 * so that rules compare names and numbers rather than parse text.
 */
public final class ChartFacts {

    private final ReferenceData reference;

    public ChartFacts(ReferenceData reference) {
        this.reference = reference;
    }

    /** Every fact for one chart: the thresholds (one fact), the patient context and each order, medicine and dose. */
    public List<Object> of(ChartSample sample) {
        List<Object> facts = new ArrayList<>(32);
        facts.add(new Thresholds(reference.thresholds()));
        facts.add(new AuditDay(sample.auditDate()));
        if (sample.patient() != null) {
            var patient = sample.patient();
            facts.add(new Patient(patient.ageYears(), patient.sex(), patient.weightKg(), patient.egfr(), patient.crcl(),
                    lowerCase(patient.conditions()), patient.allergyStatus()));
            if (patient.allergies() != null) {
                patient.allergies().forEach(allergy -> facts.add(allergy(allergy)));
            }
        }
        Admission.of(sample).ifPresent(facts::add);
        List<MedicationOrder> orders = sample.orders();
        for (int i = 0; i < orders.size(); i++) {
            facts.add(order(i, orders.get(i)));
        }
        each(sample.preAdmissionMedicines(), (i, medicine) -> facts.add(preAdmission(i, medicine)));
        each(sample.omittedDoses(), (i, omitted) -> facts.add(omission(i, omitted)));
        if (sample.monitoring() != null) {
            sample.monitoring().forEach(result -> facts.add(
                    new Monitoring(Names.normalise(result.test()), result.date(), result.value())));
        }
        return facts;
    }

    Order order(int index, MedicationOrder order) {
        Optional<Product> product = reference.formulary().resolve(order.drug());
        Optional<String> unit = Optional.ofNullable(order.unit()).flatMap(reference.units()::canonical);
        Optional<Frequency> frequency = Optional.ofNullable(order.frequency()).flatMap(Frequency::ofCode);
        boolean prn = Boolean.TRUE.equals(order.prn()) || frequency.filter(Frequency.AS_REQUIRED::equals).isPresent();
        Amount doseAmount = amount(order.dose(), order.unit());
        Map<String, Double> dailyMg = product.map(p -> dailyMg(p, order, unit, frequency, prn)).orElse(Map.of());
        Set<String> inText = reference.abbreviationsIn(order.doseText());
        Set<String> inUnit = reference.abbreviationsIn(order.unit());
        Set<String> abbreviations = inUnit.isEmpty() ? inText : inText.isEmpty() ? inUnit
                : Stream.concat(inText.stream(), inUnit.stream()).collect(Collectors.toUnmodifiableSet());
        return new Order(index, order.drug(), product.map(Product::name).orElse(null),
                product.map(Product::ingredients).orElse(Set.of()), product.map(Product::classes).orElse(Set.of()),
                order.dose(), order.unit(), unit.isPresent(), doseAmount, order.doseText(), order.route(),
                order.frequency(), frequency.isPresent(), prn, order.prnMaxPer24h(), order.indication(),
                order.startDate(), order.reviewDate(), order.signed(), abbreviations, dailyMg,
                product.map(p -> treatmentIntensity(p, doseAmount, frequency, prn, order)).orElse(false));
    }

    /**
     * Most of each ingredient in mg the order allows in 24 hours: regular doses times doses a day; for an
     * as-required order its stated maximum, or else the ceiling its coded interval implies (1 g every 4 hours
     * allows 6 g). A dose in tablets (or similar) counts through the formulary's mg per dose unit.
     */
    private Map<String, Double> dailyMg(Product product, MedicationOrder order, Optional<String> unit,
            Optional<Frequency> frequency, boolean prn) {
        Double regular = order.dose() == null ? null : frequency.filter(f -> f != Frequency.AS_REQUIRED)
                .map(f -> order.dose() * f.dosesPer24h()).orElse(null);
        Double perDay = prn && order.prnMaxPer24h() != null ? order.prnMaxPer24h() : regular;
        if (perDay == null || unit.isEmpty()) {
            return Map.of();
        }
        Map<String, Double> daily = new HashMap<>();
        if (reference.units().isDoseUnit(unit.get())) {
            product.milligramsPerDoseUnit().forEach((substance, mg) -> daily.put(substance, perDay * mg));
        } else if (product.ingredients().size() == 1) {
            reference.units().amount(perDay, unit.get())
                    .filter(amount -> amount.unit().equals("mg"))
                    .ifPresent(amount -> daily.put(product.ingredients().iterator().next(), amount.value()));
        }
        return Map.copyOf(daily);
    }

    private boolean treatmentIntensity(Product product, Amount doseAmount, Optional<Frequency> frequency, boolean prn,
            MedicationOrder order) {
        Amount limit = product.prophylacticMaxDaily();
        if (limit == null) {
            return true;
        }
        if (doseAmount == null || !doseAmount.sameUnitAs(limit)) {
            return true; // cannot tell: treat as treatment intensity, the safer reading for duplication checks
        }
        double perDay = prn ? Optional.ofNullable(order.prnMaxPer24h()).orElse(doseAmount.value())
                : doseAmount.value() * frequency.map(Frequency::dosesPer24h).orElse(1.0);
        return perDay > limit.value();
    }

    /** An allergy recorded by class ("penicillins") covers the class; one recorded by drug covers its ingredients. */
    private Allergy allergy(org.medaudit.sample.Allergy recorded) {
        Set<String> classes = reference.formulary().resolveClass(recorded.substance()).map(Set::of).orElse(Set.of());
        Optional<Product> product = reference.formulary().resolve(recorded.substance());
        Set<String> ingredients = product.map(Product::ingredients).orElse(Set.of());
        String reaction = recorded.reaction() == null ? null : Names.normalise(recorded.reaction());
        return new Allergy(recorded.substance(), reaction, reaction != null && reference.isSevereReaction(reaction),
                classes, ingredients, product.map(Product::classes).orElse(Set.of()));
    }

    private PreAdmission preAdmission(int index, PreAdmissionMedicine medicine) {
        Set<String> ingredients = reference.formulary().resolve(medicine.drug()).map(Product::ingredients)
                .orElse(Set.of());
        return new PreAdmission(index, medicine.drug(), ingredients, amount(medicine.dose(), medicine.unit()),
                medicine.route(), medicine.frequency(), medicine.onChart(), medicine.changeDocumented());
    }

    private Omission omission(int index, OmittedDose omitted) {
        String reason = omitted.reasonCode() == null ? "none-recorded" : omitted.reasonCode();
        boolean critical = reference.formulary().resolve(omitted.drug())
                .map(reference.criticalMedicines()::includes).orElse(false);
        return new Omission(index, omitted.drug(), reason, critical,
                !reference.criticalMedicines().unacceptableReasons().contains(reason));
    }

    private Amount amount(Double dose, String unit) {
        return dose == null || unit == null ? null : reference.units().amount(dose, unit).orElse(null);
    }

    private static Set<String> lowerCase(List<String> values) {
        return values == null ? Set.of()
                : values.stream().map(Names::normalise).collect(Collectors.toUnmodifiableSet());
    }

    private static <T> void each(List<T> items, IndexedConsumer<T> action) {
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                action.accept(i, items.get(i));
            }
        }
    }

    @FunctionalInterface
    private interface IndexedConsumer<T> {
        void accept(int index, T item);
    }
}
