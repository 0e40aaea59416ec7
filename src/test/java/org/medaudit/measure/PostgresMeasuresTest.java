package org.medaudit.measure;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIf;
import org.medaudit.support.TestDatabases;

@EnabledIf("org.medaudit.support.ExternalServices#postgresAvailable")
@MicronautTest(transactional = false, environments = "postgres")
class PostgresMeasuresTest extends MeasuresContract {

    @Override
    public Map<String, String> getProperties() {
        return unsuppressed(TestDatabases.postgres());
    }
}
