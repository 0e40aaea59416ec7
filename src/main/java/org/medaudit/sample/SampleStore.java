package org.medaudit.sample;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.medaudit.audit.AuditTrail;
import org.medaudit.finding.Finding;
import org.medaudit.finding.FindingRepository;
import org.medaudit.finding.FindingView;
import org.medaudit.rules.RuleFinding;
import org.medaudit.sample.SampleParts.AllergyRow;
import org.medaudit.sample.SampleParts.ConditionRow;
import org.medaudit.sample.SampleParts.MonitoringRow;
import org.medaudit.sample.SampleParts.OmittedDoseRow;
import org.medaudit.sample.SampleParts.OrderRow;
import org.medaudit.sample.SampleParts.PreAdmissionRow;
import org.medaudit.system.BatchInserts;
import org.medaudit.ward.WardDirectory;

/**
 * Stores a chart sample, all its parts and its findings in one transaction — a failure part-way leaves nothing —
 * and reads them back as the contract shape.
 */
@Singleton
class SampleStore {

    private final SampleRepositories.Samples samples;
    private final SampleRepositories.Conditions conditions;
    private final SampleRepositories.Allergies allergies;
    private final SampleRepositories.PreAdmissions preAdmissions;
    private final SampleRepositories.Orders orders;
    private final SampleRepositories.OmittedDoses omittedDoses;
    private final SampleRepositories.Monitoring monitoring;
    private final FindingRepository findings;
    private final WardDirectory wards;
    private final AuditTrail audit;
    private final BatchInserts batch;

    SampleStore(SampleRepositories.Samples samples, SampleRepositories.Conditions conditions,
            SampleRepositories.Allergies allergies, SampleRepositories.PreAdmissions preAdmissions,
            SampleRepositories.Orders orders, SampleRepositories.OmittedDoses omittedDoses,
            SampleRepositories.Monitoring monitoring, FindingRepository findings, WardDirectory wards,
            AuditTrail audit, BatchInserts batch) {
        this.samples = samples;
        this.conditions = conditions;
        this.allergies = allergies;
        this.preAdmissions = preAdmissions;
        this.orders = orders;
        this.omittedDoses = omittedDoses;
        this.monitoring = monitoring;
        this.findings = findings;
        this.wards = wards;
        this.audit = audit;
        this.batch = batch;
    }

    /**
     * Writes the sample, its parts, its findings and its audit-trail entry atomically, and answers with the sample
     * as stored: built from what was written rather than read back, since every part round-trips unchanged (the
     * contract tests read it back and compare).
     */
    @Transactional
    SampleView insert(SampleRow row, ChartSample chart, List<RuleFinding> ruleFindings) {
        samples.save(row);
        String id = row.id();
        saveParts(id, chart);
        List<Finding> found = new ArrayList<>(ruleFindings.size());
        each(ruleFindings, (i, f) -> found.add(flagged(UUID.randomUUID().toString(), row, i, f)));
        batch.insert(Finding.class, found);
        audit.record("sample.created", "sample", id, null, Map.of("ward", chart.ward(),
                "auditDate", chart.auditDate().toString(), "ordersAudited", row.ordersAudited(),
                "ruleBookVersion", row.ruleBookVersion(), "findings", ruleFindings.size()));
        return new SampleView(id, wards.ward(row.wardId()).code(), row.auditDate(), row.sampleType(),
                row.ruleBookVersion(), form(row), row.ordersAudited(), chart.patient(), chart.admission(),
                chart.preAdmissionMedicines(), chart.orders(), chart.omittedDoses(), chart.monitoring(),
                found.stream().map(FindingView::of).toList(), row.createdAt());
    }

