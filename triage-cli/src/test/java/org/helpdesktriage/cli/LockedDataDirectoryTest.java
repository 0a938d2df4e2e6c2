package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesktriage.cli.OpsFixtures.cli;
import static org.helpdesktriage.cli.OpsFixtures.ticket;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.helpdesktriage.store.file.FileStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real second process holds the data directory lock while the CLI tries to write. */
class LockedDataDirectoryTest {

    @TempDir
    Path root;

    Process holder;

    @AfterEach
    void stopHolder() throws InterruptedException {
        if (holder != null) {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void delete_whileAnotherProcessHoldsTheLock_exitsFiveNamingItThenWaitSucceeds()
            throws Exception {
        new FileStore(root).save(ticket("X"));
        holder = LockHolderMain.start(root);

        CliRun refused = cli("tickets", "delete", "X", "--data-dir", root.toString());

        assertThat(refused.exitCode()).isEqualTo(5);
        assertThat(refused.err()).startsWith("error: data directory ")
                .contains("is locked by pid " + holder.pid(), "test-holder", "--wait");
        assertThat(new FileStore(root).get("X")).isPresent();

        // the holder dies while the next delete waits for the lock
        CompletableFuture<Void> kill = CompletableFuture.runAsync(holder::destroy,
                CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));
        CliRun waited = cli("tickets", "delete", "X", "--wait", "5", "--data-dir",
                root.toString());
        kill.get();

        assertThat(waited.exitCode()).as(waited.err()).isZero();
        assertThat(holder.isAlive()).isFalse();
        assertThat(waited.err()).contains("took over a stale lock left by pid " + holder.pid());
        assertThat(new FileStore(root).get("X")).isEmpty();
    }

    @Test
    void health_whileAnotherProcessHoldsTheLock_namesTheHolderAndStaysHealthy()
            throws Exception {
        new FileStore(root).save(ticket("X"));
        holder = LockHolderMain.start(root);
        CliRun run = cli("health", "--min-free-mb", "0", "--data-dir", root.toString());
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("held by pid " + holder.pid());
    }
}
