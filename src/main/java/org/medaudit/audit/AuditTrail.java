package org.medaudit.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Records every change — samples, findings, users, tokens, rules, wards — with who made it and, where it applies,
 * the state before and after. Call it inside the transaction of the change, so that both are stored or neither.
 */
@Singleton
public class AuditTrail {

    /** The actor of changes made by MedAudit itself (start-up, first-run admin, the sites file). */
    public static final String SYSTEM = "system";

    /** Who background work (a CSV import) is done for, as there is no request to say so. */
    private static final ThreadLocal<String> ACTING_FOR = new ThreadLocal<>();

    private final AuditEventRepository events;
    private final SecurityService security;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(AuditEventRepository events, SecurityService security, JsonMapper json, Clock clock) {
        this.events = events;
        this.security = security;
        this.json = json;
        this.clock = clock;
    }

    /** Records a change by whoever is making the current request (or the system, outside a request). */
    public void record(String action, String subjectType, String subjectId, @Nullable Object before,
            @Nullable Object after) {
        String actor = ACTING_FOR.get() != null ? ACTING_FOR.get() : security.username().orElse(SYSTEM);
        events.save(new AuditEvent(null, Instant.now(clock), actor, action, subjectType, subjectId, text(before),
                text(after)));
    }

    /**
     * Runs work outside a request (a background CSV import, the command line) on behalf of a person, so that the
     * changes it makes are recorded as theirs.
     */
    public static <T> T actingFor(String username, Supplier<T> work) {
        String before = ACTING_FOR.get();
        ACTING_FOR.set(username);
        try {
            return work.get();
        } finally {
            if (before == null) {
                ACTING_FOR.remove();
            } else {
                ACTING_FOR.set(before);
            }
        }
    }

    /** Newest first. */
    public Page<AuditEvent> page(Pageable pageable) {
        return events.findAll(newestFirst(pageable));
    }

    /** Every event about one kind of subject (e.g. {@code ward}), oldest first, as it was recorded. */
    public List<AuditEvent> ofSubjectType(String subjectType) {
        return events.findBySubjectTypeOrderById(subjectType);
    }

    public Page<AuditEvent> forSubject(String subjectType, String subjectId, Pageable pageable) {
        return events.findBySubjectTypeAndSubjectId(subjectType, subjectId, newestFirst(pageable));
    }

    /**
     * The last event of this action on this type of subject, by the order the database stored them in (not by
     * clock: instances sharing a database may disagree on the time).
     */
    public Optional<AuditEvent> last(String subjectType, String action) {
        return events.findBySubjectTypeAndAction(subjectType, action,
                Pageable.from(0, 1, Sort.of(Sort.Order.desc("id")))).stream().findFirst();
    }

    private static Pageable newestFirst(Pageable pageable) {
        return Pageable.from(pageable.getNumber(), pageable.getSize(),
                Sort.of(Sort.Order.desc("occurredAt"), Sort.Order.desc("id")));
    }

    private String text(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record audit state", e);
        }
    }
}
