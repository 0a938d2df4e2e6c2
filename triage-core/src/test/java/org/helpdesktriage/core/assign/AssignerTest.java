package org.helpdesktriage.core.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.helpdesktriage.core.TestTickets;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.sla.BusinessCalendar;
import org.helpdesktriage.core.sla.SlaSettings;
import org.helpdesktriage.core.sla.TimeRange;
import org.junit.jupiter.api.Test;

class AssignerTest {

    private static final Instant MONDAY_10_BERLIN = Instant.parse("2026-01-05T09:00:00Z");

    // Berlin office hours 08:00-16:00 on weekdays; the DST week of 2026 starts on 29 March
    private static final SlaSettings SLA = new SlaSettings(Map.of("office",
            BusinessCalendar.builder("office", ZoneId.of("Europe/Berlin"))
                    .weekdays(TimeRange.parse("08:00-16:00")).build(),
            "night", BusinessCalendar.builder("night", ZoneId.of("Europe/Berlin"))
                    .everyDay(TimeRange.parse("22:00-24:00"), TimeRange.parse("00:00-06:00"))
                    .build()),
            List.of(), Set.of(), SlaSettings.DEFAULT_AT_RISK, List.of());

    private static Agent agent(String id, int capacity, String calendar, String... skills) {
        return new Agent(id, null, null, List.of("tech-team"), Set.of(skills), capacity,
                calendar, true);
    }

    private static Assigner assigner(String strategy, Agent... agents) {
        return Assigner.of(new AssignmentSettings(List.of(agents), null,
                Map.of("tech-team", strategy), "none",
                AssignmentSettings.DEFAULT_LOAD_STATUSES), SLA);
    }

    private static Ticket ticket(String id) {
        return TestTickets.aTicket().ticketId(id).assignedTo("tech-team").status(Status.TRIAGED)
                .build();
    }

