package org.helpdesktriage.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;

/** Shared fixtures of the operator command tests. */
final class OpsFixtures {

    static final Instant T0 = Instant.parse("2026-11-20T10:15:30Z");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

    private OpsFixtures() {
    }

    static Ticket.Builder aTicket(String id) {
        return Ticket.builder().ticketId(id).title("Printer on fire").description("It burns.")
                .requesterEmail("ann@example.com").category("technical")
                .priority(Priority.HIGH).status(Status.NEW).createdAt(T0)
                .updatedAt(T0.plusSeconds(60)).tags(List.of("vip", "hardware"))
                .metadata(Map.of("source", "mail"));
    }

    static Ticket ticket(String id) {
        return aTicket(id).build();
    }

    /** Runs the CLI at the fixed clock with no environment. */
    static CliRun cli(String... args) {
        return CliRun.runAt(CLOCK, Map.of(), "", args);
    }

    /** Returns every regular file under {@code dir}, relative, with its bytes. */
    static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isRegularFile(p)) {
                    files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
                }
            }
        }
        return files;
    }
}
