package org.helpdesktriage.store.postgres;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.BatchTriage;
import org.helpdesktriage.core.EscalationSweep;
import org.helpdesktriage.core.StoringStep;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.escalation.EscalationService;
import org.helpdesktriage.core.ingest.RawRecord;
import org.helpdesktriage.core.ingest.RecordReaders;

/**
 * Programs that the concurrency tests run in child JVMs against one database, so that two real
 * processes write at once: {@code triage FROM TO} triages tickets FROM..TO-1 through the engine
 * and the store; {@code sweep} runs one escalation sweep and prints how many it escalated. Both
 * wait for a line on standard input before they start, so the test starts them together.
 * {@code assign CONFIG FROM TO} triages tickets FROM..TO-1 of category technical with the
 * configuration's roster, through the database's agent ledger, and prints how many it assigned.
 */
public final class PgChildren {

    private PgChildren() {
    }

    /** Runs the named program; the database comes from HELPDESK_TEST_DB_URL. */
    public static void main(String[] args) throws Exception {
        PostgresSettings settings = new PostgresSettings(System.getenv("HELPDESK_TEST_DB_URL"),
                TestPostgres.USER, System.getenv("HELPDESK_DB_PASSWORD"));
        try (PostgresDatabase db = PostgresDatabase.open(settings, 4)) {
            System.out.println("READY");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                    .readLine();
            switch (args[0]) {
                case "triage" -> {
                    TriageEngine engine = TriageEngine.builder().build();
                    StoringStep storing = StoringStep.builder(engine).store(db.tickets())
                            .auditLog(db.audit()).runId("child-" + ProcessHandle.current().pid())
                            .build();
                    List<RawRecord> records = new ArrayList<>();
                    for (int i = Integer.parseInt(args[1]); i < Integer.parseInt(args[2]); i++) {
                        records.add(RecordReaders.readFields(Map.of("ticket_id",
                                String.format("TKT-%05d", i), "title", "Cannot log in " + i,
                                "description", "Password reset needed", "requester_email",
                                "u" + i + "@example.com", "priority", "medium"), "child"));
                    }
                    System.out.println("TRIAGED " + BatchTriage.run(engine, storing,
                            records.iterator(), o -> { }, 2).triaged());
                }
                case "assign" -> {
                    // triage with a roster: the ledger's lock keeps agents within capacity
                    TriageEngine engine = TriageEngine.builder().config(
                            org.helpdesktriage.core.config.ConfigLoader.load(
                                    java.util.Optional.of(java.nio.file.Path.of(args[1])),
                                    Map.of(), Map.of())).build();
                    StoringStep storing = StoringStep.builder(engine).store(db.tickets())
                            .auditLog(db.audit()).agentLedger(db.agentLedger()).build();
                    List<RawRecord> records = new ArrayList<>();
                    for (int i = Integer.parseInt(args[2]); i < Integer.parseInt(args[3]); i++) {
                        records.add(RecordReaders.readFields(Map.of("ticket_id",
                                String.format("TKT-%05d", i), "title", "Server down " + i,
                                "description", "the server is down", "requester_email",
                                "u" + i + "@example.com", "category", "technical"), "child"));
                    }
                    BatchTriage.run(engine, storing, records.iterator(), o -> { }, 2);
                    System.out.println("ASSIGNED " + storing.assignmentStats().orElseThrow()
                            .assigned());
                }
                case "sweep" -> {
                    Clock clock = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"),
                            ZoneOffset.UTC);
                    EscalationSweep sweep = new EscalationSweep(db.tickets(), db.audit(),
                            new EscalationService(EscalationService.Policy.defaults(), clock),
                            "sweep-" + ProcessHandle.current().pid());
                    System.out.println("ESCALATED " + sweep.run(null, false).escalations().size());
                }
                default -> throw new IllegalArgumentException(args[0]);
            }
        }
    }

    /** Starts a program in a child JVM and waits until it is connected. */
    static Process start(TestPostgres pg, String database, String... args) throws IOException {
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                .toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xshare:auto", "-cp",
                System.getProperty("java.class.path"), PgChildren.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("HELPDESK_TEST_DB_URL", pg.url(database));
        pb.environment().put("HELPDESK_DB_PASSWORD", TestPostgres.PASSWORD);
        Process p = pb.start();
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8)).readLine();
        if (!"READY".equals(line)) {
            p.destroyForcibly();
            throw new IllegalStateException("child " + args[0] + " said " + line);
        }
        return p;
    }

    /** Lets a started child go, and returns the number it prints at the end. */
    static void go(Process p) throws IOException {
        p.getOutputStream().write('\n');
        p.getOutputStream().flush();
    }

    /** Waits for a child and returns the number on its last line. */
    static long result(Process p) throws Exception {
        String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("child exited " + p.exitValue() + ": " + all);
        }
        String last = all.substring(all.lastIndexOf('\n') + 1);
        return Long.parseLong(last.substring(last.indexOf(' ') + 1));
    }
}