    // assigns n tickets in turn, recording each on the board as the storing step does
    private static List<String> assignMany(Assigner assigner, AgentLedger.Board board, int n,
            Instant start) {
        List<String> who = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant now = start.plusSeconds(i);
            Assignment a = assigner.assign(ticket("T-" + i), List.of(), now, board);
            if (a.assignee() != null) {
                board.took(a.assignee(), "T-" + i);
                board.assigned(a.assignee(), now);
            }
            who.add(a.assignee());
        }
        return who;
    }

    @Test
    void roundRobin_givesEachAvailableAgentATurn_longestWaitingFirst() {
        Assigner rr = assigner("round_robin", agent("cy", 9, null), agent("ana", 9, null),
                agent("bob", 9, null));
        try (AgentLedger.Board board = AgentLedger.inMemory().open(rr.settings())) {
            assertThat(assignMany(rr, board, 7, MONDAY_10_BERLIN))
                    .containsExactly("ana", "bob", "cy", "ana", "bob", "cy", "ana");
        }
    }

    @Test
    void roundRobin_continuesFromTheLedgersLastAssignments() {
        Assigner rr = assigner("round_robin", agent("ana", 9, null), agent("bob", 9, null),
                agent("cy", 9, null));
        AgentLedger ledger = AgentLedger.inMemory();
        try (AgentLedger.Board board = ledger.open(rr.settings())) {
            assertThat(assignMany(rr, board, 2, MONDAY_10_BERLIN)).containsExactly("ana", "bob");
        }
        try (AgentLedger.Board board = ledger.open(rr.settings())) {
            assertThat(assignMany(rr, board, 2, MONDAY_10_BERLIN.plusSeconds(60)))
                    .containsExactly("cy", "ana");
        }
    }

    @Test
    void leastLoaded_picksTheMostSpareCapacity_tiesToTheLongestWaiting() {
        Assigner ll = assigner("least_loaded", agent("ana", 2, null), agent("bob", 5, null));
        try (AgentLedger.Board board = AgentLedger.inMemory().open(ll.settings())) {
            // bob has 5 spare against ana's 2: bob until his spare drops to ana's
            assertThat(assignMany(ll, board, 5, MONDAY_10_BERLIN))
                    .containsExactly("bob", "bob", "bob", "ana", "bob");
        }
    }

    @Test
    void capacity_isNeverExceeded_andTheRestWaitAllAtCapacity() {
        Assigner rr = assigner("round_robin", agent("ana", 2, null), agent("bob", 1, null));
        try (AgentLedger.Board board = AgentLedger.inMemory().open(rr.settings())) {
            List<String> who = assignMany(rr, board, 5, MONDAY_10_BERLIN);
            assertThat(who).containsExactly("ana", "bob", "ana", null, null);
            Assignment waiting = rr.assign(ticket("T-9"), List.of(), MONDAY_10_BERLIN, board);
            assertThat(waiting.reason()).isEqualTo("all at capacity");
            assertThat(waiting.considered()).extracting(Assignment.Considered::passedOver)
                    .containsExactly("at capacity 2/2", "at capacity 1/1");
            assertThat(waiting.waits()).isTrue();
        }
    }

    @Test
    void skills_areRequired_ignoringCase_andNamedWhenNobodyHasThem() {
        Assigner rr = assigner("round_robin", agent("ana", 9, null, "SAP"),
                agent("bob", 9, null, "german"));
        try (AgentLedger.Board board = AgentLedger.inMemory().open(rr.settings())) {
            assertThat(rr.assign(ticket("T-1"), List.of("sap"), MONDAY_10_BERLIN, board)
                    .assignee()).isEqualTo("ana");
            Assignment none = rr.assign(ticket("T-2"), List.of("sap", "german"),
                    MONDAY_10_BERLIN, board);
            assertThat(none.assignee()).isNull();
            assertThat(none.reason()).isEqualTo("no agent with skills sap, german");
            assertThat(none.considered()).extracting(Assignment.Considered::passedOver)
                    .containsExactly("missing skill german", "missing skill sap");
        }
    }

    @Test
    void shifts_followTheCalendar_acrossTheDstChange() {
        Assigner rr = assigner("round_robin", agent("day", 9, "office"),
                agent("night", 9, "night"));
        try (AgentLedger.Board board = AgentLedger.inMemory().open(rr.settings())) {
            // Friday 27 March 2026, 07:30 UTC is 08:30 in Berlin (CET, +01:00): the day shift
            assertThat(rr.assign(ticket("T-1"), List.of(), Instant.parse(
                    "2026-03-27T07:30:00Z"), board).assignee()).isEqualTo("day");
            // Monday 30 March, 06:30 UTC is 08:30 in Berlin (CEST, +02:00): the day shift
            assertThat(rr.assign(ticket("T-2"), List.of(), Instant.parse(
                    "2026-03-30T06:30:00Z"), board).assignee()).isEqualTo("day");
            // Monday 30 March, 05:30 UTC is 07:30 CEST: before the day shift, after the night's
            Assignment early = rr.assign(ticket("T-3"), List.of(), Instant.parse(
                    "2026-03-30T05:30:00Z"), board);
            assertThat(early.assignee()).isNull();
            assertThat(early.reason()).isEqualTo("no agent on shift");
            // Sunday 29 March 2026, 23:30 UTC is 01:30 CEST on Monday: the night shift
            assertThat(rr.assign(ticket("T-4"), List.of(), Instant.parse(
                    "2026-03-29T23:30:00Z"), board).assignee()).isEqualTo("night");
            // 14:59 UTC on Monday is 16:59 CEST: the day shift ended at 16:00
            assertThat(rr.assign(ticket("T-5"), List.of(), Instant.parse(
                    "2026-03-30T14:59:00Z"), board).reason()).isEqualTo("no agent on shift");
        }
    }

    @Test
    void anAssigneeAlreadyThere_isKept_andAClosedTicketTakesNobody() {
        Assigner rr = assigner("round_robin", agent("ana", 9, null));
        try (AgentLedger.Board board = AgentLedger.inMemory().open(rr.settings())) {
            Ticket held = TestTickets.aTicket().assignedTo("tech-team")
                    .metadata(Map.of("assignee", "zoe")).build();
            Assignment kept = rr.assign(held, List.of(), MONDAY_10_BERLIN, board);
            assertThat(kept.assignee()).isEqualTo("zoe");
            assertThat(kept.reason()).isEqualTo(Assignment.KEPT);
            Ticket done = TestTickets.aTicket().assignedTo("tech-team").status(Status.RESOLVED)
                    .build();
            Assignment closed = rr.assign(done, List.of(), MONDAY_10_BERLIN, board);
            assertThat(closed.assignee()).isNull();
            assertThat(closed.waits()).isFalse();
        }
    }

    @Test
    void inactiveAgents_andTeamsWithoutAgents_andStrategyNone_leaveTheTicketWaiting() {
        Agent off = new Agent("ana", null, null, List.of("tech-team"), Set.of(), 3, null, false);
        try (AgentLedger.Board board = AgentLedger.inMemory().open(AssignmentSettings.none())) {
            assertThat(assigner("round_robin", off).assign(ticket("T-1"), List.of(),
                    MONDAY_10_BERLIN, board).reason()).isEqualTo("no active agent");
            Ticket billing = TestTickets.aTicket().assignedTo("billing-team").build();
            Assignment queue = assigner("round_robin", agent("ana", 3, null)).assign(billing,
                    List.of(), MONDAY_10_BERLIN, board);
            assertThat(queue.strategy()).isEqualTo("none");
            assertThat(queue.reason()).isEqualTo(Assignment.QUEUE);
        }
    }

    @Test
    void aCustomStrategy_decidesForItsTeam_butMayOnlyPickAnAvailableAgent() {
        Agent ana = agent("ana", 9, null);
        Assigner last = assigner("round_robin", ana, agent("bob", 9, null))
                .withStrategy("tech-team", (t, available) -> Optional.of(
                        available.get(available.size() - 1)));
        try (AgentLedger.Board board = AgentLedger.inMemory().open(last.settings())) {
            Assignment a = last.assign(ticket("T-1"), List.of(), MONDAY_10_BERLIN, board);
            assertThat(a.assignee()).isEqualTo("bob");
            assertThat(a.strategy()).isEqualTo("custom");
            Assigner rogue = assigner("round_robin", ana).withStrategy("tech-team",
                    (t, available) -> Optional.of(new AssignmentStrategy.Candidate(
                            agent("mallory", 1, null), 0, null)));
            assertThatThrownBy(() -> rogue.assign(ticket("T-2"), List.of(), MONDAY_10_BERLIN,
                    board)).hasMessageContaining("mallory");
        }
    }

    @Test
    void anAgent_needsCapacityOfAtLeastOne() {
        assertThatThrownBy(() -> agent("ana", 0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity 0");
    }
}
