package org.medaudit.rules;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.medaudit.support.TestDatabases;

/** The rule catalogue and its counts query on the embedded default, a SQLite file. */
@MicronautTest(transactional = false)
class SqliteRuleCatalogueTest extends RuleCatalogueContract {

    @Override
    public Map<String, String> getProperties() {
        return TestDatabases.sqlite();
    }
}
