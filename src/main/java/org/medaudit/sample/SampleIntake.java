package org.medaudit.sample;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medaudit.rules.RuleBook;
import org.medaudit.rules.RuleBookService;
import org.medaudit.rules.RuleFinding;
import org.medaudit.system.FieldError;
import org.medaudit.system.InvalidRequestException;
import org.medaudit.system.JsonTree;
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
        String requestHash = sha256(body);
        if (idempotencyKey != null) {
            Optional<Submission> replay = replay(idempotencyKey, requestHash);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        return submit(JsonTree.parse(body), idempotencyKey, requestHash);
    }

    /** Submits an already-parsed chart (JSON, YAML or a mapped CSV row). */
    public Submission submit(Object tree, @Nullable String idempotencyKey, @Nullable String requestHash) {
        ChartSampleReader.Result read = ChartSampleReader.read(tree);
        List<FieldError> errors = new ArrayList<>(read.errors());
        ChartSample chart = read.sample();
        Ward ward = null;
        if (chart != null) {
            errors.addAll(SampleValidator.validate(chart, LocalDate.now(clock)));
            ward = knownWard(chart.ward(), errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        RuleBook ruleBook = ruleBooks.current();
        List<RuleFinding> findings = ruleBook.evaluate(chart);
        SampleRow row = row(chart, ward, ruleBook, idempotencyKey, requestHash);
        try {
            store.insert(row, chart, findings);
        } catch (DataAccessException e) {
            // A concurrent request with the same key won the race: answer with what it stored.
            if (idempotencyKey != null) {
                Optional<Submission> replay = replay(idempotencyKey, requestHash);
                if (replay.isPresent()) {
                    return replay.get();
                }
            }
            throw e;
        }
        return new Submission(store.find(row.id()).orElseThrow(), false);
    }

    public Optional<SampleView> find(String id) {
        return store.find(id);
    }

    /** Whether any chart sample is stored yet. */
    public boolean hasSamples() {
        return store.hasSamples();
    }

    private Optional<Submission> replay(String idempotencyKey, String requestHash) {
        Optional<String> earlierHash = store.requestHashOf(idempotencyKey);
        if (earlierHash.isEmpty()) {
            return Optional.empty();
        }
        if (!earlierHash.get().equals(requestHash)) {
            throw new IdempotencyConflictException(idempotencyKey);
        }
        return store.findByIdempotencyKey(idempotencyKey).map(sample -> new Submission(sample, true));
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

    private SampleRow row(ChartSample chart, Ward ward, RuleBook ruleBook, String idempotencyKey,
            String requestHash) {
        Patient patient = chart.patient();
        Admission admission = chart.admission();
        ReconciliationTiming timing = ReconciliationTiming.of(chart,
                ruleBook.reference().threshold(ReconciliationTiming.THRESHOLD).value());
        return new SampleRow(UUID.randomUUID().toString(), ward.id(), chart.auditDate(),
                chart.auditDate().toString().substring(0, 7), chart.sampleType(),
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
                Instant.now(clock));
    }

    private static void checkKey(String key) {
        if (key != null && (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY
                || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e))) {
            throw new InvalidRequestException("/header/Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY
                    + " visible ASCII characters, such as a UUID");
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
