package org.medaudit.backup;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.medaudit.audit.AuditTrail;
import org.medaudit.system.SqliteUrl;

/**
 * Online backups of the embedded SQLite database into the backup folder, taken on a pooled connection while the
 * service keeps taking samples. On PostgreSQL backups are the database's own business (pg_dump), and asking for
 * one here is refused with a {@link BackupsNotSupportedException}.
 */
@Singleton
public class DatabaseBackups {

    private final DataSource dataSource;
    private final Path folder;
    private final AuditTrail audit;
    private final Clock clock;

    DatabaseBackups(DataSource dataSource, @Value("${medaudit.backup.folder:./data/backups}") String folder,
            AuditTrail audit, Clock clock) {
        this.dataSource = dataSource;
        this.folder = Path.of(folder);
        this.audit = audit;
        this.clock = clock;
    }

    /** Takes a backup now; one at a time, so that two requests never write the same file. */
    public synchronized BackupFile backup() {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            String url = connection.getMetaData().getURL();
            if (!SqliteUrl.isSqlite(url)) {
                throw new BackupsNotSupportedException("MedAudit backs up only its embedded SQLite database. "
                        + "This instance runs on PostgreSQL: back it up with pg_dump (or the database's own "
                        + "continuous archiving), as docs/operations.md describes.");
            }
            Path target = folder.resolve(SqliteBackup.fileName(Instant.now(clock)));
            SqliteBackup.write(connection, target);
            BackupFile backup = describe(target);
            audit.record("backup.created", "backup", backup.name(), null, Map.of("sizeBytes", backup.sizeBytes()));
            return backup;
        } catch (SQLException e) {
            throw new IllegalStateException("The backup could not be taken: " + e.getMessage(), e);
        }
    }

    /** The backups in the folder, newest first. */
    public List<BackupFile> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".db") && Files.isRegularFile(file))
                    .map(DatabaseBackups::describe)
                    .sorted(Comparator.comparing(BackupFile::createdAt).reversed()
                            .thenComparing(BackupFile::name, Comparator.reverseOrder()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the backup folder " + folder.toAbsolutePath(), e);
        }
    }

    private static BackupFile describe(Path file) {
        try {
            return new BackupFile(file.getFileName().toString(), Files.size(file),
                    Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
