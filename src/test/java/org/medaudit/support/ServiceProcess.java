package org.medaudit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged service ({@code java -jar target/medaudit.jar}) run as a separate process on loopback, for tests
 * that must kill it as a power cut would: {@link #kill()} is SIGKILL on Linux (no shutdown hook, no flush).
 * The jar is the one {@code mvn package} built (the {@code medaudit.jar} property, which Failsafe sets).
 */
public final class ServiceProcess implements AutoCloseable {

    public static final Path JAR = Path.of(System.getProperty("medaudit.jar", "target/medaudit.jar"));
    public static final String ADMIN_PASSWORD = "a long test password for the admin";

    private final Process process;
    private final URI uri;

    private ServiceProcess(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    /** Starts the service on a SQLite file and waits until it answers /health. */
    public static ServiceProcess start(Path database, Path log) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("No packaged service at " + JAR.toAbsolutePath()
                    + ": run these tests with `mvn verify` (after package)");
        }
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", JAR.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        environment.put("MEDAUDIT_DB", database.toAbsolutePath().toString());
        environment.put("MEDAUDIT_PORT", String.valueOf(port));
        environment.put("MEDAUDIT_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("MEDAUDIT_BACKUP_FOLDER", database.toAbsolutePath().resolveSibling("backups").toString());
        environment.remove("MICRONAUT_ENVIRONMENTS");
        try {
            ServiceProcess service = new ServiceProcess(builder.start(), URI.create("http://127.0.0.1:" + port));
            service.awaitHealthy(Duration.ofSeconds(180), log);
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        return uri;
    }

    /** A new client signed in as the first-run admin (who may also submit samples). */
    public Http admin() {
        return new Http(uri).login("admin", ADMIN_PASSWORD);
    }

    /** SIGKILL, and wait until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** An orderly stop (SIGTERM). */
    @Override
    public void close() {
        process.destroy();
        waitFor();
    }

    private void waitFor() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitHealthy(Duration timeout, Path log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Http http = new Http(uri);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service stopped while starting; see " + log);
            }
            try {
                if (http.get("/health").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("The service did not become healthy in " + timeout + "; see " + log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
