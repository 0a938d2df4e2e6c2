package org.helpdesktriage.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.job.QueueSweep;
import org.helpdesktriage.store.HealthCheck;
import org.helpdesktriage.store.Storage;
import org.helpdesktriage.store.provider.StorageProvider;

/** Prints and counts what {@code assign} did, and the assignment part of a triage summary. */
final class AssignPrinter {

    private AssignPrinter() {
    }

    /** Declares the assignment series at zero: one per team an agent works for. */
    static void declare(TriageConfig config, Metrics metrics) {
        config.assignment().agents().stream().flatMap(a -> a.teams().stream()).distinct()
                .sorted().forEach(team -> metrics.declare(AssignCommand.ASSIGNMENTS,
                        Map.of("team", team)));
    }

    /** Counts a sweep into the metrics and the run record's counts. */
    static void count(QueueSweep.Result result, Metrics metrics, Map<String, Long> counts) {
        result.assigned().forEach(a -> metrics.increment(AssignCommand.ASSIGNMENTS,
                Map.of("team", a.team())));
        result.waiting().forEach((reason, ids) -> metrics.add(AssignCommand.WAITING,
                Map.of("reason", reason), ids.size()));
        counts.put("assigned", (long) result.assigned().size());
        counts.put("waiting", (long) result.waitingCount());
        counts.put("corrupt", (long) result.corrupt().size());
    }

    /**
     * Returns the warning naming the agents no longer in the roster who still hold tickets in
     * a load status, or empty when there are none (or no roster).
     */
    static java.util.Optional<HealthCheck> removedAgents(TriageConfig config,
            StorageProvider storage, java.time.Instant now) {
        if (!config.assignment().enabled()) {
            return java.util.Optional.empty();
        }
        try (Storage data = storage.openForReading()) {
            // health takes no lock: loads come from the tickets, the ledger is not opened
            List<AgentsOverview.Row> gone = AgentsOverview.of(config, data.tickets(), null, now)
                    .removed();
            return gone.isEmpty() ? java.util.Optional.of(new HealthCheck("agents", true,
                    "every agent holding tickets is in the roster"))
                    : java.util.Optional.of(HealthCheck.warn("agents", gone.size() + " agent(s)"
                    + " no longer in the roster still hold tickets: " + gone.stream()
                            .map(r -> r.id() + " (" + r.load() + ")")
                            .collect(Collectors.joining(", ")) + "; hand them over with "
                    + "'helpdesk-triage tickets update ID --assignee AGENT'"));
        }
    }

    /** Prints the assignments as a table, then the waiting tickets by reason. */
    static void print(QueueSweep.Result result, PrintWriter out, boolean quiet) {
        if (result.assigned().isEmpty()) {
            if (!quiet) {
                out.println("No waiting ticket could be assigned.");
            }
        } else {
            Table table = new Table("TICKET", "TEAM", "AGENT");
            result.assigned().forEach(a -> table.row(a.ticketId(), a.team(), a.agent()));
            table.print(out);
        }
        result.waiting().forEach((reason, ids) -> out.println("waiting, " + reason + ": "
                + ids.size() + " (" + first(ids) + ")"));
    }

    /** Returns " (no agent on shift 3, all at capacity 2)", or "" when nothing waits. */
    static String reasons(QueueSweep.Result result) {
        return reasons(result.waiting().entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> (long) e.getValue().size())));
    }

    /** Returns " (reason n, ...)" in reason order, or "" for none. */
    static String reasons(Map<String, Long> byReason) {
        if (byReason.isEmpty()) {
            return "";
        }
        return byReason.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
    }

    private static String first(List<String> ids) {
        int shown = Math.min(ids.size(), 5);
        return String.join(", ", ids.subList(0, shown))
                + (ids.size() > shown ? " and " + (ids.size() - shown) + " more" : "");
    }
}
