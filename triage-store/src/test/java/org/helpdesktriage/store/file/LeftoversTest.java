package org.helpdesktriage.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesktriage.store.TestTickets.ticket;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.store.HealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What interrupted runs and live copies leave (issue 11 class 6, issue 16): health warns and
 * never fails on it, and the next writer removes it.
 */
class LeftoversTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-23T09:30:05Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private static String detail(List<HealthCheck> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow()
                .detail();
    }

    @Test
    void leftoversAndAStaleLock_areWarnings_andTheNextWriterRemovesThem() throws Exception {
        Path root = tmp.resolve("data");
        try (DataDirectory d = DataDirectory.openForWriting(root, "run", Duration.ZERO, CLOCK)) {
            d.tickets().save(ticket("T-1"));
            d.audit().append(new AuditLog.Entry(CLOCK.instant(), "a", "triage", "T-1", Map.of(),
                    null));
        }
        Path audit = root.resolve("audit/audit-2026-11-23.jsonl");
        Files.writeString(audit, "{\"time\":\"2026-11-23T09:3", StandardOpenOption.APPEND);
        for (String dir : new String[] {"tickets", "runs", "dead-letters", "."}) {
            Files.createDirectories(root.resolve(dir));
            Files.writeString(root.resolve(dir).resolve(".tmp-0123456789abcdef"), "{\"half");
        }
        Files.writeString(root.resolve("manifest.json"), "{}");
        Path staging = Files.createDirectories(tmp.resolve("data.restore-staging-20261122T0"
                + "10000Z/tickets"));
        Files.writeString(staging.resolve("T-1.json"), "x");
        // the lock file of a directory copied while another host's writer held it
        Files.write(root.resolve("lock"), ("{\"pid\":4242,\"host\":\"ops-elsewhere\","
                + "\"since\":\"2026-11-23T09:00:00Z\",\"command\":\"triage\"}\n")
                .getBytes(StandardCharsets.UTF_8));

        List<HealthCheck> checks = StoreHealth.check(root, 0);
        assertThat(HealthCheck.healthy(checks)).as(checks.toString()).isTrue();
        assertThat(checks).filteredOn(HealthCheck::warning).extracting(HealthCheck::name)
                .containsExactly("lock", "temporary files", "audit log");
        assertThat(detail(checks, "lock")).contains("pid 4242 on host ops-elsewhere (another "
                + "host)", "command triage", "does not hold the lock", "copied or restored");
        assertThat(detail(checks, "temporary files")).startsWith("6 left by an interrupted run");

        List<String> notices;
        try (DataDirectory d = DataDirectory.openForWriting(root, "run", Duration.ZERO, CLOCK)) {
            notices = d.notices();
        }
        assertThat(notices).anyMatch(n -> n.startsWith("took over a stale lock left by pid "
                + "4242 on host ops-elsewhere (another host)"));
        assertThat(notices).filteredOn(n -> n.startsWith("removed the ")).hasSize(6);
        assertThat(notices).filteredOn(n -> n.startsWith("cut the unfinished audit line in"))
                .hasSize(1);
        assertThat(staging.getParent()).doesNotExist();
        List<HealthCheck> after = StoreHealth.check(root, 0);
        assertThat(after).as(after.toString()).noneMatch(HealthCheck::warning)
                .allMatch(HealthCheck::ok);
        assertThat(new FileAuditLog(root, CLOCK).files()).singleElement();
        assertThat(Files.readString(audit)).endsWith("}\n");
    }

    @Test
    void aCorruptRunRecordOrDeadLetter_failsHealth() throws Exception {
        Path root = tmp.resolve("data");
        new FileStore(root).save(ticket("T-1"));
        Files.createDirectories(root.resolve("runs"));
        Files.writeString(root.resolve("runs/R-1.json"), "{\"run_id\":");
        List<HealthCheck> checks = StoreHealth.check(root, 0);
        assertThat(HealthCheck.healthy(checks)).isFalse();
        assertThat(checks).filteredOn(c -> !c.ok()).extracting(HealthCheck::name)
                .containsExactly("run records");
    }
}
