package org.medaudit.finding;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIf;
import org.medaudit.support.TestDatabases;

/** The findings review on PostgreSQL, chosen by configuration alone (the {@code postgres} environment). */
@EnabledIf("org.medaudit.support.ExternalServices#postgresAvailable")
@MicronautTest(transactional = false, environments = "postgres")
class PostgresFindingReviewTest extends FindingReviewContract {

    @Override
    public Map<String, String> getProperties() {
        return TestDatabases.postgres();
    }
}
