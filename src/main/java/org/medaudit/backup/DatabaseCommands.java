package org.medaudit.backup;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.medaudit.system.SqliteUrl;

/**
 * The database commands of the jar, run instead of the service and needing no {@code sqlite3}:
 * <pre>
 * java -jar medaudit.jar backup [file]          an online backup of the configured database (the service may run)
 * java -jar medaudit.jar check-database [file]  PRAGMA integrity_check of a file (default: the configured database)
 * </pre>
 * They read the same configuration as the service ({@code MEDAUDIT_DB}, {@code MEDAUDIT_BACKUP_FOLDER},
 * {@code --medaudit.backup.folder=...}), without starting it.
 */
public final class DatabaseCommands {

    private static final Set<String> COMMANDS = Set.of("backup", "check-database");

    private DatabaseCommands() {
    }

    /** Whether the first argument names one of these commands. */
    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command; the exit status: 0 done, 1 failed, 2 not applicable or misused. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> files = Arrays.stream(args).skip(1).filter(arg -> !arg.startsWith("--")).toList();
        String[] properties = Arrays.stream(args).skip(1).filter(arg -> arg.startsWith("--")).toArray(String[]::new);
        if (files.size() > 1) {
            err.println("Usage: java -jar medaudit.jar " + args[0] + " [file]");
            return 2;
        }
        try (ApplicationContext context = ApplicationContext.builder().args(properties).build()) {
            Environment environment = context.getEnvironment().start();
            String url = environment.getProperty("datasources.default.url", String.class).orElse("");
            if (args[0].equals("check-database")) {
                return check(files.isEmpty() ? SqliteBackup.databaseFile(url) : Path.of(files.get(0)), out, err);
            }
            if (!SqliteUrl.isSqlite(url)) {
                err.println("This configuration uses " + url.replaceAll("\\?.*", "") + ", not the embedded SQLite "
                        + "database: back it up with pg_dump (docs/operations.md).");
                return 2;
            }
            Path target = files.isEmpty()
                    ? Path.of(environment.getProperty("medaudit.backup.folder", String.class).orElse("./data/backups"))
                            .resolve(SqliteBackup.fileName(Instant.now()))
                    : Path.of(files.get(0));
            Path database = SqliteBackup.databaseFile(url);
            if (!Files.isRegularFile(database)) {
                // Connecting would create an empty database and back that up.
                err.println("No database at " + database.toAbsolutePath()
                        + ": nothing to back up (check MEDAUDIT_DB).");
                return 1;
            }
            try (Connection connection = DriverManager.getConnection(url)) {
                SqliteBackup.write(connection, target);
            }
            out.println("Backup written and checked: " + target.toAbsolutePath() + " (" + Files.size(target)
                    + " bytes)");
            return 0;
        } catch (Exception e) {
            err.println(args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static int check(Path file, PrintStream out, PrintStream err) throws SQLException {
        List<String> problems = SqliteBackup.integrityProblems(file);
        if (problems.isEmpty()) {
            out.println("ok: " + file.toAbsolutePath() + " passed PRAGMA integrity_check");
            return 0;
        }
        err.println("DAMAGED: " + file.toAbsolutePath() + " failed PRAGMA integrity_check:");
        problems.forEach(problem -> err.println("  " + problem));
        return 1;
    }
}
