package org.helpdesktriage.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.helpdesktriage.core.model.Ticket;

/**
 * A bounded, expiring cache of triage results, keyed by the configuration's fingerprint, the
 * ticket id and the ticket's whole content: two tickets share an entry only when they are the
 * same ticket under the same rules. (The original service keyed on e-mail and category, so
 * different tickets collided.)
 *
 * <pre>{@code
 * ResultCache cache = ResultCache.create(Duration.ofHours(1), 10_000);
 * TriageEngine engine = TriageEngine.builder().config(config).cache(cache).build();
 * }</pre>
 *
 * <p>A cached result is returned as it was first computed, with its timestamps; rules on
 * {@code age_hours} see the age at that time, so keep the time to live short where such rules
 * matter. One cache may serve several engines: their fingerprints keep them apart.
 */
public final class ResultCache {

    private final Cache<Key, TriageResult> cache;

    private ResultCache(Cache<Key, TriageResult> cache) {
        this.cache = cache;
    }

    /**
     * Returns a cache whose entries live {@code ttl} and which holds at most {@code maxEntries}.
     */
    public static ResultCache create(Duration ttl, long maxEntries) {
        return create(ttl, maxEntries, Ticker.systemTicker());
    }

    /** Returns a cache reading time from {@code ticker}, for tests. */
    public static ResultCache create(Duration ttl, long maxEntries, Ticker ticker) {
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(ticker, "ticker");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be >= 1, got " + maxEntries);
        }
        return new ResultCache(Caffeine.newBuilder().expireAfterWrite(ttl)
                .maximumSize(maxEntries).ticker(ticker).recordStats().build());
    }

    /** A cache entry's identity: configuration, explain flag, and the whole ticket. */
    record Key(String fingerprint, boolean explain, Ticket ticket) {
    }

    TriageResult get(Key key, Function<Key, TriageResult> compute) {
        return cache.get(key, compute);
    }

    /** Returns the cached result for a key, or empty. */
    Optional<TriageResult> peek(Key key) {
        return Optional.ofNullable(cache.getIfPresent(key));
    }

    /** Returns how many lookups hit. */
    public long hits() {
        return stats().hitCount();
    }

    /** Returns how many lookups missed. */
    public long misses() {
        return stats().missCount();
    }

    /** Returns Caffeine's statistics. */
    public CacheStats stats() {
        return cache.stats();
    }

    /** Drops every entry. */
    public void clear() {
        cache.invalidateAll();
    }
}
