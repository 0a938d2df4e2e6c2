package org.helpdesktriage.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.helpdesktriage.core.TestConfigs;
import org.helpdesktriage.core.TestTickets;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.sla.Sla;
import org.helpdesktriage.core.sla.SlaStatus.SlaState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlaDueTest {

    private static final Instant CREATED = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    private TriageConfig config() {
        return TestConfigs.load(dir, """
                {"synonyms": {"priority": {"p1": "critical"}, "category": {"money": "billing"}},
                 "sla": {"policies": [
                   {"id": "urgent", "condition": {"field": "priority", "op": "equals", "value": "critical"},
                    "calendar": "24x7", "first_response": "PT1H", "resolution": "PT4H"},
                   {"id": "billing", "condition": {"field": "category", "op": "equals", "value": "billing"},
                    "calendar": "24x7", "first_response": "PT2H", "resolution": "PT8H"}]}}""");
    }

    @Test
    void synonymsAreReadAsATicketsAre_inAnyCase() {
        SlaDue due = SlaDue.of(config(), " P1 ", "technical", CREATED, CREATED);
        assertThat(due.priority()).isEqualTo(Priority.CRITICAL);
        assertThat(due.policy()).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("urgent"));
        assertThat(due.due(Sla.Target.FIRST_RESPONSE)).contains(CREATED.plusSeconds(3600));
        assertThat(due.due(Sla.Target.RESOLUTION)).contains(CREATED.plusSeconds(4 * 3600));

        SlaDue billing = SlaDue.of(config(), "low", "MONEY", CREATED, CREATED);
        assertThat(billing.category()).isEqualTo("billing");
        assertThat(billing.policy()).hasValueSatisfying(p -> assertThat(p.id())
                .isEqualTo("billing"));
        assertThat(billing.counted(Sla.Target.FIRST_RESPONSE, 10)).hasSize(1);
    }

    @Test
    void noPolicy_noDueTimes() {
        SlaDue due = SlaDue.of(config(), "low", null, CREATED, CREATED);
        assertThat(due.category()).isEqualTo(config().categories().fallback());
        assertThat(due.policy()).isEmpty();
        assertThat(due.due(Sla.Target.RESOLUTION)).isEmpty();
        assertThat(due.counted(Sla.Target.RESOLUTION, 10)).isEmpty();
    }

    @Test
    void wrongValuesAreNamedByField() {
        assertThatThrownBy(() -> SlaDue.of(config(), "urgentish", null, CREATED, CREATED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("priority 'urgentish' is not critical, high, medium or low");
        assertThatThrownBy(() -> SlaDue.of(config(), "low", "cars", CREATED, CREATED))
                .hasMessageStartingWith("category 'cars' is not a configured category (");
        assertThatThrownBy(() -> SlaDue.of(config(), "low", null, Instant.parse(
                "+10000-01-01T00:00:00Z"), CREATED))
                .hasMessageStartingWith("created +10000-01-01T00:00:00Z is outside");
    }

    @Test
    void overviewListsTheMostUrgentFirst() {
        TriageConfig config = config();
        Ticket late = TestTickets.aTicket().ticketId("LATE").priority(Priority.CRITICAL)
                .createdAt(CREATED).build();
        Ticket fresh = TestTickets.aTicket().ticketId("FRESH").priority(Priority.CRITICAL)
                .createdAt(CREATED.plusSeconds(5 * 3600)).build();
        Ticket none = TestTickets.aTicket().ticketId("NONE").priority(Priority.LOW)
                .category("technical").createdAt(CREATED).build();
        Ticket future = TestTickets.aTicket().ticketId("FUTURE").priority(Priority.CRITICAL)
                .createdAt(CREATED.plusSeconds(30 * 3600)).build();
        SlaOverview overview = SlaOverview.of(config, List.of(fresh, none, late, future),
                CREATED.plusSeconds(5 * 3600 + 60));
        assertThat(overview.entries()).extracting(e -> e.ticket().ticketId())
                .containsExactly("LATE", "FRESH");
        assertThat(overview.entries().get(0).state()).isEqualTo(SlaState.BREACHED);
        assertThat(overview.counts()).containsEntry(SlaState.BREACHED, 1).hasSize(2);
        assertThat(overview.withoutPolicy()).isEqualTo(1);
        assertThat(overview.unmeasured()).extracting(SlaOverview.Unmeasured::ticketId)
                .containsExactly("FUTURE");
    }
}
