package org.helpdesktriage.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.rules.MatchMode;
import org.junit.jupiter.api.Test;

class ResultCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.EPOCH.plusNanos(nanos.get());
        }
    };
    private final ResultCache cache = ResultCache.create(Duration.ofSeconds(60), 100, clock);

    private static Ticket ticket(String id, String description) {
        return Ticket.builder().ticketId(id).title("Locked out").description(description)
                .requesterEmail("ann@example.com").createdAt(Instant.EPOCH).build();
    }

    private TriageEngine engine(TriageConfig config) {
        return TriageEngine.builder().config(config).cache(cache).build();
    }

    @Test
    void sameTicketThreeTimes_keptOnSecondSightAndHitOnThird() {
        TriageEngine engine = engine(TriageConfig.defaults());
        engine.triage(ticket("TKT-1", "locked"));
        TriageResult second = engine.triage(ticket("TKT-1", "locked"));
        TriageResult third = engine.triage(ticket("TKT-1", "locked"));
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(2);
        assertThat(third.ticket()).isSameAs(second.ticket());
    }

    @Test
    void distinctTickets_keepNothing() {
        TriageEngine engine = engine(TriageConfig.defaults());
        for (int i = 0; i < 50; i++) {
            engine.triage(ticket("TKT-" + i, "locked"));
        }
        assertThat(cache.estimatedSize()).isZero();
    }

    @Test
    void sameIdOtherContent_orOtherIdSameContent_misses() {
        TriageEngine engine = engine(TriageConfig.defaults());
        engine.triage(ticket("TKT-1", "locked"));
        TriageResult other = engine.triage(ticket("TKT-1", "a printer question"));
        engine.triage(ticket("TKT-2", "locked"));
        assertThat(cache.hits()).isZero();
        assertThat(other.routing().ruleMatched()).isEqualTo("account_lockout");
    }

    @Test
    void enginesWithOtherConfigurations_doNotShareEntries() {
        TriageEngine all = engine(TriageConfig.defaults().withMatchMode(MatchMode.ALL));
        for (int i = 0; i < 2; i++) {
            engine(TriageConfig.defaults()).triage(ticket("TKT-1", "locked"));
            all.triage(ticket("TKT-1", "locked"));
        }
        assertThat(cache.hits()).isZero();
        engine(TriageConfig.defaults()).triage(ticket("TKT-1", "locked"));
        assertThat(cache.hits()).isEqualTo(1);
    }

    @Test
    void entriesExpireAfterTheTimeToLive() {
        TriageEngine engine = engine(TriageConfig.defaults());
        engine.triage(ticket("TKT-1", "locked"));
        engine.triage(ticket("TKT-1", "locked"));
        assertThat(cache.estimatedSize()).isEqualTo(1);
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        engine.triage(ticket("TKT-1", "locked"));
        assertThat(cache.hits()).isZero();
        assertThat(cache.misses()).isEqualTo(3);
    }

    @Test
    void cacheDisabledInConfig_meansNoCache() {
        TriageConfig off = org.helpdesktriage.core.config.ConfigLoader.load(
                java.util.Optional.empty(), java.util.Map.of(),
                java.util.Map.of("cache_enabled", "false"));
        assertThat(TriageEngine.builder().config(off).build().cacheStats()).isEmpty();
        assertThat(TriageEngine.builder().build().cacheStats()).isPresent();
    }
}
