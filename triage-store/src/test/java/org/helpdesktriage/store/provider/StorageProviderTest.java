package org.helpdesktriage.store.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.helpdesktriage.store.TestTickets.ticket;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.store.HealthCheck;
import org.helpdesktriage.store.RestoreResult;
import org.helpdesktriage.store.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage provider over a data directory: what the commands do, without a command line. */
class StorageProviderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:30:05Z"),
            ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private final List<String> notices = new ArrayList<>();
    private final List<String> reports = new ArrayList<>();

    private final StorageProvider.Listener listener = new StorageProvider.Listener() {
        @Override
        public void notice(String line) {
            notices.add(line);
        }

        @Override
        public void report(String line) {
            reports.add(line);
        }
    };

    private StorageProvider provider(Path root) {
        return StorageProvider.of(new StoreSettings(StoreType.FILE, root, Optional.empty(),
                Optional.empty()), Map.of(), Duration.ZERO, CLOCK);
    }

    @Test
    void deleteTicket_deletesAndAudits_andAMissingOneWritesNothing() {
        StorageProvider provider = provider(tmp.resolve("data"));
        try (Storage data = provider.openForWriting("test", false, 1)) {
            data.tickets().save(ticket("T-1"));
            assertThat(data.deleteTicket("T-1", "ops", CLOCK.instant())).isTrue();
            assertThat(data.deleteTicket("T-2", "ops", CLOCK.instant())).isFalse();
            assertThat(data.tickets().get("T-1")).isEmpty();
            assertThat(data.audit().query(AuditLog.Query.all()))
                    .extracting(AuditLog.Entry::action, AuditLog.Entry::ticketId,
                            AuditLog.Entry::actor)
                    .containsExactly(tuple("delete", "T-1", "ops"));
        }
    }

    @Test
    void backupThenRestore_roundTripsAndKeepsThePreviousDirectory() throws Exception {
        Path root = tmp.resolve("data");
        StorageProvider provider = provider(root);
        try (Storage data = provider.openForWriting("test", false, 1)) {
            data.tickets().save(ticket("T-1"));
        }
        BackupResult backup = provider.backup(tmp.resolve("backups"), listener);
        assertThat(backup.archive()).isRegularFile();
        assertThat(backup.store()).isEqualTo(root.toString());
        assertThat(backup.contents()).contains("1 ticket(s), 0 audit file(s), 0 run record(s)");

        assertThat(provider.planRestore(backup.archive()).tickets()).isEqualTo(1);
        RestoreResult restored = provider.restore(backup.archive(), listener);
        assertThat(restored.tickets()).isEqualTo(1);
        assertThat(restored.backup()).isTrue();
        assertThat(restored.previous()).hasValueSatisfying(p -> assertThat(p).isDirectory());
        assertThat(reports).isEmpty();
    }

    @Test
    void health_ofAFreshDataDirectory_isHealthy() {
        Path root = tmp.resolve("data");
        StorageProvider provider = provider(root);
        provider.openForWriting("test", false, 1).close();
        List<HealthCheck> checks = provider.health(0);
        assertThat(HealthCheck.healthy(checks)).as(checks.toString()).isTrue();
    }

    @Test
    void lockDataDirectory_keepsWritersOut_untilReleased() throws Exception {
        Path root = tmp.resolve("data");
        StorageProvider provider = provider(root);
        provider.openForWriting("test", false, 1).close();
        Files.writeString(root.resolve("tickets").resolve(".tmp-left"), "half");
        try (StorageProvider.HeldLock lock = provider.lockDataDirectory("with-lock tar",
                listener)) {
            assertThatThrownBy(() -> provider.openForWriting("triage", false, 1))
                    .isInstanceOf(TriageException.class)
                    .extracting(e -> ((TriageException) e).code()).isEqualTo(ErrorCode.LOCKED);
        }
        assertThat(reports).anyMatch(r -> r.contains(".tmp-left"));
        provider.openForWriting("triage", false, 1).close();
    }

    @Test
    void databaseWithoutAUrl_isNamedWhenDescribed() {
        StorageProvider provider = StorageProvider.of(new StoreSettings(StoreType.POSTGRES,
                tmp.resolve("unused"), Optional.empty(), Optional.empty()), Map.of(),
                Duration.ZERO, CLOCK);
        assertThat(provider.database()).isTrue();
        assertThatThrownBy(provider::describe).isInstanceOf(TriageException.class)
                .hasMessageContaining("store_type postgres needs a database");
    }
}
