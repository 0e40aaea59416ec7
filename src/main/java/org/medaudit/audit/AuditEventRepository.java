package org.medaudit.audit;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** Append-only: the trail can be added to and read, never changed or deleted through the application. */
@JdbcRepository(dialect = Dialect.ANSI)
interface AuditEventRepository extends GenericRepository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);

    Page<AuditEvent> findAll(Pageable pageable);

    List<AuditEvent> findBySubjectTypeOrderById(String subjectType);

    Page<AuditEvent> findBySubjectTypeAndSubjectId(String subjectType, String subjectId, Pageable pageable);

    List<AuditEvent> findBySubjectTypeAndAction(String subjectType, String action, Pageable pageable);
}
