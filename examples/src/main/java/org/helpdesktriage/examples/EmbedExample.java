package org.helpdesktriage.examples;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.helpdesktriage.core.BatchTriage;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.TriageOutcome;
import org.helpdesktriage.core.TriageResult;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.ingest.RecordReader;
import org.helpdesktriage.core.ingest.RecordReaders;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.route.Routing;

/**
 * Embeds the library: triages two tickets built in code, then a whole file.
 * Run from the repository root: {@code EmbedExample [config.json] [examples/tickets.json]}.
 */
public final class EmbedExample {

    private EmbedExample() {
    }

    /** Runs the example. */
    public static void main(String[] args) {
        // The same layered loader as the CLI, so HELPDESK_* variables apply here too.
        TriageConfig config = args.length > 0 && !args[0].isEmpty()
                ? ConfigLoader.load(Path.of(args[0])) : TriageConfig.defaults();
        // Build once and share: rules compile here and the engine is thread-safe.
        TriageEngine engine = TriageEngine.builder().config(config).build();

        Instant now = Instant.now();
        List<Ticket> tickets = List.of(
                Ticket.builder().ticketId("TKT-20261120-0A1B2C3D")
                        .title("Renewal did not go through")
                        .description("Our payment was declined twice and the service is down.")
                        .requesterEmail("finance@example.com").category("billing")
                        .priority(Priority.MEDIUM).createdAt(now).build(),
                // whole-word matching: "Clock" is not "lock", so no lockout rule fires
                Ticket.builder().ticketId("TKT-20261120-1B2C3D4E")
                        .title("Clock widget shows the wrong time zone")
                        .description("The dashboard clock shows UTC instead of local time.")
                        .requesterEmail("lena@example.com").category("bug")
                        .priority(Priority.LOW).createdAt(now).build());
        for (Ticket ticket : tickets) {
            TriageResult result = engine.triage(ticket);
            Routing routing = result.routing();
            System.out.printf("%s -> %s, priority %s, rule %s, score %.2f%n", ticket.ticketId(),
                    routing.assignedTo(), routing.priority(), routing.rule().orElse("none"),
                    result.score().total());
        }

        // Files go through the CLI's parsing and validation; a bad record is an outcome,
        // not an exception, so one typo never stops a batch.
        Path input = Path.of(args.length > 1 ? args[1] : "examples/tickets.json");
        Map<String, Integer> perTeam = new TreeMap<>();
        BatchTriage.Summary summary;
        try (RecordReader reader = RecordReaders.open(input)) {
            // the sink runs on this thread in input order, so a plain map needs no locking
            summary = BatchTriage.run(engine, reader, outcome -> {
                if (outcome instanceof TriageOutcome.Triaged triaged) {
                    perTeam.merge(triaged.result().routing().assignedTo(), 1, Integer::sum);
                } else if (outcome instanceof TriageOutcome.Rejected rejected) {
                    System.out.println("rejected: " + rejected.rejection().message());
                }
            }, 2);
        }
        System.out.println(input + ": " + summary);
        perTeam.forEach((team, count) -> System.out.printf("  %-18s %d%n", team, count));
    }
}
