package org.medaudit.security;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** A secret every instance must share, such as the key that signs session cookies. */
@MappedEntity("app_secret")
record AppSecret(@Id String name, String value) {

    @JdbcRepository(dialect = Dialect.ANSI)
    interface Repository extends CrudRepository<AppSecret, String> {
    }
}