    /**
     * Replaces a stored sample's chart and findings atomically, keeping its id. A rule finding that fires again
     * about the same drug and order keeps its id, status and review; findings a pharmacist added follow the
     * rules' findings as before. The audit trail records the sample before and after.
     */
    @Transactional
    void replace(SampleRow row, ChartSample chart, List<RuleFinding> ruleFindings) {
        String id = row.id();
        SampleView before = view(samples.findById(id).orElseThrow());
        List<Finding> earlier = new ArrayList<>(findings.findBySampleIdOrderByPosition(id));
        conditions.deleteBySampleId(id);
        allergies.deleteBySampleId(id);
        preAdmissions.deleteBySampleId(id);
        orders.deleteBySampleId(id);
        omittedDoses.deleteBySampleId(id);
        monitoring.deleteBySampleId(id);
        findings.deleteBySampleId(id);
        samples.update(row);
        saveParts(id, chart);
        List<Finding> kept = new ArrayList<>();
        int position = 0;
        for (RuleFinding found : ruleFindings) {
            Optional<Finding> same = earlier.stream().filter(f -> f.ruleId() != null
                    && f.ruleId().equals(found.ruleId()) && Objects.equals(f.drug(), found.drug())
                    && Objects.equals(f.orderIndex(), found.orderIndex())).findFirst();
            same.ifPresent(earlier::remove);
            Finding fresh = flagged(same.map(Finding::id).orElseGet(() -> UUID.randomUUID().toString()), row,
                    position++, found);
            kept.add(same.filter(Finding::isReviewedRuleFinding)
                    .map(f -> fresh.reviewed(f.status(), f.reviewReason(), f.reviewComment(), f.reviewedBy(),
                            f.reviewedAt()))
                    .orElse(fresh));
        }
        for (Finding added : earlier.stream().filter(f -> f.ruleId() == null).toList()) {
            kept.add(added.at(position++));
        }
        batch.insert(Finding.class, kept);
        audit.record("sample.corrected", "sample", id, before, view(row));
    }

    @Transactional
    Optional<SampleRow> row(String id) {
        return samples.findById(id);
    }

    /** Samples newest first, of one ward and/or one period when given, with their findings counted. */
    @Transactional
    Page<SampleSummary> summaries(@Nullable Long wardId, @Nullable String period, Pageable pageable) {
        Pageable newestFirst = Pageable.from(pageable.getNumber(), pageable.getSize(),
                Sort.of(Sort.Order.desc("createdAt"), Sort.Order.desc("id")));
        Page<SampleRow> rows = wardId != null && period != null
                ? samples.findByWardIdAndPeriod(wardId, period, newestFirst)
                : wardId != null ? samples.findByWardId(wardId, newestFirst)
                : period != null ? samples.findByPeriod(period, newestFirst)
                : samples.findAll(newestFirst);
        List<String> ids = rows.getContent().stream().map(SampleRow::id).toList();
        Map<String, List<Finding>> bySample = ids.isEmpty() ? Map.of()
                : findings.findBySampleIdIn(ids).stream().collect(Collectors.groupingBy(Finding::sampleId));
        return rows.map(row -> SampleSummary.of(row, wards.ward(row.wardId()).code(), form(row),
                bySample.getOrDefault(row.id(), List.of())));
    }

    private void saveParts(String id, ChartSample chart) {
        var patient = chart.patient();
        if (patient != null) {
            batch.insert(ConditionRow.class, rows(patient.conditions(), (i, code) -> new ConditionRow(null, id, i,
                    code)));
            batch.insert(AllergyRow.class, rows(patient.allergies(), (i, a) -> new AllergyRow(null, id, i,
                    a.substance(), a.reaction())));
        }
        batch.insert(PreAdmissionRow.class, rows(chart.preAdmissionMedicines(), (i, m) -> new PreAdmissionRow(null,
                id, i, m.drug(), m.dose(), m.unit(), m.route(), m.frequency(), m.onChart(), m.changeDocumented())));
        batch.insert(OrderRow.class, rows(chart.orders(), (i, o) -> new OrderRow(null, id, i, o.drug(), o.dose(),
                o.unit(), o.doseText(), o.route(), o.frequency(), o.prn(), o.prnMaxPer24h(), o.indication(),
                o.startDate(), o.reviewDate(), o.signed())));
        batch.insert(OmittedDoseRow.class, rows(chart.omittedDoses(), (i, d) -> new OmittedDoseRow(null, id, i,
                d.drug(), d.reasonCode())));
        batch.insert(MonitoringRow.class, rows(chart.monitoring(), (i, m) -> new MonitoringRow(null, id, i,
                m.test(), m.date(), m.value())));
    }

