package org.medaudit.improvement;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medaudit.audit.AuditTrail;
import org.medaudit.measure.MeasureCatalogue;
import org.medaudit.system.FieldError;
import org.medaudit.system.InvalidRequestException;
import org.medaudit.system.JsonTree;
import org.medaudit.ward.Ward;

/**
 * A ward's annotations: PDSA cycles, changes, data issues, rebases and notes, read by the rates to label chart
 * points and to start new baselines. Every change is checked whole (nothing is stored on refusal) and recorded in
 * the audit trail with the state before and after, in the same transaction.
 */
@Singleton
public class Annotations {

    static final String SUBJECT = "annotation";

    /** Start date first; of two on the same day, the one entered first. */
    private static final Comparator<Annotation> ORDER = Comparator.comparing(Annotation::startDate)
            .thenComparing(Annotation::id);

    private final AnnotationRepository repository;
    private final MeasureCatalogue measures;
    private final AuditTrail audit;
    private final Clock clock;

    Annotations(AnnotationRepository repository, MeasureCatalogue measures, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.measures = measures;
        this.audit = audit;
        this.clock = clock;
    }

    /** The ward's annotations, by start date. */
    @Transactional
    public List<Annotation> ofWard(long wardId) {
        return repository.findByWardIdOrderByStartDate(wardId).stream().sorted(ORDER).toList();
    }

    /** Every ward's annotations, by ward id then start date: one read for a summary of many wards. */
    @Transactional
    public Map<Long, List<Annotation>> byWard() {
        Map<Long, List<Annotation>> byWard = new HashMap<>();
        repository.findAll().forEach(a -> byWard.computeIfAbsent(a.wardId(), id -> new ArrayList<>()).add(a));
        byWard.replaceAll((id, list) -> list.stream().sorted(ORDER).toList());
        return byWard;
    }

    @Transactional
    public List<AnnotationView> list(Ward ward) {
        return ofWard(ward.id()).stream().map(a -> AnnotationView.of(a, ward.code())).toList();
    }

    @Transactional
    public AnnotationView find(Ward ward, long id) {
        return AnnotationView.of(existing(ward, id), ward.code());
    }

    /** Checks and stores a new annotation from a JSON body; {@code user} is who records it. */
    @Transactional
    public AnnotationView create(Ward ward, byte[] body, String user) {
        AnnotationRequest.Draft draft = checked(ward, JsonTree.parse(body), AnnotationRequest.Draft.EMPTY, null);
        Annotation saved = repository.save(new Annotation(null, ward.id(), draft.measure(), draft.kind(),
                draft.title(), draft.description(), draft.startDate(), draft.endDate(), draft.owner(),
                draft.outcome(), user, Instant.now(clock)));
        AnnotationView view = AnnotationView.of(saved, ward.code());
        audit.record("annotation.created", SUBJECT, String.valueOf(saved.id()), null, view);
        return view;
    }

    /** Changes the fields a JSON body gives ({@code null} clears an optional one); the rest stay as they were. */
    @Transactional
    public AnnotationView change(Ward ward, long id, byte[] body) {
        Annotation before = existing(ward, id);
        AnnotationRequest.Draft draft = checked(ward, JsonTree.parse(body), AnnotationRequest.Draft.of(before), id);
        Annotation after = repository.update(new Annotation(id, ward.id(), draft.measure(), draft.kind(),
                draft.title(), draft.description(), draft.startDate(), draft.endDate(), draft.owner(),
                draft.outcome(), before.createdBy(), before.createdAt()));
        AnnotationView view = AnnotationView.of(after, ward.code());
        audit.record("annotation.updated", SUBJECT, String.valueOf(id), AnnotationView.of(before, ward.code()),
                view);
        return view;
    }

    @Transactional
    public void delete(Ward ward, long id) {
        Annotation before = existing(ward, id);
        repository.deleteById(id);
        audit.record("annotation.deleted", SUBJECT, String.valueOf(id), AnnotationView.of(before, ward.code()),
                null);
    }

    private AnnotationRequest.Draft checked(Ward ward, Object tree, AnnotationRequest.Draft base, Long changing) {
        List<Annotation> otherRebases = ofWard(ward.id()).stream()
                .filter(a -> Annotation.REBASE.equals(a.kind()) && !a.id().equals(changing))
                .toList();
        List<FieldError> errors = new ArrayList<>();
        AnnotationRequest.Draft draft = AnnotationRequest.read(tree, base, id -> measures.byId(id).isPresent(),
                otherRebases, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return draft;
    }

    /** The annotation with this id on this ward; another ward's is as missing as one that never existed. */
    private Annotation existing(Ward ward, long id) {
        return repository.findById(id)
                .filter(a -> a.wardId() == ward.id())
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                        "Ward " + ward.code() + " has no annotation " + id));
    }
}
