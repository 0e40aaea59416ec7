package org.medaudit.measure;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Computed rates kept in memory, so that a ward's 24-month series is not re-aggregated from every stored sample of
 * its history on each request. An entry is served only while its wards' data version (table
 * {@code ward_data_version}, raised by database triggers in the same transaction as every write to samples,
 * findings, reviews, pre-admission medicines, annotations and wards) is the one it was computed at.
 *
 * <p>Why it stays correct: the version is read <em>before</em> any data the series is computed from, so a write
 * committed before that read is in the data, and a write committed after it raises the version past the entry's,
 * which is then recomputed on the next request. Because the version lives in the database, a write through another
 * instance sharing it is seen at once, as is a bulk load straight into the tables. The versions only ever rise, so
 * their sum over a unit's wards changes whenever any of them does.
 */
@Singleton
class SeriesCache {

    /**
     * Entries kept at most (the working set is wards × ranges asked). Beyond it the single wards' entries go — many,
     * and each cheap to recompute — while roll-ups and summaries stay: at national scale a network roll-up or the
     * all-wards summary is minutes of aggregation, and a dashboard walking 36,000 wards would otherwise drop them
     * every 4,096 wards. Only when nothing else can go does the cache start again empty.
     */
    static final int MAX_ENTRIES = 4096;

    /** What a series is computed from, apart from the stored data: the unit, its wards and the request. */
    record Key(String level, String name, @Nullable List<Long> wardIds, long wardsExpected, Periods periods,
            Basis basis) {
    }

    private record Entry(long version, Object value) {
    }

    private final ConcurrentHashMap<Object, Entry> entries = new ConcurrentHashMap<>();
    /** A lock per key being computed, so that concurrent requests for one stale entry compute it once. */
    private final ConcurrentHashMap<Object, Object> computing = new ConcurrentHashMap<>();
    private final CountsQuery counts;

    SeriesCache(CountsQuery counts) {
        this.counts = counts;
    }

    /** The cached rates while still current, otherwise {@code compute}'s, kept for the next request. */
    WardRates rates(Key key, Supplier<WardRates> compute) {
        return value(key, key.wardIds(), compute);
    }

    /**
     * Any value computed from the given wards' stored data (all wards when null), kept on the same terms as a
     * series: served while their data version is the one it was computed at. The key must say everything else the
     * value depends on.
     */
    @SuppressWarnings("unchecked")
    <T> T value(Object key, @Nullable List<Long> wardIds, Supplier<T> compute) {
        long version = counts.dataVersion(wardIds);
        Entry entry = entries.get(key);
        if (entry != null && entry.version() == version) {
            return (T) entry.value();
        }
        // One computation per key at a time: at national scale a network roll-up is minutes of aggregation, and
        // every request arriving meanwhile would start its own. A waiter takes the entry just computed when its
        // version is at least the one the waiter read: that computation read its version no earlier, then its data.
        Object lock = computing.computeIfAbsent(key, k -> new Object());
        try {
            synchronized (lock) {
                entry = entries.get(key);
                if (entry != null && entry.version() >= version) {
                    return (T) entry.value();
                }
                T value = compute.get();
                if (entries.size() >= MAX_ENTRIES) {
                    entries.keySet().removeIf(SeriesCache::singleWard);
                    if (entries.size() >= MAX_ENTRIES) {
                        entries.clear();
                    }
                }
                entries.merge(key, new Entry(version, value), (old, computed) -> computed.version() >= old.version()
                        ? computed : old);
                return value;
            }
        } finally {
            computing.remove(key, lock);
        }
    }

    private static boolean singleWard(Object key) {
        return key instanceof Key series && series.level().equals("ward");
    }
}
