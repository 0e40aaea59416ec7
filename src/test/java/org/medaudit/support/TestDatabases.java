package org.medaudit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Databases for tests that start the application: a fresh SQLite file per test class, or a fresh PostgreSQL
 * database on the local server (CI has one; elsewhere those tests skip with a banner). Tests that do not care which
 * database they run on ask for {@link #configured()}, which {@code -Dmedaudit.test.database=postgres} switches to
 * PostgreSQL for the whole suite (CI runs the suite a second time that way).
 */
public final class TestDatabases {

    /** The PostgreSQL server of CI and of this kind of machine: trust authentication, user postgres. */
    public static final String POSTGRES_SERVER = System.getProperty("medaudit.test.postgres",
            "jdbc:postgresql://127.0.0.1:5432/");
    public static final String POSTGRES_USER = "postgres";

    /** The database {@link #configured()} gives: {@code sqlite} (the default) or {@code postgres}. */
    public static final String CONFIGURED = System.getProperty("medaudit.test.database", "sqlite");

    private TestDatabases() {
    }

    /** Whether the suite runs on PostgreSQL ({@code -Dmedaudit.test.database=postgres}). */
    public static boolean postgresConfigured() {
        return switch (CONFIGURED) {
            case "sqlite", "" -> false;
            case "postgres" -> true;
            default -> throw new IllegalStateException(
                    "medaudit.test.database must be sqlite or postgres, not " + CONFIGURED);
        };
    }

    /**
     * Configuration pointing the application at a new, empty database of the kind this test run is configured for.
     * PostgreSQL is configured completely here (not through the {@code postgres} environment), so that a test needs
     * no annotation of its own to follow the switch.
     */
    public static Map<String, String> configured() {
        if (!postgresConfigured()) {
            return sqlite();
        }
        Map<String, String> properties = new HashMap<>(postgres());
        properties.put("datasources.default.url", properties.get("medaudit.db.url"));
        properties.put("datasources.default.username", POSTGRES_USER);
        properties.put("datasources.default.password", "");
        properties.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        properties.put("flyway.datasources.default.locations", "classpath:db/migration/postgres");
        return properties;
    }

    /** Configuration pointing the application at a new, empty SQLite file, with its own backup folder beside it. */
    public static Map<String, String> sqlite() {
        try {
            Path folder = Files.createTempDirectory("medaudit-test");
            folder.toFile().deleteOnExit();
            String url = "jdbc:sqlite:" + folder.resolve("medaudit.db")
                    + "?journal_mode=WAL&busy_timeout=5000&foreign_keys=true&synchronous=NORMAL"
                    + "&transaction_mode=IMMEDIATE&date_class=TEXT";
            return Map.of("datasources.default.url", url, "medaudit.backup.folder",
                    folder.resolve("backups").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops a test database when the test run ends, closing whatever connections the application left open. */
    private static void drop(String database) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_SERVER + "test", POSTGRES_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + database + ": " + e.getMessage());
        }
    }

    /** Configuration pointing the application (environment {@code postgres}) at a new, empty database. */
    public static Map<String, String> postgres() {
        String database = "medaudit_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(POSTGRES_SERVER + "test", POSTGRES_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + POSTGRES_SERVER, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(database)));
        return Map.of("medaudit.db.url", POSTGRES_SERVER + database, "medaudit.db.user", POSTGRES_USER,
                "medaudit.db.password", "");
    }
}
