package org.medaudit.system;

/** A SQLite JDBC URL, {@code jdbc:sqlite:FILE?pragmas}: whether a URL is one, and the database file it names. */
public final class SqliteUrl {

    public static final String PREFIX = "jdbc:sqlite:";

    private SqliteUrl() {
    }

    /** Whether a JDBC URL names a SQLite database. */
    public static boolean isSqlite(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    /** The file part of a SQLite URL, without its pragmas: a path, {@code :memory:} or empty. */
    public static String file(String url) {
        if (!isSqlite(url)) {
            throw new IllegalArgumentException("not a SQLite JDBC URL: " + url);
        }
        return url.substring(PREFIX.length()).split("\\?", 2)[0];
    }
}
