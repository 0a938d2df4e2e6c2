package org.helpdesktriage.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.rules.MatchMode;
import org.junit.jupiter.api.Test;

class ResultCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final ResultCache cache = ResultCache.create(Duration.ofSeconds(60), 100, nanos::get);

    private static Ticket ticket(String id, String description) {
        return Ticket.builder().ticketId(id).title("Locked out").description(description)
                .requesterEmail("ann@example.com").createdAt(Instant.EPOCH).build();
    }

    private TriageEngine engine(TriageConfig config) {
        return TriageEngine.builder().config(config).cache(cache).build();
    }

    @Test
    void sameTicketTwice_secondIsAHitWithTheSameResult() {
        TriageEngine engine = engine(TriageConfig.defaults());
        TriageResult first = engine.triage(ticket("TKT-1", "locked"));
        TriageResult second = engine.triage(ticket("TKT-1", "locked"));
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(1);
        assertThat(second.ticket()).isEqualTo(first.ticket());
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
        engine(TriageConfig.defaults()).triage(ticket("TKT-1", "locked"));
        engine(TriageConfig.defaults().withMatchMode(MatchMode.ALL))
                .triage(ticket("TKT-1", "locked"));
        assertThat(cache.hits()).isZero();
        engine(TriageConfig.defaults()).triage(ticket("TKT-1", "locked"));
        assertThat(cache.hits()).isEqualTo(1);
    }

    @Test
    void entriesExpireAfterTheTimeToLive() {
        TriageEngine engine = engine(TriageConfig.defaults());
        engine.triage(ticket("TKT-1", "locked"));
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        engine.triage(ticket("TKT-1", "locked"));
        assertThat(cache.hits()).isZero();
        assertThat(cache.misses()).isEqualTo(2);
    }

    @Test
    void cacheDisabledInConfig_meansNoCache() {
        TriageConfig off = org.helpdesktriage.core.config.ConfigLoader.load(
                java.util.Optional.empty(), java.util.Map.of(),
                java.util.Map.of("cache_enabled", "false"));
        assertThat(TriageEngine.builder().config(off).build().cache()).isEmpty();
        assertThat(TriageEngine.builder().build().cache()).isPresent();
    }
}
