package org.helpdesktriage.store.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.helpdesktriage.core.store.StoreScan;
import org.helpdesktriage.store.ChildProcesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreCrashTest {

    @TempDir
    Path root;

    @Test
    void killDuringSaves_leavesOnlyWholeTicketFiles() throws Exception {
        Process saver = ChildProcesses.start("save", root);
        Thread.sleep(300); // let it be in the middle of many writes
        saver.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
        assertThat(saver.waitFor(10, TimeUnit.SECONDS)).isTrue();

        FileStore store = new FileStore(root);
        StoreScan scan = store.scan();
        assertThat(scan.corrupt()).isEmpty();
        assertThat(scan.tickets()).hasSize(20);
        assertThat(scan.tickets()).allSatisfy(
                t -> assertThat(t.description()).startsWith("x".repeat(200_000)));
        store.removeStrayTempFiles();
        assertThat(store.strayTempFiles()).isEmpty();
    }
}
