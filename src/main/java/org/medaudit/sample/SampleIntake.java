package org.medaudit.sample;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.medaudit.rules.RuleBook;
import org.medaudit.rules.RuleBookService;
import org.medaudit.rules.RuleFinding;
import org.medaudit.system.FieldError;
import org.medaudit.system.InvalidRequestException;
import org.medaudit.system.JsonTree;
import org.medaudit.system.WeekRange;
import org.medaudit.ward.Ward;
import org.medaudit.ward.WardDirectory;

/**
 * Takes a chart sample in, whatever the channel: checks it completely, evaluates it with the serving rule book and
 * stores it with its findings. A refused sample stores nothing; a retried request with the same idempotency key
 * returns what the first one stored.
 */
@Singleton
public class SampleIntake {

    /** The longest idempotency key accepted; clients send a UUID or similar. */
    public static final int MAX_IDEMPOTENCY_KEY = 200;

    private final SampleStore store;
    private final RuleBookService ruleBooks;
    private final WardDirectory wards;
    private final Clock clock;

    SampleIntake(SampleStore store, RuleBookService ruleBooks, WardDirectory wards, Clock clock) {
        this.store = store;
        this.ruleBooks = ruleBooks;
        this.wards = wards;
        this.clock = clock;
    }

    /** Submits a JSON body (contract v1). */
    public Submission submitJson(byte[] body, @Nullable String idempotencyKey) {
        checkKey(idempotencyKey);
        String requestHash = hash(body);
        Optional<Submission> replay = replay(idempotencyKey, requestHash);
        return replay.isPresent() ? replay.get() : store(JsonTree.parse(body), idempotencyKey, requestHash, null);
    }

    /** Submits an already-parsed chart (JSON, YAML or a mapped CSV row). */
    public Submission submit(Object tree, @Nullable String idempotencyKey, @Nullable String requestHash) {
        return submit(tree, idempotencyKey, requestHash, null);
    }

    /**
     * Submits an already-parsed chart entered with a form, which is stored with it. A repeated key with the same
     * hash (a double-clicked button) answers with what the first request stored.
     */
    public Submission submit(Object tree, @Nullable String idempotencyKey, @Nullable String requestHash,
            @Nullable SampleForm form) {
        checkKey(idempotencyKey);
        Optional<Submission> replay = replay(idempotencyKey, requestHash);
        return replay.isPresent() ? replay.get() : store(tree, idempotencyKey, requestHash, form);
    }

    /** Every problem that would refuse this chart, without storing anything (empty when it would be accepted). */
    public List<FieldError> problems(Object tree) {
        return check(tree).errors();
    }

