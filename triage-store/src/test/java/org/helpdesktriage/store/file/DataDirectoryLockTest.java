package org.helpdesktriage.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.store.ChildProcesses;
import org.helpdesktriage.store.file.DataDirectoryLock.LockState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryLockTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    @Test
    void secondProcess_isRefusedNamingTheHolder_andTakesOverAfterTheHolderIsKilled()
            throws Exception {
        Process holder = ChildProcesses.start("hold", root);
        try {
            assertThat(DataDirectoryLock.inspect(root).kind()).isEqualTo(LockState.Kind.HELD);
            assertThatThrownBy(() -> DataDirectoryLock.acquire(root, "run", Duration.ZERO, CLOCK))
                    .isInstanceOf(TriageException.class)
                    .hasMessageContaining("data directory " + root + " is locked by pid "
                            + holder.pid() + " on host ")
                    .hasMessageContaining("(command test-holder)")
                    .extracting(e -> ((TriageException) e).code()).isEqualTo(ErrorCode.LOCKED);
            assertThatThrownBy(() -> DataDirectoryLock.acquire(root, "run",
                    Duration.ofMillis(300), CLOCK)).hasMessageContaining("waited");
        } finally {
            holder.destroyForcibly();
            assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        LockState stale = DataDirectoryLock.inspect(root);
        assertThat(stale.kind()).isEqualTo(LockState.Kind.STALE);
        assertThat(stale.toString()).contains("pid " + holder.pid());

        try (DataDirectoryLock lock = DataDirectoryLock.acquire(root, "run", Duration.ZERO,
                CLOCK)) {
            assertThat(lock.tookOverFrom()).hasValueSatisfying(
                    h -> assertThat(h.pid()).isEqualTo(holder.pid()));
            assertThat(lock.holder().pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(lock.holder().since()).isEqualTo(CLOCK.instant());
        }
        assertThat(DataDirectoryLock.inspect(root).kind()).isEqualTo(LockState.Kind.FREE);
    }

    @Test
    void waitingWriter_getsTheLockWhenTheHolderLetsGo() throws Exception {
        DataDirectoryLock first = DataDirectoryLock.acquire(root, "run", Duration.ZERO, CLOCK);
        assertThatThrownBy(() -> DataDirectoryLock.acquire(root, "run", Duration.ZERO, CLOCK))
                .hasMessageContaining("pid " + ProcessHandle.current().pid());
        CompletableFuture<DataDirectoryLock> second = CompletableFuture.supplyAsync(
                () -> DataDirectoryLock.acquire(root, "run", Duration.ofSeconds(20), CLOCK));
        Thread.sleep(200); // let the second writer start waiting
        assertThat(second).isNotDone();
        first.close();
        try (DataDirectoryLock lock = second.get(20, TimeUnit.SECONDS)) {
            assertThat(lock.isHeld()).isTrue();
            assertThat(lock.tookOverFrom()).isEmpty();
        }
    }

    @Test
    void refusedAttemptsAndInspection_inTheHoldingProcess_doNotReleaseTheLock() throws Exception {
        try (DataDirectoryLock held = DataDirectoryLock.acquire(root, "run", Duration.ZERO,
                CLOCK)) {
            assertThatThrownBy(() -> DataDirectoryLock.acquire(root, "run", Duration.ZERO, CLOCK))
                    .hasMessageContaining("is locked by");
            assertThat(DataDirectoryLock.inspect(root).kind()).isEqualTo(LockState.Kind.HELD);
            // closing a second descriptor of the file must not have dropped the OS lock
            Process rival = null;
            try {
                rival = ChildProcesses.start("hold", root);
            } catch (IllegalStateException expected) {
                assertThat(expected).hasMessageContaining("ended before it was ready");
            } finally {
                if (rival != null) {
                    rival.destroyForcibly();
                }
            }
            assertThat(rival).as("a second process got the lock").isNull();
            assertThat(held.isHeld()).isTrue();
        }
    }
}
