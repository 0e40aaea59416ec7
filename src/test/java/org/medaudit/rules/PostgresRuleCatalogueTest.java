package org.medaudit.rules;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIf;
import org.medaudit.support.TestDatabases;

/** The rule catalogue and its counts query on PostgreSQL. */
@EnabledIf("org.medaudit.support.ExternalServices#postgresAvailable")
@MicronautTest(transactional = false, environments = "postgres")
class PostgresRuleCatalogueTest extends RuleCatalogueContract {

    @Override
    public Map<String, String> getProperties() {
        return TestDatabases.postgres();
    }
}
