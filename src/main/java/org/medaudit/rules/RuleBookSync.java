package org.medaudit.rules;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.medaudit.audit.AuditEvent;
import org.medaudit.audit.AuditTrail;

/**
 * Keeps the instances that share one database on one rule book. A reload on any instance records a
 * {@code rules.reloaded} event in the audit trail; every instance looks for a newer one at a fixed interval
 * ({@code medaudit.rules-sync-interval}, 10 s by default) and then rebuilds from its own rules folder, swapping the
 * result in only if it is exactly the version announced. Reloads made before this instance started are not
 * followed: at start-up an instance serves its own folder, as every deployment of new rules does.
 */
@Singleton
class RuleBookSync {

    /** What one look at the database did. */
    enum Outcome { NOTHING_NEW, ALREADY_SERVING, FOLLOWED, REFUSED }

    private final AuditTrail audit;
    private final RuleBookService ruleBooks;
    /** The newest reload announcement this instance has acted on, by audit-trail id. */
    private long seen;

    RuleBookSync(AuditTrail audit, RuleBookService ruleBooks) {
        this.audit = audit;
        this.ruleBooks = ruleBooks;
        this.seen = lastReload().map(AuditEvent::id).orElse(0L);
    }

    @Scheduled(fixedDelay = "${medaudit.rules-sync-interval:10s}",
            initialDelay = "${medaudit.rules-sync-interval:10s}")
    synchronized Outcome check() {
        Optional<AuditEvent> last = lastReload().filter(event -> event.id() > seen);
        if (last.isEmpty()) {
            return Outcome.NOTHING_NEW;
        }
        seen = last.get().id();
        String announced = last.get().subjectId();
        if (announced.equals(ruleBooks.current().version())) {
            return Outcome.ALREADY_SERVING;
        }
        // A folder that gives another version is logged once per announcement, not at every interval.
        return ruleBooks.follow(announced) ? Outcome.FOLLOWED : Outcome.REFUSED;
    }

    private Optional<AuditEvent> lastReload() {
        return audit.last(RuleBookVersions.SUBJECT, RuleBookVersions.RELOADED);
    }
}
