package org.medaudit.ward;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
interface SiteRepository extends CrudRepository<Site, Long> {

    Optional<Site> findByCode(String code);

    List<Site> findAllOrderByCode();
}
