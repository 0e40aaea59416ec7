package org.medaudit.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.medaudit.system.FieldError;

/**
 * Checks what a well-formed chart sample means: coded values from the contract's vocabularies, plausible ranges,
 * dates in a possible order, and no patient identifiers in any text. Returns every problem with its pointer.
 */
public final class SampleValidator {

    private final List<FieldError> errors = new ArrayList<>();
    private final LocalDate today;

    private SampleValidator(LocalDate today) {
        this.today = today;
    }

    /** Every problem with the sample as of {@code today}; empty when it may be stored. */
    public static List<FieldError> validate(ChartSample sample, LocalDate today) {
        SampleValidator validator = new SampleValidator(today);
        validator.check(sample);
        return List.copyOf(validator.errors);
    }

    private void check(ChartSample sample) {
        text("/ward", sample.ward());
        if (sample.auditDate() != null && sample.auditDate().isAfter(today)) {
            error("/auditDate", "must not be in the future (today is " + today + ")");
        }
        coded("/sampleType", sample.sampleType(), Vocabulary.SAMPLE_TYPES);
        if (sample.patient() != null) {
            patient(sample.patient());
        }
        if (sample.admission() != null) {
            admission(sample.admission(), sample.auditDate());
        }
        each("/preAdmissionMedicines", sample.preAdmissionMedicines(), (at, medicine) -> {
            text(at + "/drug", medicine.drug());
            positive(at + "/dose", medicine.dose());
            text(at + "/unit", medicine.unit());
            coded(at + "/route", medicine.route(), Vocabulary.ROUTES);
            text(at + "/frequency", medicine.frequency());
        });
        if (sample.orders() != null && sample.orders().isEmpty()) {
            error("/orders", "must list at least one medication order");
        }
        each("/orders", sample.orders(), this::order);
        each("/omittedDoses", sample.omittedDoses(), (at, omitted) -> {
            text(at + "/drug", omitted.drug());
            coded(at + "/reasonCode", omitted.reasonCode(), Vocabulary.OMISSION_REASONS);
        });
        each("/monitoring", sample.monitoring(), (at, result) -> {
            text(at + "/test", result.test());
            if (result.date() != null && result.date().isAfter(today)) {
                error(at + "/date", "must not be in the future");
            }
        });
    }

    private void patient(Patient patient) {
        range("/patient/ageYears", patient.ageYears() == null ? null : patient.ageYears().doubleValue(), 0, 120,
                "years");
        coded("/patient/sex", patient.sex(), Vocabulary.SEXES);
        range("/patient/weightKg", patient.weightKg(), 0.3, 400, "kg");
        range("/patient/egfr", patient.egfr(), 0, 200, "mL/min/1.73m2");
        range("/patient/crcl", patient.crcl(), 0, 300, "mL/min");
        each("/patient/conditions", patient.conditions(), this::text);
        coded("/patient/allergyStatus", patient.allergyStatus(), Vocabulary.ALLERGY_STATUSES);
        boolean allergiesListed = patient.allergies() != null && !patient.allergies().isEmpty();
        if (allergiesListed && !"drug-allergy".equals(patient.allergyStatus())) {
            error("/patient/allergyStatus", patient.allergyStatus() == null
                    ? "must be \"drug-allergy\" when allergies are listed"
                    : "is \"" + patient.allergyStatus() + "\" but allergies are listed; use \"drug-allergy\"");
        }
        each("/patient/allergies", patient.allergies(), (at, allergy) -> {
            text(at + "/substance", allergy.substance());
            text(at + "/reaction", allergy.reaction());
        });
    }

    private void admission(Admission admission, LocalDate auditDate) {
        LocalDateTime admitted = admission.admittedAt();
        LocalDateTime started = admission.reconciliationStartedAt();
        LocalDateTime completed = admission.reconciliationCompletedAt();
        if (admitted == null && (started != null || completed != null)) {
            error("/admission/admittedAt", "is required when reconciliation times are given");
        }
        if (admitted != null && auditDate != null && admitted.isAfter(auditDate.atTime(LocalTime.MAX))) {
            error("/admission/admittedAt", "must not be after the audit date");
        }
        if (admitted != null && started != null && started.isBefore(admitted)) {
            error("/admission/reconciliationStartedAt", "must not be before the admission time");
        }
        if (admitted != null && completed != null && completed.isBefore(admitted)) {
            error("/admission/reconciliationCompletedAt", "must not be before the admission time");
        }
        if (started != null && completed != null && completed.isBefore(started)) {
            error("/admission/reconciliationCompletedAt", "must not be before reconciliation started");
        }
        if (completed != null && auditDate != null && completed.isAfter(auditDate.atTime(LocalTime.MAX))) {
            error("/admission/reconciliationCompletedAt", "must not be after the audit date");
        }
    }

    private void order(String at, MedicationOrder order) {
        text(at + "/drug", order.drug());
        positive(at + "/dose", order.dose());
        text(at + "/unit", order.unit());
        text(at + "/doseText", order.doseText());
        coded(at + "/route", order.route(), Vocabulary.ROUTES);
        text(at + "/frequency", order.frequency());
        positive(at + "/prnMaxPer24h", order.prnMaxPer24h());
        text(at + "/indication", order.indication());
        if (order.startDate() != null && order.reviewDate() != null
                && order.reviewDate().isBefore(order.startDate())) {
            error(at + "/reviewDate", "must not be before the start date");
        }
    }

    // ---- checks ----

    /** Every text field is screened for identifiers. */
    private void text(String pointer, String value) {
        IdentifierGuard.findIn(value).ifPresent(problem -> error(pointer, problem));
    }

    private void coded(String pointer, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            error(pointer, "must be one of " + String.join(", ", allowed.stream().sorted().toList())
                    + " (found \"" + value + "\")");
        }
    }

    private void positive(String pointer, Double value) {
        if (value != null && value <= 0) {
            error(pointer, "must be greater than 0");
        }
    }

    private void range(String pointer, Double value, double min, double max, String unit) {
        if (value != null && (value < min || value > max)) {
            error(pointer, "must be between " + plain(min) + " and " + plain(max) + " " + unit);
        }
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private <T> void each(String pointer, List<T> items, ItemCheck<T> check) {
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) != null) { // an item the reader could not read has its error already
                    check.accept(pointer + "/" + i, items.get(i));
                }
            }
        }
    }

    @FunctionalInterface
    private interface ItemCheck<T> {
        void accept(String pointer, T item);
    }

    private void error(String pointer, String detail) {
        errors.add(new FieldError(pointer, detail));
    }
}
