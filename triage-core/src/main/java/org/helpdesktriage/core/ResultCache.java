package org.helpdesktriage.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
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
 * <p>A result is kept from the second time its key is seen, so a stream of distinct tickets
 * costs one hash each and keeps nothing alive. A cached result is returned as it was computed, with its timestamps; rules on
 * {@code age_hours} see the age at that time, so keep the time to live short where such rules
 * matter. One cache may serve several engines: their fingerprints keep them apart.
 */
final class ResultCache {

    private static final int DOORKEEPER_SLOTS = 1 << 16;

    private final Cache<Key, TriageResult> cache;
    // hash codes of keys seen once, direct-mapped; races between threads only lose a sighting
    private final int[] seenOnce = new int[DOORKEEPER_SLOTS];

    private ResultCache(Cache<Key, TriageResult> cache) {
        this.cache = cache;
    }

    /**
     * Returns a cache whose entries live {@code ttl} and which holds at most {@code maxEntries}.
     */
    public static ResultCache create(Duration ttl, long maxEntries) {
        Objects.requireNonNull(ttl, "ttl");
        return build(ttl, maxEntries, Caffeine.newBuilder());
    }

    /**
     * Returns a cache whose entries live {@code ttl} as {@code clock} tells time (a test's
     * fixed or stepping clock), and which holds at most {@code maxEntries}.
     */
    public static ResultCache create(Duration ttl, long maxEntries, Clock clock) {
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(clock, "clock");
        return build(ttl, maxEntries, Caffeine.newBuilder().ticker(() -> {
            java.time.Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }));
    }

    private static ResultCache build(Duration ttl, long maxEntries, Caffeine<Object, Object> b) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be >= 1, got " + maxEntries);
        }
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative, got " + ttl);
        }
        return new ResultCache(b.expireAfterWrite(ttl).maximumSize(maxEntries).recordStats()
                .build());
    }

    /** A cache entry's identity: configuration, explain flag, and the whole ticket. */
    // the hash covers the whole ticket; it is computed once, since both the cache lookup and
    // the doorkeeper need it on every triage
    static final class Key {
        private final String fingerprint;
        private final boolean explain;
        private final Ticket ticket;
        private final int hash;

        Key(String fingerprint, boolean explain, Ticket ticket) {
            this.fingerprint = fingerprint;
            this.explain = explain;
            this.ticket = ticket;
            this.hash = Objects.hash(fingerprint, explain, ticket);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && k.explain == explain
                    && k.fingerprint.equals(fingerprint) && k.ticket.equals(ticket);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * Returns the cached result for {@code key}, else computes it. A result is kept only when
     * its key was seen before (a doorkeeper, as in TinyLFU): a batch of distinct tickets then
     * keeps nothing alive, instead of churning every result through the cache.
     */
    TriageResult get(Key key, Function<Key, TriageResult> compute) {
        TriageResult cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        TriageResult result = compute.apply(key);
        int hash = key.hashCode();
        int slot = hash & (DOORKEEPER_SLOTS - 1);
        if (seenOnce[slot] == hash) {
            cache.put(key, result);
        } else {
            seenOnce[slot] = hash;
        }
        return result;
    }

    /** Returns how many lookups hit. */
    public long hits() {
        return cache.stats().hitCount();
    }

    /** Returns how many lookups missed. */
    public long misses() {
        return cache.stats().missCount();
    }

    /** Returns about how many results the cache holds. */
    public long estimatedSize() {
        return cache.estimatedSize();
    }

    /** Drops every entry. */
    public void clear() {
        cache.invalidateAll();
    }
}
