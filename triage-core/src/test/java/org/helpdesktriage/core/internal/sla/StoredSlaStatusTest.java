package org.helpdesktriage.core.internal.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesktriage.core.TestTickets.aTicket;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.sla.Sla;
import org.helpdesktriage.core.sla.SlaSettings;
import org.helpdesktriage.core.sla.SlaStatus.SlaState;
import org.helpdesktriage.core.sla.SlaStatus;
import org.junit.jupiter.api.Test;

class StoredSlaStatusTest {

    private static final Instant CREATED = Instant.parse("2026-01-05T09:00:00Z");
    private static final Instant FIRST_DUE = CREATED.plus(Duration.ofHours(1));
    private static final Instant RESOLUTION_DUE = CREATED.plus(Duration.ofHours(8));

    // no calendar of that name in the settings: wall-clock time
    private static Ticket stored(Status status, Boolean firstMet, Instant pausedSince) {
        Sla sla = new Sla("high", "gone", FIRST_DUE, RESOLUTION_DUE, firstMet, null,
                pausedSince);
        return aTicket().createdAt(CREATED).status(status).metadata(Map.of(
                Sla.Stored.METADATA_KEY, new Sla.Stored(sla, Duration.ZERO, Map.of())
                        .toMetadata())).build();
    }

    private static SlaStatus at(Ticket t, Instant now) {
        return StoredSlaStatus.of(t, SlaSettings.none(), now).orElseThrow();
    }

    @Test
    void theStoredDueTimesDecide_breachedAtRiskAndOk() {
        Ticket t = stored(Status.TRIAGED, null, null);
        assertThat(at(t, CREATED.plusSeconds(60))).extracting(SlaStatus::firstResponse,
                SlaStatus::resolution).containsExactly(SlaState.OK, SlaState.OK);
        assertThat(at(t, CREATED.plus(Duration.ofMinutes(50))).firstResponse())
                .isEqualTo(SlaState.AT_RISK);
        assertThat(at(t, CREATED.plus(Duration.ofHours(7))))
                .extracting(SlaStatus::firstResponse, SlaStatus::resolution)
                .containsExactly(SlaState.BREACHED, SlaState.AT_RISK);
        assertThat(at(t, RESOLUTION_DUE).resolution()).isEqualTo(SlaState.BREACHED);
        assertThat(at(t, RESOLUTION_DUE).sla().resolutionDue()).isEqualTo(RESOLUTION_DUE);
    }

    @Test
    void metPausedAndDone_asStored() {
        Ticket paused = stored(Status.IN_PROGRESS, true, CREATED.plus(Duration.ofHours(2)));
        assertThat(at(paused, CREATED.plus(Duration.ofHours(20))))
                .extracting(SlaStatus::firstResponse, SlaStatus::resolution)
                .containsExactly(SlaState.MET, SlaState.PAUSED);
        assertThat(at(stored(Status.CLOSED, null, null), RESOLUTION_DUE).resolution())
                .isEqualTo(SlaState.DONE);
        assertThat(StoredSlaStatus.of(aTicket().build(), SlaSettings.none(), CREATED)).isEmpty();
    }
}
