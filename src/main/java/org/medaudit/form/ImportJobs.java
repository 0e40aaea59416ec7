package org.medaudit.form;

import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.medaudit.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CSV imports running in the background, so that a large upload answers at once and its page shows progress. Files
 * are imported one at a time (the database takes one writer at a time anyway), each as the person who uploaded it;
 * a job and its report are kept for a day in this instance's memory.
 */
@Singleton
public class ImportJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);
    /** How long a finished import's report stays available. */
    private static final Duration KEPT = Duration.ofDays(1);
    /** Charts listed in a report; the counts cover the rest, and refused charts are always listed first. */
    static final int MAX_LISTED = 1000;

    private final CsvImport imports;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "csv-import");
        thread.setDaemon(true);
        return thread;
    });

    ImportJobs(CsvImport imports, Clock clock) {
        this.imports = imports;
        this.clock = clock;
    }

    /** An import's state as its page shows it. */
    public record JobView(String id, String owner, String fileName, String state, int percent, long lines,
            int stored, int alreadyStored, int refused, List<CsvImport.ChartOutcome> charts, int unlisted,
            List<CsvImport.Problem> fileProblems, Instant startedAt, @Nullable Instant finishedAt) {

        public boolean done() {
            return !state.equals(Job.QUEUED) && !state.equals(Job.RUNNING);
        }
    }

    /**
     * Starts importing an uploaded file, which the job deletes when it is done.
     *
     * @param defaultWard the ward for charts that leave theirs blank; null for none
     */
    public JobView start(String owner, String fileName, Path file, FormDefinition form, @Nullable String defaultWard)
            throws IOException {
        forgetOld();
        Job job = new Job(UUID.randomUUID().toString(), owner, fileName, Files.size(file), Instant.now(clock));
        jobs.put(job.id, job);
        worker.submit(() -> run(job, file, form, defaultWard));
        return job.view();
    }

    /** A job its owner (or an administrator) may see. */
    public Optional<JobView> find(String id, String username, boolean admin) {
        Job job = jobs.get(id);
        return job == null || !(admin || job.owner.equals(username)) ? Optional.empty() : Optional.of(job.view());
    }

    /** The person's imports still kept, newest first. */
    public List<JobView> of(String username) {
        return jobs.values().stream().filter(job -> job.owner.equals(username))
                .sorted(Comparator.comparing((Job job) -> job.startedAt).reversed()).map(Job::view).toList();
    }

    private void run(Job job, Path file, FormDefinition form, String defaultWard) {
        job.state = Job.RUNNING;
        try (InputStream in = new Counting(Files.newInputStream(file), job.bytesRead);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            CsvImport.Summary summary = AuditTrail.actingFor(job.owner, () -> {
                try {
                    return imports.run(form, reader, defaultWard, job::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            job.finish(summary, Job.DONE, Instant.now(clock));
        } catch (RuntimeException | IOException e) {
            LOG.error("CSV import {} of {} failed", job.id, job.fileName, e);
            job.finish(null, Job.FAILED, Instant.now(clock));
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Could not delete the uploaded file {}", file, e);
            }
        }
    }

    private void forgetOld() {
        Instant before = Instant.now(clock).minus(KEPT);
        jobs.values().removeIf(job -> job.finishedAt != null && job.finishedAt.isBefore(before));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** One import; written by the worker, read by pages. */
    private static final class Job {

        static final String QUEUED = "queued";
        static final String RUNNING = "running";
        static final String DONE = "done";
        static final String FAILED = "failed";

        final String id;
        final String owner;
        final String fileName;
        final long size;
        final Instant startedAt;
        final AtomicLong bytesRead = new AtomicLong();
        private final List<CsvImport.ChartOutcome> refusedCharts = new ArrayList<>();
        private final List<CsvImport.ChartOutcome> otherCharts = new ArrayList<>();
        volatile String state = QUEUED;
        volatile Instant finishedAt;
        private long lines;
        private int stored;
        private int alreadyStored;
        private int refused;
        private int unlisted;
        private List<CsvImport.Problem> fileProblems = List.of();

        Job(String id, String owner, String fileName, long size, Instant startedAt) {
            this.id = id;
            this.owner = owner;
            this.fileName = fileName;
            this.size = size;
            this.startedAt = startedAt;
        }

        synchronized void add(CsvImport.ChartOutcome outcome) {
            lines = outcome.lastLine();
            switch (outcome.status()) {
                case STORED -> stored++;
                case ALREADY_STORED -> alreadyStored++;
                case REFUSED -> refused++;
            }
            Collection<CsvImport.ChartOutcome> list = outcome.status() == CsvImport.Status.REFUSED ? refusedCharts
                    : otherCharts;
            if (refusedCharts.size() + otherCharts.size() < MAX_LISTED) {
                list.add(outcome);
            } else if (outcome.status() == CsvImport.Status.REFUSED && !otherCharts.isEmpty()) {
                otherCharts.remove(otherCharts.size() - 1);
                refusedCharts.add(outcome);
                unlisted++;
            } else {
                unlisted++;
            }
        }

        synchronized void finish(CsvImport.Summary summary, String state, Instant at) {
            if (summary != null) {
                lines = summary.lines();
                fileProblems = summary.fileProblems();
            }
            this.finishedAt = at;
            this.state = state;
        }

        synchronized JobView view() {
            int percent = state.equals(DONE) || state.equals(FAILED) ? 100 : size == 0 ? 0
                    : (int) Math.min(99, bytesRead.get() * 100 / size);
            List<CsvImport.ChartOutcome> charts = new ArrayList<>(refusedCharts);
            charts.addAll(otherCharts);
            charts.sort(Comparator.comparingLong(CsvImport.ChartOutcome::firstLine));
            return new JobView(id, owner, fileName, state, percent, lines, stored, alreadyStored, refused,
                    List.copyOf(charts), unlisted, fileProblems, startedAt, finishedAt);
        }
    }

    /** Counts the bytes read, for the progress shown while a file is imported. */
    private static final class Counting extends FilterInputStream {

        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
