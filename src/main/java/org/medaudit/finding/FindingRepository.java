package org.medaudit.finding;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface FindingRepository extends CrudRepository<Finding, String> {

    List<Finding> findBySampleIdOrderByPosition(String sampleId);

    List<Finding> findBySampleIdIn(Collection<String> sampleIds);

    Optional<Finding> findByIdAndSampleId(String id, String sampleId);

    void deleteBySampleId(String sampleId);
}