    /** A chart's list as rows, each knowing its position; none when the list was not recorded. */
    private static <T, R> List<R> rows(List<T> items, IndexedMapper<T, R> mapper) {
        if (items == null) {
            return List.of();
        }
        List<R> rows = new ArrayList<>(items.size());
        each(items, (i, item) -> rows.add(mapper.map(i, item)));
        return rows;
    }

    private static Finding flagged(String findingId, SampleRow row, int position, RuleFinding f) {
        return Finding.flagged(findingId, row.id(), position, f.ruleId(), f.ruleName(), f.category(), f.errorType(),
                f.severity(), f.source(), f.message(), f.drug(), f.orderIndex(), row.ruleBookVersion(),
                row.createdAt());
    }

    private static SampleForm form(SampleRow row) {
        return row.formId() == null ? null : new SampleForm(row.formId(), row.formVersion());
    }

    @Transactional
    boolean hasSamples() {
        return samples.count() > 0;
    }

    @Transactional
    Optional<SampleView> find(String id) {
        return samples.findById(id).map(this::view);
    }

    @Transactional
    Optional<SampleRow> rowByIdempotencyKey(String key) {
        return samples.findByIdempotencyKey(key);
    }

    /** A stored sample row with its parts and findings, as the contract shows it. */
    @Transactional
    SampleView read(SampleRow row) {
        return view(row);
    }

    private SampleView view(SampleRow row) {
        String id = row.id();
        Patient patient = row.patientRecorded()
                ? new Patient(row.ageYears(), row.sex(), row.weightKg(), row.egfr(), row.crcl(),
                        recorded(row.conditionsRecorded(), conditions.findBySampleIdOrderByPosition(id),
                                ConditionRow::code),
                        row.allergyStatus(),
                        recorded(row.allergiesRecorded(), allergies.findBySampleIdOrderByPosition(id),
                                a -> new Allergy(a.substance(), a.reaction())))
                : null;
        Admission admission = row.admissionRecorded()
                ? new Admission(row.admittedAt(), row.reconciliationStartedAt(), row.reconciliationCompletedAt())
                : null;
        return new SampleView(id, wards.ward(row.wardId()).code(), row.auditDate(), row.sampleType(),
                row.ruleBookVersion(), form(row), row.ordersAudited(), patient, admission,
                recorded(row.preAdmissionRecorded(), preAdmissions.findBySampleIdOrderByPosition(id),
                        m -> new PreAdmissionMedicine(m.drug(), m.dose(), m.unit(), m.route(), m.frequency(),
                                m.onChart(), m.changeDocumented())),
                orders.findBySampleIdOrderByPosition(id).stream()
                        .map(o -> new MedicationOrder(o.drug(), o.dose(), o.unit(), o.doseText(), o.route(),
                                o.frequency(), o.prn(), o.prnMaxPer24h(), o.indication(), o.startDate(),
                                o.reviewDate(), o.signed()))
                        .toList(),
                recorded(row.omittedDosesRecorded(), omittedDoses.findBySampleIdOrderByPosition(id),
                        d -> new OmittedDose(d.drug(), d.reasonCode())),
                recorded(row.monitoringRecorded(), monitoring.findBySampleIdOrderByPosition(id),
                        m -> new MonitoringResult(m.test(), m.resultDate(), m.result())),
                findings.findBySampleIdOrderByPosition(id).stream().map(FindingView::of).toList(),
                row.createdAt());
    }

    /** A list that was not recorded reads back as absent, one recorded as none as empty. */
    private static <R, T> List<T> recorded(boolean wasRecorded, List<R> rows, Function<R, T> mapper) {
        return wasRecorded ? rows.stream().map(mapper).toList() : null;
    }

    private static <T> void each(List<T> items, IndexedAction<T> action) {
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                action.accept(i, items.get(i));
            }
        }
    }

    @FunctionalInterface
    private interface IndexedAction<T> {
        void accept(int index, T item);
    }

    @FunctionalInterface
    private interface IndexedMapper<T, R> {
        R map(int index, T item);
    }
}
