package org.medaudit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medaudit.backup.SqliteBackup;
import org.medaudit.support.Charts;
import org.medaudit.support.Http;
import org.medaudit.support.IntakeLoad;
import org.medaudit.support.ServiceProcess;

/**
 * Crash safety of the packaged service: it is killed with SIGKILL in the middle of concurrent intake, three times
 * at different points, and restarted on the same SQLite file each time. Every sample it acknowledged (201) must be
 * there exactly as acknowledged, with its findings; no sample may be half written; the file must pass
 * {@code PRAGMA integrity_check}. Runs in {@code mvn verify} (Failsafe), after the jar is packaged.
 */
class CrashSafetyIT {

    static final long SEED = Long.getLong("medaudit.seed", 20261130L);
    static final int WRITERS = 6;
    /** Kill after this many acknowledgements in each round (and a random few milliseconds more). */
    static final int[] KILL_AFTER = {40, 5, 120};

    @Test
    @DisplayName("killed by SIGKILL mid-load three times, the service loses no acknowledged sample, half-writes none")
    void acknowledgedSamplesSurviveSigkill() throws Exception {
        Path folder = Files.createTempDirectory("medaudit-crash");
        Path database = folder.resolve("medaudit.db");
        Path log = folder.resolve("service.log");
        Random random = new Random(SEED);
        Map<String, Map<String, Object>> acknowledged = new LinkedHashMap<>();
        System.out.println("CrashSafetyIT seed " + SEED + ", database " + database + ", log " + log);

        for (int round = 0; round < KILL_AFTER.length; round++) {
            ServiceProcess service = ServiceProcess.start(database, log);
            assertThat(missingOrChanged(service, acknowledged)).as("after restart " + round).isEmpty();
            List<Http> writers = IntStream.range(0, WRITERS).mapToObj(i -> service.admin()).toList();
            int offset = round * 1_000_000;
            IntakeLoad load = new IntakeLoad(writers, n -> Charts.varied(offset + n));
            load.awaitAcknowledged(KILL_AFTER[round], Duration.ofSeconds(120));
            long delay = random.nextInt(250);
            Thread.sleep(delay);

            service.kill();
            load.close();

            assertThat(load.failures()).as("answers other than 201 before the kill").isEmpty();
            acknowledged.putAll(load.acknowledged());
            System.out.printf("round %d: killed %d ms after the %dth acknowledgement; %d acknowledged in the round, "
                    + "%d requests refused or cut off%n", round, delay, KILL_AFTER[round], load.acknowledgedCount(),
                    load.connectionFailures());
        }

        try (ServiceProcess service = ServiceProcess.start(database, log)) {
            assertThat(missingOrChanged(service, acknowledged)).as("after the last restart").isEmpty();
        }
        assertThat(SqliteBackup.integrityProblems(database)).as("PRAGMA integrity_check").isEmpty();
        assertThat(halfWritten(database)).as("samples stored without all their orders or findings").isEmpty();
        long stored = storedCount(database);
        System.out.printf("%d samples acknowledged, %d stored (the rest committed but their answers cut off)%n",
                acknowledged.size(), stored);
        assertThat(stored).isGreaterThanOrEqualTo(acknowledged.size());
    }

    /** Every acknowledged sample, read back through the API, must be exactly what the 201 answered. */
    private static List<String> missingOrChanged(ServiceProcess service, Map<String, Map<String, Object>> expected) {
        Http reader = service.admin();
        List<String> wrong = new ArrayList<>();
        expected.forEach((id, sample) -> {
            Http.Response read = reader.get("/api/v1/samples/" + id);
            if (read.status() != 200) {
                wrong.add(id + ": " + read.status());
            } else if (!read.object().equals(sample)) {
                wrong.add(id + ": stored " + read.body() + " but acknowledged " + sample);
            }
        });
        return wrong;
    }

    /**
     * Samples whose orders do not number what the sample says, or with no findings (every chart the test sends
     * gives several), including samples stored but never acknowledged because the kill cut the answer off.
     */
    private static List<String> halfWritten(Path database) throws SQLException {
        List<String> wrong = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT s.id, s.orders_audited,
                            (SELECT COUNT(*) FROM medication_order o WHERE o.sample_id = s.id) AS orders,
                            (SELECT COUNT(*) FROM finding f WHERE f.sample_id = s.id) AS findings
                     FROM chart_sample s""")) {
            while (rows.next()) {
                if (rows.getInt("orders") != rows.getInt("orders_audited") || rows.getInt("findings") == 0) {
                    wrong.add(rows.getString("id") + ": " + rows.getInt("orders") + " of "
                            + rows.getInt("orders_audited") + " orders, " + rows.getInt("findings") + " findings");
                }
            }
        }
        return wrong;
    }

    private static long storedCount(Path database) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM chart_sample")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
