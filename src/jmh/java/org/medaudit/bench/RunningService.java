package org.medaudit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged service ({@code target/medaudit.jar}) started as a separate process on a fresh database, SQLite or
 * PostgreSQL, as an operator starts it: for the start-up and intake harnesses. It measures the time from launch to
 * the first successful request and reads the process's resident memory from {@code /proc}.
 */
final class RunningService implements AutoCloseable {

    static final String ADMIN_PASSWORD = "bench-admin-password-0123456789";
    /** The local PostgreSQL server (user postgres, trust authentication), as the tests use it. */
    static final String POSTGRES_SERVER = System.getProperty("medaudit.test.postgres",
            "jdbc:postgresql://127.0.0.1:5432/");

    final String database;
    final URI base;
    final String jdbcUrl;
    final String jdbcUser;
    /** Launch to the first 200 of {@code GET /health}. */
    final Duration ready;
    private final Process process;
    private final Path folder;
    private final String postgresDatabase;
    private final Map<String, String> environment;

    private RunningService(String database, URI base, String jdbcUrl, String jdbcUser, Duration ready,
            Process process, Path folder, String postgresDatabase, Map<String, String> environment) {
        this.database = database;
        this.base = base;
        this.jdbcUrl = jdbcUrl;
        this.jdbcUser = jdbcUser;
        this.ready = ready;
        this.process = process;
        this.folder = folder;
        this.postgresDatabase = postgresDatabase;
        this.environment = environment;
    }

    /**
     * Starts {@code java [jvmOptions] -jar jar} in the current folder (where {@code rules/} and {@code audit-forms/}
     * are) on a new, empty database and waits for {@code /health} to answer 200.
     */
    static RunningService start(Path jar, String database, List<String> jvmOptions) throws Exception {
        return start(jar, database, jvmOptions, null);
    }

    /**
     * The same, on the SQLite database and rule-book cache of {@code installation} when it is given (a restart of
     * an installed service: created by the first start there, kept after this one stops); without it, a first start
     * on a new database with no cache of compiled rules.
     */
    static RunningService start(Path jar, String database, List<String> jvmOptions, Path installation)
            throws Exception {
        if (installation != null && !database.equals("sqlite")) {
            throw new IllegalArgumentException("Restarts are measured on SQLite only");
        }
        Path folder = Files.createTempDirectory("medaudit-bench");
        Path data = installation != null ? installation : folder;
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("service.log").toFile());
        Map<String, String> env = builder.environment();
        Map<String, String> databaseEnv = new java.util.HashMap<>();
        env.put("MEDAUDIT_PORT", Integer.toString(port));
        env.put("MEDAUDIT_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("MEDAUDIT_LOG_LEVEL", "WARN");
        env.put("MEDAUDIT_RULE_BOOK_CACHE", data.resolve("rule-book-cache").toString());
        String jdbcUrl;
        String jdbcUser = "";
        String postgresDatabase = null;
        if (database.equals("postgres")) {
            postgresDatabase = "medaudit_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection connection = DriverManager.getConnection(POSTGRES_SERVER + "test", "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + postgresDatabase);
            }
            jdbcUrl = POSTGRES_SERVER + postgresDatabase;
            jdbcUser = "postgres";
            env.put("MICRONAUT_ENVIRONMENTS", "postgres");
            env.put("MEDAUDIT_DB_URL", jdbcUrl);
            env.put("MEDAUDIT_DB_USER", jdbcUser);
            env.put("MEDAUDIT_DB_PASSWORD", "");
            databaseEnv.putAll(Map.of("MICRONAUT_ENVIRONMENTS", "postgres", "MEDAUDIT_DB_URL", jdbcUrl,
                    "MEDAUDIT_DB_USER", jdbcUser, "MEDAUDIT_DB_PASSWORD", ""));
        } else {
            Path file = data.resolve("medaudit.db");
            env.put("MEDAUDIT_DB", file.toString());
            databaseEnv.put("MEDAUDIT_DB", file.toString());
            jdbcUrl = "jdbc:sqlite:" + file + "?journal_mode=WAL&busy_timeout=5000&foreign_keys=true"
                    + "&synchronous=NORMAL&transaction_mode=IMMEDIATE&date_class=TEXT";
        }
        URI base = URI.create("http://127.0.0.1:" + port);
        HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long launched = System.nanoTime();
        Process process = builder.start();
        // A harness stopped half-way (Ctrl-C) takes its service down with it.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service stopped during start-up; its log: "
                        + Files.readString(folder.resolve("service.log")));
            }
            try {
                HttpResponse<Void> health = probe.send(HttpRequest.newBuilder(base.resolve("/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            if (System.nanoTime() - launched > Duration.ofMinutes(10).toNanos()) {
                process.destroyForcibly();
                throw new IllegalStateException("The service did not answer /health within 10 minutes");
            }
            Thread.sleep(10);
        }
        Duration ready = Duration.ofNanos(System.nanoTime() - launched);
        return new RunningService(database, base, jdbcUrl, jdbcUser, ready, process, folder, postgresDatabase,
                Map.copyOf(databaseEnv));
    }

    /** Resident memory of the service process, in MiB ({@code VmRSS} of {@code /proc/<pid>/status}). */
    double rssMib() throws IOException {
        Matcher rss = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(
                Files.readString(Path.of("/proc", Long.toString(process.pid()), "status")));
        if (!rss.find()) {
            throw new IllegalStateException("No VmRSS for process " + process.pid());
        }
        return Long.parseLong(rss.group(1)) / 1024.0;
    }

    /**
     * CPU seconds the service process has used so far (user + system, from {@code /proc/<pid>/stat}): on a shared
     * machine the start-up's own cost, which other load moves far less than the wall clock.
     */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // Fields 14 and 15 of stat (utime, stime), counted from the state field (3), in clock ticks of 1/100 s.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /** A browser-like session of the first administrator: its cookies and the CSRF token forms must send. */
    record Session(HttpClient client, CookieManager cookies) {

        String csrf() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("MEDAUDIT_CSRF"))
                    .map(HttpCookie::getValue).findFirst().orElse("");
        }
    }

    /** Signs in as the first administrator, as a browser does (the login form with its CSRF token). */
    Session signIn() throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Session session = new Session(browser, cookies);
        browser.send(HttpRequest.newBuilder(base.resolve("/login")).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build(),
                HttpResponse.BodyHandlers.discarding());
        String form = "username=admin&password=" + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(session.csrf(), StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(base.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 303 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Cannot sign in as admin: " + login.statusCode());
        }
        return session;
    }

    /** Signs in as the first administrator and creates an intake API token; returns its secret. */
    String intakeToken() throws Exception {
        Session session = signIn();
        HttpResponse<String> created = session.client().send(HttpRequest.newBuilder(base.resolve("/api/v1/admin/tokens"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-CSRF-Token", session.csrf())
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench " + UUID.randomUUID()
                        + "\",\"access\":\"intake\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher secret = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
        if (created.statusCode() != 201 || !secret.find()) {
            throw new IllegalStateException("Cannot create a token: " + created.statusCode() + " " + created.body());
        }
        return secret.group(1);
    }

    /**
     * The environment that points another MedAudit process (the {@code import-csv} command) at this service's
     * database.
     */
    Map<String, String> databaseEnvironment() {
        return environment;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, jdbcUser, "");
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        // Generous: a training run with -XX:ArchiveClassesAtExit writes its class-data archive while it exits.
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
        if (postgresDatabase != null) {
            try (Connection connection = DriverManager.getConnection(POSTGRES_SERVER + "test", "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + postgresDatabase + " WITH (FORCE)");
            }
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
