package org.medaudit.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medaudit.security.Roles;
import org.medaudit.security.Scope;
import org.medaudit.security.Users;
import org.medaudit.support.Charts;
import org.medaudit.support.Http;
import org.medaudit.support.IntakeLoad;
import org.medaudit.support.People;
import org.medaudit.support.TestDatabases;

/**
 * Online backup of the embedded database, taken while charts keep arriving, and its restore: the service started
 * on the backup file holds every sample acknowledged before the backup was asked for, exactly as acknowledged.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    Users users;

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Value("${medaudit.backup.folder}")
    String backupFolder;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabases.sqlite();
    }

    @Test
    @DisplayName("a backup taken under concurrent intake, restored, holds every sample acknowledged before it")
    void backupUnderLoadRestoresEveryAcknowledgedSample() throws Exception {
        Http admin = People.signedIn(server, users, "backup-admin", List.of(Roles.ADMIN), Scope.NONE);
        List<Http> writers = IntStream.range(0, 4).mapToObj(i -> People.pharmacist(server, users)).toList();
        Map<String, Map<String, Object>> beforeBackup;
        Http.Response backup;
        int acknowledgedAfterwards;
        try (IntakeLoad load = new IntakeLoad(writers, Charts::varied)) {
            load.awaitAcknowledged(60, Duration.ofSeconds(60));
            // Every 201 received by now was committed before the backup is asked for.
            beforeBackup = load.acknowledged();
            backup = admin.post("/api/v1/admin/backups", "application/json", new byte[0]);
            load.awaitAcknowledged(load.acknowledgedCount() + 20, Duration.ofSeconds(60));
            acknowledgedAfterwards = load.acknowledgedCount();
            assertThat(load.failures()).as("answers other than 201 during the backup").isEmpty();
        }

        assertThat(backup.status()).as(backup.body()).isEqualTo(201);
        String name = (String) backup.object().get("name");
        assertThat(name).matches("medaudit-\\d{8}-\\d{6}-\\d{3}\\.db");
        assertThat(((Number) backup.object().get("sizeBytes")).longValue()).isPositive();
        assertThat(backup.object()).containsKey("createdAt");
        Path file = Path.of(backupFolder, name);
        assertThat(Files.size(file)).isEqualTo(((Number) backup.object().get("sizeBytes")).longValue());
        assertThat(SqliteBackup.integrityProblems(file)).as("PRAGMA integrity_check of the backup").isEmpty();
        List<?> listed = (List<?>) admin.get("/api/v1/admin/backups").json();
        assertThat(listed.stream().map(entry -> String.valueOf(((Map<?, ?>) entry).get("name"))).toList()).contains(name);
        System.out.printf("backup under load: %d samples acknowledged before it, %d by the end%n",
                beforeBackup.size(), acknowledgedAfterwards);

        List<String> missingOrChanged = restoreAndRead(file, beforeBackup);

        assertThat(missingOrChanged).as("acknowledged samples missing or different after restore").isEmpty();
    }

    @Test
    @DisplayName("the backup command writes a checked copy without stopping the service, and checks a file")
    void backupCommand() throws Exception {
        Http pharmacist = People.pharmacist(server, users);
        String id = (String) pharmacist.postJson("/api/v1/samples", Charts.designExample()).object().get("id");
        Path target = Files.createTempDirectory("medaudit-backup-command").resolve("copy.db");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = DatabaseCommands.run(new String[] {"backup", target.toString(),
            "--datasources.default.url=" + databaseUrl}, print(out), print(err));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Backup written and checked", target.toString());
        assertThat(DatabaseCommands.run(new String[] {"check-database", target.toString()}, print(out), print(err)))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ok: " + target);
        assertThat(restoreAndRead(target, Map.of(id, pharmacist.get("/api/v1/samples/" + id).object()))).isEmpty();
    }

    @Test
    @DisplayName("check refuses a damaged file; backup refuses to overwrite a file or to back up a missing database")
    void commandsRefuse() throws Exception {
        Path folder = Files.createTempDirectory("medaudit-damaged");
        Path damaged = Files.write(folder.resolve("damaged.db"), "SQLite format 3\0 but not really".getBytes(
                StandardCharsets.UTF_8));
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(DatabaseCommands.run(new String[] {"check-database", damaged.toString()},
                print(new ByteArrayOutputStream()), print(err))).isEqualTo(1);
        assertThat(DatabaseCommands.run(new String[] {"backup", damaged.toString(),
            "--datasources.default.url=" + databaseUrl}, print(new ByteArrayOutputStream()), print(err)))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("exists already");
        assertThat(DatabaseCommands.run(new String[] {"backup", folder.resolve("new.db").toString(),
            "--datasources.default.url=jdbc:sqlite:" + folder.resolve("missing.db")},
                print(new ByteArrayOutputStream()), print(err))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No database at");
        assertThat(folder.resolve("missing.db")).doesNotExist();
    }

    @Test
    @DisplayName("backups are for admins only")
    void adminsOnly() {
        Http pharmacist = People.pharmacist(server, users);

        assertThat(pharmacist.post("/api/v1/admin/backups", "application/json", new byte[0]).status()).isEqualTo(403);
        assertThat(pharmacist.get("/api/v1/admin/backups").status()).isEqualTo(403);
    }

    /** Starts the service on a copy of a backup, as the restore procedure does; lists what is missing or changed. */
    private List<String> restoreAndRead(Path backup, Map<String, Map<String, Object>> expected) throws Exception {
        Path restored = Files.createTempDirectory("medaudit-restored").resolve("medaudit.db");
        Files.copy(backup, restored);
        List<String> wrong = new ArrayList<>();
        try (ApplicationContext context = ApplicationContext.run(Map.of("datasources.default.url", "jdbc:sqlite:"
                + restored + "?journal_mode=WAL&busy_timeout=5000&foreign_keys=true&synchronous=NORMAL"
                + "&transaction_mode=IMMEDIATE&date_class=TEXT"), "test")) {
            EmbeddedServer restoredServer = context.getBean(EmbeddedServer.class).start();
            Http reader = People.pharmacist(restoredServer, context.getBean(Users.class));
            for (Map.Entry<String, Map<String, Object>> sample : expected.entrySet()) {
                Http.Response read = reader.get("/api/v1/samples/" + sample.getKey());
                if (read.status() != 200) {
                    wrong.add(sample.getKey() + ": " + read.status());
                } else if (!read.object().equals(sample.getValue())) {
                    wrong.add(sample.getKey() + ": stored " + read.body() + " but acknowledged " + sample.getValue());
                }
            }
        }
        assertThat(SqliteBackup.integrityProblems(restored)).as("PRAGMA integrity_check after restore").isEmpty();
        return wrong;
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

}
