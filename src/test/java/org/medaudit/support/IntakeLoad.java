package org.medaudit.support;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Concurrent chart intake for load, backup and crash tests: one thread per client posts charts to
 * {@code /api/v1/samples} until stopped, and every acknowledgement (201) is kept with the body it answered, so a
 * test can later prove that each acknowledged sample is stored exactly as acknowledged. Anything else a client gets
 * (a status other than 201, or a failed connection) is kept as a failure to report.
 */
public final class IntakeLoad implements AutoCloseable {

    private final Map<String, Map<String, Object>> acknowledged = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger connectionFailures = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    /** Starts one writer per client; the n-th chart sent (over all writers) is {@code chart.apply(n)}. */
    public IntakeLoad(List<Http> clients, IntFunction<String> chart) {
        for (int i = 0; i < clients.size(); i++) {
            Http client = clients.get(i);
            Thread thread = new Thread(() -> write(client, chart), "intake-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void write(Http client, IntFunction<String> chart) {
        while (running.get()) {
            int n = sent.getAndIncrement();
            try {
                Http.Response response = client.postJson("/api/v1/samples", chart.apply(n));
                if (response.status() == 201) {
                    created.incrementAndGet();
                    Map<String, Object> sample = response.object();
                    acknowledged.put((String) sample.get("id"), sample);
                } else {
                    failures.add(response.status() + " " + response.body());
                }
            } catch (UncheckedIOException e) {
                // The server went away (a crash test killed it): this chart was never acknowledged.
                connectionFailures.incrementAndGet();
                pause();
            }
        }
    }

    /** The samples acknowledged so far, by id, with the 201 body each was answered with. */
    public Map<String, Map<String, Object>> acknowledged() {
        return new LinkedHashMap<>(acknowledged);
    }

    /** How many 201 answers came, counted apart from the ids, so that a duplicate id would show. */
    public int createdCount() {
        return created.get();
    }

    public int acknowledgedCount() {
        return acknowledged.size();
    }

    /** Answers other than 201 (status and body). */
    public List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /** Requests that failed to connect or were cut off. */
    public int connectionFailures() {
        return connectionFailures.get();
    }

    /** Waits until at least {@code count} samples are acknowledged; fails the test after the timeout. */
    public void awaitAcknowledged(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Only " + acknowledged.size() + " of " + count + " samples acknowledged in "
                        + timeout + "; failures: " + failures().stream().limit(3).toList());
            }
            pause();
        }
    }

    /** Stops the writers and waits for the requests in flight to finish. */
    @Override
    public void close() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(40).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
