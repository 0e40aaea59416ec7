package org.medaudit.improvement;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface AnnotationRepository extends CrudRepository<Annotation, Long> {

    List<Annotation> findByWardIdOrderByStartDate(long wardId);
}
