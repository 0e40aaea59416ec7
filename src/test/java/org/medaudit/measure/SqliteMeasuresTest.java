package org.medaudit.measure;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.medaudit.support.TestDatabases;

@MicronautTest(transactional = false)
class SqliteMeasuresTest extends MeasuresContract {

    @Override
    public Map<String, String> getProperties() {
        return unsuppressed(TestDatabases.sqlite());
    }
}
