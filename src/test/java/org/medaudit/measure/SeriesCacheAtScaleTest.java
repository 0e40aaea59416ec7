package org.medaudit.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rates cache at national scale, where a roll-up costs minutes to recompute: what it gives up when it is full
 * (single wards' series, never the roll-ups and summaries), and that concurrent requests for one stale entry compute
 * it once.
 */
class SeriesCacheAtScaleTest {

    /** Every ward's data at version 1, unchanged: whatever is recomputed was evicted, not stale. */
    private static final class Unchanged extends CountsQuery {
        Unchanged() {
            super(null);
        }

        @Override
        long dataVersion(List<Long> wardIds) {
            return 1;
        }
    }

    private static final Periods YEAR = Periods.months(YearMonth.of(2025, 11), YearMonth.of(2026, 10));

    private final SeriesCache cache = new SeriesCache(new Unchanged());
    private final AtomicInteger computed = new AtomicInteger();

    private void ask(String level, String name, List<Long> wardIds) {
        cache.rates(new SeriesCache.Key(level, name, wardIds, 1, YEAR, Basis.REVIEWED), () -> {
            computed.incrementAndGet();
            return new WardRates(name, level, "month", YEAR.first(), YEAR.last(), "reviewed", List.of());
        });
    }

    @Test
    @DisplayName("a full cache drops the single wards' series and keeps the network's and a site's")
    void fullCacheKeepsRollUps() {
        ask("network", "network", null);
        ask("site", "B01", List.of(1L, 2L));
        for (long ward = 1; ward <= SeriesCache.MAX_ENTRIES; ward++) {
            ask("ward", "W" + ward, List.of(ward));
        }
        int afterFilling = computed.get();

        ask("network", "network", null);
        ask("site", "B01", List.of(1L, 2L));
        assertThat(computed.get()).as("roll-ups served from the cache").isEqualTo(afterFilling);

        ask("ward", "W1", List.of(1L));
        assertThat(computed.get()).as("an early ward's series was dropped and is computed again")
                .isEqualTo(afterFilling + 1);
    }

    @Test
    @DisplayName("requests arriving while a roll-up is computed wait for it instead of computing it again")
    void concurrentRequestsComputeOnce() throws Exception {
        SeriesCache.Key network = new SeriesCache.Key("network", "network", null, 1, YEAR, Basis.REVIEWED);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<WardRates>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(callers.submit(() -> cache.rates(network, () -> {
                    computed.incrementAndGet();
                    started.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new WardRates("network", "network", "month", YEAR.first(), YEAR.last(), "reviewed",
                            List.of());
                })));
            }
            started.await(10, TimeUnit.SECONDS);
            Thread.sleep(200); // the other callers reach the cache while the first computes
            release.countDown();
            for (Future<WardRates> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS).ward()).isEqualTo("network");
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(computed.get()).isEqualTo(1);
    }
}
