package org.medaudit;

import io.micronaut.runtime.Micronaut;
import java.util.Arrays;
import org.medaudit.form.CsvImportCommand;

/** Starts the MedAudit service (or one of its commands). */
public final class Application {

    private Application() {
    }

    /** Starts the service, or runs the command named first ({@code import-csv FILE …}). */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(CsvImportCommand.NAME)) {
            CsvImportCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Micronaut.run(Application.class, args);
    }
}
