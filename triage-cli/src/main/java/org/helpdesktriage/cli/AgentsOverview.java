package org.helpdesktriage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.helpdesktriage.core.assign.Agent;
import org.helpdesktriage.core.assign.AgentLedger;
import org.helpdesktriage.core.assign.AssignmentSettings;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.sla.BusinessCalendar;
import org.helpdesktriage.core.store.TicketStore;

/**
 * The agents as they stand: each agent of the roster with their load (stored tickets assigned to
 * them in a load status), capacity, whether they are on shift at a time, and when they were last
 * assigned a ticket; and the agents no longer in the roster who still hold tickets, which
 * nobody will work on unless they are handed over. What {@code helpdesk-triage agents} prints
 * and {@code health} warns about. Read through the API only (the configuration, a store and
 * its agent ledger), so an embedder can do the same.
 *
 * <pre>{@code
 * AgentsOverview o = AgentsOverview.of(config, store, storage.agentLedger(), clock.instant());
 * o.removed().forEach(r -> System.out.println(r.id() + " still holds " + r.load()));
 * }</pre>
 *
 * @param agents the roster's agents, in the roster's order
 * @param removed the agents not in the roster holding tickets in a load status, by id
 */
record AgentsOverview(List<Row> agents, List<Row> removed) {

    /** Copies the lists. */
    public AgentsOverview {
        agents = List.copyOf(agents);
        removed = List.copyOf(removed);
    }

    /**
     * One agent.
     *
     * @param id the agent's id
     * @param name the agent's name, or {@code null}
     * @param teams the agent's teams (empty for one no longer in the roster)
     * @param load how many stored tickets in a load status the agent holds
     * @param capacity the agent's capacity (0 for one no longer in the roster)
     * @param active whether the agent takes tickets
     * @param onShift whether the agent is on shift at the time asked
     * @param lastAssigned when the agent was last assigned a ticket, or {@code null}
     */
    public record Row(String id, String name, List<String> teams, int load, int capacity,
            boolean active, boolean onShift, Instant lastAssigned) {

        /** Checks the id and copies the teams. */
        public Row {
            Objects.requireNonNull(id, "id");
            teams = List.copyOf(teams);
        }
    }

    /**
     * Reads the overview: loads from the stored tickets, last assignments from the ledger (a
     * board opened and closed without a change).
     *
     * @param config the configuration: roster, load statuses, calendars
     * @param store the tickets
     * @param ledger the agents' ledger, or {@code null} to leave last assignments out (health:
     *     on PostgreSQL a board waits for a chunk being assigned)
     * @param now the time shifts are read at
     */
    static AgentsOverview of(TriageConfig config, TicketStore store, AgentLedger ledger,
            Instant now) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(now, "now");
        AssignmentSettings settings = config.assignment();
        Map<String, Integer> loads = new TreeMap<>();
        for (Ticket t : store.scan().tickets()) {
            String agent = AgentLedger.assigneeOf(t);
            if (agent != null && settings.countsAsLoad(t.status())) {
                loads.merge(agent, 1, Integer::sum);
            }
        }
        List<Row> rows = new ArrayList<>();
        List<Row> removed = new ArrayList<>();
        if (!settings.enabled() && loads.isEmpty()) {
            return new AgentsOverview(rows, removed);
        }
        try (AgentLedger.Board board = ledger == null ? null : ledger.open(settings)) {
            for (Agent a : settings.agents()) {
                rows.add(new Row(a.id(), a.name(), a.teams(), loads.getOrDefault(a.id(), 0),
                        a.capacity(), a.active(), onShift(config, a, now),
                        board == null ? null : board.lastAssigned(a.id())));
            }
            loads.forEach((id, load) -> {
                if (settings.agent(id).isEmpty()) {
                    removed.add(new Row(id, null, List.of(), load, 0, false, false,
                            board == null ? null : board.lastAssigned(id)));
                }
            });
        }
        return new AgentsOverview(rows, removed);
    }

    private static boolean onShift(TriageConfig config, Agent a, Instant now) {
        if (a.calendar() == null || a.calendar().equals(BusinessCalendar.ALWAYS_ID)) {
            return true;
        }
        return config.sla().calendar(a.calendar()).map(c -> c.isWorkingTime(now)).orElse(false);
    }

    /**
     * Returns the overview as pretty-printed JSON: {@code agents} and {@code removed}, each an
     * array of objects with {@code id}, {@code name}, {@code teams}, {@code load},
     * {@code capacity}, {@code active}, {@code on_shift} and {@code last_assigned_at}.
     */
    String toJson() {
        ObjectNode n = new ObjectMapper().createObjectNode();
        rows(n.putArray("agents"), agents);
        rows(n.putArray("removed"), removed);
        return n.toPrettyString();
    }

    private static void rows(ArrayNode array, List<Row> rows) {
        for (Row r : rows) {
            ObjectNode o = array.addObject();
            o.put("id", r.id());
            o.put("name", r.name());
            ArrayNode teams = o.putArray("teams");
            r.teams().forEach(teams::add);
            o.put("load", r.load());
            o.put("capacity", r.capacity());
            o.put("active", r.active());
            o.put("on_shift", r.onShift());
            o.put("last_assigned_at", r.lastAssigned() == null ? null
                    : r.lastAssigned().toString());
        }
    }
}
