package org.medaudit.backtest;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.medaudit.measure.MeasureCatalogue;
import org.medaudit.rules.RuleBook;
import org.medaudit.rules.RuleBookException;
import org.medaudit.rules.RuleBookService;
import org.medaudit.sample.StoredCharts;
import org.medaudit.sample.StoredCharts.StoredChart;
import org.medaudit.system.FieldError;
import org.medaudit.system.InvalidRequestException;
import org.medaudit.system.MonthRange;
import org.medaudit.ward.SiteView;
import org.medaudit.ward.WardDirectory;
import org.medaudit.ward.WardView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs back-tests: evaluates a candidate rule book over the stored charts of a period, in the background, and
 * keeps the last few results in memory for the admin to read. Charts stream from the database a page at a time (a
 * national history never sits in memory) and pages are evaluated on every core; each chart with the rule sets
 * active at its ward's site. It only reads: stored samples, findings and rates never change.
 */
@Singleton
public class BackTests {

    private static final Logger LOG = LoggerFactory.getLogger(BackTests.class);
    /** Back-tests kept for reading; the oldest finished one goes first. */
    private static final int KEPT = 20;

    private final RuleBookService ruleBooks;
    private final StoredCharts charts;
    private final WardDirectory wards;
    private final MeasureCatalogue measures;
    private final Clock clock;
    private final int pageSize;
    private final int threads;
    /** One back-test at a time: each already uses every core. */
    private final ExecutorService runner = Executors.newSingleThreadExecutor(daemon("back-test"));
    private final Map<String, BackTest> tests = new LinkedHashMap<>();

    BackTests(RuleBookService ruleBooks, StoredCharts charts, WardDirectory wards, MeasureCatalogue measures,
            Clock clock, @Value("${medaudit.back-test.page-size:500}") int pageSize,
            @Value("${medaudit.back-test.threads:0}") int threads) {
        this.ruleBooks = ruleBooks;
        this.charts = charts;
        this.wards = wards;
        this.measures = measures;
        this.clock = clock;
        this.pageSize = pageSize;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Checks the request, builds the candidate (from the files on disk, through every guard, or the serving one),
     * and starts evaluating it in the background.
     *
     * @throws InvalidRequestException listing every invalid field, or the candidate's problems under /candidate
     */
    public BackTestStatus start(BackTestRequest request) {
        List<FieldError> errors = new ArrayList<>();
        MonthRange range = MonthRange.read(request.from(), request.to(), YearMonth.now(clock), errors);
        errors.replaceAll(error -> new FieldError(error.pointer().replace("/query/", "/"), error.detail()));
        String kind = request.candidate() == null || request.candidate().isBlank() ? BackTestRequest.FILES
                : request.candidate().strip();
        if (!kind.equals(BackTestRequest.FILES) && !kind.equals(BackTestRequest.SERVING)) {
            errors.add(new FieldError("/candidate", "must be files (the rules on disk now) or serving"));
        }
        RuleBook serving = ruleBooks.current();
        Map<String, Double> thresholds = request.thresholds() == null ? Map.of() : request.thresholds();
        thresholds.forEach((name, value) -> {
            if (!serving.reference().thresholds().containsKey(name)) {
                errors.add(new FieldError("/thresholds/" + name, "is not a threshold of rules/reference/thresholds.yaml"));
            } else if (value == null || !Double.isFinite(value)) {
                errors.add(new FieldError("/thresholds/" + name, "must be a number"));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        RuleBook candidate;
        try {
            candidate = (kind.equals(BackTestRequest.FILES) ? ruleBooks.candidate() : serving)
                    .withThresholds(thresholds);
        } catch (RuleBookException e) {
            throw new InvalidRequestException(e.problems().stream()
                    .map(problem -> new FieldError("/candidate", problem)).toList());
        }
        String from = range.from().toString();
        String to = range.to().toString();
        BackTest test = new BackTest(UUID.randomUUID().toString(), from, to, kind, candidate, serving.version(),
                charts.count(from, to), Instant.now(clock));
        keep(test);
        runner.submit(() -> run(test));
        return test.status();
    }

    public Optional<BackTestStatus> find(String id) {
        synchronized (tests) {
            return Optional.ofNullable(tests.get(id)).map(BackTest::status);
        }
    }

    /** The back-tests kept, newest first. */
    public List<BackTestStatus> recent() {
        synchronized (tests) {
            List<BackTestStatus> recent = new ArrayList<>(tests.values().stream().map(BackTest::status).toList());
            java.util.Collections.reverse(recent);
            return recent;
        }
    }

    private void keep(BackTest test) {
        synchronized (tests) {
            tests.put(test.id, test);
            if (tests.size() > KEPT) {
                tests.values().stream().filter(t -> !t.status().running()).findFirst()
                        .ifPresent(oldest -> tests.remove(oldest.id));
            }
        }
    }

    /**
     * Reads pages on this thread and evaluates each on a worker, at most two pages per worker in flight, so that
     * memory stays bounded however long the history; each page's totals are merged when it is done.
     */
    private void run(BackTest test) {
        Map<Long, String[]> wardAndSite = wardAndSite();
        Map<Long, String> siteOf = new HashMap<>();
        wardAndSite.forEach((id, names) -> siteOf.put(id, names[1]));
        ExecutorService workers = Executors.newFixedThreadPool(threads, daemon("back-test-worker"));
        Semaphore inFlight = new Semaphore(threads * 2);
        try {
            String after = "";
            while (!test.failed()) {
                List<StoredChart> page = charts.page(test.from, test.to, after, pageSize);
                if (page.isEmpty()) {
                    break;
                }
                after = page.get(page.size() - 1).id();
                inFlight.acquire();
                workers.submit(() -> {
                    try {
                        BackTest.Page totals = new BackTest.Page();
                        for (StoredChart stored : page) {
                            totals.add(stored, test.candidate.evaluate(stored.chart(), siteOf.get(stored.wardId())));
                        }
                        test.merge(totals);
                    } catch (RuntimeException e) {
                        LOG.warn("Back-test {} failed on a page after {}", test.id, page.get(0).id(), e);
                        test.fail("Evaluating a chart failed: " + e.getMessage());
                    } finally {
                        inFlight.release();
                    }
                });
            }
            workers.shutdown();
            workers.awaitTermination(7, TimeUnit.DAYS);
            if (!test.failed()) {
                test.finish(measures.all(), wardAndSite);
                LOG.info("Back-test {} of {} over {}..{}: {} charts", test.id, test.candidate.version(), test.from,
                        test.to, test.processed.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            test.fail("Stopped: the service is shutting down");
        } catch (RuntimeException e) {
            LOG.warn("Back-test {} failed", test.id, e);
            test.fail(e.getMessage());
        } finally {
            workers.shutdownNow();
        }
    }

    /** Each ward's code and site code, by ward id. */
    private Map<Long, String[]> wardAndSite() {
        Map<Long, String[]> map = new HashMap<>();
        for (SiteView site : wards.sites()) {
            for (WardView ward : site.wards()) {
                wards.ward(ward.code()).ifPresent(w -> map.put(w.id(), new String[] {ward.code(), site.code()}));
            }
        }
        return map;
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
