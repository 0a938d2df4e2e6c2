package org.helpdesktriage.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.helpdesktriage.store.file.DataDirectory;

/**
 * A second writer in a child JVM: opens the data directory for writing, says "LOCKED pid" and
 * waits to be destroyed, so that lock tests involve a real other process.
 */
public final class LockHolderMain {

    private LockHolderMain() {
    }

    /** Holds the lock of the data directory {@code args[0]} until killed. */
    public static void main(String[] args) throws Exception {
        DataDirectory data = DataDirectory.openForWriting(Path.of(args[0]), "test-holder",
                Duration.ZERO, Clock.systemUTC());
        System.out.println("LOCKED " + data.lock().orElseThrow().holder().pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Starts the holder in a child JVM and returns once it holds the lock. */
    static Process start(Path root) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xshare:auto", "-cp",
                System.getProperty("java.class.path"), LockHolderMain.class.getName(),
                root.toString())).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8)).readLine();
        if (line == null || !line.startsWith("LOCKED ")) {
            p.destroyForcibly();
            throw new IllegalStateException("the lock holder ended before it held the lock: "
                    + line);
        }
        return p;
    }
}
