package org.helpdesktriage.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.junit.jupiter.api.Test;

class TicketJsonTest {

    private static final Ticket TICKET = Ticket.builder().ticketId("TKT-1").title("t")
            .description("d").requesterEmail("a@example.com").category("billing")
            .priority(Priority.CRITICAL).status(Status.IN_PROGRESS)
            .createdAt(Instant.parse("2026-11-23T09:00:00Z")).assignedTo("billing-team")
            .tags(List.of("a", "b")).metadata(Map.of("n", 3, "nested", Map.of("x", "y")))
            .score(0.75).build();

    @Test
    void write_usesFieldOrderSnakeCaseAndIsoInstants() {
        String json = TicketJson.toJson(TICKET);
        assertThat(json).startsWith("{\"ticket_id\":\"TKT-1\",\"title\":\"t\"")
                .contains("\"priority\":\"critical\",\"status\":\"in_progress\"")
                .contains("\"created_at\":\"2026-11-23T09:00:00Z\"")
                .endsWith("\"score\":0.75}");
        assertThat(List.copyOf(iterable(TicketJson.toTree(TICKET)))).isEqualTo(Ticket.FIELDS);
    }

    @Test
    void readBack_givesAnEqualTicket() {
        assertThat(TicketJson.fromJson(TicketJson.toPrettyJson(TICKET), "x")).isEqualTo(TICKET);
        Ticket bare = Ticket.builder().ticketId("T").title("t").description("d")
                .requesterEmail("a@example.com").createdAt(Instant.EPOCH).build();
        assertThat(TicketJson.fromJson(TicketJson.toJson(bare), "x")).isEqualTo(bare);
    }

    @Test
    void read_isStrict_namingSourceAndField() {
        ObjectNode extra = TicketJson.toTree(TICKET).put("colour", "red");
        assertThatThrownBy(() -> TicketJson.fromTree(extra, "f.json"))
                .hasMessage("f.json has unknown field 'colour'");
        ObjectNode missing = TicketJson.toTree(TICKET);
        missing.remove("score");
        assertThatThrownBy(() -> TicketJson.fromTree(missing, "f.json"))
                .hasMessage("f.json lacks field 'score'");
        ObjectNode badTime = TicketJson.toTree(TICKET).put("created_at", "yesterday");
        assertThatThrownBy(() -> TicketJson.fromTree(badTime, "f.json"))
                .hasMessageContaining("'created_at' is not an ISO-8601 instant");
        ObjectNode badScore = TicketJson.toTree(TICKET).put("score", 2.0);
        assertThatThrownBy(() -> TicketJson.fromTree(badScore, "f.json"))
                .hasMessageContaining("score 2.0 is outside [0, 1]");
        assertThatThrownBy(() -> TicketJson.fromJson("{\"a\":1} {", "f.json"))
                .hasMessageContaining("f.json is not valid JSON");
    }

    private static List<String> iterable(ObjectNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
