package org.medaudit;

import io.micronaut.runtime.Micronaut;
import java.util.Arrays;
import org.medaudit.demo.DemoCommand;

/** Starts the MedAudit service; {@code demo} as the first argument fills the database with demo data instead. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("demo")) {
            DemoCommand.run(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Micronaut.run(Application.class, args);
    }
}
