package org.medaudit.backup;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import java.util.List;
import org.medaudit.security.Roles;

/** Online backups of the embedded database, for admins (restore: docs/operations.md). */
@Controller("/api/v1/admin/backups")
@Secured(Roles.ADMIN)
class BackupController {

    private final DatabaseBackups backups;

    BackupController(DatabaseBackups backups) {
        this.backups = backups;
    }

    /** Takes a consistent backup now, while the service keeps working; answers with the file written. */
    @Post
    HttpResponse<BackupFile> backup() {
        return HttpResponse.created(backups.backup());
    }

    /** The backups in the backup folder, newest first. */
    @Get
    List<BackupFile> backups() {
        return backups.list();
    }
}
