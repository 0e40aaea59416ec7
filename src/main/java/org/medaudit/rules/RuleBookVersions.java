package org.medaudit.rules;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import org.medaudit.audit.AuditTrail;

/** The record of rule-book versions that have served, and of each reload in the audit trail. */
@Singleton
class RuleBookVersions {

    /** Audit action of a reload that changed the serving rule book. */
    static final String RELOADED = "rules.reloaded";
    static final String SUBJECT = "rule-book";

    /** What the audit trail keeps of a rule book on either side of a reload. */
    @Serdeable
    record State(String version, int ruleCount, @Nullable String localPacks) {

        static State of(RuleBook ruleBook) {
            return new State(ruleBook.version(), ruleBook.rules().size(), ruleBook.localDescription());
        }
    }

    private final RuleBookRepository repository;
    private final AuditTrail audit;

    RuleBookVersions(RuleBookRepository repository, AuditTrail audit) {
        this.repository = repository;
        this.audit = audit;
    }

    List<RuleBookRecord> all() {
        return repository.findAllOrderByBuiltAtDesc();
    }

    /** Records a version about to serve, unless it has served before (here or on another instance). */
    void record(RuleBook ruleBook) {
        if (repository.existsById(ruleBook.version())) {
            return;
        }
        try {
            repository.save(new RuleBookRecord(ruleBook.version(), ruleBook.builtAt(), ruleBook.rules().size(),
                    ruleBook.localDescription()));
        } catch (RuntimeException e) {
            // Another instance sharing the database recorded the same version first.
            if (!repository.existsById(ruleBook.version())) {
                throw e;
            }
        }
    }

    /** Records the new version and the reload together, so that neither is stored without the other. */
    @Transactional
    void recordReload(RuleBook before, RuleBook after) {
        record(after);
        audit.record(RELOADED, SUBJECT, after.version(), State.of(before), State.of(after));
    }
}
