package org.medaudit.backup;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** One backup file in the backup folder: its name, size in bytes and when it was written. */
@Serdeable
public record BackupFile(String name, long sizeBytes, Instant createdAt) {
}
