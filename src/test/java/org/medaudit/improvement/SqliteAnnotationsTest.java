package org.medaudit.improvement;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.medaudit.support.TestDatabases;

@MicronautTest(transactional = false)
class SqliteAnnotationsTest extends AnnotationsContract {

    @Override
    public Map<String, String> getProperties() {
        return TestDatabases.sqlite();
    }
}
