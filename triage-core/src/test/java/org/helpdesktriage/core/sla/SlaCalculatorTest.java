package org.helpdesktriage.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.helpdesktriage.core.TestTickets;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.internal.rules.CompiledCondition;
import org.helpdesktriage.core.model.FieldError;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.sla.SlaStatus.SlaState;
import org.junit.jupiter.api.Test;

class SlaCalculatorTest {

    // Monday 2026-11-23 09:00 UTC: a business day begins
    private static final Instant MONDAY_9 = Instant.parse("2026-11-23T09:00:00Z");
    private static final BusinessCalendar OFFICE = BusinessCalendar.builder("office",
            ZoneOffset.UTC).weekdays(TimeRange.parse("09:00-17:00")).build();

    static CompiledCondition condition(String json) {
        try {
            return CompiledCondition.compile(new ObjectMapper().readTree(json), "test",
                    "condition", TriageConfig.defaults().categories());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final SlaPolicy URGENT = new SlaPolicy("urgent",
            condition("{\"field\": \"priority\", \"op\": \"equals\", \"value\": \"high\"}"),
            OFFICE, Duration.ofHours(1), Duration.ofHours(8));
    private static final SlaPolicy REST = new SlaPolicy("rest", condition("{\"all\": []}"),
            BusinessCalendar.always(), Duration.ofHours(4), Duration.ofDays(3));
    private static final SlaCalculator SLA = new SlaCalculator(new SlaSettings(
            Map.of("office", OFFICE), List.of(URGENT, REST), Set.of(Status.ASSIGNED), 0.75,
            List.of()));

    private static Ticket.Builder ticket(Priority p) {
        return TestTickets.aTicket().priority(p).createdAt(MONDAY_9);
    }

    @Test
    void choose_firstPolicyThatHolds_andAllOfNothingAlwaysHolds() {
        assertThat(SLA.choose(ticket(Priority.HIGH).build(), MONDAY_9))
                .contains(URGENT);
        assertThat(SLA.choose(ticket(Priority.LOW).build(), MONDAY_9)).contains(REST);
        SlaCalculator none = new SlaCalculator(new SlaSettings(Map.of(), List.of(URGENT),
                Set.of(), 0.75, List.of()));
        assertThat(none.choose(ticket(Priority.LOW).build(), MONDAY_9)).isEmpty();
    }

    @Test
    void assess_dueTimesAndMetFlags() {
        Ticket answered = ticket(Priority.HIGH).metadata(Map.of(
                "first_response_at", "2026-11-23T10:00:00Z",
                "resolved_at", "2026-11-23T17:00:01Z")).build();
        Sla sla = SLA.assess(answered, URGENT, MONDAY_9.plusSeconds(9 * 3600));
        assertThat(sla).isEqualTo(new Sla("urgent", "office",
                Instant.parse("2026-11-23T10:00:00Z"), Instant.parse("2026-11-23T17:00:00Z"),
                true, false, null));
        Sla open = SLA.assess(ticket(Priority.HIGH).build(), URGENT, MONDAY_9);
        assertThat(open.firstResponseMet()).isNull();
        assertThat(open.resolutionMet()).isNull();
    }

    @Test
    void check_namesTheFieldOfEveryDateThatCannotBeMeasured() {
        Instant now = MONDAY_9.plusSeconds(3600);
        assertThat(SLA.check(ticket(Priority.HIGH).build(), now)).isEmpty();
        assertThat(SLA.check(ticket(Priority.HIGH).createdAt(now.plusSeconds(1)).build(), now))
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("created_at",
                        "created_at 2026-11-23T10:00:01Z lies in the future (it is now "
                                + "2026-11-23T10:00:00Z); an SLA clock cannot start later than "
                                + "now"));
        assertThat(SLA.check(ticket(Priority.HIGH).createdAt(Instant.MAX).build(),
                Instant.MAX)).extracting(FieldError::field).containsExactly("created_at");
        assertThat(SLA.check(ticket(Priority.HIGH).metadata(Map.of(
                "first_response_at", "soon", "resolved_at", "2026-11-22T09:00:00Z")).build(), now))
                .extracting(FieldError::message).containsExactly(
                        "first_response_at 'soon' is not an ISO-8601 timestamp such as "
                                + "2026-11-20T10:00:00Z",
                        "resolved_at 2026-11-22T09:00:00Z is before created_at "
                                + "2026-11-23T09:00:00Z");
        assertThat(SLA.check(ticket(Priority.HIGH).metadata(Map.of(
                "first_response_at", 12)).build(), now)).extracting(FieldError::field)
                .containsExactly("first_response_at");
    }

    @Test
    void pauseStatus_stopsTheResolutionClock_acrossSuccessiveSaves() {
        // triaged Monday 09:00; assigned (a pause status) at 11:00; back in progress at 13:00
        Ticket v1 = ticket(Priority.HIGH).status(Status.TRIAGED).build();
        Sla.Stored s1 = SLA.track(null, v1, URGENT, MONDAY_9);
        assertThat(s1.sla().resolutionDue()).isEqualTo("2026-11-23T17:00:00Z");

        Ticket v2 = withSla(ticket(Priority.HIGH).status(Status.ASSIGNED).build(), s1);
        Sla.Stored s2 = SLA.track(withSla(v1, s1), v2, URGENT, MONDAY_9.plusSeconds(2 * 3600));
        assertThat(s2.sla().pausedSince()).isEqualTo("2026-11-23T11:00:00Z");

        Ticket v3 = ticket(Priority.HIGH).status(Status.IN_PROGRESS).build();
        Sla.Stored s3 = SLA.track(withSla(v2, s2), v3, URGENT, MONDAY_9.plusSeconds(4 * 3600));
        assertThat(s3.paused()).isEqualTo(Duration.ofHours(2));
        assertThat(s3.sla().pausedSince()).isNull();
        // 8 h + 2 h paused: Monday 09:00-17:00 and Tuesday 09:00-11:00
        assertThat(s3.sla().resolutionDue()).isEqualTo("2026-11-24T11:00:00Z");
        // the first response clock does not pause
        assertThat(s3.sla().firstResponseDue()).isEqualTo("2026-11-23T10:00:00Z");
    }

    @Test
    void status_okAtRiskBreachedPausedMetMissed() {
        Ticket open = withSla(ticket(Priority.HIGH).build(),
                SLA.track(null, ticket(Priority.HIGH).build(), URGENT, MONDAY_9));
        // first response: 1 h; at risk from 45 min, breached from 10:00
        assertThat(stateAt(open, "2026-11-23T09:30:00Z").firstResponse()).isEqualTo(SlaState.OK);
        assertThat(stateAt(open, "2026-11-23T09:45:00Z").firstResponse())
                .isEqualTo(SlaState.AT_RISK);
        SlaStatus breached = stateAt(open, "2026-11-23T10:00:00Z");
        assertThat(breached.firstResponse()).isEqualTo(SlaState.BREACHED);
        assertThat(breached.resolution()).isEqualTo(SlaState.OK);
        assertThat(breached.overall()).isEqualTo(SlaState.BREACHED);

        Ticket paused = ticket(Priority.HIGH).status(Status.ASSIGNED).build();
        paused = withSla(paused, SLA.track(open, paused, URGENT, MONDAY_9.plusSeconds(1800)));
        assertThat(stateAt(paused, "2026-11-24T12:00:00Z").resolution())
                .isEqualTo(SlaState.PAUSED);

        Ticket done = ticket(Priority.HIGH).status(Status.RESOLVED).metadata(Map.of(
                "first_response_at", "2026-11-23T11:00:00Z",
                "resolved_at", "2026-11-23T12:00:00Z")).build();
        SlaStatus settled = stateAt(done, "2026-11-30T12:00:00Z");
        assertThat(settled.firstResponse()).isEqualTo(SlaState.MISSED);
        assertThat(settled.resolution()).isEqualTo(SlaState.MET);
        assertThat(settled.overall()).isEqualTo(SlaState.MISSED);
        assertThat(stateAt(ticket(Priority.HIGH).status(Status.CLOSED).build(),
                "2026-11-30T12:00:00Z").overall()).isEqualTo(SlaState.DONE);
    }

    @Test
    void withAnInjectedClock_slaOfAndStatusReadIt() {
        SlaCalculator at10 = new SlaCalculator(SLA.settings(),
                java.time.Clock.fixed(MONDAY_9.plusSeconds(3600), ZoneOffset.UTC));
        Ticket high = ticket(Priority.HIGH).build();
        assertThat(at10.slaOf(high)).get().extracting(Sla::firstResponseDue)
                .isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(at10.status(high)).get().extracting(SlaStatus::overall)
                .isEqualTo(SlaState.BREACHED);
        assertThat(at10.slaOf(ticket(Priority.HIGH).createdAt(MONDAY_9.plusSeconds(7200))
                .build())).isEmpty();
    }

    @Test
    void storedSla_roundTripsThroughMetadata_andDamageIsNamed() {
        Sla.Stored s = new Sla.Stored(new Sla("urgent", "office", MONDAY_9, null, true, null,
                MONDAY_9), Duration.ofMinutes(90), Map.of("at_risk", MONDAY_9));
        assertThat(Sla.Stored.fromMetadata(s.toMetadata())).isEqualTo(s);
        Map<String, Object> damaged = new java.util.LinkedHashMap<>(s.toMetadata());
        damaged.put("resolution_due", "tomorrow");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sla.Stored.fromMetadata(damaged))
                .hasMessage("metadata 'sla.resolution_due' 'tomorrow' is not an ISO-8601 instant");
        Ticket t = ticket(Priority.HIGH).metadata(Map.of("sla", damaged)).build();
        assertThat(SLA.follow(t, MONDAY_9).problem()).contains("sla.resolution_due");
    }

    @Test
    void scaled_isExactForTheFractionsPeopleWrite() {
        assertThat(SlaCalculator.scaled(Duration.ofHours(8), 0.75)).isEqualTo(Duration.ofHours(6));
        assertThat(SlaCalculator.scaled(Duration.ofMinutes(15), 1.5))
                .isEqualTo(Duration.ofSeconds(1350));
        assertThat(SlaCalculator.scaled(Duration.ofDays(3660), 1e9)).isNull();
    }

    private static SlaStatus stateAt(Ticket t, String now) {
        Instant at = Instant.parse(now);
        return SLA.status(t, SLA.follow(t, at), at).orElseThrow();
    }

    private static Ticket withSla(Ticket t, Sla.Stored s) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(t.metadata());
        m.put(Sla.Stored.METADATA_KEY, s.toMetadata());
        return new Ticket(t.ticketId(), t.title(), t.description(), t.requesterEmail(),
                t.category(), t.priority(), t.status(), t.createdAt(), t.updatedAt(),
                t.assignedTo(), t.tags(), m, t.score());
    }
}
