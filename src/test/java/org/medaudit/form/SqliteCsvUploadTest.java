package org.medaudit.form;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.medaudit.support.TestDatabases;

/** CSV upload on the embedded default, a SQLite file. */
@MicronautTest(transactional = false)
class SqliteCsvUploadTest extends CsvUploadContract {

    @Override
    public Map<String, String> getProperties() {
        return TestDatabases.sqlite();
    }
}
