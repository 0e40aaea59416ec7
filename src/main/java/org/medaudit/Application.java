package org.medaudit;

import io.micronaut.runtime.Micronaut;
import org.medaudit.backup.DatabaseCommands;

/** Starts the MedAudit service, or runs one of its database commands ({@link DatabaseCommands}). */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (DatabaseCommands.handles(args)) {
            System.exit(DatabaseCommands.run(args, System.out, System.err));
        }
        Micronaut.run(Application.class, args);
    }
}
