package org.helpdesktriage.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.store.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAuditLogTest {

    @TempDir
    Path root;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T23:00:00Z"));

    private AuditLog.Entry entry(String ticket, String actor) {
        return new AuditLog.Entry(clock.instant(), actor, "escalate", ticket,
                Map.of("priority", new AuditLog.Entry.Change("high", "critical")), "run-1");
    }

    @Test
    void append_rotatesByUtcDay_andQueriesFilterAndLimit() {
        try (FileAuditLog log = new FileAuditLog(root, clock)) {
            log.append(entry("T-1", "alice"));          // 22nd 23:00
            clock.advance(Duration.ofMinutes(30));
            log.append(entry("T-2", "bob"));            // 22nd 23:30
            clock.advance(Duration.ofHours(1));
            log.append(entry("T-1", "bob"));            // 23rd 00:30
            clock.advance(Duration.ofHours(1));
            log.append(entry("T-3", "alice"));          // 23rd 01:30

            assertThat(log.files()).extracting(p -> p.getFileName().toString())
                    .containsExactly("audit-2026-11-22.jsonl", "audit-2026-11-23.jsonl");
            assertThat(log.query(AuditLog.Query.all())).extracting(AuditLog.Entry::ticketId)
                    .containsExactly("T-1", "T-2", "T-1", "T-3");
            assertThat(log.query(AuditLog.Query.all().ticket("T-1")))
                    .extracting(AuditLog.Entry::actor)
                    .containsExactly("alice", "bob");
            assertThat(log.query(AuditLog.Query.all().actor("alice")))
                    .extracting(AuditLog.Entry::ticketId).containsExactly("T-1", "T-3");
            assertThat(log.query(AuditLog.Query.all().since(Instant.parse("2026-11-22T23:30:00Z"))
                    .until(Instant.parse("2026-11-23T01:30:00Z"))))
                    .extracting(AuditLog.Entry::ticketId).containsExactly("T-2", "T-1");
            assertThat(log.query(AuditLog.Query.all().mostRecent(2)))
                    .extracting(AuditLog.Entry::ticketId).containsExactly("T-1", "T-3");
            assertThat(log.query(AuditLog.Query.all().ticket("T-2")).get(0))
                    .isEqualTo(new AuditLog.Entry(Instant.parse("2026-11-22T23:30:00Z"), "bob",
                            "escalate", "T-2",
                            Map.of("priority", new AuditLog.Entry.Change("high", "critical")),
                            "run-1"));
        }
    }

    @Test
    void unfinishedLastLine_isIgnored_andCutOffByTheNextAppend() throws Exception {
        FileAuditLog log = new FileAuditLog(root, clock);
        log.append(entry("T-1", "alice"));
        log.close();
        Path file = log.files().get(0);
        Files.writeString(file, "{\"time\":\"2026-11-22T23:", StandardOpenOption.APPEND);
        assertThat(log.query(AuditLog.Query.all())).hasSize(1);
        assertThat(log.problems()).isEmpty();

        try (FileAuditLog again = new FileAuditLog(root, clock)) {
            again.append(entry("T-2", "bob"));
            assertThat(again.query(AuditLog.Query.all())).extracting(AuditLog.Entry::ticketId)
                    .containsExactly("T-1", "T-2");
        }
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(2);
    }

    @Test
    void corruptLine_isReportedNamingFileAndLine() throws Exception {
        try (FileAuditLog log = new FileAuditLog(root, clock)) {
            log.append(entry("T-1", "alice"));
            Files.writeString(log.files().get(0), "garbage\n", StandardOpenOption.APPEND);
            assertThat(log.problems()).singleElement().asString().contains("line 2");
            assertThatThrownBy(() -> log.query(AuditLog.Query.all()))
                    .hasMessageContaining("audit-2026-11-22.jsonl line 2");
        }
    }
}
