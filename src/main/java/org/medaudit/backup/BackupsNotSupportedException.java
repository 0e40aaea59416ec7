package org.medaudit.backup;

/** A backup asked of a database MedAudit does not back up itself (PostgreSQL: pg_dump's job). */
public class BackupsNotSupportedException extends RuntimeException {

    public BackupsNotSupportedException(String message) {
        super(message);
    }
}