    /**
     * Replaces a stored chart with a corrected one under the same id: the rules run again, findings that still fire
     * (same rule, drug and order) keep their review, findings a pharmacist added are kept, and the audit trail
     * records the sample before and after.
     */
    public SampleView correct(String id, Object tree, @Nullable SampleForm form) {
        SampleRow stored = store.row(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                "No chart sample with id " + id));
        Checked checked = check(tree);
        if (!checked.errors().isEmpty()) {
            throw new InvalidRequestException(checked.errors());
        }
        RuleBook ruleBook = ruleBooks.current();
        List<RuleFinding> findings = ruleBook.evaluate(checked.chart(), siteOf(checked.ward()));
        SampleRow row = row(id, checked.chart(), checked.ward(), ruleBook, stored.idempotencyKey(),
                stored.requestHash(), form, stored.createdAt());
        store.replace(row, checked.chart(), findings);
        return store.find(id).orElseThrow();
    }

    private Submission store(Object tree, String idempotencyKey, String requestHash, SampleForm form) {
        Checked checked = check(tree);
        if (!checked.errors().isEmpty()) {
            throw new InvalidRequestException(checked.errors());
        }
        ChartSample chart = checked.chart();
        RuleBook ruleBook = ruleBooks.current();
        List<RuleFinding> findings = ruleBook.evaluate(chart, siteOf(checked.ward()));
        // Milliseconds are what SQLite keeps of a time, so the answer, built from what was written, reads the same
        // as any later GET.
        SampleRow row = row(UUID.randomUUID().toString(), chart, checked.ward(), ruleBook, idempotencyKey,
                requestHash, form, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        try {
            return new Submission(store.insert(row, chart, findings), false);
        } catch (DataAccessException e) {
            // A concurrent request with the same key won the race: answer with what it stored.
            Optional<Submission> replay = replay(idempotencyKey, requestHash);
            if (replay.isPresent()) {
                return replay.get();
            }
            throw e;
        }
    }

    /** A chart read and checked completely: every error, or the chart and its ward. */
    private record Checked(ChartSample chart, Ward ward, List<FieldError> errors) {
    }

    private Checked check(Object tree) {
        ChartSampleReader.Result read = ChartSampleReader.read(tree);
        List<FieldError> errors = new ArrayList<>(read.errors());
        ChartSample chart = read.sample();
        Ward ward = null;
        if (chart != null) {
            errors.addAll(SampleValidator.validate(chart, LocalDate.now(clock)));
            ward = knownWard(chart.ward(), errors);
        }
        return new Checked(chart, ward, List.copyOf(errors));
    }

    public Optional<SampleView> find(String id) {
        return store.find(id);
    }

    /** Whether any chart sample is stored yet. */
    public boolean hasSamples() {
        return store.hasSamples();
    }

    private Optional<Submission> replay(String idempotencyKey, String requestHash) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        Optional<SampleRow> earlier = store.rowByIdempotencyKey(idempotencyKey);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (!Objects.equals(earlier.get().requestHash(), requestHash)) {
            throw new IdempotencyConflictException(idempotencyKey);
        }
        return Optional.of(new Submission(store.read(earlier.get()), true));
    }

    /** The code of the ward's site: the rule sets a local pack switches off there do not run. */
    private String siteOf(Ward ward) {
        return wards.wardView(ward.code()).map(view -> view.site()).orElse(null);
    }

    private Ward knownWard(String code, List<FieldError> errors) {
        if (code == null) {
            return null;
        }
        Optional<Ward> ward = wards.ward(code);
        if (ward.isEmpty()) {
            errors.add(new FieldError("/ward", "no ward has the code \"" + code
                    + "\"; GET /api/v1/wards lists the wards MedAudit knows"));
            return null;
        }
        if (!ward.get().active()) {
            errors.add(new FieldError("/ward", "ward " + ward.get().code()
                    + " is closed; samples can no longer be entered for it"));
            return null;
        }
        return ward.get();
    }

    private SampleRow row(String id, ChartSample chart, Ward ward, RuleBook ruleBook, String idempotencyKey,
            String requestHash, SampleForm form, Instant createdAt) {
        Patient patient = chart.patient();
        Admission admission = chart.admission();
        ReconciliationTiming timing = ReconciliationTiming.of(chart,
                ruleBook.reference().threshold(ReconciliationTiming.THRESHOLD).value());
        return new SampleRow(id, ward.id(), chart.auditDate(),
                chart.auditDate().toString().substring(0, 7), WeekRange.label(chart.auditDate()), chart.sampleType(),
                patient != null,
                patient == null ? null : patient.ageYears(),
                patient == null ? null : patient.sex(),
                patient == null ? null : patient.weightKg(),
                patient == null ? null : patient.egfr(),
                patient == null ? null : patient.crcl(),
                patient != null && patient.conditions() != null,
                patient == null ? null : patient.allergyStatus(),
                patient != null && patient.allergies() != null,
                admission != null,
                admission == null ? null : admission.admittedAt(),
                admission == null ? null : admission.reconciliationStartedAt(),
                admission == null ? null : admission.reconciliationCompletedAt(),
                chart.preAdmissionMedicines() != null,
                chart.omittedDoses() != null,
                chart.monitoring() != null,
                chart.orders().size(),
                timing.judged(),
                timing.inTime(),
                ruleBook.version(),
                idempotencyKey,
                requestHash,
                form == null ? null : form.id(),
                form == null ? null : form.version(),
                createdAt);
    }

    private static void checkKey(String key) {
        if (key != null && (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY
                || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e))) {
            throw new InvalidRequestException("/header/Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY
                    + " visible ASCII characters, such as a UUID");
        }
    }

    /** The SHA-256 of a request, hex: what an idempotency key is bound to. */
    public static String hash(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
