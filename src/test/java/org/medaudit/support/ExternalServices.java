package org.medaudit.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Whether the services some tests need (PostgreSQL, headless Chromium) are here. Where one is missing the tests skip with a loud
 * banner; with {@code -Dmedaudit.require-external=true} (as CI runs) a missing service fails the build instead,
 * so a skip can never pass silently in CI.
 */
public final class ExternalServices {

    private static Boolean postgres;
    private static Boolean chromium;

    private ExternalServices() {
    }

    /** Used by {@code @EnabledIf("org.medaudit.support.ExternalServices#postgresAvailable")}. */
    public static synchronized boolean postgresAvailable() {
        if (postgres == null) {
            postgres = probePostgres();
        }
        return postgres;
    }

    /** Used by {@code @EnabledIf("org.medaudit.support.ExternalServices#chromiumAvailable")}. */
    public static synchronized boolean chromiumAvailable() {
        if (chromium == null) {
            chromium = probeChromium();
        }
        return chromium;
    }

    private static boolean probeChromium() {
        for (String binary : new String[] {Browser.CHROMIUM, Browser.CHROMEDRIVER}) {
            if (!new java.io.File(binary).canExecute()) {
                return missing("headless Chromium (" + binary + ")",
                        "install it with: apt-get install -y chromium chromium-driver");
            }
        }
        return true;
    }

    private static boolean probePostgres() {
        try (Connection ignored = DriverManager.getConnection(TestDatabases.POSTGRES_SERVER + "test",
                TestDatabases.POSTGRES_USER, "")) {
            return true;
        } catch (SQLException e) {
            return missing("PostgreSQL at " + TestDatabases.POSTGRES_SERVER + " (user postgres, database test)",
                    e.getMessage());
        }
    }

    private static boolean missing(String service, String why) {
        String banner = "\n**********************************************************************\n"
                + "  SKIPPING tests that need " + service + ":\n  " + why + "\n"
                + "  They run in CI. Set -Dmedaudit.require-external=true to make this a failure.\n"
                + "**********************************************************************\n";
        if (Boolean.getBoolean("medaudit.require-external")) {
            throw new IllegalStateException("Required for this build but missing: " + service + " — " + why);
        }
        System.err.println(banner);
        return false;
    }
}
