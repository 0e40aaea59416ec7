package org.medaudit.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.medaudit.system.SqliteUrl;

/**
 * The online backup of a SQLite database, shared by the admin endpoint and the {@code backup} command.
 * {@code VACUUM INTO} reads one consistent snapshot (a WAL read transaction) while writers carry on, and writes a
 * compact copy; the copy is made a single self-contained file, checked with {@code PRAGMA integrity_check}, and
 * only then moved to its name, so that a file under that name is always a whole, verified backup.
 */
public final class SqliteBackup {

    /** Backup names sort by time: medaudit-20261130-181502-123.db (UTC). */
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'medaudit-'yyyyMMdd-HHmmss-SSS'.db'")
            .withZone(ZoneOffset.UTC);

    private SqliteBackup() {
    }

    /** The name of a backup taken at this instant. */
    public static String fileName(Instant at) {
        return NAME.format(at);
    }

    /** The database file of a SQLite JDBC URL. */
    public static Path databaseFile(String url) {
        if (!SqliteUrl.isSqlite(url)) {
            throw new IllegalArgumentException("the configured database is not a SQLite file; name a file to check");
        }
        return Path.of(SqliteUrl.file(url));
    }

    /** Writes a verified backup of the database behind {@code connection} to {@code target}, which must not exist. */
    public static void write(Connection connection, Path target) throws SQLException {
        Path absolute = target.toAbsolutePath();
        if (Files.exists(absolute)) {
            throw new IllegalArgumentException("The backup file " + absolute + " exists already; choose a new name");
        }
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        try {
            Files.createDirectories(absolute.getParent());
            Files.deleteIfExists(partial);
            try (PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, partial.toString());
                vacuum.execute();
            }
            try (Connection copy = DriverManager.getConnection(SqliteUrl.PREFIX + partial);
                 Statement statement = copy.createStatement()) {
                // A backup in rollback-journal mode is one file: nothing beside it to forget when it is copied.
                statement.execute("PRAGMA journal_mode=DELETE");
                List<String> problems = integrityProblems(statement);
                if (!problems.isEmpty()) {
                    throw new SQLException("The backup failed its integrity check: " + problems);
                }
            }
            Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the backup " + absolute, e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // A left-over .partial file is never listed as a backup.
            }
        }
    }

    /** {@code PRAGMA integrity_check} of a database file: empty when it is sound. */
    public static List<String> integrityProblems(Path file) throws SQLException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No database file at " + file.toAbsolutePath());
        }
        try (Connection connection = DriverManager.getConnection(SqliteUrl.PREFIX + file.toAbsolutePath());
             Statement statement = connection.createStatement()) {
            return integrityProblems(statement);
        }
    }

    private static List<String> integrityProblems(Statement statement) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
            while (rows.next()) {
                problems.add(rows.getString(1));
            }
        }
        return problems.equals(List.of("ok")) ? List.of() : problems;
    }
}
