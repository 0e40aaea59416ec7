package org.medaudit.form;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIf;
import org.medaudit.support.TestDatabases;

/** CSV upload on PostgreSQL, chosen by configuration alone (the {@code postgres} environment). */
@EnabledIf("org.medaudit.support.ExternalServices#postgresAvailable")
@MicronautTest(transactional = false, environments = "postgres")
class PostgresCsvUploadTest extends CsvUploadContract {

    @Override
    public Map<String, String> getProperties() {
        return TestDatabases.postgres();
    }
}
