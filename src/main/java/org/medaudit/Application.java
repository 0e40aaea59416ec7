package org.medaudit;

import io.micronaut.runtime.Micronaut;
import java.util.Arrays;
import org.medaudit.backup.DatabaseCommands;
import org.medaudit.demo.DemoCommand;
import org.medaudit.form.CsvImportCommand;

/**
 * Starts the MedAudit service, or runs one of its commands instead: {@code demo} fills the database with demo data,
 * {@code import-csv FILE …} imports audits from a CSV file, and the database commands ({@link DatabaseCommands}:
 * {@code backup}, {@code check-database}) look after the file.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("demo")) {
            DemoCommand.run(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals(CsvImportCommand.NAME)) {
            CsvImportCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (DatabaseCommands.handles(args)) {
            System.exit(DatabaseCommands.run(args, System.out, System.err));
        }
        Micronaut.run(Application.class, args);
    }
}
