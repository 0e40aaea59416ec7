package org.medaudit.demo;

import io.micronaut.context.ApplicationContext;
import java.util.Map;

/**
 * {@code java -jar target/medaudit.jar demo}: fills the configured database with the demo network and exits (the
 * same configuration as the service: {@code MEDAUDIT_DB}, {@code --medaudit.demo.months=…}). Nothing happens to a
 * database that already holds samples.
 */
public final class DemoCommand {

    private DemoCommand() {
    }

    /** Starts the application context without the HTTP server, fills the database, and closes it. */
    public static void run(String[] args) {
        // enabled=false: the start-up listener stays quiet, as the command fills the database itself, in the
        // foreground.
        try (ApplicationContext context = ApplicationContext.builder().args(args)
                .properties(Map.of("medaudit.demo.enabled", "false")).start()) {
            int created = context.getBean(DemoNetwork.class).fillIfEmpty();
            System.out.println(created == 0 ? "The database already holds samples: no demo data added."
                    : "Demo data ready: " + created + " audited charts. Start the service to see them.");
        }
    }
}
