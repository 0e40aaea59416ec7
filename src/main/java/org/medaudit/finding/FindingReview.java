package org.medaudit.finding;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.medaudit.audit.AuditTrail;
import org.medaudit.rules.Taxonomy;
import org.medaudit.sample.ChartSampleReader;
import org.medaudit.sample.IdentifierGuard;
import org.medaudit.sample.MedicationOrder;
import org.medaudit.sample.SampleIntake;
import org.medaudit.sample.SampleView;
import org.medaudit.system.FieldError;
import org.medaudit.system.InvalidRequestException;

/**
 * A pharmacist's review of a chart's findings: confirm a rule's flag, override it with a coded reason (it then no
 * longer counts as an error), or add a finding the rules missed. Each decision is stored with who made it and
 * when, and recorded in the audit trail with the status before and after, in one transaction.
 */
@Singleton
public class FindingReview {

    /** Why a pharmacist overrides a rule's finding, with the words the page shows. */
    public static final Map<String, String> OVERRIDE_REASONS;
    /** Longest comment and manual-finding message accepted. */
    public static final int MAX_COMMENT = 500;

    static {
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("clinically-appropriate", "Clinically appropriate for this patient");
        reasons.put("already-addressed", "Already addressed before the audit");
        reasons.put("information-not-on-chart", "Justified by information that is not on the chart");
        reasons.put("rule-not-applicable", "The rule does not apply to this chart");
        reasons.put("other", "Other (say why in the comment)");
        OVERRIDE_REASONS = Collections.unmodifiableMap(reasons);
    }

    private final FindingRepository findings;
    private final SampleIntake samples;
    private final AuditTrail audit;
    private final Clock clock;

    FindingReview(FindingRepository findings, SampleIntake samples, AuditTrail audit, Clock clock) {
        this.findings = findings;
        this.samples = samples;
        this.audit = audit;
        this.clock = clock;
    }

    /** Confirms a rule's finding: the pharmacist agrees it is an error. */
    @Transactional
    public FindingView confirm(String sampleId, String findingId, String reviewer) {
        Finding finding = finding(sampleId, findingId);
        if (finding.ruleId() == null) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "A finding a pharmacist added counts already; only a "
                    + "rule's finding can be confirmed");
        }
        if (Finding.CONFIRMED.equals(finding.status())) {
            return FindingView.of(finding);
        }
        return decide(finding, finding.reviewed(Finding.CONFIRMED, null, null, reviewer, Instant.now(clock)),
                "finding.confirmed");
    }

    /** Overrides a finding with a coded reason: it stays on the chart but no longer counts as an error. */
    @Transactional
    public FindingView override(String sampleId, String findingId, ReviewRequests.Override request,
            String reviewer) {
        List<FieldError> errors = new ArrayList<>();
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (!OVERRIDE_REASONS.containsKey(reason)) {
            errors.add(new FieldError("/reason", reason.isEmpty() ? "choose why the finding is overridden"
                    : "must be one of " + String.join(", ", OVERRIDE_REASONS.keySet())));
        }
        String comment = text("/comment", request.comment(), MAX_COMMENT, errors);
        if ("other".equals(reason) && (request.comment() == null || request.comment().isBlank())) {
            errors.add(new FieldError("/comment", "say why, as the reason is \"other\""));
        }
        Finding finding = finding(sampleId, findingId);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return decide(finding, finding.reviewed(Finding.OVERRIDDEN, reason, comment, reviewer, Instant.now(clock)),
                "finding.overridden");
    }

    /** Adds a finding the rules missed; it counts like a confirmed one and is listed after the rules' findings. */
    @Transactional
    public FindingView add(String sampleId, ReviewRequests.NewFinding request, String reviewer) {
        SampleView sample = samples.find(sampleId).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                "No chart sample with id " + sampleId));
        List<FieldError> errors = new ArrayList<>();
        String category = coded("/category", request.category(), Taxonomy.CATEGORIES, errors);
        String errorType = coded("/errorType", request.errorType(), Taxonomy.ERROR_TYPES, errors);
        String severity = coded("/severity", request.severity(), Set.copyOf(Taxonomy.SEVERITIES), errors);
        String message = text("/message", request.message(), MAX_COMMENT, errors);
        if (message == null && errors.stream().noneMatch(e -> e.pointer().equals("/message"))) {
            errors.add(new FieldError("/message", "describe the error, without patient identifiers"));
        }
        String drug = text("/drug", request.drug(), ChartSampleReader.MAX_TEXT, errors);
        Integer orderIndex = request.orderIndex();
        List<MedicationOrder> orders = sample.orders();
        if (orderIndex != null && (orderIndex < 0 || orderIndex >= orders.size())) {
            errors.add(new FieldError("/orderIndex", "must be an order of this chart (0 to " + (orders.size() - 1)
                    + ")"));
        } else if (orderIndex != null && drug == null) {
            drug = orders.get(orderIndex).drug();
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Instant now = Instant.now(clock);
        Finding added = new Finding(UUID.randomUUID().toString(), sampleId, sample.findings().size(), null, null,
                category, errorType, severity, null, message, drug, orderIndex, Finding.MANUAL, null, now, null, null,
                reviewer, now);
        findings.save(added);
        audit.record("finding.added", "finding", added.id(), null, state(added));
        return FindingView.of(added);
    }

    private FindingView decide(Finding before, Finding after, String action) {
        findings.update(after);
        audit.record(action, "finding", after.id(), state(before), state(after));
        return FindingView.of(after);
    }

    private Finding finding(String sampleId, String findingId) {
        return findings.findByIdAndSampleId(findingId, sampleId).orElseThrow(() -> new HttpStatusException(
                HttpStatus.NOT_FOUND, "No finding " + findingId + " on chart sample " + sampleId));
    }

    /** What the audit trail keeps of a finding's review. */
    private static Map<String, Object> state(Finding finding) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("sampleId", finding.sampleId());
        state.put("ruleId", finding.ruleId());
        state.put("status", finding.status());
        state.put("reason", finding.reviewReason());
        state.put("comment", finding.reviewComment());
        return state;
    }

    private static String coded(String pointer, String value, Set<String> allowed, List<FieldError> errors) {
        String code = value == null ? "" : value.strip();
        if (!allowed.contains(code)) {
            errors.add(new FieldError(pointer, code.isEmpty() ? "is required" : "must be one of "
                    + String.join(", ", allowed.stream().sorted().toList())));
            return null;
        }
        return code;
    }

    /** Optional free text: bounded, printable (line breaks allowed) and free of patient identifiers. */
    private static String text(String pointer, String value, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            errors.add(new FieldError(pointer, "is " + text.length() + " characters long; at most " + max
                    + " are accepted"));
        } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            errors.add(new FieldError(pointer, "must not contain control characters"));
        } else {
            IdentifierGuard.findIn(text).ifPresent(problem -> errors.add(new FieldError(pointer, problem)));
        }
        return errors.stream().anyMatch(e -> e.pointer().equals(pointer)) ? null : text;
    }
}
