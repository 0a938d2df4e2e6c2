package org.helpdesktriage.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesktriage.core.TestTickets.aTicket;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditLog;
import org.junit.jupiter.api.Test;

class ReimportMergeTest {

    private static final Instant FIRST = Instant.parse("2026-01-05T10:00:00Z");
    private static final Instant ESCALATED = Instant.parse("2026-01-06T10:00:00Z");
    private static final Instant AGAIN = Instant.parse("2026-01-07T10:00:00Z");

    private static final Ticket ARRIVING = aTicket().priority(Priority.LOW)
            .tags(List.of("printer")).metadata(Map.of("channel", "email")).build();

    // the first import: account-team, high, triaged
    private static Ticket decided(Ticket arriving, Priority priority, String team,
            Instant when) {
        return arriving.withTriage("account", priority, team, arriving.tags(), 0.5,
                arriving.status() == Status.NEW ? Status.TRIAGED : arriving.status(), when);
    }

    // the stored ticket after the first import and an escalation to critical / on-call
    private static Ticket storedEscalated() {
        Ticket first = ReimportMerge.first(ARRIVING, decided(ARRIVING, Priority.HIGH,
                "account-team", FIRST));
        return new Ticket(first.ticketId(), first.title(), first.description(),
                first.requesterEmail(), first.category(), Priority.CRITICAL, Status.ESCALATED,
                first.createdAt(), ESCALATED, "on-call", first.tags(),
                withEntry(first.metadata(), "escalated_at", ESCALATED.toString()), 0.5);
    }

    private static Map<String, Object> withEntry(Map<String, Object> m, String k, Object v) {
        java.util.Map<String, Object> copy = new java.util.LinkedHashMap<>(m);
        copy.put(k, v);
        return copy;
    }

    @Test
    void reimportOfUnchangedRecord_keepsTheStoredTicketExactly() {
        Ticket stored = storedEscalated();
        Ticket merged = ReimportMerge.merge(stored, ARRIVING,
                decided(ARRIVING, Priority.HIGH, "account-team", AGAIN));
        assertThat(merged).isSameAs(stored);
        assertThat(ReimportMerge.unchanged(stored, merged)).isTrue();
    }

    @Test
    void reimport_keepsEscalationPriorityAndAssignee_andTakesTheSourcesText() {
        Ticket stored = storedEscalated();
        Ticket edited = aTicket().priority(Priority.LOW).title("Printer jam, again")
                .tags(List.of("printer")).metadata(Map.of("channel", "web")).build();
        Ticket merged = ReimportMerge.merge(stored, edited,
                decided(edited, Priority.HIGH, "account-team", AGAIN));
        assertThat(merged).extracting(Ticket::status, Ticket::priority, Ticket::assignedTo,
                Ticket::title, Ticket::updatedAt)
                .containsExactly(Status.ESCALATED, Priority.CRITICAL, "on-call",
                        "Printer jam, again", AGAIN);
        assertThat(merged.metadata()).containsEntry("escalated_at", ESCALATED.toString())
                .containsEntry("channel", "web");
        Map<String, AuditLog.Entry.Change> changes = ReimportMerge.changes(stored, merged);
        assertThat(changes).containsOnlyKeys("title", "metadata.channel");
        assertThat(changes.get("title"))
                .isEqualTo(new AuditLog.Entry.Change("Printer jam", "Printer jam, again"));
    }

    @Test
    void priorityNeverDrops_butANewDecisionMayRaiseIt_withItsTeam() {
        Ticket stored = ReimportMerge.first(ARRIVING, decided(ARRIVING, Priority.MEDIUM,
                "support", FIRST));
        Ticket lower = ReimportMerge.merge(stored, ARRIVING,
                decided(ARRIVING, Priority.LOW, "support", AGAIN));
        assertThat(lower.priority()).isEqualTo(Priority.MEDIUM);
        Ticket higher = ReimportMerge.merge(stored, ARRIVING,
                decided(ARRIVING, Priority.HIGH, "security-team", AGAIN));
        assertThat(higher).extracting(Ticket::priority, Ticket::assignedTo)
                .containsExactly(Priority.HIGH, "security-team");
        assertThat(ReimportMerge.changes(stored, higher)).containsKeys("priority",
                "assigned_to").doesNotContainKeys("status", "title");
    }

    @Test
    void aStatusTheSourceChanges_replacesTheStoredOne_aRepeatedOneDoesNot() {
        Ticket stored = storedEscalated();
        Ticket resolved = aTicket().priority(Priority.LOW).status(Status.RESOLVED)
                .tags(List.of("printer")).metadata(Map.of("channel", "email")).build();
        Ticket merged = ReimportMerge.merge(stored, resolved,
                decided(resolved, Priority.HIGH, "account-team", AGAIN));
        assertThat(merged.status()).isEqualTo(Status.RESOLVED);
        assertThat(ReimportMerge.changes(stored, merged)).containsOnlyKeys("status");
        assertThat(ReimportMerge.changes(stored, merged).get("status"))
                .isEqualTo(new AuditLog.Entry.Change("escalated", "resolved"));
        Ticket again = ReimportMerge.merge(merged, resolved,
                decided(resolved, Priority.HIGH, "account-team", AGAIN.plusSeconds(60)));
        assertThat(again).isSameAs(merged);
    }

    @Test
    void anAssigneeTheSourceChanges_replacesTheEscalationsOne() {
        Ticket stored = storedEscalated();
        Ticket handed = aTicket().priority(Priority.LOW).assignedTo("bob")
                .tags(List.of("printer")).metadata(Map.of("channel", "email")).build();
        Ticket merged = ReimportMerge.merge(stored, handed,
                decided(handed, Priority.HIGH, "bob", AGAIN));
        assertThat(merged.assignedTo()).isEqualTo("bob");
        assertThat(merged.priority()).isEqualTo(Priority.CRITICAL);
    }

    @Test
    void ticketStoredBeforeSourcesWereRecorded_keepsItsDecisions() {
        Ticket legacy = storedEscalated();
        java.util.Map<String, Object> metadata = new java.util.LinkedHashMap<>(
                legacy.metadata());
        metadata.remove(ReimportMerge.METADATA_KEY);
        Ticket stored = new Ticket(legacy.ticketId(), legacy.title(), legacy.description(),
                legacy.requesterEmail(), legacy.category(), legacy.priority(), legacy.status(),
                legacy.createdAt(), legacy.updatedAt(), legacy.assignedTo(), legacy.tags(),
                metadata, legacy.score());
        Ticket merged = ReimportMerge.merge(stored, ARRIVING,
                decided(ARRIVING, Priority.HIGH, "account-team", AGAIN));
        assertThat(merged).extracting(Ticket::status, Ticket::priority, Ticket::assignedTo)
                .containsExactly(Status.ESCALATED, Priority.CRITICAL, "on-call");
        assertThat(ReimportMerge.changes(stored, merged)).isEmpty();
    }
}
