package org.medaudit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medaudit.support.Tables;
import org.medaudit.support.TestDatabases;

/** The demo network fills an empty database once, through the ordinary intake, and never touches real data. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoNetworkTest implements TestPropertyProvider {

    @Inject
    DemoNetwork demo;

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabases.configured());
        properties.put("medaudit.demo.enabled", "true");
        properties.put("medaudit.demo.months", "1");
        return properties;
    }

    @Test
    @DisplayName("demo audits are stored with their findings, and a database with samples is left alone")
    void fillsOnceThroughTheIntake() throws InterruptedException {
        long charts = waitForCharts();

        assertThat(charts).as("one month on seven wards, 8 to 24 charts each, unless the month is skipped")
                .isBetween(30L, 20 + 24 + 12 + 16 + 8 + 20 + 10L);
        assertThat(Tables.counts(dataSource).get("finding")).isPositive();
        assertThat(Tables.counts(dataSource).get("medication_order")).isGreaterThan(charts * 4);

        demo.onStartup(null);

        assertThat(Tables.counts(dataSource).get("chart_sample")).isEqualTo(charts);
    }

    /** The start-up run is in the background: wait until the count stops growing. */
    private long waitForCharts() throws InterruptedException {
        long previous = -1;
        long now = Tables.counts(dataSource).get("chart_sample");
        for (int i = 0; i < 120 && (now == 0 || now != previous); i++) {
            Thread.sleep(1000);
            previous = now;
            now = Tables.counts(dataSource).get("chart_sample");
        }
        return now;
    }
}
