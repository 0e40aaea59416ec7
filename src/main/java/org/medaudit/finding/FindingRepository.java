package org.medaudit.finding;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
public interface FindingRepository extends CrudRepository<Finding, String> {

    List<Finding> findBySampleIdOrderByPosition(String sampleId);
}
