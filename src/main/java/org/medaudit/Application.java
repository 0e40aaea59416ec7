package org.medaudit;

import io.micronaut.runtime.Micronaut;

/** Starts the MedAudit service. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
