package org.medaudit.sample;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.medaudit.support.TestDatabases;

/** The intake contract on the embedded default, a SQLite file. */
@MicronautTest(transactional = false)
class SqliteSampleApiTest extends SampleApiContract {

    @Override
    public Map<String, String> getProperties() {
        return TestDatabases.sqlite();
    }
}
