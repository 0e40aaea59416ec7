package org.medaudit.backup;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.medaudit.security.Roles;
import org.medaudit.system.ApiDocs;

/** Online backups of the embedded database, for admins (restore: docs/operations.md). */
@Controller("/api/v1/admin/backups")
@Secured(Roles.ADMIN)
@Tag(name = ApiDocs.ADMIN)
class BackupController {

    private final DatabaseBackups backups;

    BackupController(DatabaseBackups backups) {
        this.backups = backups;
    }

    /** Takes a consistent backup now, while the service keeps working; answers with the file written. */
    @Post
    @Operation(summary = "Take an online backup of the SQLite database now (admin)", description = "A "
            + "consistent copy while the service keeps working, checked before it is listed; on PostgreSQL 501 "
            + "(backups are pg_dump's job).")
    @ApiResponse(responseCode = "201", description = "The backup file: name, size and time")
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    HttpResponse<BackupFile> backup() {
        return HttpResponse.created(backups.backup());
    }

    /** The backups in the backup folder, newest first. */
    @Get
    @Operation(summary = "The backups taken (admin)", description = "Newest first.")
    @ApiResponse(responseCode = "200", description = "The backup files")
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    List<BackupFile> backups() {
        return backups.list();
    }
}
