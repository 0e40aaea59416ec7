package org.medaudit.finding;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.medaudit.support.TestDatabases;

/** The findings review on the embedded default, a SQLite file. */
@MicronautTest(transactional = false)
class SqliteFindingReviewTest extends FindingReviewContract {

    @Override
    public Map<String, String> getProperties() {
        return TestDatabases.sqlite();
    }
}
